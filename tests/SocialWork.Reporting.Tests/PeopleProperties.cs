using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Reporting.Tests;

/// <summary>People (人) are distinct keys, exact at every level and after any split and merge — never sums.</summary>
[Properties(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 150)]
public sealed class PeopleProperties
{
    /// <summary>The people of each cell straight from the records: the distinct keys of the records that fall in it.</summary>
    private static Dictionary<(DivisionCode, ReportingPeriod, string), PeopleCount> Direct(ServiceRecord[] records, CubeQuery query)
        => records
            .Where(r => (query.From is not { } from || r.Date >= from) && (query.To is not { } to || r.Date <= to) && (query.Within is not { } within || within.Contains(r.Division)))
            .SelectMany(r => KeysOf(r, query).Select(key => (Record: r, Key: key)))
            .GroupBy(e => (e.Record.Division.Level > query.Level ? e.Record.Division.AncestorAt(query.Level) : e.Record.Division, ReportingPeriod.Containing(e.Record.Date, query.PeriodKind), e.Key), e => e.Record)
            .ToDictionary(g => g.Key, g => new PeopleCount(g.Where(r => r.Person is not null).Select(r => r.Person!.Value).Distinct().LongCount(), g.LongCount(r => r.Person is null)));

    /// <summary>The keys a record counts under: one, or by party one per party it names (the empty key when none).</summary>
    private static IEnumerable<string> KeysOf(ServiceRecord r, CubeQuery query) => query.Dimension != CubeDimension.Party
        ? [query.KeyOf(r.Code, r.Method, r.TargetGroup, r.ProgrammeId)]
        : r.Parties == LinkageParties.None ? [string.Empty] : Enum.GetValues<LinkageParties>().Where(p => p != LinkageParties.None && r.Parties.HasFlag(p)).Select(p => p.ToCodes());

    private static bool Matches(Cube cube, ServiceRecord[] records, CubeQuery query)
    {
        var direct = Direct(records, query);
        return cube.KnowsPeople
               && cube.Rows.Count() == direct.Count
               && cube.Rows.All(r => cube.PeopleAt(r.Division, r.Period, r.Key) == direct[(r.Division, r.Period, r.Key)])
               && cube.TotalPeople.People == records.Where(r => direct.Count > 0 && r.Person is not null && InQuery(r, query)).Select(r => r.Person!.Value).Distinct().LongCount();
    }

    private static bool InQuery(ServiceRecord r, CubeQuery query)
        => (query.From is not { } from || r.Date >= from) && (query.To is not { } to || r.Date <= to) && (query.Within is not { } within || within.Contains(r.Division));

    [Property]
    public bool People_of_a_cell_are_the_distinct_keys_of_its_records(ServiceRecord[] records, CubeQuery query, bool within)
    {
        var q = query with { Within = within ? DivisionCode.FromSegments(13, 6, 1) : null, From = new LocalDate(2023, 3, 1) };
        return Matches(Cube.Build(RecordBatch.From(records), q), records, q);
    }

    [Property]
    public bool Rolling_up_recounts_people_at_the_new_level(ServiceRecord[] records, CubeQuery query)
    {
        var villages = Cube.Build(RecordBatch.From(records), query with { Level = DivisionLevel.Village });
        return Matches(villages.RollUp(query.Level), records, query with { Level = query.Level });
    }

    [Property]
    public bool Merging_cubes_of_any_split_unites_their_people(ServiceRecord[] records, CubeQuery query, int[] cuts)
    {
        var points = cuts.Select(c => Math.Abs(c % (records.Length + 1))).Append(0).Append(records.Length).Distinct().Order().ToArray();
        var merged = Enumerable.Range(0, points.Length - 1).Select(i => Cube.Build(RecordBatch.From(records[points[i]..points[i + 1]]), query)).Aggregate(Cube.Build(RecordBatch.Empty, query), Cube.Merge);
        return Matches(merged, records, query);
    }

    [Property]
    public bool Merging_all_parts_in_one_step_equals_merging_two_at_a_time(ServiceRecord[] records, CubeQuery query, int[] cuts)
    {
        var points = cuts.Select(c => Math.Abs(c % (records.Length + 1))).Append(0).Append(records.Length).Distinct().Order().ToArray();
        var parts = Enumerable.Range(0, points.Length - 1).Select(i => Cube.Build(RecordBatch.From(records[points[i]..points[i + 1]]), query)).Prepend(Cube.Build(RecordBatch.Empty, query)).ToList();
        var atOnce = Cube.Merge(parts);
        var pairwise = parts.Aggregate(Cube.Merge);
        return Matches(atOnce, records, query)
               && atOnce.Rows.SequenceEqual(pairwise.Rows) && atOnce.Total == pairwise.Total && atOnce.TotalPeople == pairwise.TotalPeople;
    }

    /// <summary>An accumulated cube equals the cube built over all the records, rolled up too.</summary>
    private static bool GivesTheBuiltCube(Cube accumulated, ServiceRecord[] records, CubeQuery query)
    {
        var built = Cube.Build(RecordBatch.From(records), query);
        return Matches(accumulated, records, query)
               && accumulated.Rows.SequenceEqual(built.Rows) && accumulated.Total == built.Total && accumulated.TotalPeople == built.TotalPeople
               && accumulated.RollUp(DivisionLevel.Province) is var up && built.RollUp(DivisionLevel.Province) is var builtUp
               && up.Rows.All(r => up.PeopleAt(r.Division, r.Period, r.Key) == builtUp.PeopleAt(r.Division, r.Period, r.Key));
    }

    [Property]
    public bool An_accumulator_fed_any_split_in_any_order_gives_the_cube_of_all_the_records(ServiceRecord[] records, CubeQuery query, int[] cuts, bool reversed)
    {
        var points = cuts.Select(c => Math.Abs(c % (records.Length + 1))).Append(0).Append(records.Length).Distinct().Order().ToArray();
        var parts = Enumerable.Range(0, points.Length - 1).Select(i => RecordBatch.From(records[points[i]..points[i + 1]])).ToList();
        var accumulator = new CubeAccumulator(query);
        foreach (var part in reversed ? Enumerable.Reverse(parts) : parts)
        {
            accumulator.Add(part);
        }
        return GivesTheBuiltCube(accumulator.ToCube(), records, query);
    }

    /// <summary>The same records as a batch whose people are numbered in <paramref name="table"/>, made from columns given in reverse order when asked.</summary>
    private static RecordBatch NumberedIn(PersonKeyTable table, RecordBatch batch, bool reversed) => RecordBatch.FromColumns(ColumnsOf(batch, table, reversed));

    private static RecordColumns ColumnsOf(RecordBatch batch, PersonKeyTable table, bool reversed, int[]? personIndices = null)
    {
        int[] order = [.. reversed ? Enumerable.Range(0, batch.Count).Reverse() : Enumerable.Range(0, batch.Count)];
        return new RecordColumns
        {
            Divisions = batch.Divisions,
            Codes = batch.Codes,
            Programmes = batch.Programmes,
            DivisionIndices = [.. order.Select(i => batch.Cells.Division[i])],
            DayNumbers = [.. order.Select(i => batch.Cells.Day[i])],
            CodeIndices = [.. order.Select(i => batch.Cells.Code[i])],
            ProgrammeIndices = [.. order.Select(i => batch.Cells.Programme[i])],
            Methods = [.. order.Select(i => batch.Cells.Method[i])],
            TargetGroups = [.. order.Select(i => batch.Cells.TargetGroup[i])],
            Parties = [.. order.Select(i => batch.PartiesColumn[i])],
            PersonTimes = [.. order.Select(i => batch.PersonTimesColumn[i])],
            Households = [.. order.Select(i => batch.HouseholdsColumn[i])],
            AmountFen = [.. order.Select(i => batch.FenColumn[i])],
            People = table,
            PersonIndices = personIndices ?? [.. order.Select(i => batch.PersonAt(i) is { } key ? table.Add(key) + 1 : 0)],
        };
    }

    [Fact]
    public void A_batch_numbered_beyond_its_table_is_refused()
    {
        var table = new PersonKeyTable();
        table.Add(ReportingArbitraries.PersonPool[0]);
        var batch = RecordBatch.From([new ServiceRecord("A", new LocalDate(2023, 1, 1), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1)]);
        var columns = ColumnsOf(batch, table, reversed: false, personIndices: [2]);
        Assert.Contains("person index 2", Assert.Throws<ArgumentException>(() => RecordBatch.FromColumns(columns)).Message, StringComparison.Ordinal);
    }

    [Property]
    public bool An_accumulator_fed_batches_numbered_in_its_own_table_gives_the_cube_of_all_the_records(ServiceRecord[] records, CubeQuery query, int[] cuts, bool reversed)
    {
        var points = cuts.Select(c => Math.Abs(c % (records.Length + 1))).Append(0).Append(records.Length).Distinct().Order().ToArray();
        var accumulator = new CubeAccumulator(query);
        for (var i = 0; i + 1 < points.Length; i++)
        {
            // Every other batch brings its own list of people; the rest are numbered in the accumulator's table.
            var part = RecordBatch.From(records[points[i]..points[i + 1]]);
            accumulator.Add(i % 2 == 0 ? NumberedIn(accumulator.People, part, reversed) : part);
        }
        return GivesTheBuiltCube(accumulator.ToCube(), records, query);
    }

    [Property]
    public bool A_batch_numbered_in_a_table_shows_the_same_people_as_one_with_its_own_list(ServiceRecord[] records, bool reversed)
    {
        var own = RecordBatch.From(records);
        var numbered = NumberedIn(new PersonKeyTable(), own, reversed);
        return numbered.HasPeople == own.HasPeople
               && Enumerable.Range(0, own.Count).Select(i => (numbered.DateAt(i), numbered.PersonAt(i)?.Value)).Order()
                   .SequenceEqual(Enumerable.Range(0, own.Count).Select(i => (own.DateAt(i), own.PersonAt(i)?.Value)).Order())
               && numbered.People.Order().SequenceEqual(own.People.Order())
               && Cube.Build(numbered, new CubeQuery(DivisionLevel.Township, PeriodKind.Month)).TotalPeople == Cube.Build(own, new CubeQuery(DivisionLevel.Township, PeriodKind.Month)).TotalPeople;
    }

    [Fact]
    public void An_accumulator_fed_from_several_threads_gives_the_cube_of_all_the_records()
    {
        var records = Enumerable.Range(0, 20_000).Select(i => new ServiceRecord(
            $"R{i}", new LocalDate(2023, 1, 1).PlusDays(i % 700), DivisionCode.FromSegments(13, 6, 2, 1 + (i % 9), 1 + (i % 13)), ServiceCode.Parse(i % 3 == 0 ? "EL.01" : "CH.02"),
            ServiceMethod.Visit, 1 + (i % 4), 0, person: i % 5 == 0 ? null : ReportingArbitraries.PersonPool[i % ReportingArbitraries.PersonPool.Length])).ToArray();
        var query = new CubeQuery(DivisionLevel.Township, PeriodKind.Quarter);
        var accumulator = new CubeAccumulator(query);
        Parallel.For(0, 40, i => accumulator.Add(RecordBatch.From(records[(i * 500)..((i + 1) * 500)])));

        var accumulated = accumulator.ToCube();
        var built = Cube.Build(RecordBatch.From(records), query);
        Assert.Equal(built.Rows, accumulated.Rows);
        Assert.Equal(built.TotalPeople, accumulated.TotalPeople);
        Assert.All(built.Rows, r => Assert.Equal(built.PeopleAt(r.Division, r.Period, r.Key), accumulated.PeopleAt(r.Division, r.Period, r.Key)));
        Assert.Throws<InvalidOperationException>(accumulator.ToCube);
        Assert.Throws<InvalidOperationException>(() => accumulator.Add(RecordBatch.Empty));
    }

    /// <summary>
    /// A cube lists its people's cells in the narrowest integers that number them (a byte up to 256 cells, two bytes up to
    /// 65,536, else four): merges, accumulations and roll-ups count the same on each side of those sizes.
    /// </summary>
    [Theory]
    [InlineData(20)]      // 240 cells
    [InlineData(100)]     // 1,200 cells
    [InlineData(6_000)]   // 72,000 cells
    public void People_are_exact_whatever_number_of_cells_the_cube_has(int villages)
    {
        var random = new Random(villages);
        var pool = ReportingArbitraries.PersonPool;
        var records = Enumerable.Range(0, villages * 3).Select(i => new ServiceRecord(
            $"R{i}", new LocalDate(2023, 1 + (i < villages ? 0 : random.Next(12)), 1 + random.Next(28)), DivisionCode.FromSegments(13, 6, 2, 1 + (i % villages / 100), 1 + (i % villages % 100)),
            ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, person: random.Next(6) == 0 ? null : pool[random.Next(pool.Length)])).ToArray();
        var query = new CubeQuery(DivisionLevel.Village, PeriodKind.Month, CubeDimension.Domain);
        var thirds = new[] { records[..villages], records[villages..(2 * villages)], records[(2 * villages)..] };

        var merged = Cube.Merge(thirds.Select(part => Cube.Build(RecordBatch.From(part), query)));
        var accumulator = new CubeAccumulator(query);
        for (var i = 0; i < thirds.Length; i++)
        {
            accumulator.Add(i == 1 ? RecordBatch.From(thirds[i]) : NumberedIn(accumulator.People, RecordBatch.From(thirds[i]), reversed: i == 2));
        }
        var accumulated = accumulator.ToCube();

        Assert.Equal(villages * 12, merged.Divisions.Count * merged.Periods.Count);
        Assert.True(Matches(merged, records, query));
        Assert.True(Matches(accumulated, records, query));
        Assert.True(Matches(merged.RollUp(DivisionLevel.Township), records, query with { Level = DivisionLevel.Township }));
        Assert.True(Matches(accumulated.RollUp(DivisionLevel.County), records, query with { Level = DivisionLevel.County }));
    }

    [Fact]
    public void An_accumulator_given_nothing_gives_the_empty_cube()
    {
        var cube = new CubeAccumulator(new CubeQuery(DivisionLevel.County, PeriodKind.Year)).ToCube();
        Assert.Empty(cube.Rows);
        Assert.Equal(new PeopleCount(0, 0), cube.TotalPeople);
    }

    [Fact]
    public void Merging_no_cubes_is_refused()
        => Assert.Contains("at least one cube", Assert.Throws<ArgumentException>(() => Cube.Merge([])).Message, StringComparison.Ordinal);

    [Property]
    public bool A_parent_has_no_more_people_than_its_children_together_and_no_fewer_than_the_largest(ServiceRecord[] records, PeriodKind kind)
    {
        var townships = Cube.Build(RecordBatch.From(records), new CubeQuery(DivisionLevel.Township, kind));
        var counties = townships.RollUp(DivisionLevel.County);
        return counties.Rows.All(parent =>
        {
            var children = townships.Rows
                .Where(c => c.Period == parent.Period && c.Key == parent.Key && (c.Division.Level > DivisionLevel.County ? c.Division.AncestorAt(DivisionLevel.County) : c.Division) == parent.Division)
                .Select(c => townships.PeopleAt(c.Division, c.Period, c.Key).People)
                .ToList();
            var people = counties.PeopleAt(parent.Division, parent.Period, parent.Key).People;
            return people <= children.Sum() && people >= (children.Count == 0 ? 0 : children.Max());
        });
    }

    [Property]
    public bool A_cube_from_rows_and_their_people_is_the_built_cube_and_rolls_up_the_same(ServiceRecord[] records, CubeQuery query)
    {
        var villages = query with { Level = DivisionLevel.Village };
        var built = Cube.Build(RecordBatch.From(records), villages);
        var people = records
            .SelectMany(r => KeysOf(r, villages).Select(key => (Record: r, Key: key)))
            .GroupBy(e => (e.Record.Division, ReportingPeriod.Containing(e.Record.Date, villages.PeriodKind), e.Key), e => e.Record)
            .Select(g => new CubePeopleRow(g.Key.Division, g.Key.Item2, g.Key.Key, [.. g.Where(r => r.Person is not null).Select(r => r.Person!.Value)], g.LongCount(r => r.Person is null)));
        var party = villages.Dimension == CubeDimension.Party;
        var made = Cube.FromRowsAndPeople(villages, built.Rows, people, party ? built.Total : null, party ? built.TotalPeople.RecordsWithoutPerson : null);
        return Matches(made, records, villages) && Matches(made.RollUp(query.Level), records, query);
    }

    [Fact]
    public void People_are_exact_in_a_batch_large_enough_to_sort_on_every_core()
    {
        var secret = "socialwork-test-secret-32-bytes!"u8.ToArray();
        var keys = Enumerable.Range(0, 20_000).Select(i =>
        {
            var first17 = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"1306021980{1 + (i / 1000 % 12):D2}{1 + (i / 12_000):D2}{i % 1000:D3}");
            return PersonKey.Pseudonymize(first17 + ResidentIdNumber.CheckCharacter(first17), secret);
        }).ToArray();
        var random = new Random(11);
        var records = Enumerable.Range(0, 200_000).Select(i => new ServiceRecord(
            $"R{i}",
            new LocalDate(2023, 1, 1).PlusDays(random.Next(365)),
            DivisionCode.FromSegments(13, 6, 1 + random.Next(3), 1 + random.Next(5), 1 + random.Next(4)),
            ServiceCode.Parse(random.Next(2) == 0 ? "EL.01" : "CH.02"),
            ServiceMethod.Visit,
            1,
            person: random.Next(10) == 0 ? null : keys[(int)Math.Min(keys.Length - 1, Math.Abs(random.NextDouble() - random.NextDouble()) * keys.Length)])).ToArray();
        var query = new CubeQuery(DivisionLevel.Township, PeriodKind.Quarter, CubeDimension.Domain);

        var batch = RecordBatch.From(records);
        Assert.True(Matches(Cube.Build(batch, query), records, query));
        Assert.True(Matches(Cube.Build(batch, query with { Parallelism = 1 }).RollUp(DivisionLevel.County), records, query with { Level = DivisionLevel.County }));
    }

    [Fact]
    public void The_report_shows_people_and_records_without_a_person_only_when_a_record_names_someone()
    {
        var key = ReportingArbitraries.PersonPool[0];
        var records = new[]
        {
            new ServiceRecord("A", new LocalDate(2023, 1, 5), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 3, person: key),
            new ServiceRecord("B", new LocalDate(2023, 1, 9), DivisionCode.Parse("130602006001"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 2, person: key),
            new ServiceRecord("C", new LocalDate(2023, 1, 9), DivisionCode.Parse("130602006001"), ServiceCode.Parse("EL.01"), ServiceMethod.Group, 9),
        };
        var query = new CubeQuery(DivisionLevel.Township, PeriodKind.Year);

        var withPeople = ReportWriter.ToJson(ReportDocument.From(Cube.Build(RecordBatch.From(records), query)));
        var without = ReportWriter.ToJson(ReportDocument.From(Cube.Build(RecordBatch.From(records[2..]), query)));

        using var json = System.Text.Json.JsonDocument.Parse(withPeople);
        Assert.Equal([1L, 1L], json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("people").GetInt64()));
        Assert.Equal(1, json.RootElement.GetProperty("total").GetProperty("people").GetInt64());   // one person in two townships is one person
        Assert.Equal(14, json.RootElement.GetProperty("total").GetProperty("personTimes").GetInt64());
        Assert.Equal([0L, 1L], json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("recordsWithoutPerson").GetInt64()));   // C names no one
        Assert.Equal(1, json.RootElement.GetProperty("total").GetProperty("recordsWithoutPerson").GetInt64());
        Assert.Contains("\"personTimes\": 14,\n    \"people\": 1,", withPeople.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("people", without, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cube_from_totals_cannot_be_merged_with_one_that_knows_its_people()
    {
        var query = new CubeQuery(DivisionLevel.County, PeriodKind.Year);
        var built = Cube.Build(RecordBatch.From([new ServiceRecord("A", new LocalDate(2023, 1, 5), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 3)]), query);
        var totals = Cube.FromRows(query, built.Rows);

        Assert.False(totals.KnowsPeople);
        Assert.Throws<InvalidOperationException>(() => totals.TotalPeople);
        Assert.Contains("people are not summable", Assert.Throws<ArgumentException>(() => Cube.Merge(built, totals)).Message, StringComparison.Ordinal);
    }
}
