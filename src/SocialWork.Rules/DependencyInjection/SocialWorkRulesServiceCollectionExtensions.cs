using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using SocialWork;
using SocialWork.Rules;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the rule evaluators of SocialWork.Rules.</summary>
public static class SocialWorkRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PayStepEvaluator"/>, <see cref="IncentiveEvaluator"/>, <see cref="CoverageAssessor"/>,
    /// <see cref="CatalogChecker"/>, the policy sets and NodaTime's <see cref="IClock"/> (the system clock unless one is
    /// already registered), all as singletons with <c>TryAdd</c>. Calling it again adds to the same configuration.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adds policies, catalogs and standards.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentException">Policy versions overlap (thrown when the policy set is first resolved).</exception>
    public static IServiceCollection AddSocialWorkRules(this IServiceCollection services, Action<SocialWorkRulesBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.FirstOrDefault(d => d.ServiceType == typeof(SocialWorkRulesBuilder))?.ImplementationInstance as SocialWorkRulesBuilder;
        if (builder is null)
        {
            builder = new SocialWorkRulesBuilder();
            services.AddSingleton(builder);
        }
        configure?.Invoke(builder);

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(sp => new PolicySet<PayStepPolicy>(sp.GetRequiredService<SocialWorkRulesBuilder>().PayPolicies));
        services.TryAddSingleton(sp => new PolicySet<AllowancePolicy>(sp.GetRequiredService<SocialWorkRulesBuilder>().AllowancePolicies));
        services.TryAddSingleton(sp => new PolicySet<BonusPolicy>(sp.GetRequiredService<SocialWorkRulesBuilder>().BonusPolicies));
        services.TryAddSingleton(sp => new CatalogHistory(sp.GetRequiredService<SocialWorkRulesBuilder>().Catalogs));
        services.TryAddSingleton(sp => new PayStepEvaluator(
            sp.GetRequiredService<PolicySet<PayStepPolicy>>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<SocialWorkRulesBuilder>().TimeZone));
        services.TryAddSingleton(sp => new IncentiveEvaluator(sp.GetRequiredService<PolicySet<AllowancePolicy>>(), sp.GetRequiredService<PolicySet<BonusPolicy>>()));
        services.TryAddSingleton(sp => new CoverageAssessor(sp.GetRequiredService<SocialWorkRulesBuilder>().StationStandard));
        services.TryAddSingleton(sp => new CatalogChecker(sp.GetRequiredService<CatalogHistory>()));
        return services;
    }
}
