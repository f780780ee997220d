namespace SocialWork.Rules;

/// <summary>When an uplift starts once its conditions hold.</summary>
public enum UpliftTiming
{
    /// <summary>From the first day of the month after the conditions hold.</summary>
    NextMonth,

    /// <summary>From the day the conditions hold.</summary>
    SameDay,

    /// <summary>
    /// From the first day of the month in which the conditions hold: the one start rule the sources state for
    /// qualification pay (R-E4, 全椒: the allowance is paid "from the month of registration"); the policies' default.
    /// </summary>
    SameMonth,
}
