using NodaTime;

namespace SocialWork.Rules;

/// <summary>Where a phase sits in time.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Start">Its first day.</param>
/// <param name="End">Its last day (the due date of its targets).</param>
public sealed record PhaseWindow(CoveragePhase Phase, LocalDate Start, LocalDate End);
