using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialWork.Reporting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the reporting services of SocialWork.Reporting.</summary>
public static class SocialWorkReportingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the rules (<c>AddSocialWorkRules</c>), a <see cref="CsvRecordImporter"/> and a
    /// <see cref="JsonRecordImporter"/> (with <paramref name="configure"/>'s options, <c>TryAdd</c>, singletons).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the import options (for example lenient mode).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSocialWorkReporting(this IServiceCollection services, Func<RecordImportOptions, RecordImportOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSocialWorkRules();
        var options = (configure ?? (o => o))(new RecordImportOptions());
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new CsvRecordImporter(sp.GetRequiredService<RecordImportOptions>()));
        services.TryAddSingleton(sp => new JsonRecordImporter(sp.GetRequiredService<RecordImportOptions>()));
        return services;
    }
}
