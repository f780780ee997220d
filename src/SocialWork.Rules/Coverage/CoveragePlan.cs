using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// A coverage plan for a scope (usually a county): a start date and consecutive named phases with targets, such as
/// 竞秀区's "一年覆盖、两年规范、三年提升". Before the start the phase is <c>notStarted</c>; after the last phase it is
/// <c>sustain</c>.
/// </summary>
public sealed partial record CoveragePlan
{
    /// <summary>The phase id before the plan starts.</summary>
    public const string NotStarted = "notStarted";

    /// <summary>The phase id after the last phase.</summary>
    public const string Sustain = "sustain";

    /// <summary>Creates a plan and validates it.</summary>
    /// <param name="scope">The division the plan covers.</param>
    /// <param name="start">The first day of the first phase.</param>
    /// <param name="phases">The phases, in order.</param>
    /// <exception cref="ArgumentException">No phases, a phase of no months, a repeated phase id, or a share target outside [0,1].</exception>
    public CoveragePlan(DivisionCode scope, LocalDate start, IReadOnlyList<CoveragePhase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        if (phases.Count == 0)
        {
            throw new ArgumentException("A coverage plan needs at least one phase.", nameof(phases));
        }
        var ids = new HashSet<string>(StringComparer.Ordinal) { NotStarted, Sustain };
        var windows = new List<PhaseWindow>();
        var from = start;
        foreach (var phase in phases)
        {
            if (phase.Months < 1)
            {
                throw new ArgumentException($"Phase '{phase.Id}' must last at least one month; was {phase.Months}.", nameof(phases));
            }
            if (!ids.Add(phase.Id))
            {
                throw new ArgumentException($"Phase id '{phase.Id}' is repeated or reserved.", nameof(phases));
            }
            foreach (var target in phase.Targets)
            {
                if (!double.IsFinite(target.Required) || target.Required < 0)
                {
                    throw new ArgumentException($"Phase '{phase.Id}': target {target.Id} requires {target.Required}, which is not a finite number of at least 0.", nameof(phases));
                }
                if (CoverageMetricExtensions.IsShare(target.Metric) && target.Required > 1)
                {
                    throw new ArgumentException($"Phase '{phase.Id}': target {target.Id} requires {target.Required}, outside [0,1].", nameof(phases));
                }
            }
            var monthsLeft = ((9999 - from.Year) * 12) + (12 - from.Month);
            if (phase.Months > monthsLeft)
            {
                throw new ArgumentException($"Phase '{phase.Id}' starts on {from:yyyy-MM-dd} and lasts {phase.Months} months, past 9999-12-31, the end of the calendar.", nameof(phases));
            }
            var next = from.PlusMonths(phase.Months);
            windows.Add(new PhaseWindow(phase, from, next.PlusDays(-1)));
            from = next;
        }
        Scope = scope;
        Start = start;
        Phases = ValueList.From(phases);
        Windows = ValueList.From(windows);
    }

    /// <summary>Gets the plan's id, if any.</summary>
    public string? Id { get; init; }

    /// <summary>Gets where the plan's shape comes from.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the scope.</summary>
    public DivisionCode Scope { get; }

    /// <summary>Gets the first day.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the phases.</summary>
    public IReadOnlyList<CoveragePhase> Phases { get; }

    /// <summary>Gets each phase's first and last day; the windows tile [Start, End] without gaps.</summary>
    public IReadOnlyList<PhaseWindow> Windows { get; }

    /// <summary>Gets the last day of the last phase.</summary>
    public LocalDate End => Windows[^1].End;

    /// <summary>Gets the phase id in force on <paramref name="date"/>: a phase id, <see cref="NotStarted"/> or <see cref="Sustain"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The phase id.</returns>
    public string PhaseIdOn(LocalDate date) => date < Start ? NotStarted : WindowOn(date)?.Phase.Id ?? Sustain;

    /// <summary>Gets the window of the phase in force on <paramref name="date"/>, or <see langword="null"/> before the start and after the end.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The window.</returns>
    public PhaseWindow? WindowOn(LocalDate date) => Windows.FirstOrDefault(w => w.Start <= date && date <= w.End);
}
