using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SocialWork.Samples.Cli;

/// <summary>
/// The <c>socialwork</c> command. Exit codes: 0 success; 1 wrong command line; 2 invalid input data (the message on
/// standard error names file, line and field, and no output file is written).
/// </summary>
public static class SocialWorkCli
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a wrong command line.</summary>
    public const int UsageError = 1;

    /// <summary>Exit code for invalid input data.</summary>
    public const int InvalidInput = 2;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where messages go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var t = CliText.From(args);
        var lang = new Option<string?>("--lang") { Description = t.T("标签语言：zh或en（默认：中文系统为zh，否则为en）。", "Label language: zh or en (default: zh on a Chinese culture, otherwise en)."), Recursive = true };
        lang.AcceptOnlyFromAmong("zh", "en");
        var root = new RootCommand(t.T("socialwork——基层社会工作服务体系：覆盖方案、薪酬提级和指标报表。不带命令时用内置数据运行演示。", "socialwork — China's grassroots social-work service system: coverage plans, pay-step uplifts and indicator reports. Without a command it runs the demo on embedded data."));
        root.Options.Add(lang);

        CliOutput Out(ParseResult parse)
        {
            var culture = parse.GetValue(lang) switch
            {
                "zh" => CultureInfo.GetCultureInfo("zh-CN"),
                "en" => CultureInfo.GetCultureInfo("en"),
                _ => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? CultureInfo.GetCultureInfo("zh-CN") : CultureInfo.GetCultureInfo("en"),
            };
            return new CliOutput(output, error, culture);
        }

        root.SetAction(parse => Guarded(Out(parse), DemoCommand.Run));
        root.Subcommands.Add(ReportCommand.Create(Out, t));
        root.Subcommands.Add(ConvertCommand.Create(Out, t));
        root.Subcommands.Add(CoverageCommand.Create(Out, t));
        root.Subcommands.Add(PayCommand.Create(Out, t));
        root.Subcommands.Add(SeriesCommand.Create(Out, t));
        root.Subcommands.Add(PostsCommand.Create(Out, t));
        root.Subcommands.Add(GenerateCommand.Create(Out, t));
        root.Subcommands.Add(SnapshotCommands.CreateSnapshot(Out, t));
        root.Subcommands.Add(SnapshotCommands.CreateDiff(Out, t));
        // System.CommandLine's own texts (help headings, "required", "not recognized") follow the UI culture; set for this
        // call only, on this thread and what it awaits.
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = t.UICulture;
        try
        {
            using var parserOutput = t.Chinese ? new ParserTextWriter(output) : null;
            using var parserError = t.Chinese ? new ParserTextWriter(error) : null;
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = parserOutput ?? output, Error = parserError ?? error, EnableDefaultExceptionHandler = false });
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>Runs an action and turns input problems into exit code 2 with a one-line message, never a stack trace.</summary>
    internal static int Guarded(CliOutput output, Func<CliOutput, int> action)
    {
        try
        {
            return action(output);
        }
        catch (CliProblem problem)
        {
            output.Error.WriteLine(output.T($"错误：{problem.Chinese}", $"error: {problem.Message}"));
            return InvalidInput;
        }
        catch (DocumentException ex) when (output.Chinese)
        {
            var kind = ex.Kind switch
            {
                "service catalog" => "服务事项清单",
                "pay policy" => "政策文件",
                "coverage plan" => "覆盖方案",
                "network document" => "服务网络文件",
                "workers document" => "人员文件",
                "institutions document" => "事业单位文件",
                _ => "文档",
            };
            output.Error.WriteLine($"错误：{kind}{(ex.DocumentName is null ? "" : $"'{ex.DocumentName}'")}有误：{string.Join("；", ex.Problems.Select(p => p.Describe(output.Culture)))}。");
            return InvalidInput;
        }
        catch (Reporting.RecordImportException ex)
        {
            output.Error.WriteLine(output.T("错误：", "error: ") + (output.Chinese ? ex.Row.Describe(output.Culture) : ex.Message));
            return InvalidInput;
        }
        catch (Reporting.RecordAlreadyStoredException ex)
        {
            output.Error.WriteLine(output.T($"错误：记录编号{ex.Id}已存储，未写入任何记录。", $"error: {ex.Message}"));
            return InvalidInput;
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException or ArgumentException or Reporting.ReportLimitException)
        {
            output.Error.WriteLine(output.T("错误：", "error: ") + ex.Message);
            return InvalidInput;
        }
    }

    internal static Option<LocalDate> DateOption(string name, string description, bool required, CliText t)
    {
        var option = new Option<LocalDate>(name)
        {
            Description = description,
            Required = required,
            HelpName = "yyyy-MM-dd",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                var parsed = LocalDatePattern.Iso.Parse(text);
                if (!parsed.Success)
                {
                    result.AddError(t.T($"{name}的值'{text}'不是yyyy-MM-dd格式的日期。", $"{name} '{text}' is not a date of the form yyyy-MM-dd."));
                    return default;
                }
                return parsed.Value;
            },
        };
        return option;
    }

    /// <summary>Refuses <c>--rejects</c> without <c>--skip-invalid</c> (a strict run rejects nothing: it stops).</summary>
    internal static void RejectsNeedSkipInvalid(Command command, Option<string> rejects, Option<bool> skipInvalid, CliText t)
        => command.Validators.Add(result =>
        {
            if (result.GetResult(rejects) is not null && result.GetResult(skipInvalid) is null)
            {
                result.AddError(t.T("--rejects须与--skip-invalid同用。", "--rejects needs --skip-invalid."));
            }
        });

    /// <summary>An option's whole-number value as given, or <see langword="null"/> when it is missing or not a number (the parser reports that itself).</summary>
    internal static int? NumberGiven(System.CommandLine.Parsing.OptionResult result)
        => result.Tokens.Count > 0 && int.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A date option's value as given, or <see langword="null"/> when it is missing or not a date (the parser reports that itself).</summary>
    internal static LocalDate? DateGiven(System.CommandLine.Parsing.OptionResult? result)
        => result is { Tokens.Count: > 0 } && LocalDatePattern.Iso.Parse(result.Tokens[^1].Value) is { Success: true } parsed ? parsed.Value : null;

    internal static Option<string> FileOption(string name, string description, bool required = true)
        => new(name) { Description = description, Required = required, HelpName = "FILE" };

    internal static Stream OpenInput(string path, string what)
    {
        if (!File.Exists(path))
        {
            var noun = what switch
            {
                "records" => "记录",
                "divisions" => "区划",
                "network" => "服务网络",
                "plan" => "覆盖方案",
                "workers" => "人员",
                "policy" => "政策",
                "institutions" => "事业单位",
                "snapshot" => "快照",
                _ => what,
            };
            throw new CliProblem($"找不到{noun}文件'{path}'。", $"{what} file '{path}' was not found.", new FileNotFoundException(null, path));
        }
        return File.OpenRead(path);
    }

    /// <summary>
    /// Writes a file only once its whole content is ready: to a temporary file beside it, then renamed over it. The
    /// temporary file has a random name and is created exclusively (the call fails rather than open a file or a symbolic
    /// link that is already there), and the rename replaces a link at the target rather than writing through it.
    /// </summary>
    /// <remarks>
    /// A target that is already there and cannot be replaced by a file — a device such as <c>/dev/null</c> or a named pipe,
    /// which cannot seek — is written into directly instead: renaming over it would put a file in its place.
    /// </remarks>
    /// <exception cref="IOException">The directory does not exist or cannot be written; the message names the target, not the temporary file.</exception>
    internal static void WriteAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new CliProblem($"无法写入'{path}'：目录'{directory}'不存在。", $"cannot write '{path}': the directory '{directory}' does not exist.");
        }
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}.tmp");
        var created = false;
        try
        {
            if (OpenUnseekable(full) is { } device)
            {
                using (device)
                {
                    write(device);
                }
                return;
            }
            using (var stream = new FileStream(temp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None }))
            {
                created = true;
                write(stream);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliProblem($"无法写入'{path}'：{ex.Message.Replace(temp, full, StringComparison.Ordinal)}", $"cannot write '{path}': {ex.Message.Replace(temp, full, StringComparison.Ordinal)}", ex);
        }
        finally
        {
            if (created && File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Opens a target that is there, is not a link, and cannot seek (a device or a named pipe) for writing; otherwise <see langword="null"/>.</summary>
    private static FileStream? OpenUnseekable(string full)
    {
        if (!File.Exists(full) || new FileInfo(full).LinkTarget is not null)
        {
            return null;
        }
        FileStream stream;
        try
        {
            stream = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (stream.CanSeek)
        {
            stream.Dispose();
            return null;
        }
        return stream;
    }
}
