using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SocialWork.Samples.Cli;

/// <summary>Where a command writes: text writers for results and errors, the language, and Spectre consoles over them.</summary>
internal sealed class CliOutput(TextWriter output, TextWriter error, CultureInfo culture)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public CultureInfo Culture { get; } = culture;

    public bool Chinese => Culture.TwoLetterISOLanguageName == "zh";

    public string T(string zh, string en) => Chinese ? zh : en;

    public void Render(IRenderable renderable) => Console(Output).Write(renderable);

    public void Line(string text = "") => Output.WriteLine(text);

    public static IAnsiConsole Console(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 200;
        }
        return console;
    }
}

internal sealed class FindingOutput
{
    public string Code { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;
}

internal sealed class PayWorkerOutput
{
    public string Id { get; set; } = string.Empty;

    public string Qualification { get; set; } = "none";

    public string Post { get; set; } = "none";

    public int UpliftSteps { get; set; }

    public int? BaseLevel { get; set; }

    public int? EffectiveLevel { get; set; }

    public List<FindingOutput> Findings { get; set; } = [];
}

internal sealed class PayOutput
{
    public string AsOf { get; set; } = string.Empty;

    public string Policy { get; set; } = string.Empty;

    public List<PayWorkerOutput> Workers { get; set; } = [];
}

internal sealed class TargetOutput
{
    public string Id { get; set; } = string.Empty;

    public string Phase { get; set; } = string.Empty;

    public double Required { get; set; }

    public double Actual { get; set; }

    public string Due { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;
}

internal sealed class GapsOutput
{
    public List<string> TownshipsWithoutStation { get; set; } = [];

    public List<string> VillagesWithoutRoom { get; set; } = [];

    public List<string> StationsBelowStandard { get; set; } = [];
}

internal sealed class CoverageOutput
{
    public string AsOf { get; set; } = string.Empty;

    public string Scope { get; set; } = string.Empty;

    public string Phase { get; set; } = string.Empty;

    public List<TargetOutput> Targets { get; set; } = [];

    public GapsOutput Gaps { get; set; } = new();
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PayOutput))]
[JsonSerializable(typeof(CoverageOutput))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    public static CliJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    });
}
