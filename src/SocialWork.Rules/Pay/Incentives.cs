using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// A monthly qualification allowance (职业水平津贴): an amount per month for the highest counting qualification level,
/// from the month after registration by default; covers everyone but volunteers unless told otherwise. Same dating, counting and explanation machinery as
/// <see cref="PayStepPolicy"/>.
/// </summary>
public sealed record AllowancePolicy : IncentivePolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="id">The id.</param>
    /// <param name="effectiveFrom">The first day in force.</param>
    /// <param name="monthlyFen">The monthly amount per level, in fen.</param>
    public AllowancePolicy(string id, LocalDate effectiveFrom, PerLevel<long> monthlyFen)
        : base(id, effectiveFrom, Workers)
    {
        ArgumentNullException.ThrowIfNull(monthlyFen);
        MonthlyFen = monthlyFen;
    }

    /// <summary>Gets the monthly amount per level, in fen.</summary>
    public PerLevel<long> MonthlyFen { get; init; }

    /// <summary>Gets a value indicating whether a matching post is also required (default no).</summary>
    public bool RequiresMatchingPost { get; init; }

    /// <summary>Gets when the allowance starts (default: the month after registration).</summary>
    public UpliftTiming Timing { get; init; } = UpliftTiming.NextMonth;

    /// <summary>
    /// Gansu's monthly allowance as reported (educity.cn, secondary): 200 / 300 / 500 yuan for assistant / intermediate /
    /// senior. The effective date is not in the source: supply it.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <param name="effectiveFrom">The first day in force.</param>
    /// <returns>The policy.</returns>
    public static AllowancePolicy Gansu(string id, LocalDate effectiveFrom) => new(id, effectiveFrom, new PerLevel<long>(20_000, 30_000, 50_000))
    {
        Name = new LocalizedText("甘肃省社会工作职业水平津贴", "Gansu qualification allowance"),
        Source = "Gansu 200/300/500 yuan a month, as reported by educity.cn [secondary]; dates supplied by the user.",
    };
}

/// <summary>
/// A one-off bonus on certification (一次性奖励): an amount per level obtained while the policy is in force, optionally
/// paid only once per level; covers everyone but volunteers unless told otherwise.
/// </summary>
public sealed record BonusPolicy : IncentivePolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="id">The id.</param>
    /// <param name="effectiveFrom">The first day in force.</param>
    /// <param name="amountFen">The amount per level, in fen.</param>
    public BonusPolicy(string id, LocalDate effectiveFrom, PerLevel<long> amountFen)
        : base(id, effectiveFrom, Workers)
    {
        ArgumentNullException.ThrowIfNull(amountFen);
        AmountFen = amountFen;
    }

    /// <summary>Gets the amount per level, in fen.</summary>
    public PerLevel<long> AmountFen { get; init; }

    /// <summary>Gets a value indicating whether each level is rewarded at most once per worker (default yes).</summary>
    public bool OncePerLevel { get; init; } = true;

    /// <summary>
    /// Shanghai Changning's one-off bonus as reported (secondary): 1,500 / 3,000 / 5,000 yuan. The source conditions it on
    /// passing that year's appraisal, which this library does not model; dates are yours.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <param name="effectiveFrom">The first day in force.</param>
    /// <returns>The policy.</returns>
    public static BonusPolicy Changning(string id, LocalDate effectiveFrom) => new(id, effectiveFrom, new PerLevel<long>(150_000, 300_000, 500_000))
    {
        Name = new LocalizedText("长宁区持证社工一次性奖励", "Changning one-off certification bonus"),
        Source = "Shanghai Changning 1,500/3,000/5,000 yuan, as reported [secondary]; the appraisal condition is not modelled.",
    };
}

/// <summary>What an allowance policy pays one worker for the month containing a day, and why.</summary>
/// <param name="WorkerId">The worker.</param>
/// <param name="AsOf">The day assessed.</param>
/// <param name="PolicyId">The policy applied, if any.</param>
/// <param name="Level">The level paid, or None.</param>
/// <param name="MonthlyAmount">The monthly amount.</param>
/// <param name="Findings">The reasons (at least one).</param>
public sealed record AllowanceAssessment(string WorkerId, LocalDate AsOf, string? PolicyId, QualificationLevel Level, Money MonthlyAmount, IReadOnlyList<Finding> Findings)
{
    /// <summary>Gets the findings; compared by content.</summary>
    public IReadOnlyList<Finding> Findings { get; init => field = ValueList.From(value); } = ValueList.From(Findings);
}

/// <summary>One bonus award.</summary>
/// <param name="PolicyId">The policy that awards it.</param>
/// <param name="Level">The level obtained.</param>
/// <param name="ObtainedOn">The day it was obtained.</param>
/// <param name="Amount">The amount.</param>
public sealed record BonusAward(string PolicyId, QualificationLevel Level, LocalDate ObtainedOn, Money Amount);

/// <summary>The bonuses a worker has earned up to a day, and why.</summary>
/// <param name="WorkerId">The worker.</param>
/// <param name="AsOf">The day assessed.</param>
/// <param name="Awards">The awards, oldest first.</param>
/// <param name="Total">Their sum.</param>
/// <param name="Findings">The reasons (at least one).</param>
public sealed record BonusAssessment(string WorkerId, LocalDate AsOf, IReadOnlyList<BonusAward> Awards, Money Total, IReadOnlyList<Finding> Findings)
{
    /// <summary>Gets the awards; compared by content.</summary>
    public IReadOnlyList<BonusAward> Awards { get; init => field = ValueList.From(value); } = ValueList.From(Awards);

    /// <summary>Gets the findings; compared by content.</summary>
    public IReadOnlyList<Finding> Findings { get; init => field = ValueList.From(value); } = ValueList.From(Findings);
}

/// <summary>Applies allowance and bonus policies; the counterpart of <see cref="PayStepEvaluator"/> for the other two incentive kinds.</summary>
public sealed class IncentiveEvaluator
{
    /// <summary>Creates an evaluator.</summary>
    /// <param name="allowances">Allowance policy versions.</param>
    /// <param name="bonuses">Bonus policy versions.</param>
    public IncentiveEvaluator(PolicySet<AllowancePolicy>? allowances = null, PolicySet<BonusPolicy>? bonuses = null)
    {
        Allowances = allowances ?? new PolicySet<AllowancePolicy>([]);
        Bonuses = bonuses ?? new PolicySet<BonusPolicy>([]);
    }

    /// <summary>Gets the allowance versions.</summary>
    public PolicySet<AllowancePolicy> Allowances { get; }

    /// <summary>Gets the bonus versions.</summary>
    public PolicySet<BonusPolicy> Bonuses { get; }

    /// <summary>Assesses the monthly allowance on a day.</summary>
    /// <param name="worker">The worker.</param>
    /// <param name="date">The day.</param>
    /// <param name="jurisdiction">The worker's division, if known.</param>
    /// <returns>The assessment.</returns>
    public AllowanceAssessment AssessAllowance(Worker worker, LocalDate date, DivisionCode? jurisdiction = null)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var policy = Allowances.InForceOn(date, jurisdiction);
        if (policy is null)
        {
            return new(worker.Id, date, null, QualificationLevel.None, Money.Zero, [Finding.Info("allowance.noPolicy", $"{date:yyyy-MM-dd}没有生效的津贴政策", $"no allowance policy is in force on {date:yyyy-MM-dd}")]);
        }
        if (!policy.EligibleEmployment.Contains(worker.Employment))
        {
            return new(worker.Id, date, policy.Id, QualificationLevel.None, Money.Zero, [Finding.Info("allowance.ineligibleEmployment", $"用工类型{worker.Employment}不适用津贴政策{policy.Id}", $"employment {worker.Employment} is not covered by allowance policy {policy.Id}")]);
        }
        var level = LevelCounting.HighestCounting(worker, date, policy.RequiresMatchingPost, policy.Timing);
        if (level == QualificationLevel.None)
        {
            var held = worker.QualificationOn(date);
            var finding = held == QualificationLevel.None
                ? Finding.Info("allowance.noQualification", "未取得职业资格，无津贴", "holds no qualification: no allowance")
                : Finding.Info(
                    "allowance.pending",
                    $"{LevelCounting.Chinese(held)}津贴自{LevelCounting.CountsFrom(worker, held, date, policy.RequiresMatchingPost, policy.Timing):yyyy-MM-dd}起发放",
                    $"the {LevelCounting.English(held)} allowance starts on {LevelCounting.CountsFrom(worker, held, date, policy.RequiresMatchingPost, policy.Timing):yyyy-MM-dd}");
            return new(worker.Id, date, policy.Id, QualificationLevel.None, Money.Zero, [finding]);
        }
        var amount = Money.FromFen(policy.MonthlyFen[level]);
        return new(worker.Id, date, policy.Id, level, amount, [Finding.Info("allowance.paid", $"按{LevelCounting.Chinese(level)}资格每月发放津贴{amount}元", $"{LevelCounting.English(level)} allowance of {amount} yuan a month", ("level", level), ("yuan", amount))]);
    }

    /// <summary>Assesses the one-off bonuses a worker has earned up to a day: each qualification obtained while a bonus policy was in force.</summary>
    /// <param name="worker">The worker.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="jurisdiction">The worker's division, if known.</param>
    /// <returns>The assessment.</returns>
    public BonusAssessment AssessBonuses(Worker worker, LocalDate asOf, DivisionCode? jurisdiction = null)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var awards = new List<BonusAward>();
        var findings = new List<Finding>();
        var rewarded = new HashSet<(string, QualificationLevel)>();
        foreach (var q in worker.Qualifications.Where(q => q.ObtainedOn <= asOf))
        {
            var policy = Bonuses.InForceOn(q.ObtainedOn, jurisdiction);
            if (policy is null || !policy.EligibleEmployment.Contains(worker.Employment))
            {
                findings.Add(Finding.Info("bonus.noPolicy", $"{q.ObtainedOn:yyyy-MM-dd}取得{LevelCounting.Chinese(q.Level)}资格时无适用的奖励政策", $"no bonus policy covered the {LevelCounting.English(q.Level)} qualification obtained on {q.ObtainedOn:yyyy-MM-dd}"));
                continue;
            }
            if (policy.OncePerLevel && !rewarded.Add((policy.Id, q.Level)))
            {
                findings.Add(Finding.Info("bonus.alreadyRewarded", $"{LevelCounting.Chinese(q.Level)}资格已奖励过，不重复奖励", $"the {LevelCounting.English(q.Level)} level was already rewarded: no second bonus"));
                continue;
            }
            var amount = Money.FromFen(policy.AmountFen[q.Level]);
            awards.Add(new BonusAward(policy.Id, q.Level, q.ObtainedOn, amount));
            findings.Add(Finding.Info("bonus.awarded", $"{q.ObtainedOn:yyyy-MM-dd}取得{LevelCounting.Chinese(q.Level)}资格，一次性奖励{amount}元", $"{LevelCounting.English(q.Level)} qualification obtained on {q.ObtainedOn:yyyy-MM-dd}: one-off bonus of {amount} yuan"));
        }
        if (findings.Count == 0)
        {
            findings.Add(Finding.Info("bonus.none", "未取得职业资格，无奖励", "no qualification obtained: no bonus"));
        }
        var total = awards.Aggregate(Money.Zero, (sum, a) => sum + a.Amount);
        return new BonusAssessment(worker.Id, asOf, awards, total, findings);
    }
}
