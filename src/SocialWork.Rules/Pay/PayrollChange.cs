using NodaTime;

namespace SocialWork.Rules;

/// <summary>A month in which a worker's uplift started, changed or stopped.</summary>
/// <param name="WorkerId">The worker.</param>
/// <param name="Month">The first month of the new uplift.</param>
/// <param name="StepsBefore">The steps in the month before.</param>
/// <param name="StepsAfter">The steps from this month.</param>
/// <param name="Finding">What changed and why: code <c>payroll.started</c>, <c>payroll.changed</c> or <c>payroll.stopped</c>, with the month's own reason in the message.</param>
public sealed record PayrollChange(string WorkerId, YearMonth Month, int StepsBefore, int StepsAfter, Finding Finding);
