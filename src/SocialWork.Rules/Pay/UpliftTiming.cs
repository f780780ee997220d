namespace SocialWork.Rules;

/// <summary>When an uplift starts once its conditions hold.</summary>
public enum UpliftTiming
{
    /// <summary>From the first day of the month after both conditions hold (the default).</summary>
    NextMonth,

    /// <summary>From the day both conditions hold.</summary>
    SameDay,
}
