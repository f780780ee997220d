using NodaTime;

namespace SocialWork.Rules;

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
            return new(worker.Id, date, policy.Id, QualificationLevel.None, Money.Zero, [Finding.Info("allowance.ineligibleEmployment", $"用工类型{LevelCounting.Chinese(worker.Employment)}不适用津贴政策{policy.Id}", $"employment {LevelCounting.Code(worker.Employment)} is not covered by allowance policy {policy.Id}")]);
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
