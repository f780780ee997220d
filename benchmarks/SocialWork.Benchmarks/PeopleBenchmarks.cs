using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using NodaTime;
using SocialWork.Reporting;

namespace SocialWork.Benchmarks;

/// <summary>
/// Distinct people (人) beside the summable indicators, township × quarter × domain over N records naming N / 10 distinct
/// people: the plain cube (baseline, the same records without person keys), the cube with exact distinct people per
/// cell on a batch that has made its person order (every cube after the batch's first; see
/// <see cref="PeopleFirstCubeBenchmarks"/> for the first), and DuckDB (in memory, its own table, 2 threads) summing with
/// and without <c>count(DISTINCT person)</c>.
/// </summary>
[MemoryDiagnoser]
public class PeopleBenchmarks
{
    /// <summary>The query of both people benchmarks: township × quarter × domain.</summary>
    internal static readonly CubeQuery Query = new(DivisionLevel.Township, PeriodKind.Quarter, CubeDimension.Domain);

    private RecordBatch? plain;
    private RecordBatch? withPeople;
    private DuckDBConnection? duck;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchData.Sizes(10_000_000);

    [GlobalSetup]
    public void Setup()
    {
        duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        Execute("SET threads = 2; CREATE TABLE records (township BIGINT, quarter INTEGER, domain VARCHAR, person_times INTEGER, households INTEGER, fen BIGINT, person VARCHAR)");
        using var appender = duck.CreateAppender("records");
        (plain, withPeople) = Generate(N, (village, date, code, personTimes, households, fen, person) => appender.CreateRow()
            .AppendValue(village.AncestorAt(DivisionLevel.Township).Value)
            .AppendValue((date.Year * 4) + ((date.Month - 1) / 3))
            .AppendValue(code.Domain.Value)
            .AppendValue(personTimes)
            .AppendValue(households)
            .AppendValue(fen)
            .AppendValue(person.Value)
            .EndRow());
    }

    /// <summary>
    /// Generates <paramref name="n"/> records (<see cref="BenchData.Generate"/>) naming <paramref name="n"/> / 10 people
    /// at random, as a batch without person keys and one with them; <paramref name="also"/> sees each record too.
    /// </summary>
    internal static (RecordBatch Plain, RecordBatch WithPeople) Generate(int n, Action<DivisionCode, LocalDate, ServiceCode, int, int, long, PersonKey>? also = null)
    {
        var people = PersonKeys(Math.Max(1, n / 10));
        var random = new Random(7);
        var plainBuilder = new RecordBatchBuilder(n);
        var peopleBuilder = new RecordBatchBuilder(n);
        BenchData.Generate(n, (village, date, code, method, personTimes, households, fen) =>
        {
            var person = people[random.Next(people.Length)];
            plainBuilder.Append(village, date, code, method, personTimes, households, Money.FromFen(fen));
            peopleBuilder.Append(village, date, code, method, personTimes, households, Money.FromFen(fen), personKey: person);
            also?.Invoke(village, date, code, personTimes, households, fen, person);
        });
        return (plainBuilder.Build(), peopleBuilder.Build());
    }

    [GlobalCleanup]
    public void Cleanup() => duck?.Dispose();

    /// <summary>The cube of the same records without person keys.</summary>
    [Benchmark(Baseline = true)]
    public long PlainCube() => Cube.Build(plain!, Query).Total.Records;

    /// <summary>The cube with distinct people per cell, on a batch that has made its person order (any cube after the first).</summary>
    [Benchmark]
    public long CubeWithPeople() => Cube.Build(withPeople!, Query).TotalPeople.People;


    /// <summary>DuckDB: the sums only.</summary>
    [Benchmark]
    public long DuckDbSums() => Count("count(*), sum(person_times), sum(households), sum(fen)");

    /// <summary>DuckDB: the sums and <c>count(DISTINCT person)</c> per cell.</summary>
    [Benchmark]
    public long DuckDbSumsAndDistinctPeople() => Count("count(*), sum(person_times), sum(households), sum(fen), count(DISTINCT person)");

    /// <summary>The cube with people and DuckDB's <c>count(DISTINCT person)</c> per cell, for the harness to compare.</summary>
    internal (Cube Cube, Dictionary<(long Township, int Quarter, string Domain), long> DuckDb) PeoplePerCell()
    {
        using var command = duck!.CreateCommand();
        command.CommandText = "SELECT township, quarter, domain, count(DISTINCT person) FROM records GROUP BY ALL";
        using var reader = command.ExecuteReader();
        var cells = new Dictionary<(long, int, string), long>();
        while (reader.Read())
        {
            cells[(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2))] = reader.GetInt64(3);
        }
        return (Cube.Build(withPeople!, Query), cells);
    }

    private long Count(string aggregates)
    {
        using var command = duck!.CreateCommand();
        command.CommandText = $"SELECT township, quarter, domain, {aggregates} FROM records GROUP BY ALL";
        using var reader = command.ExecuteReader();
        long records = 0;
        while (reader.Read())
        {
            records += reader.GetInt64(3);
        }
        return records;
    }

    private void Execute(string sql)
    {
        using var command = duck!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Keys as a bureau makes them: HMAC-SHA256 of valid resident ID numbers under a secret.</summary>
    private static PersonKey[] PersonKeys(int count)
    {
        var secret = "socialwork-benchmark-secret-32b!"u8.ToArray();
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            // Sequence i % 1000 on a birth date made of i / 1000 (below 1,008 dates for 1,008,000 people): all distinct.
            var date = i / 1000;
            var first17 = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"130602{1950 + (date / 336)}{(date % 12) + 1:D2}{(date / 12 % 28) + 1:D2}{i % 1000:D3}");
            return PersonKey.Pseudonymize(first17 + ResidentIdNumber.CheckCharacter(first17), secret);
        })];
    }
}

/// <summary>
/// The first cube with people of a batch, which makes the batch's person order (a sort by person of the columns a cell is
/// made of) before it counts: a fresh copy of the records per iteration, one invocation each, against the plain cube and
/// the cube on a batch that already has its order. Same records and query as <see cref="PeopleBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class PeopleFirstCubeBenchmarks
{
    private static readonly CubeQuery Query = PeopleBenchmarks.Query;

    private RecordBatch? plain;
    private RecordBatch? withPeople;
    private RecordBatch? fresh;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchData.Sizes(10_000_000);

    [GlobalSetup]
    public void Setup()
    {
        (plain, withPeople) = PeopleBenchmarks.Generate(N);
        _ = Cube.Build(withPeople, Query);
    }

    /// <summary>The cube of the same records without person keys.</summary>
    [Benchmark(Baseline = true)]
    public long PlainCube() => Cube.Build(plain!, Query).Total.Records;

    /// <summary>A cube with people on a batch that has its person order.</summary>
    [Benchmark]
    public long CubeWithPeople() => Cube.Build(withPeople!, Query).TotalPeople.People;

    /// <summary>The first cube of a batch: it makes the batch's person order, then counts.</summary>
    [Benchmark]
    public long FirstCubeWithPeople() => Cube.Build(fresh!, Query).TotalPeople.People;

    /// <summary>A copy of the records that has not made its person order yet.</summary>
    [IterationSetup(Target = nameof(FirstCubeWithPeople))]
    public void FreshBatch() => fresh = RecordBatch.Concat([withPeople!]);
}
