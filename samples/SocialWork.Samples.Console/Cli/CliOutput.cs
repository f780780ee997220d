using System.Globalization;
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

    /// <summary>The same errors and language, with results written to <paramref name="writer"/>.</summary>
    public CliOutput With(TextWriter writer) => new(writer, Error, Culture);

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
