using System.Text;
using System.Text.RegularExpressions;

namespace SocialWork.Samples.Cli;

/// <summary>
/// Puts into Chinese, line by line, the texts System.CommandLine prints that its own zh-Hans resources leave in English
/// (help headings, "(REQUIRED)", defaults, "is required", "was not matched"). Only the parser's help and errors go
/// through it; the commands write to the console's own writers.
/// </summary>
internal sealed partial class ParserTextWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder line = new();

    /// <inheritdoc/>
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc/>
    public override void Write(char value)
    {
        if (value == '\n')
        {
            inner.Write(Translate(line.ToString()));
            inner.Write('\n');
            line.Clear();
        }
        else
        {
            line.Append(value);
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
        if (line.Length > 0)
        {
            inner.Write(Translate(line.ToString()));
            line.Clear();
        }
        inner.Flush();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }
        base.Dispose(disposing);
    }

    /// <summary>One line of the parser's output in Chinese.</summary>
    internal static string Translate(string text)
    {
        if (text == "Description:")
        {
            return "说明：";
        }
        if (Required().Match(text) is { Success: true } required)
        {
            return $"缺少必需的选项{required.Groups[1].Value}。";
        }
        if (NotMatched().Match(text) is { Success: true } unknown)
        {
            return $"无法识别{unknown.Groups[1].Value}。{(unknown.Groups[2].Success ? "是否指以下之一？" : string.Empty)}";
        }
        if (CannotParse().Match(text) is { Success: true } number)
        {
            return $"选项{number.Groups[2].Value}的值{number.Groups[1].Value}不是{(number.Groups[3].Value is "System.Int32" or "System.Int64" ? "整数" : "有效的值")}。";
        }
        return Default().Replace(text, "[默认：$1]")
            .Replace("(REQUIRED)", "（必需）", StringComparison.Ordinal)
            .Replace("[command]", "[命令]", StringComparison.Ordinal)
            .Replace("[options]", "[选项]", StringComparison.Ordinal)
            .Replace("Show help and usage information", "显示帮助和用法", StringComparison.Ordinal)
            .Replace("Show version information", "显示版本", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^Option ('[^']+') is required\.$")]
    private static partial Regex Required();

    [GeneratedRegex(@"^('[^']*') was not matched\.( Did you mean one of the following\?)?$")]
    private static partial Regex NotMatched();

    [GeneratedRegex(@"^Cannot parse argument ('[^']*') for option ('[^']+') as expected type '([^']+)'\.$")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"\[default: ([^\]]*)\]")]
    private static partial Regex Default();
}
