using System.CommandLine;
using System.Text;
using NodaTime;

namespace SocialWork.Samples.Cli;

/// <summary><c>socialwork generate</c>: write a seeded records CSV, for trying the report and for benchmark inputs.</summary>
internal static class GenerateCommand
{
    internal static Command Create(Func<ParseResult, CliOutput> output, CliText t)
    {
        var records = new Option<int>("--records") { Description = t.T("记录条数。", "How many records."), Required = true };
        records.Validators.Add(r =>
        {
            if (SocialWorkCli.NumberGiven(r) < 0)
            {
                r.AddError(t.T("--records不能为负数。", "--records must not be negative."));
            }
        });
        var outFile = SocialWorkCli.FileOption("--out", t.T("要写出的CSV文件。", "The CSV file to write."));
        var seed = new Option<int>("--seed") { Description = t.T("随机数种子。", "The random seed."), DefaultValueFactory = _ => 7 };
        var townships = new Option<int>("--townships") { Description = t.T("把记录分布到这么多个合成乡镇（默认：竞秀区演示的10个乡镇街道和76个社区）。", "Spread records over this many synthetic townships (default: the 竞秀区 demo's 10 townships and 76 communities).") };
        var villages = new Option<int>("--villages") { Description = t.T("与--townships同用：合成村（社区）的个数。", "With --townships: this many synthetic villages.") };
        var months = new Option<int>("--months") { Description = t.T("从2022-01起的月数。", "Months of records from 2022-01."), DefaultValueFactory = _ => 24 };
        var idPrefix = new Option<string>("--id-prefix") { Description = t.T("记录编号为此前缀加序号。默认是G、本次随机抽取的八位数字和连字符（G48213907-1、G48213907-2……），因此不同次生成的文件之间、与演示数据的R1、R2……之间编号都不会重复。", "Ids are this prefix and a sequence number. The default is G, eight digits drawn for this run and a hyphen (G48213907-1, G48213907-2, …), so the files of different runs, and the demo's R1, R2, …, never share an id.") };
        idPrefix.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } p && (p.Length is 0 or > 32 || p.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')))
            {
                r.AddError(t.T("--id-prefix须为1到32个字母、数字、'-'或'_'。", "--id-prefix must be 1 to 32 letters, digits, '-' or '_'."));
            }
        });
        Within(townships, 0, MaxTownships, t);
        Within(villages, 0, MaxTownships * 999, t);
        Within(months, 1, 1200, t);
        var command = new Command("generate", t.T("按记录格式写出一份由种子确定的记录CSV。", "Write a seeded records CSV in the records format.")) { records, outFile, seed, townships, villages, months, idPrefix };
        command.Validators.Add(result =>
        {
            var n = result.GetValue(townships);
            if (result.GetValue(villages) > Math.Max(1, n) * 999)
            {
                result.AddError(t.T($"--villages每个乡镇最多999个（--townships {n}时最多{Math.Max(1, n) * 999}个）。", $"--villages must be at most 999 per township ({Math.Max(1, n) * 999} for --townships {n})."));
            }
        });
        command.SetAction(parse => SocialWorkCli.Guarded(output(parse), o =>
        {
            var demo = DemoData.Create();
            var synthetic = parse.GetValue(townships);
            var villageCodes = synthetic > 0 ? RecordGenerator.SyntheticVillages(synthetic, Math.Max(synthetic, parse.GetValue(villages))) : [.. demo.Villages];
            Func<DivisionCode, string> stationOf = synthetic > 0 ? township => $"S{township.TownshipSegment % 100:D2}" : demo.StationId;
            var n = parse.GetValue(records);
            var prefix = parse.GetValue(idPrefix) ?? $"G{Random.Shared.Next(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)}-";
            var rows = RecordGenerator.Generate(n, parse.GetValue(seed), new LocalDate(2022, 1, 1), Math.Max(1, parse.GetValue(months)), villageCodes, [.. demo.Catalog.Items], stationOf);
            var path = parse.GetValue(outFile)!;
            // Progress on a terminal only (a tenth at a time), on standard error so the summary stays the one result line.
            var terminal = ReferenceEquals(o.Error, System.Console.Error) && !System.Console.IsErrorRedirected && n >= 1_000_000;
            SocialWorkCli.WriteAtomically(path, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
                RecordGenerator.WriteCsv(writer, rows, prefix, terminal ? written => o.Error.Write($"\r{written * 100L / n}%") : null);
            });
            if (terminal)
            {
                o.Error.Write("\r    \r");
            }
            var months_ = Math.Max(1, parse.GetValue(months));
            o.Line(n == 0
                ? o.T($"已写入0条记录到{path}。", $"wrote 0 records to {path}.")
                : o.T($"已写入{n}条记录（编号{prefix}1至{prefix}{n}）到{path}：2022-01起{months_}个月，{villageCodes.Length}个村（社区）。",
                      $"wrote {n} records (ids {prefix}1 to {prefix}{n}) to {path}: {months_} months from 2022-01, {villageCodes.Length} villages."));
            return SocialWorkCli.Success;
        }));
        return command;
    }

    /// <summary>The most synthetic townships: 15 per county, in the 99 counties a prefecture's code has room for.</summary>
    private const int MaxTownships = 15 * 99;

    private static void Within(Option<int> option, int min, int max, CliText t)
        => option.Validators.Add(r =>
        {
            if (SocialWorkCli.NumberGiven(r) is { } value && (value < min || value > max))
            {
                r.AddError(t.T($"{option.Name}须在{min}到{max}之间，实际为{value}。", $"{option.Name} must be between {min} and {max}; was {value}."));
            }
        });
}
