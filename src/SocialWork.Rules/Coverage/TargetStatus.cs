namespace SocialWork.Rules;

/// <summary>Target statuses.</summary>
public enum TargetStatus
{
    /// <summary>Actual ≥ required.</summary>
    Met,

    /// <summary>Not yet due, and actual ≥ required × the elapsed fraction of its phase.</summary>
    OnTrack,

    /// <summary>Not yet due, and below that pace.</summary>
    Behind,

    /// <summary>Due, and below required.</summary>
    Missed,

    /// <summary>
    /// The target cannot be assessed: its metric needs something the plan's station standard does not define (a share of
    /// stations graded Improved, when the standard has no improvement criteria). Never reported as missed.
    /// </summary>
    NotAssessable,
}
