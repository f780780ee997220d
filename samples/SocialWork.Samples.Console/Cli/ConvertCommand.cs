using System.CommandLine;
using System.Globalization;
using SocialWork.Reporting.Parquet;

namespace SocialWork.Samples.Cli;

/// <summary><c>socialwork convert</c>: a records CSV into a Parquet dataset, with the same checks and rejects as <c>report</c>.</summary>
internal static class ConvertCommand
{
    internal static Command Create(Func<ParseResult, CliOutput> output, CliText t)
    {
        var records = SocialWorkCli.FileOption("--records", t.T("要转换的记录CSV（列同report）。", "Records CSV to convert (the columns of 'report')."));
        var outDir = new Option<string>("--out") { Description = t.T("写入Parquet文件的数据集目录（不存在则创建；新文件与已有文件并存）。", "The dataset folder to write Parquet files into (created if missing; files are added beside those already there)."), Required = true, HelpName = "DIR" };
        var partition = new Option<string>("--partition") { Description = t.T("每个自然月一个文件（month，默认）或整批一个文件（none）。", "One file per calendar month (month, the default) or one file for the whole batch (none)."), DefaultValueFactory = _ => "month" };
        partition.AcceptOnlyFromAmong("month", "none");
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = t.T("保留有效行、跳过无效行（默认：任一无效行即以退出码2失败，不写入任何内容）。", "Keep the valid rows and skip invalid ones (default: any invalid row fails with exit code 2 and nothing is written).") };
        var rejects = SocialWorkCli.FileOption("--rejects", t.T("与--skip-invalid同用：把被拒绝的行写入此CSV文件（file,line,column,reason,raw）。", "With --skip-invalid: write the rejected rows here as CSV (file,line,column,reason,raw)."), required: false);
        var command = new Command("convert", t.T("把记录CSV转换为Parquet数据集目录，供report --records DIR、DuckDB或Spark读取。", "Convert a records CSV into a Parquet dataset folder that 'report --records DIR', DuckDB or Spark read.")) { records, outDir, partition, skipInvalid, rejects };
        SocialWorkCli.RejectsNeedSkipInvalid(command, rejects, skipInvalid, t);
        command.SetAction(parse => SocialWorkCli.Guarded(output(parse), o => Run(o, parse.GetValue(records)!, parse.GetValue(outDir)!, parse.GetValue(partition) == "month", parse.GetValue(skipInvalid), parse.GetValue(rejects))));
        return command;
    }

    internal static int Run(CliOutput output, string records, string outDir, bool byMonth, bool skipInvalid, string? rejects)
    {
        var options = new Reporting.RecordImportOptions { Mode = skipInvalid ? Reporting.ImportMode.Lenient : Reporting.ImportMode.Strict };
        var dataset = new ParquetDataset(outDir);
        var before = dataset.Files.Count;

        // Slices are written as they are read and committed together at the end; records whose ids the dataset already
        // holds are rejected like bad rows (strict: nothing is written), so converting a file twice never counts it twice.
        var import = ReportCommand.WithProgress(output, records, options, (_, o) => dataset.ImportCsvFileAsync(records, o, byMonth).AsTask().GetAwaiter().GetResult());
        if (rejects is not null)
        {
            SocialWorkCli.WriteAtomically(rejects, stream => ReportCommand.WriteRejects(stream, import.Rejected, output.Culture));
        }
        var files = dataset.Files.Count - before;
        output.Line(output.Chinese
            ? string.Create(CultureInfo.InvariantCulture, $"已读取{import.Read}行：{import.Accepted}条记录写入'{dataset.Directory}'的{files}个Parquet文件，{import.Rejected.Count}行被拒绝。")
            : string.Create(CultureInfo.InvariantCulture, $"read {import.Read} rows: {import.Accepted} records written to {files} Parquet file{(files == 1 ? "" : "s")} in '{dataset.Directory}', {import.Rejected.Count} rejected."));
        return SocialWorkCli.Success;
    }
}
