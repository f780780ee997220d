namespace SocialWork.Rules;

/// <summary>How a criterion compares a fact with its threshold.</summary>
public enum Comparison
{
    /// <summary>The fact is at least the threshold.</summary>
    AtLeast,

    /// <summary>The fact is at most the threshold.</summary>
    AtMost,
}
