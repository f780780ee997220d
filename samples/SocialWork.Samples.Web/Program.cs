using Microsoft.Extensions.Options;
using SocialWork.Samples.Web;

// Start-up faults end the process with exit code 1 and one line per fault naming the setting or file, never a trace.
WebApplication app;
try
{
    app = SocialWorkWeb.Build(args);
}
catch (OptionsValidationException ex)
{
    foreach (var failure in ex.Failures)
    {
        Console.Error.WriteLine($"The host did not start: {failure}");
    }
    return 1;
}
try
{
    await app.StartAsync();
}
catch (IOException ex)
{
    // Kestrel cannot listen (the address is taken or not this machine's): its message names the address.
    Console.Error.WriteLine($"The host did not start: {ex.Message}");
    return 1;
}
await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
