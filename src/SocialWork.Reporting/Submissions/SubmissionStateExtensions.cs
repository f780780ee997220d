using System.Diagnostics.CodeAnalysis;

namespace SocialWork.Reporting;

/// <summary>The codes of <see cref="SubmissionState"/>: <c>open</c>, <c>submitted</c>, <c>approved</c>, <c>returned</c> (the JSON contract's, and the stores').</summary>
public static class SubmissionStateExtensions
{
    /// <summary>Gets the state's code.</summary>
    /// <param name="state">The state.</param>
    /// <returns><c>open</c>, <c>submitted</c>, <c>approved</c> or <c>returned</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined state.</exception>
    public static string ToCode(this SubmissionState state) => state switch
    {
        SubmissionState.Open => "open",
        SubmissionState.Submitted => "submitted",
        SubmissionState.Approved => "approved",
        SubmissionState.Returned => "returned",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a submission state."),
    };

    /// <summary>Reads a state's code.</summary>
    /// <param name="code">The code (exact, lower case).</param>
    /// <param name="state">The state, when the code is one.</param>
    /// <returns>Whether it is one.</returns>
    public static bool TryParse([NotNullWhen(true)] string? code, out SubmissionState state)
    {
        (var known, state) = code switch
        {
            "open" => (true, SubmissionState.Open),
            "submitted" => (true, SubmissionState.Submitted),
            "approved" => (true, SubmissionState.Approved),
            "returned" => (true, SubmissionState.Returned),
            _ => (false, default),
        };
        return known;
    }
}
