using NodaTime;

namespace SocialWork.Rules;

/// <summary>The facts about a station that standards test. A missing fact (<see langword="null"/>) fails any criterion on it.</summary>
/// <param name="FacilityId">The station's facility id.</param>
public sealed record StationProfile(string FacilityId)
{
    /// <summary>Gets the site area in square metres.</summary>
    public double? SiteAreaSquareMetres { get; init; }

    /// <summary>Gets the number of rooms (casework room, group-work room, …).</summary>
    public int? Rooms { get; init; }

    /// <summary>Gets the number of staff of any employment.</summary>
    public int? Staff { get; init; }

    /// <summary>Gets the number of station-resident full-time social workers (驻站专职社工).</summary>
    public int? ResidentSocialWorkers { get; init; }

    /// <summary>Gets the number of part-time social workers (兼职社工).</summary>
    public int? PartTimeSocialWorkers { get; init; }

    /// <summary>Gets the number of certified staff (持证社工).</summary>
    public int? CertifiedStaff { get; init; }

    /// <summary>Gets the opening days per week.</summary>
    public int? OpeningDaysPerWeek { get; init; }

    /// <summary>Gets whether the service-item list is published.</summary>
    public bool? ServiceListPublished { get; init; }

    /// <summary>Gets whether records and case files are kept.</summary>
    public bool? CaseFilesKept { get; init; }

    /// <summary>Gets the number of service records in a recent window; the window is yours (<see cref="WithRecordsFrom"/>), no source sets one.</summary>
    public int? RecentRecords { get; init; }

    /// <summary>Gets whether the station has a site (场地).</summary>
    public bool? HasSite { get; init; }

    /// <summary>Gets whether the station has equipment (设备).</summary>
    public bool? HasEquipment { get; init; }

    /// <summary>Gets whether the station has staff (人员).</summary>
    public bool? HasStaff { get; init; }

    /// <summary>Gets whether the station has defined service functions (服务功能).</summary>
    public bool? HasServiceFunctions { get; init; }

    /// <summary>Gets whether the station has workflows (工作流程).</summary>
    public bool? HasWorkflows { get; init; }

    /// <summary>Gets whether the station has rules and regulations (规章制度).</summary>
    public bool? HasRules { get; init; }

    /// <summary>Returns the profile with the staff counts computed from the workers assigned to this station on <paramref name="date"/>.</summary>
    /// <param name="workers">Workers; those whose <see cref="Worker.FacilityId"/> is this station count.</param>
    /// <param name="date">The day (for certification).</param>
    /// <returns>A new profile.</returns>
    public StationProfile WithStaffFrom(IEnumerable<Worker> workers, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(workers);
        var staff = workers.Where(w => string.Equals(w.FacilityId, FacilityId, StringComparison.Ordinal)).ToList();
        return this with
        {
            Staff = staff.Count,
            ResidentSocialWorkers = staff.Count(w => w.Employment == Employment.StationResident),
            PartTimeSocialWorkers = staff.Count(w => w.Employment == Employment.PartTime),
            CertifiedStaff = staff.Count(w => w.IsCertifiedOn(date)),
        };
    }

    /// <summary>Returns the profile with <see cref="RecentRecords"/> counted from records of this station in the <paramref name="windowDays"/> days up to <paramref name="date"/>.</summary>
    /// <param name="records">Records; those whose <see cref="ServiceRecord.FacilityId"/> is this station count.</param>
    /// <param name="date">The last day of the window.</param>
    /// <param name="windowDays">The window's length in days, <paramref name="date"/> included (no public source sets one; a plan's criterion says what it means).</param>
    /// <returns>A new profile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowDays"/> is less than 1.</exception>
    public StationProfile WithRecordsFrom(IEnumerable<ServiceRecord> records, LocalDate date, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        var from = date.PlusDays(1 - windowDays);
        return this with { RecentRecords = records.Count(r => string.Equals(r.FacilityId, FacilityId, StringComparison.Ordinal) && r.Date >= from && r.Date <= date) };
    }

    /// <summary>Gets the value of a metric, with yes/no facts as 1/0.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The value, or <see langword="null"/> when the fact is missing.</returns>
    public double? Value(StationMetric metric) => metric switch
    {
        StationMetric.SiteAreaSquareMetres => SiteAreaSquareMetres,
        StationMetric.Rooms => Rooms,
        StationMetric.Staff => Staff,
        StationMetric.ResidentSocialWorkers => ResidentSocialWorkers,
        StationMetric.PartTimeSocialWorkers => PartTimeSocialWorkers,
        StationMetric.CertifiedStaff => CertifiedStaff,
        StationMetric.OpeningDaysPerWeek => OpeningDaysPerWeek,
        StationMetric.ServiceListPublished => Flag(ServiceListPublished),
        StationMetric.CaseFilesKept => Flag(CaseFilesKept),
        StationMetric.RecentRecords => RecentRecords,
        StationMetric.HasSite => Flag(HasSite),
        StationMetric.HasEquipment => Flag(HasEquipment),
        StationMetric.HasStaff => Flag(HasStaff),
        StationMetric.HasServiceFunctions => Flag(HasServiceFunctions),
        StationMetric.HasWorkflows => Flag(HasWorkflows),
        StationMetric.HasRules => Flag(HasRules),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, $"Undefined station metric {metric}."),
    };

    private static double? Flag(bool? value) => value is null ? null : value.Value ? 1 : 0;
}
