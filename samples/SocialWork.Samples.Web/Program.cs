using Microsoft.Extensions.Options;
using SocialWork.Samples.Web;

WebApplication app;
try
{
    app = SocialWorkWeb.Build(args);
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine("The SocialWork settings are invalid; the host did not start:");
    foreach (var failure in ex.Failures)
    {
        Console.Error.WriteLine($"  {failure}");
    }
    return 1;
}
app.Run();
return 0;

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
