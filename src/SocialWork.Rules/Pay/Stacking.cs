namespace SocialWork.Rules;

/// <summary>How uplifts for several qualification levels combine.</summary>
public enum Stacking
{
    /// <summary>Only the highest counting level's steps apply (就高不叠加).</summary>
    HighestOnly,

    /// <summary>The highest counting level's steps plus those of every lower counting level at which the worker holds a qualification of exactly that level.</summary>
    Cumulative,
}
