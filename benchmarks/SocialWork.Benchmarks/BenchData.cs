using System.Globalization;
using NodaTime;
using SocialWork.Reporting;

namespace SocialWork.Benchmarks;

/// <summary>A record as an integrator's own code would hold it: one object per record, a date, a string code.</summary>
public sealed class NaiveRecord
{
    public DivisionCode Village { get; init; }

    public LocalDate Date { get; init; }

    public string Code { get; init; } = string.Empty;

    public ServiceMethod Method { get; init; }

    public int PersonTimes { get; init; }

    public int Households { get; init; }

    public long Fen { get; init; }
}

/// <summary>
/// The seeded synthetic data every aggregation benchmark uses: 3,000 villages under 150 townships (10 counties of 15),
/// 36 months from 2022-01, 30 item codes (6 in each of the 5 domains), records in date order.
/// </summary>
public static class BenchData
{
    public const int Villages = 3_000;
    public const int Townships = 150;
    public const int Months = 36;
    public static readonly LocalDate Start = new(2022, 1, 1);

    public static readonly DivisionCode[] VillageCodes = [.. Enumerable.Range(0, Villages).Select(v =>
        DivisionCode.FromSegments(13, 6, 1 + ((v % Townships) / 15), 100 + ((v % Townships) % 15), 1 + (v / Townships)))];

    public static readonly ServiceCode[] Codes = [.. new[] { "SA", "EL", "CH", "AF", "CG" }.SelectMany(d => Enumerable.Range(1, 6).Select(i => ServiceCode.Parse($"{d}.{i:D2}")))];

    /// <summary>The sizes to run: <c>SOCIALWORK_BENCH_N</c> (comma-separated) when set, otherwise 1M and 10M.</summary>
    public static IEnumerable<int> Sizes(params int[] defaults)
        => Environment.GetEnvironmentVariable("SOCIALWORK_BENCH_N") is { Length: > 0 } text
            ? text.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            : defaults;

    /// <summary>Generates <paramref name="n"/> records, calling <paramref name="sink"/> for each.</summary>
    public static void Generate(int n, Action<DivisionCode, LocalDate, ServiceCode, ServiceMethod, int, int, long> sink, int seed = 42)
    {
        var random = new Random(seed);
        var days = NodaTime.Period.DaysBetween(Start, Start.PlusMonths(Months));
        var date = Start;
        var dayIndex = 0;
        for (var i = 0; i < n; i++)
        {
            var target = (int)((long)i * days / n);
            if (target != dayIndex)
            {
                date = date.PlusDays(target - dayIndex);
                dayIndex = target;
            }
            var method = (ServiceMethod)random.Next(7);
            sink(
                VillageCodes[random.Next(Villages)],
                date,
                Codes[random.Next(Codes.Length)],
                method,
                random.Next(1, 50),
                method == ServiceMethod.Visit ? 1 : 0,
                random.Next(10) == 0 ? random.Next(1, 500_000) : 0);
        }
    }

    /// <summary>The <paramref name="n"/> generated records as a batch; with ids <c>{idPrefix}0</c>, <c>{idPrefix}1</c>, … when <paramref name="idPrefix"/> is given (a store needs them).</summary>
    public static RecordBatch Batch(int n, string? idPrefix = null)
    {
        var builder = new RecordBatchBuilder(n);
        var i = 0;
        Generate(n, (village, date, code, method, people, households, fen) =>
        {
            if (idPrefix is null)
            {
                builder.Append(village, date, code, method, people, households, Money.FromFen(fen));
            }
            else
            {
                builder.Append(village, date, code, method, people, households, Money.FromFen(fen), null, LinkageParties.None, null, string.Create(CultureInfo.InvariantCulture, $"{idPrefix}{i++}"), null);
            }
        });
        return builder.Build();
    }

    public static List<NaiveRecord> Naive(int n)
    {
        var list = new List<NaiveRecord>(n);
        Generate(n, (village, date, code, method, people, households, fen) => list.Add(new NaiveRecord
        {
            Village = village,
            Date = date,
            Code = code.Value,
            Method = method,
            PersonTimes = people,
            Households = households,
            Fen = fen,
        }));
        return list;
    }
}
