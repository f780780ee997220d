using NodaTime;

namespace SocialWork.Reporting;

/// <summary>One expected division's report for the period.</summary>
/// <param name="Division">The division.</param>
/// <param name="State">Where its report stands.</param>
/// <param name="Revision">How many times it was submitted.</param>
/// <param name="SubmittedAt">When it was first submitted; <see langword="null"/> when not yet.</param>
/// <param name="OnTime">Whether that was by the deadline; <see langword="null"/> when not submitted yet.</param>
public sealed record SubmissionRow(DivisionCode Division, SubmissionState State, int Revision, Instant? SubmittedAt, bool? OnTime);
