using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// Collects the policies, catalogs and standards that <c>AddSocialWorkRules</c> registers. Each call of
/// <c>AddSocialWorkRules</c> configures the same builder, so registrations accumulate and nothing is registered twice.
/// </summary>
public sealed class SocialWorkRulesBuilder
{
    private readonly List<PayStepPolicy> payPolicies = [];
    private readonly List<AllowancePolicy> allowancePolicies = [];
    private readonly List<BonusPolicy> bonusPolicies = [];
    private readonly List<ServiceCatalog> catalogs = [];

    /// <summary>Gets the registered pay-step policies.</summary>
    public IReadOnlyList<PayStepPolicy> PayPolicies => payPolicies;

    /// <summary>Gets the registered allowance policies.</summary>
    public IReadOnlyList<AllowancePolicy> AllowancePolicies => allowancePolicies;

    /// <summary>Gets the registered bonus policies.</summary>
    public IReadOnlyList<BonusPolicy> BonusPolicies => bonusPolicies;

    /// <summary>Gets the registered catalog versions (the default catalog when none is added).</summary>
    public IReadOnlyList<ServiceCatalog> Catalogs => catalogs.Count == 0 ? [ServiceCatalog.Default] : catalogs;

    /// <summary>Gets or sets the station standard that grades stations (default: the six haves).</summary>
    public StationStandard StationStandard { get; set; } = StationStandard.SixHaves;

    /// <summary>Gets or sets the time zone in which "today" is taken (default: Asia/Shanghai).</summary>
    public DateTimeZone TimeZone { get; set; } = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>Adds a pay-step policy version.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    public SocialWorkRulesBuilder AddPayPolicy(PayStepPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        payPolicies.Add(policy.Validate());
        return this;
    }

    /// <summary>Adds an allowance policy version.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    public SocialWorkRulesBuilder AddAllowancePolicy(AllowancePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        allowancePolicies.Add(policy);
        return this;
    }

    /// <summary>Adds a bonus policy version.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    public SocialWorkRulesBuilder AddBonusPolicy(BonusPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        bonusPolicies.Add(policy);
        return this;
    }

    /// <summary>Adds a catalog version.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>This builder.</returns>
    public SocialWorkRulesBuilder AddCatalog(ServiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        catalogs.Add(catalog);
        return this;
    }
}
