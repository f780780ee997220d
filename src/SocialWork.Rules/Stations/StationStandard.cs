using System.Globalization;

namespace SocialWork.Rules;

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
