namespace SocialWork.Reporting;

/// <summary>How many rows the input had.</summary>
/// <param name="Read">Rows read.</param>
/// <param name="Accepted">Rows accepted.</param>
/// <param name="Rejected">Rows rejected.</param>
public sealed record ReportInput(int Read, int Accepted, int Rejected);
