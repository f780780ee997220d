using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Reporting.Tests;

/// <summary>
/// The law every record store keeps (design section 7), run against each store by a subclass: a query gives the cube
/// of every record appended, whatever the query and however the records were split into appends; reading back gives
/// every record with its id; ids stay unique across appends, so a repeated append or upload changes no total.
/// </summary>
public abstract class RecordStoreLaws
{
    /// <summary>Makes a new, empty store.</summary>
    protected abstract IRecordStore NewStore();

    private static T Run<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

    private static void Run(ValueTask task) => task.AsTask().GetAwaiter().GetResult();

    private static IRecordStore Fill(IRecordStore store, ServiceRecord[] records, int[] cuts)
    {
        var points = cuts.Select(c => Math.Abs(c % (records.Length + 1))).Append(0).Append(records.Length).Distinct().Order().ToArray();
        for (var i = 0; i + 1 < points.Length; i++)
        {
            Run(store.AppendAsync(RecordBatch.From(records[points[i]..points[i + 1]])));
        }
        return store;
    }

    private static bool SameCube(Cube stored, Cube direct) => stored.Rows.SequenceEqual(direct.Rows) && stored.Total == direct.Total;

    [Property(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 40)]
    public bool A_query_gives_the_cube_of_every_record_appended(ServiceRecord[] records, CubeQuery query, int[] cuts, PositiveInt from, PositiveInt days, bool dates, bool within)
    {
        var store = Fill(NewStore(), records, cuts);
        var start = new LocalDate(2023, 1, 1).PlusDays(from.Get % 800);
        var filtered = query with
        {
            From = dates ? start : null,
            To = dates ? start.PlusDays(days.Get % 300) : null,
            Within = within ? DivisionCode.FromSegments(13, 6, 1) : null,
        };
        var stored = Run(store.QueryAsync(filtered));
        var direct = Cube.Build(RecordBatch.From(records), filtered);
        return SameCube(stored, direct)
               && stored.TotalPeople == direct.TotalPeople
               && stored.Rows.All(r => stored.PeopleAt(r.Division, r.Period, r.Key) == direct.PeopleAt(r.Division, r.Period, r.Key));
    }

    [Property(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 30)]
    public bool A_scoped_query_equals_the_unscoped_query_over_the_records_inside_the_scope(ServiceRecord[] records, CubeQuery query, int[] cuts, int[] scopeCodes)
    {
        var store = Fill(NewStore(), records, cuts);
        // Scopes drawn from the records' own code space: counties, townships and villages of 13 06, and none at all.
        var scope = DivisionScope.Of(scopeCodes.Take(3).Select(c =>
        {
            var n = Math.Abs(c % 80);
            return DivisionCode.FromSegments(13, 6, 1 + n % 3, n / 3 % 5, n / 15 % 4 == 0 || n / 3 % 5 == 0 ? 0 : n / 15 % 4);
        }));
        var stored = Run(store.QueryAsync(query with { Scope = scope }));
        var inside = RecordBatch.From(records.Where(r => scope.Contains(r.Division)).ToArray());
        var direct = Cube.Build(inside, query);
        return SameCube(stored, direct)
               && stored.TotalPeople == direct.TotalPeople
               && stored.Rows.All(r => scope.Contains(r.Division) || query.Level < scope.Divisions.Max(d => d.Level));
    }

    [Property(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 25)]
    public bool Reading_back_gives_every_record_with_its_id(ServiceRecord[] records, int[] cuts)
    {
        var store = Fill(NewStore(), records, cuts);
        var back = new List<string>();
        foreach (var batch in store.ReadAsync().ToBlockingEnumerable())
        {
            back.AddRange(Describe(batch));
        }
        return back.Order(StringComparer.Ordinal).SequenceEqual(Describe(RecordBatch.From(records)).Order(StringComparer.Ordinal));
    }

    [Property(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 25)]
    public bool An_append_repeating_a_stored_id_stores_nothing_and_names_it(ServiceRecord[] records, PositiveInt pick)
    {
        if (records.Length == 0)
        {
            return true;
        }
        var store = Fill(NewStore(), records, []);
        var query = new CubeQuery(DivisionLevel.Province, PeriodKind.Year);
        var before = Run(store.QueryAsync(query)).Total;
        var repeated = records[pick.Get % records.Length];
        var fresh = records.Select((r, i) => Renamed(r, $"N{i}")).Append(repeated).ToArray();
        var error = Record.Exception(() => Run(store.AppendAsync(RecordBatch.From(fresh))));
        var found = Run(store.FindStoredIdsAsync([.. fresh.Select(r => r.Id)]));
        return error is RecordAlreadyStoredException { Id: var id } && id == repeated.Id
               && Run(store.QueryAsync(query)).Total == before
               && found.SetEquals([repeated.Id]);
    }

    [Fact]
    public async Task Posting_the_same_file_twice_leaves_every_total_unchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        var csv = Encoding.UTF8.GetBytes("""
            id,date,division,item,method,person_times,households,amount
            A1,2023-03-01,130602005014,EL.01,visit,3,1,12.50
            A2,2023-03-02,130602005014,EL.01,group,20,0,0
            A3,2023-04-09,130602006001,CH.01,activity,45,0,300.00

            """.ReplaceLineEndings("\n"));
        var query = new CubeQuery(DivisionLevel.Township, PeriodKind.Quarter);

        var first = await store.ImportCsvAsync(new MemoryStream(csv), "a.csv", cancellationToken: ct);
        Assert.Equal((3, 3, 0), (first.Read, first.Accepted, first.Rejected.Count));
        var totals = await store.QueryAsync(query, ct);
        Assert.Equal(68, totals.Total.PersonTimes);

        var strict = await Assert.ThrowsAsync<RecordImportException>(async () => await store.ImportCsvAsync(new MemoryStream(csv), "a.csv", cancellationToken: ct));
        Assert.Equal((2, "id", "id A1 is already stored", true), (strict.Row.Line, strict.Row.Column, strict.Row.Reason, strict.Row.AlreadyStored));

        var lenient = await store.ImportCsvAsync(new MemoryStream(csv), "a.csv", new RecordImportOptions { Mode = ImportMode.Lenient }, ct);
        Assert.Equal((3, 0), (lenient.Read, lenient.Accepted));
        Assert.Equal([2, 3, 4], lenient.Rejected.Select(r => r.Line));
        Assert.All(lenient.Rejected, r => Assert.EndsWith("is already stored", r.Reason, StringComparison.Ordinal));

        var again = await store.QueryAsync(query, ct);
        Assert.Equal([.. totals.Rows], [.. again.Rows]);
        Assert.Equal(totals.Total, again.Total);
    }

    [Fact]
    public async Task A_lenient_upload_stores_the_new_rows_and_lists_the_stored_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        const string Header = "id,date,division,item,method,person_times,households,amount\n";
        await store.ImportCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(Header + "B1,2023-05-01,130602005014,EL.01,visit,2,1,0\n")), "b.csv", cancellationToken: ct);

        var result = await store.ImportJsonAsync(Encoding.UTF8.GetBytes("""
            [{"id":"B1","date":"2023-05-01","division":"130602005014","item":"EL.01","method":"visit","personTimes":2,"households":1,"amount":"0"},
             {"id":"B2","date":"2023-05-02","division":"130602005014","item":"EL.01","method":"visit","personTimes":5,"households":1,"amount":"0"}]
            """), "b.json", new RecordImportOptions { Mode = ImportMode.Lenient }, ct);

        Assert.Equal((2, 1), (result.Read, result.Accepted));
        Assert.Equal("id B1 is already stored", Assert.Single(result.Rejected).Reason);
        Assert.Equal(7, (await store.QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Year), ct)).Total.PersonTimes);
    }

    [Fact]
    public async Task A_batch_without_ids_or_with_an_id_twice_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        var builder = new RecordBatchBuilder();
        builder.Append(DivisionCode.Parse("130602005014"), new LocalDate(2023, 1, 1), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.AppendAsync(builder.Build(), ct));

        var twice = RecordBatch.From([Renamed(Sample, "D1"), Renamed(Sample, "D1")]);
        var error = await Assert.ThrowsAsync<RecordAlreadyStoredException>(async () => await store.AppendAsync(twice, ct));
        Assert.Equal("D1", error.Id);
        Assert.Equal(0, (await store.QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Year), ct)).Total.Records);
    }

    private static readonly ServiceRecord Sample = new("S", new LocalDate(2023, 1, 1), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1);

    private static ServiceRecord Renamed(ServiceRecord r, string id)
        => new(id, r.Date, r.Division, r.Code, r.Method, r.PersonTimes, r.Households, r.Amount, r.FacilityId, r.Parties, r.TargetGroup, r.ProgrammeId, r.Person);

    /// <summary>Every record of a batch as one line of its values, id first, the person key last.</summary>
    private static IEnumerable<string> Describe(RecordBatch batch)
        => Enumerable.Range(0, batch.Count).Select(i => string.Join('|',
            batch.IdAt(i), batch.DateAt(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), batch.Divisions[batch.DivisionIndices[i]], batch.Codes[batch.CodeIndices[i]].Value,
            batch.Programmes[batch.ProgrammeIndices[i]], batch.Methods[i], batch.TargetGroupAt(i), batch.Parties[i], batch.PersonTimes[i], batch.Households[i], batch.AmountFen[i], batch.PersonAt(i)?.Value));
}
