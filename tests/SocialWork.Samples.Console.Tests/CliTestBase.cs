using System.Text;
using SocialWork.Samples.Cli;

namespace SocialWork.Samples.Console.Tests;

/// <summary>Runs the command in-process against files in a temporary directory that is removed afterwards.</summary>
public abstract class CliTestBase : IDisposable
{
    /// <summary>Gets the temporary directory of this test.</summary>
    protected string Dir { get; } = Directory.CreateTempSubdirectory("socialwork-cli-").FullName;

    public void Dispose()
    {
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes a UTF-8 file (no byte-order mark) into the directory and returns its path.</summary>
    protected string File(string name, string content)
    {
        var path = Path.Combine(Dir, name);
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Runs <c>socialwork</c> with <paramref name="args"/>; returns the exit code, standard output and standard error.</summary>
    protected static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SocialWorkCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
