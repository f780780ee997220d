namespace SocialWork.Reporting;

/// <summary>Who acts on a submission: a name for the history, the divisions it may act for, and what it may do.</summary>
/// <param name="Name">The principal's name, kept in every transition it makes.</param>
/// <param name="Scope">The divisions it may act for.</param>
/// <param name="Reports">Whether it may submit (the <c>reporter</c> role): reports of divisions inside its scope.</param>
/// <param name="Approves">Whether it may approve and return (the <c>approver</c> role): reports of divisions whose parent is inside its scope — never of its own level.</param>
public sealed record SubmissionActor(string Name, DivisionScope Scope, bool Reports, bool Approves);
