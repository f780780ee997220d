namespace SocialWork.Rules;

/// <summary>One target of a <see cref="CoverageDocument"/>.</summary>
public sealed class CoverageTargetDocument
{
    /// <summary>Gets the target id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the phase id.</summary>
    public string Phase { get; init; } = string.Empty;

    /// <summary>Gets the required value.</summary>
    public double Required { get; init; }

    /// <summary>Gets the actual value.</summary>
    public double Actual { get; init; }

    /// <summary>Gets the due date (<c>yyyy-MM-dd</c>).</summary>
    public string Due { get; init; } = string.Empty;

    /// <summary>Gets the status: <c>met</c>, <c>onTrack</c>, <c>behind</c> or <c>missed</c>.</summary>
    public string Status { get; init; } = string.Empty;
}
