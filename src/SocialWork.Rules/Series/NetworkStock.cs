using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// The network and the workforce of one division read on one day (<see cref="AsOf"/>, the last day of
/// <see cref="Period"/> or the series' end): stocks, which add up over the hierarchy but never over time.
/// </summary>
/// <param name="Division">The division: the plan's scope or one of its townships.</param>
/// <param name="Period">The period the row stands for.</param>
/// <param name="AsOf">The day the stocks are read on.</param>
/// <param name="Facilities">Facilities operating on <see cref="AsOf"/> inside the division, by tier.</param>
/// <param name="TownshipsWithStation">Townships inside the division (the division itself, for a township) with an operating station.</param>
/// <param name="VillagesWithRoom">Villages inside the division with an operating community room.</param>
/// <param name="Workers">Workers employed on <see cref="AsOf"/> at facilities inside the division that operate that day.</param>
/// <param name="Certified">Those workers by the highest qualification level they hold on <see cref="AsOf"/>.</param>
/// <param name="PostsHeld">Those workers by the highest social-work post they are appointed to on <see cref="AsOf"/>.</param>
/// <param name="ByEmployment">Those workers by employment.</param>
public sealed record NetworkStock(
    DivisionCode Division,
    ReportingPeriod Period,
    LocalDate AsOf,
    FacilityCounts Facilities,
    int TownshipsWithStation,
    int VillagesWithRoom,
    int Workers,
    PerLevel<int> Certified,
    PerLevel<int> PostsHeld,
    EmploymentCounts ByEmployment)
{
    /// <summary>Gets the share of <see cref="Workers"/> holding any qualification, recomputed from the counts; <see langword="null"/> without workers.</summary>
    public double? CertifiedShare => Workers == 0 ? null : (double)(Certified.Assistant + Certified.Intermediate + Certified.Senior) / Workers;

    /// <summary>Gets the plan's targets on <see cref="AsOf"/>; only the scope's rows carry them (empty otherwise).</summary>
    public IReadOnlyList<TargetAssessment> Targets { get; init => field = ValueList.From(value); } = [];
}
