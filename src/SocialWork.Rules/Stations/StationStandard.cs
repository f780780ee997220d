using System.Globalization;

namespace SocialWork.Rules;

/// <summary>The facts a station criterion can test (see <see cref="StationProfile"/>).</summary>
public enum StationMetric
{
    /// <summary>Site area in square metres.</summary>
    SiteAreaSquareMetres,

    /// <summary>Number of rooms.</summary>
    Rooms,

    /// <summary>Staff of any employment.</summary>
    Staff,

    /// <summary>Station-resident full-time social workers.</summary>
    ResidentSocialWorkers,

    /// <summary>Part-time social workers.</summary>
    PartTimeSocialWorkers,

    /// <summary>Certified staff.</summary>
    CertifiedStaff,

    /// <summary>Opening days per week.</summary>
    OpeningDaysPerWeek,

    /// <summary>Service-item list published (yes = 1).</summary>
    ServiceListPublished,

    /// <summary>Records and case files kept (yes = 1).</summary>
    CaseFilesKept,

    /// <summary>Service records in the last 90 days.</summary>
    RecordsLast90Days,

    /// <summary>Has a site (六有: 场地).</summary>
    HasSite,

    /// <summary>Has equipment (六有: 设备).</summary>
    HasEquipment,

    /// <summary>Has staff (六有: 人员).</summary>
    HasStaff,

    /// <summary>Has service functions (六有: 服务功能).</summary>
    HasServiceFunctions,

    /// <summary>Has workflows (六有: 工作流程).</summary>
    HasWorkflows,

    /// <summary>Has rules and regulations (六有: 规章制度).</summary>
    HasRules,
}

/// <summary>How a criterion compares a fact with its threshold.</summary>
public enum Comparison
{
    /// <summary>The fact is at least the threshold.</summary>
    AtLeast,

    /// <summary>The fact is at most the threshold.</summary>
    AtMost,
}

/// <summary>A station's grade against a standard.</summary>
public enum StationGrade
{
    /// <summary>Some core criterion is not met.</summary>
    Unmet,

    /// <summary>Every core criterion is met (规范).</summary>
    Standard,

    /// <summary>Every core and every extra criterion is met (提升).</summary>
    Improved,
}

/// <summary>One criterion of a station standard.</summary>
/// <param name="Id">A stable id, for example <c>six-haves.site</c>.</param>
/// <param name="Metric">The fact tested.</param>
/// <param name="Comparison">How it is compared.</param>
/// <param name="Threshold">The threshold (1 for yes/no facts).</param>
/// <param name="Message">What the criterion requires, in words.</param>
/// <param name="ForImproved">Whether it is an extra criterion for the Improved grade rather than a core one.</param>
public sealed record StationCriterion(string Id, StationMetric Metric, Comparison Comparison, double Threshold, LocalizedText Message, bool ForImproved = false)
{
    /// <summary>Determines whether a value satisfies the criterion.</summary>
    /// <param name="value">The value, or <see langword="null"/> when the fact is missing.</param>
    /// <returns><see langword="true"/> when satisfied.</returns>
    public bool IsSatisfiedBy(double? value) => value is { } v && (Comparison == Comparison.AtLeast ? v >= Threshold : v <= Threshold);
}

/// <summary>A station's grade and the reasons.</summary>
/// <param name="FacilityId">The station.</param>
/// <param name="Grade">The grade.</param>
/// <param name="Findings">One finding per criterion not met, or one saying all were met.</param>
public sealed record StationGradeResult(string FacilityId, StationGrade Grade, IReadOnlyList<Finding> Findings)
{
    /// <summary>Gets the findings; compared by content.</summary>
    public IReadOnlyList<Finding> Findings { get; init => field = ValueList.From(value); } = ValueList.From(Findings);
}

/// <summary>
/// A station standard (规范化建设标准): criteria as data. A station is <see cref="StationGrade.Standard"/> when it meets
/// every core criterion and <see cref="StationGrade.Improved"/> when it also meets every extra one.
/// </summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The name.</param>
/// <param name="Source">Where the criteria come from.</param>
/// <param name="Criteria">The criteria.</param>
public sealed record StationStandard(string Id, LocalizedText Name, string Source, IReadOnlyList<StationCriterion> Criteria)
{
    /// <summary>Gets the criteria; compared by content.</summary>
    public IReadOnlyList<StationCriterion> Criteria { get; init => field = ValueList.From(value); } = ValueList.From(Criteria);

    /// <summary>
    /// The national "six haves" (六有: 场地、设备、人员、服务功能、工作流程、规章制度) as yes/no criteria; from
    /// 《"十四五"民政事业发展规划》 as cited by local civil-affairs pages (secondary).
    /// </summary>
    public static StationStandard SixHaves { get; } = new(
        "six-haves",
        new LocalizedText("社工站“六有”标准", "Six haves"),
        "《\"十四五\"民政事业发展规划》 as cited (m.ntxkf.cn; applied by tja.gov.cn) [secondary]",
        [
            YesNo("six-haves.site", StationMetric.HasSite, "有场地", "has a site"),
            YesNo("six-haves.equipment", StationMetric.HasEquipment, "有设备", "has equipment"),
            YesNo("six-haves.staff", StationMetric.HasStaff, "有人员", "has staff"),
            YesNo("six-haves.functions", StationMetric.HasServiceFunctions, "有服务功能", "has service functions"),
            YesNo("six-haves.workflows", StationMetric.HasWorkflows, "有工作流程", "has workflows"),
            YesNo("six-haves.rules", StationMetric.HasRules, "有规章制度", "has rules and regulations"),
        ]);

    /// <summary>Fujian (2021): in principle at least 2 social workers per station (《福建省乡镇(街道)社会工作服务站购买服务项目实施方案(试行)》, secondary).</summary>
    public static StationStandard Fujian2021 { get; } = new(
        "fujian-2021",
        new LocalizedText("福建省社工站配备标准（2021）", "Fujian station staffing (2021)"),
        "《福建省乡镇(街道)社会工作服务站购买服务项目实施方案(试行)》, Jan 2021 (app.taihainet.com) [secondary]",
        [new("fujian-2021.workers", StationMetric.ResidentSocialWorkers, Comparison.AtLeast, 2, new LocalizedText("每个社工站至少配备2名社工", "at least 2 social workers per station"))]);

    /// <summary>Guangdong 双百 (2017): 3 social workers per funded station (粤民函〔2017〕43号).</summary>
    public static StationStandard Guangdong2017 { get; } = new(
        "guangdong-2017",
        new LocalizedText("广东“双百计划”社工站配备（2017）", "Guangdong Double-Hundred staffing (2017)"),
        "粤民函〔2017〕43号 (kaiping.gov.cn) [primary]",
        [new("guangdong-2017.workers", StationMetric.ResidentSocialWorkers, Comparison.AtLeast, 3, new LocalizedText("每个资助社工站配备3名社工", "3 social workers per funded station"))]);

    /// <summary>Combines standards into one (for example six haves plus a provincial staffing rule).</summary>
    /// <param name="id">The new id.</param>
    /// <param name="name">The new name.</param>
    /// <param name="parts">The standards to combine.</param>
    /// <returns>A standard with every part's criteria.</returns>
    public static StationStandard Combine(string id, LocalizedText name, params StationStandard[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new(id, name, string.Join("; ", parts.Select(p => p.Source)), [.. parts.SelectMany(p => p.Criteria)]);
    }

    /// <summary>Grades a station.</summary>
    /// <param name="profile">The station's facts.</param>
    /// <returns>The grade with a finding per failed criterion.</returns>
    public StationGradeResult Grade(StationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var findings = new List<Finding>();
        var coreMet = true;
        var extraMet = true;
        foreach (var criterion in Criteria)
        {
            var value = profile.Value(criterion.Metric);
            if (criterion.IsSatisfiedBy(value))
            {
                continue;
            }
            if (criterion.ForImproved)
            {
                extraMet = false;
            }
            else
            {
                coreMet = false;
            }
            var actual = value?.ToString(CultureInfo.InvariantCulture) ?? "—";
            findings.Add(new Finding(
                criterion.ForImproved ? "station.improvedCriterionUnmet" : "station.criterionUnmet",
                criterion.ForImproved ? FindingSeverity.Warning : FindingSeverity.Error,
                $"社工站{profile.FacilityId}未达到“{criterion.Message.Chinese}”（实际：{(value is null ? "未填报" : actual)}）",
                $"station {profile.FacilityId} does not meet '{criterion.Message.English ?? criterion.Message.Chinese}' (actual: {(value is null ? "not reported" : actual)})",
                new Dictionary<string, string> { ["criterion"] = criterion.Id, ["actual"] = actual, ["threshold"] = criterion.Threshold.ToString(CultureInfo.InvariantCulture) }));
        }
        var grade = !coreMet ? StationGrade.Unmet : extraMet && Criteria.Any(c => c.ForImproved) ? StationGrade.Improved : StationGrade.Standard;
        if (findings.Count == 0)
        {
            findings.Add(Finding.Info("station.allMet", $"社工站{profile.FacilityId}达到{Name.Chinese}全部条件", $"station {profile.FacilityId} meets every criterion of {Name.English ?? Name.Chinese}"));
        }
        return new StationGradeResult(profile.FacilityId, grade, findings);
    }

    private static StationCriterion YesNo(string id, StationMetric metric, string zh, string en)
        => new(id, metric, Comparison.AtLeast, 1, new LocalizedText(zh, en));
}
