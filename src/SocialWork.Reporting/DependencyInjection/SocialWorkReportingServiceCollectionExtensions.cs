using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialWork;
using SocialWork.Reporting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the reporting services of SocialWork.Reporting.</summary>
public static class SocialWorkReportingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="RecordImportOptions"/>, a <see cref="CsvRecordImporter"/> and a
    /// <see cref="JsonRecordImporter"/> (singletons, <c>TryAdd</c>). Calls compose: each <paramref name="configure"/> is
    /// applied, in the order of the calls, to the options the earlier ones made. When a <see cref="CatalogHistory"/> is
    /// registered with other catalogs than the built-in default (<c>AddSocialWorkRules(r =&gt; r.AddCatalog(…))</c> does
    /// that), the options start with it, so imports reject codes the catalog in force on a record's date does not hold;
    /// a <paramref name="configure"/> may set <see cref="RecordImportOptions.Catalog"/> to <see langword="null"/> again.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the import options (for example <c>o =&gt; o with { Mode = ImportMode.Lenient }</c>).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSocialWorkReporting(this IServiceCollection services, Func<RecordImportOptions, RecordImportOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var setup = services.FirstOrDefault(d => d.ServiceType == typeof(ImportOptionsSetup))?.ImplementationInstance as ImportOptionsSetup;
        if (setup is null)
        {
            setup = new ImportOptionsSetup();
            services.AddSingleton(setup);
        }
        if (configure is not null)
        {
            setup.Steps.Add(configure);
        }
        services.TryAddSingleton(sp => sp.GetRequiredService<ImportOptionsSetup>().Build(sp.GetService<CatalogHistory>()));
        services.TryAddSingleton(sp => new CsvRecordImporter(sp.GetRequiredService<RecordImportOptions>()));
        services.TryAddSingleton(sp => new JsonRecordImporter(sp.GetRequiredService<RecordImportOptions>()));
        return services;
    }

    /// <summary>The <c>configure</c> steps of every <see cref="AddSocialWorkReporting"/> call, applied in order.</summary>
    private sealed class ImportOptionsSetup
    {
        public List<Func<RecordImportOptions, RecordImportOptions>> Steps { get; } = [];

        public RecordImportOptions Build(CatalogHistory? catalogs)
        {
            var registered = catalogs is not null && !(catalogs.Versions.Count == 1 && ReferenceEquals(catalogs.Versions[0], ServiceCatalog.Default));
            var options = new RecordImportOptions { Catalog = registered ? catalogs : null };
            foreach (var step in Steps)
            {
                options = step(options) ?? throw new InvalidOperationException("An AddSocialWorkReporting configure step returned null.");
            }
            return options;
        }
    }
}
