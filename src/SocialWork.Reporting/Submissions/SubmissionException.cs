namespace SocialWork.Reporting;

/// <summary>
/// A submission step that is not allowed: <see cref="Forbidden"/> when the actor lacks the role or the scope (a web host's
/// 403), otherwise a step the report's state does not allow (409), naming the state. Nothing changed.
/// </summary>
public sealed class SubmissionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The English message.</param>
    /// <param name="chinese">The Chinese message.</param>
    /// <param name="state">The report's state.</param>
    /// <param name="forbidden">Whether the actor may not take the step at all.</param>
    public SubmissionException(string message, string chinese, SubmissionState state, bool forbidden)
        : base(message) => (Chinese, State, Forbidden) = (chinese, state, forbidden);

    /// <summary>Gets the message in Chinese.</summary>
    public string Chinese { get; }

    /// <summary>Gets the report's state when the step was refused.</summary>
    public SubmissionState State { get; }

    /// <summary>Gets whether the actor lacks the role or the scope (rather than the state forbidding the step).</summary>
    public bool Forbidden { get; }
}
