using NodaTime;

namespace SocialWork.Reporting;

/// <summary>One step in a submission's history, kept for good (the history is append-only).</summary>
/// <param name="Division">The division.</param>
/// <param name="Period">The period.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Revision">The revision after the step.</param>
/// <param name="By">Who made it (<see cref="SubmissionActor.Name"/>).</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why, for a return; <see langword="null"/> otherwise.</param>
/// <param name="SnapshotId">The snapshot submitted or approved, if any.</param>
public sealed record SubmissionTransition(DivisionCode Division, ReportingPeriod Period, SubmissionState From, SubmissionState To, int Revision, string By, Instant At, string? Reason, string? SnapshotId);
