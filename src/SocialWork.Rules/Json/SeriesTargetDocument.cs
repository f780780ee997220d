namespace SocialWork.Rules;

/// <summary>One target of a <see cref="NetworkStockDocument"/>.</summary>
public sealed class SeriesTargetDocument
{
    /// <summary>Gets the target id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the required value.</summary>
    public double Required { get; init; }

    /// <summary>Gets the actual value on the row's day.</summary>
    public double Actual { get; init; }

    /// <summary>Gets the status: <c>met</c>, <c>onTrack</c>, <c>behind</c>, <c>missed</c> or <c>notAssessable</c>.</summary>
    public string Status { get; init; } = string.Empty;
}
