namespace SocialWork.Rules;

/// <summary>How much a finding matters.</summary>
public enum FindingSeverity
{
    /// <summary>Explains how a result was reached.</summary>
    Info,

    /// <summary>Something the reader should look at; the result stands.</summary>
    Warning,

    /// <summary>A rule is not satisfied.</summary>
    Error,
}
