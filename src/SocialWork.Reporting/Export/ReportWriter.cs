using System.Globalization;
using System.Text.Json;

namespace SocialWork.Reporting;

/// <summary>Writes reports as JSON (the report format) or CSV (with labels in the chosen language).</summary>
public static class ReportWriter
{
    private static readonly ReportJsonContext Readable = new(SocialWork.Json.SocialWorkJson.CreateReadableOptions(
        new SocialWork.Json.DivisionCodeJsonConverter(),
        new SocialWork.Json.PeriodJsonConverter(),
        new SocialWork.Json.MoneyJsonConverter(),
        new SocialWork.Json.CamelCaseEnumConverter<DivisionLevel>(),
        new SocialWork.Json.CamelCaseEnumConverter<PeriodKind>(),
        new SocialWork.Json.CamelCaseEnumConverter<CubeDimension>()));

    /// <summary>
    /// Writes the JSON report to a stream as it goes — rows are written and flushed in blocks, never built up as one text —
    /// so a report of millions of rows takes the stream's speed and little memory beyond the document.
    /// </summary>
    /// <param name="document">The report.</param>
    /// <param name="utf8Output">The stream.</param>
    public static void WriteJson(ReportDocument document, Stream utf8Output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(utf8Output);
        WriteJsonAsync(document, utf8Output).GetAwaiter().GetResult();
    }

    /// <summary>Writes the JSON report to a stream as it goes (see <see cref="WriteJson(ReportDocument, Stream)"/>).</summary>
    /// <param name="document">The report.</param>
    /// <param name="utf8Output">The stream.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>A task that completes when the report is written and flushed.</returns>
    public static async Task WriteJsonAsync(ReportDocument document, Stream utf8Output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(utf8Output);
        await JsonSerializer.SerializeAsync(utf8Output, document, Readable.ReportDocument, cancellationToken).ConfigureAwait(false);
        await utf8Output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a JSON report written by <see cref="ToJson"/> or <see cref="WriteJson"/> back.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="JsonException">The JSON is malformed or not a report; the message starts with the JSON path.</exception>
    public static ReportDocument ParseJson(string json) => SocialWork.Json.SocialWorkJson.Deserialize(json, Readable.ReportDocument);

    /// <summary>Returns the JSON report as text.</summary>
    /// <param name="document">The report.</param>
    /// <returns>The JSON.</returns>
    public static string ToJson(ReportDocument document) => JsonSerializer.Serialize(document, Readable.ReportDocument);

    /// <summary>
    /// Writes the report as CSV: <c>division,name,period,key,key_label,records,person_times,households,amount,visits,files,
    /// casework,groups,activities,trainings,others</c>, and <c>people,records_without_person</c> when the report counts
    /// people (as its JSON does), one row per cell in report order; names and key labels in the labels' language. With
    /// <see cref="ReportCsvHeaders.Labels"/> (a file for people) the text starts with a byte-order mark, so a spreadsheet
    /// program opens the Chinese labels as UTF-8; with ids (a file for programs) it does not.
    /// </summary>
    /// <param name="document">The report.</param>
    /// <param name="writer">The text writer.</param>
    /// <param name="labels">The labels.</param>
    /// <param name="headers">The header row: the column ids of the contract (the default, for programs) or the columns' labels in the labels' language (for people).</param>
    public static void WriteCsv(ReportDocument document, TextWriter writer, ReportLabels labels, ReportCsvHeaders headers = ReportCsvHeaders.Ids)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(labels);
        var people = document.Total.People is not null;
        var columns = people ? CsvColumns.Concat(["people", "recordsWithoutPerson"]).ToArray() : CsvColumns;
        if (headers == ReportCsvHeaders.Labels)
        {
            writer.Write('\uFEFF');
        }
        writer.Write(headers == ReportCsvHeaders.Labels
            ? string.Join(',', columns.Select(c => CsvText.Field(labels.Column(c)))) + "\n"
            : "division,name,period,key,key_label,records,person_times,households,amount,visits,files,casework,groups,activities,trainings,others" + (people ? ",people,records_without_person\n" : "\n"));
        // Field by field into one buffer: a report of millions of rows makes no string per value.
        Span<char> buffer = stackalloc char[48];
        foreach (var row in document.Rows)
        {
            row.Division.TryFormat(buffer, out var n);
            writer.Write(buffer[..n]);
            writer.Write(',');
            writer.Write(CsvText.Field(row.Name ?? labels.DivisionName(row.Division)));
            writer.Write(',');
            row.Period.TryFormat(buffer, out n, default, CultureInfo.InvariantCulture);
            writer.Write(buffer[..n]);
            writer.Write(',');
            writer.Write(CsvText.Field(row.Key));
            writer.Write(',');
            writer.Write(CsvText.Field(labels.Key(row.Key, document.By)));
            Number(writer, buffer, row.Records);
            Number(writer, buffer, row.PersonTimes);
            Number(writer, buffer, row.Households);
            writer.Write(',');
            if (row.Amount is { } amount && amount.TryFormat(buffer, out n, default, CultureInfo.InvariantCulture))
            {
                writer.Write(buffer[..n]);
            }
            else
            {
                writer.Write(Suppressed);
            }
            Number(writer, buffer, row.Visits);
            Number(writer, buffer, row.Files);
            Number(writer, buffer, row.Casework);
            Number(writer, buffer, row.Groups);
            Number(writer, buffer, row.Activities);
            Number(writer, buffer, row.Trainings);
            Number(writer, buffer, row.Others);
            if (people)
            {
                Number(writer, buffer, row.Suppressed ? null : row.People);
                Number(writer, buffer, row.Suppressed ? null : row.RecordsWithoutPerson);
            }
            writer.Write('\n');
        }
        foreach (var footnote in document.Footnotes(labels.Culture.TwoLetterISOLanguageName == "zh"))
        {
            writer.Write(CsvText.Field(footnote));
            writer.Write('\n');
        }
    }

    /// <summary>Writes a comma and a count (<see cref="Suppressed"/> for none).</summary>
    private static void Number(TextWriter writer, Span<char> buffer, long? value)
    {
        writer.Write(',');
        if (value is { } v && v.TryFormat(buffer, out var n, default, CultureInfo.InvariantCulture))
        {
            writer.Write(buffer[..n]);
        }
        else
        {
            writer.Write(Suppressed);
        }
    }

    /// <summary>The report's columns by the ids <see cref="ReportLabels.Column"/> knows, in CSV order.</summary>
    private static readonly string[] CsvColumns = ["division", "name", "period", "key", "keyLabel", "records", "personTimes", "households", "amount", "visits", "files", "casework", "groups", "activities", "trainings", "others"];

    /// <summary>The text a suppressed value is written as in CSV and tables (never 0).</summary>
    public const string Suppressed = "*";

    /// <summary>Gets the indicator values of a row as invariant text, in column order; <see cref="Suppressed"/> for each value of a suppressed row.</summary>
    /// <param name="i">The indicators.</param>
    /// <returns>records, personTimes, households, amount, visits, files, casework, groups, activities, trainings, others.</returns>
    public static IReadOnlyList<string> Values(ReportIndicators i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return [.. new[] { i.Records, i.PersonTimes, i.Households }.Select(Text),
            i.Amount?.ToString() ?? Suppressed,
            .. new[] { i.Visits, i.Files, i.Casework, i.Groups, i.Activities, i.Trainings, i.Others }.Select(Text)];

        static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Suppressed;
    }

    /// <summary>
    /// Writes rejected rows as CSV: <c>file,line,column,reason,raw</c>, one row per rejected row in the order given. Text
    /// cells are neutralised against formula injection (see <see cref="CsvText"/>), so a raw row such as
    /// <c>=cmd|' /C calc'!A0</c> is written with a leading apostrophe.
    /// </summary>
    /// <param name="rejected">The rejected rows.</param>
    /// <param name="writer">The text writer.</param>
    /// <param name="culture">The language of the reasons: Chinese (<see cref="RejectedRow.ChineseReason"/>) for any zh culture, else English (the default).</param>
    public static void WriteRejectedCsv(IEnumerable<RejectedRow> rejected, TextWriter writer, CultureInfo? culture = null)
    {
        var chinese = culture?.TwoLetterISOLanguageName == "zh";
        ArgumentNullException.ThrowIfNull(rejected);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("file,line,column,reason,raw\n");
        foreach (var r in rejected)
        {
            writer.Write(string.Join(',', CsvText.Field(r.File), r.Line.ToString(CultureInfo.InvariantCulture), CsvText.Field(r.Column), CsvText.Field(chinese ? r.ChineseReason ?? r.Reason : r.Reason), CsvText.Field(r.Raw)));
            writer.Write('\n');
        }
    }
}
