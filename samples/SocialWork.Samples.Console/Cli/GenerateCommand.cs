using System.CommandLine;
using System.Text;
using NodaTime;

namespace SocialWork.Samples.Cli;

/// <summary><c>socialwork generate</c>: write a seeded records CSV, for trying the report and for benchmark inputs.</summary>
internal static class GenerateCommand
{
    internal static Command Create(Func<ParseResult, CliOutput> output)
    {
        var records = new Option<int>("--records") { Description = "How many records.", Required = true };
        records.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--records must not be negative.");
            }
        });
        var outFile = SocialWorkCli.FileOption("--out", "The CSV file to write.");
        var seed = new Option<int>("--seed") { Description = "The random seed.", DefaultValueFactory = _ => 7 };
        var townships = new Option<int>("--townships") { Description = "Spread records over this many synthetic townships (default: the 竞秀区 demo's 10 townships and 76 communities)." };
        var villages = new Option<int>("--villages") { Description = "With --townships: this many synthetic villages." };
        var months = new Option<int>("--months") { Description = "Months of records from 2022-01.", DefaultValueFactory = _ => 24 };
        Within(townships, 0, MaxTownships);
        Within(villages, 0, MaxTownships * 999);
        Within(months, 1, 1200);
        var command = new Command("generate", "Write a seeded records CSV in the records format.") { records, outFile, seed, townships, villages, months };
        command.Validators.Add(result =>
        {
            var t = result.GetValue(townships);
            if (result.GetValue(villages) > Math.Max(1, t) * 999)
            {
                result.AddError($"--villages must be at most 999 per township ({Math.Max(1, t) * 999} for --townships {t}).");
            }
        });
        command.SetAction(parse => SocialWorkCli.Guarded(output(parse), o =>
        {
            var demo = DemoData.Create();
            var t = parse.GetValue(townships);
            var villageCodes = t > 0 ? RecordGenerator.SyntheticVillages(t, Math.Max(t, parse.GetValue(villages))) : [.. demo.Villages];
            Func<DivisionCode, string> stationOf = t > 0 ? township => $"S{township.TownshipSegment % 100:D2}" : demo.StationId;
            var rows = RecordGenerator.Generate(parse.GetValue(records), parse.GetValue(seed), new LocalDate(2022, 1, 1), Math.Max(1, parse.GetValue(months)), villageCodes, [.. demo.Catalog.Items], stationOf);
            SocialWorkCli.WriteAtomically(parse.GetValue(outFile)!, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
                RecordGenerator.WriteCsv(writer, rows);
            });
            return SocialWorkCli.Success;
        }));
        return command;
    }

    /// <summary>The most synthetic townships: 15 per county, in the 99 counties a prefecture's code has room for.</summary>
    private const int MaxTownships = 15 * 99;

    private static void Within(Option<int> option, int min, int max)
        => option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                r.AddError($"{option.Name} must be between {min} and {max}; was {value}.");
            }
        });
}
