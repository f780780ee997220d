using SocialWork.Json;

namespace SocialWork.Rules;

/// <summary>Ids, labels and kinds of <see cref="CoverageMetric"/> values (the helpers of an enum <c>X</c> live in <c>XExtensions</c>).</summary>
public static class CoverageMetricExtensions
{
    /// <summary>Gets the camelCase id of a metric, for example <c>townshipStationCoverage</c>.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The id.</returns>
    public static string ToId(this CoverageMetric metric) => DocumentReader.CamelCase(metric.ToString());

    /// <summary>Parses a metric id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="metric">The metric when recognised.</param>
    /// <returns><see langword="true"/> when recognised.</returns>
    public static bool TryParse(string id, out CoverageMetric metric)
    {
        foreach (var m in Enum.GetValues<CoverageMetric>())
        {
            if (string.Equals(ToId(m), id, StringComparison.Ordinal))
            {
                metric = m;
                return true;
            }
        }
        metric = default;
        return false;
    }

    /// <summary>Gets the metric's label in zh-CN and English, for tables and findings (ids stay ids in JSON).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>For example 乡镇（街道）社工站覆盖率 / township station coverage.</returns>
    public static LocalizedText GetLabel(this CoverageMetric metric) => metric switch
    {
        CoverageMetric.CountyCenter => new("区县社工服务中心", "county centre"),
        CoverageMetric.TownshipStationCoverage => new("乡镇（街道）社工站覆盖率", "township station coverage"),
        CoverageMetric.StandardShare => new("社工站达标率", "stations up to standard"),
        CoverageMetric.ImprovedShare => new("社工站提升率", "stations improved"),
        CoverageMetric.CommunityRoomCoverage => new("村（社区）社工室覆盖率", "village room coverage"),
        CoverageMetric.VolunteerPointCoverage => new("村（社区）志愿服务站点覆盖率", "volunteer point coverage"),
        CoverageMetric.ResidentWorkersPerStation => new("每站驻站社工人数", "resident workers per station"),
        CoverageMetric.CertifiedShare => new("持证社工占比", "certified share"),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown coverage metric."),
    };

    /// <summary>Gets a value indicating whether the metric is a share in [0,1].</summary>
    /// <param name="metric">The metric.</param>
    /// <returns><see langword="false"/> only for <see cref="CoverageMetric.ResidentWorkersPerStation"/>.</returns>
    public static bool IsShare(this CoverageMetric metric) => metric != CoverageMetric.ResidentWorkersPerStation;
}
