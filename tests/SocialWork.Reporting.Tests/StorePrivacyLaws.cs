using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Reporting.Tests;

/// <summary>
/// No store is ever written with a resident ID number, in any column: numbers planted in every text field of CSV and JSON
/// uploads are rejected rows whose reason and text show them masked, and a scan of everything the store wrote finds none.
/// Run against each store by a subclass.
/// </summary>
public abstract class StorePrivacyLaws
{
    /// <summary>Makes a new, empty store.</summary>
    protected abstract IRecordStore NewStore();

    /// <summary>Everything the store has written, as text (file bytes, table rows).</summary>
    protected abstract string WrittenText(IRecordStore store);

    public static Arbitrary<(string Number, Func<string, string> Wrap, string Column, int Planted, bool Json)> Plantings() =>
        (from number in ResidentIdPlanting.Numbers
         from wrap in ResidentIdPlanting.Wrappers
         from column in Gen.Elements(ResidentIdPlanting.Columns)
         from planted in Gen.Choose(0, 4)
         from json in Gen.Elements(false, true)
         select (number, wrap, column, planted, json)).ToArbitrary();

    [Property(Arbitrary = [typeof(StorePrivacyLaws)], MaxTest = 30)]
    public bool A_planted_number_is_a_rejected_row_shown_masked_and_never_stored((string Number, Func<string, string> Wrap, string Column, int Planted, bool Json) p)
    {
        var store = NewStore();
        var text = p.Wrap(p.Number);
        var options = new RecordImportOptions { Mode = ImportMode.Lenient };
        var result = p.Json
            ? store.ImportJsonAsync(Encoding.UTF8.GetBytes(ResidentIdPlanting.Json(5, p.Planted, p.Column, text)), "upload.json", options).AsTask().GetAwaiter().GetResult()
            : store.ImportCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(ResidentIdPlanting.Csv(5, p.Planted, p.Column, text))), "upload.csv", options).AsTask().GetAwaiter().GetResult();
        var rejected = Assert.Single(result.Rejected);
        var shown = rejected.Reason + rejected.Raw + rejected.ChineseReason + rejected.ToString();
        var digits = p.Number[..17];
        var strict = Record.Exception(() => (p.Json
            ? store.ImportJsonAsync(Encoding.UTF8.GetBytes(ResidentIdPlanting.Json(5, p.Planted, p.Column, text).Replace("\"P", "\"Q", StringComparison.Ordinal)), "again.json").AsTask()
            : store.ImportCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(ResidentIdPlanting.Csv(5, p.Planted, p.Column, text).Replace("\nP", "\nQ", StringComparison.Ordinal))), "again.csv").AsTask()).GetAwaiter().GetResult());
        return result.Accepted == 4
               && !shown.Contains(digits, StringComparison.OrdinalIgnoreCase)
               && rejected.Reason.Contains("resident ID number", StringComparison.Ordinal)
               && strict is RecordImportException strictError && !strictError.Message.Contains(digits, StringComparison.Ordinal)
               && !WrittenText(store).Contains(digits, StringComparison.Ordinal)
               && store.CountAsync().AsTask().GetAwaiter().GetResult() == 4;
    }

    [Fact]
    public void A_batch_built_in_code_with_a_number_never_reaches_the_store()
    {
        var error = Assert.Throws<ArgumentException>(() => RecordBatch.From([new ServiceRecord("R11010519491231002X", new LocalDate(2023, 1, 5), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1)]));
        Assert.Contains("110105********002X", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RecordBatch.From([new ServiceRecord("R1", new LocalDate(2023, 1, 5), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, programmeId: "项目11010519491231002X")]));
    }
}
