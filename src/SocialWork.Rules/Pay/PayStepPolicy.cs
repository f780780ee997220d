using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// A pay-step uplift policy (基本报酬提升): community full-time workers who hold a social-worker qualification and are
/// appointed to the corresponding post have basic pay raised by a number of steps (级) per level. Plain data; the
/// semantics are those of <see cref="PayStepEvaluator"/>.
/// </summary>
public sealed partial record PayStepPolicy : IncentivePolicy
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

    /// <summary>
    /// Gets when an uplift starts. Default <see cref="UpliftTiming.SameMonth"/>: the level-raise texts (R-E2 兴安盟, R-E3)
    /// state no start, and the one start rule the sources give for qualification pay is 全椒's "from the month of
    /// registration" (R-E4); set your own rule where the local text states one.
    /// </summary>
    public UpliftTiming Timing { get; init; } = UpliftTiming.SameMonth;

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
