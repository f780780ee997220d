using NodaTime;

namespace SocialWork;

/// <summary>A professional qualification a worker obtained on a date. Qualifications do not lapse.</summary>
public sealed record Qualification
{
    /// <summary>Creates a qualification.</summary>
    /// <param name="level">The level; not <see cref="QualificationLevel.None"/>.</param>
    /// <param name="obtainedOn">The day it was obtained (the certificate's date).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is None or undefined.</exception>
    public Qualification(QualificationLevel level, LocalDate obtainedOn)
    {
        Preconditions.CheckDefined(level);
        if (level == QualificationLevel.None)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A qualification must have a level (assistant, intermediate or senior); was None.");
        }
        Level = level;
        ObtainedOn = obtainedOn;
    }

    /// <summary>Gets the level.</summary>
    public QualificationLevel Level { get; }

    /// <summary>Gets the day it was obtained.</summary>
    public LocalDate ObtainedOn { get; }
}
