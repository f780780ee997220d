namespace SocialWork.Samples.Cli;

/// <summary>A problem with the command's input or output files, said in both languages; the command prints the one asked for.</summary>
/// <param name="chinese">The message in Chinese.</param>
/// <param name="english">The message in English.</param>
/// <param name="inner">The cause, if any.</param>
internal sealed class CliProblem(string chinese, string english, Exception? inner = null) : IOException(english, inner)
{
    /// <summary>Gets the message in Chinese.</summary>
    public string Chinese { get; } = chinese;
}
