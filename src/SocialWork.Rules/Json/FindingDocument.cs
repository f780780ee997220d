namespace SocialWork.Rules;

/// <summary>A finding's code and its message in the chosen language.</summary>
public sealed class FindingDocument
{
    /// <summary>Gets the code.</summary>
    public string Code { get; init; } = string.Empty;

    /// <summary>Gets the message.</summary>
    public string Message { get; init; } = string.Empty;
}
