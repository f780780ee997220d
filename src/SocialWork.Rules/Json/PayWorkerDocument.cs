namespace SocialWork.Rules;

/// <summary>One worker of a <see cref="PayRosterDocument"/>.</summary>
public sealed class PayWorkerDocument
{
    /// <summary>Gets the worker id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the highest qualification held: <c>none|assistant|intermediate|senior</c>.</summary>
    public string Qualification { get; init; } = "none";

    /// <summary>Gets the post held: <c>none|assistant|intermediate|senior</c>.</summary>
    public string Post { get; init; } = "none";

    /// <summary>Gets the uplift in steps.</summary>
    public int UpliftSteps { get; init; }

    /// <summary>Gets the base level, if known.</summary>
    public int? BaseLevel { get; init; }

    /// <summary>Gets the effective level, if a base level is known.</summary>
    public int? EffectiveLevel { get; init; }

    /// <summary>Gets the findings.</summary>
    public IReadOnlyList<FindingDocument> Findings { get; init; } = [];
}
