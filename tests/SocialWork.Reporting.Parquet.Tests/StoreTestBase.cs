namespace SocialWork.Reporting.Parquet.Tests;

/// <summary>A temporary folder per test, removed afterwards.</summary>
public abstract class StoreTestBase : IDisposable
{
    protected StoreTestBase() => Directory.CreateDirectory(Dir);

    protected string Dir { get; } = Path.Combine(Path.GetTempPath(), "socialwork-parquet-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Every record of a batch as a tuple of its values, in batch order.</summary>
    protected static List<(LocalDate Date, DivisionCode Division, string Item, string Programme, byte Method, TargetGroup? Target, byte Parties, int PersonTimes, int Households, long Fen, PersonKey? Person)> Rows(RecordBatch batch)
    {
        var rows = new List<(LocalDate, DivisionCode, string, string, byte, TargetGroup?, byte, int, int, long, PersonKey?)>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            rows.Add((batch.DateAt(i), batch.Divisions[batch.DivisionIndices[i]], batch.Codes[batch.CodeIndices[i]].Value, batch.Programmes[batch.ProgrammeIndices[i]],
                batch.Methods[i], batch.TargetGroupAt(i), batch.Parties[i], batch.PersonTimes[i], batch.Households[i], batch.AmountFen[i], batch.PersonAt(i)));
        }
        return rows;
    }

    /// <summary>A cube's rows and total as comparable values.</summary>
    protected static (List<CubeRow> Rows, Indicators Total) Shape(Cube cube) => ([.. cube.Rows], cube.Total);
}
