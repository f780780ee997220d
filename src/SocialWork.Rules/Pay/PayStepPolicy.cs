using NodaTime;

namespace SocialWork.Rules;

/// <summary>How uplifts for several qualification levels combine.</summary>
public enum Stacking
{
    /// <summary>Only the highest counting level's steps apply (就高不叠加).</summary>
    HighestOnly,

    /// <summary>The highest counting level's steps plus those of every lower counting level at which the worker holds a qualification of exactly that level.</summary>
    Cumulative,
}

/// <summary>When an uplift starts once its conditions hold.</summary>
public enum UpliftTiming
{
    /// <summary>From the first day of the month after both conditions hold (the default).</summary>
    NextMonth,

    /// <summary>From the day both conditions hold.</summary>
    SameDay,
}

/// <summary>A number per qualification level (steps, or an amount in fen) for the assistant, intermediate and senior levels.</summary>
/// <typeparam name="T">The number type.</typeparam>
/// <param name="Assistant">The value for the assistant level (助理社会工作师, assistant social worker).</param>
/// <param name="Intermediate">The value for the intermediate level.</param>
/// <param name="Senior">The value for the senior level.</param>
public sealed record PerLevel<T>(T Assistant, T Intermediate, T Senior)
{
    /// <summary>Gets the value for <paramref name="level"/>.</summary>
    /// <param name="level">Assistant, Intermediate or Senior.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is None.</exception>
    public T this[QualificationLevel level] => level switch
    {
        QualificationLevel.Assistant => Assistant,
        QualificationLevel.Intermediate => Intermediate,
        QualificationLevel.Senior => Senior,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Only assistant, intermediate and senior levels have values."),
    };
}

/// <summary>
/// A pay-step uplift policy (基本报酬提升): community full-time workers who hold a social-worker qualification and are
/// appointed to the corresponding post have basic pay raised by a number of steps (级) per level. Plain data; the
/// semantics are those of <see cref="PayStepEvaluator"/>.
/// </summary>
public sealed record PayStepPolicy : IncentivePolicy
{
    /// <summary>Creates a policy with the defaults of the 兴安盟 shape (1/2/3 steps, matching post, highest only, next month, community full-time workers).</summary>
    /// <param name="id">The id.</param>
    /// <param name="effectiveFrom">The first day in force.</param>
    public PayStepPolicy(string id, LocalDate effectiveFrom)
        : base(id, effectiveFrom, [Employment.CommunityFullTime])
    {
    }

    /// <summary>Gets the steps per qualification level (default 1/2/3).</summary>
    public PerLevel<int> Steps { get; init; } = new(1, 2, 3);

    /// <summary>Gets a value indicating whether the worker must also be appointed to a post of the level (default yes).</summary>
    public bool RequiresMatchingPost { get; init; } = true;

    /// <summary>Gets how levels combine (default <see cref="Stacking.HighestOnly"/>).</summary>
    public Stacking Stacking { get; init; } = Stacking.HighestOnly;

    /// <summary>Gets when an uplift starts (default <see cref="UpliftTiming.NextMonth"/>).</summary>
    public UpliftTiming Timing { get; init; } = UpliftTiming.NextMonth;

    /// <summary>Gets the pay ladder the steps climb, if given; then effective levels are capped and monthly pay is looked up.</summary>
    public PayLadder? Ladder { get; init; }

    /// <summary>
    /// The most steps one level may add: a sanity bound, not a policy number (the largest published ladders, 四岗二十四级,
    /// have 24 levels), so that base level plus uplift can never overflow.
    /// </summary>
    public const int MaxSteps = 1000;

    /// <summary>Checks the policy's values.</summary>
    /// <returns>This policy.</returns>
    /// <exception cref="ArgumentException">A value is invalid; the message names it.</exception>
    public PayStepPolicy Validate()
    {
        EffectivePolicyExtensions.CheckRange(this);
        foreach (var level in new[] { QualificationLevel.Assistant, QualificationLevel.Intermediate, QualificationLevel.Senior })
        {
            if (Steps[level] is < 0 or > MaxSteps)
            {
                throw new ArgumentOutOfRangeException(nameof(Steps), Steps[level], $"Policy '{Id}': steps for {level} must be between 0 and {MaxSteps}; was {Steps[level]}.");
            }
        }
        if (EligibleEmployment.Count == 0)
        {
            throw new ArgumentException($"Policy '{Id}': eligibleEmployment must name at least one employment kind.", nameof(EligibleEmployment));
        }
        return this;
    }
}

/// <summary>Pay-step policy shapes found in public sources. Legal dates are not known and are always parameters.</summary>
public static class PayStepPolicies
{
    /// <summary>
    /// The shape of 《兴安盟社区专职工作者管理办法(试行)》 as quoted in the seed article (中国社会报): "对取得初级、中级、高级社会
    /// 工作师资格的社区专职工作者并聘任在相应岗位的，分别提升1—3级基本报酬" — community full-time workers, qualification and
    /// matching post both required, 1/2/3 steps. The text does not say whether levels stack (highest only is used) nor
    /// when the uplift starts (next month is used); its legal dates are not in the source, so you supply them.
    /// </summary>
    /// <param name="id">The id to give the policy.</param>
    /// <param name="effectiveFrom">The first day in force, from your own copy of the measure.</param>
    /// <param name="jurisdiction">The jurisdiction (兴安盟 is 152200), if you want the set to match on it.</param>
    /// <returns>The policy.</returns>
    public static PayStepPolicy XingAnLeague(string id, LocalDate effectiveFrom, DivisionCode? jurisdiction = null) => new(id, effectiveFrom)
    {
        Name = new LocalizedText("兴安盟社区专职工作者持证提升基本报酬", "Xing'an League uplift for certified community full-time workers"),
        Source = "《兴安盟社区专职工作者管理办法(试行)》, quoted in 中国社会报 (seed); steps 1/2/3; dates supplied by the user.",
        Jurisdiction = jurisdiction,
    };

    /// <summary>
    /// The shape reported for Hohhot (educity.cn/shgzz/5273130.html, secondary): +1/+2/+3 levels within the post's grade
    /// range, highest only, not cumulative (就高不叠加). Give the ladder whose ranges cap the uplift; dates are yours.
    /// </summary>
    /// <param name="id">The id to give the policy.</param>
    /// <param name="effectiveFrom">The first day in force.</param>
    /// <param name="ladder">The ladder whose category ranges cap the effective level.</param>
    /// <returns>The policy.</returns>
    public static PayStepPolicy Hohhot(string id, LocalDate effectiveFrom, PayLadder ladder) => new(id, effectiveFrom)
    {
        Name = new LocalizedText("呼和浩特市持证社工岗位等级提升", "Hohhot level uplift for certified social workers"),
        Source = "Hohhot, as reported by educity.cn/shgzz/5273130.html [secondary]: +1/+2/+3 within the post's range, highest only.",
        Ladder = ladder,
    };
}
