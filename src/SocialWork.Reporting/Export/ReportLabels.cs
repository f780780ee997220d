using System.Globalization;

namespace SocialWork.Reporting;

/// <summary>Labels for report output in zh-CN or English: column headers, division names and dimension keys.</summary>
public sealed class ReportLabels
{
    private static readonly Dictionary<string, (string Zh, string En)> ColumnLabels = new(StringComparer.Ordinal)
    {
        ["division"] = ("区划代码", "Division"),
        ["name"] = ("名称", "Name"),
        ["period"] = ("期间", "Period"),
        ["key"] = ("分类", "Key"),
        ["keyLabel"] = ("分类名称", "Key label"),
        ["records"] = ("记录数", "Records"),
        ["personTimes"] = ("服务人次", "Person-times"),
        ["people"] = ("服务人数", "People"),
        ["recordsWithoutPerson"] = ("未记服务对象的记录", "Records without a person"),
        ["households"] = ("户数", "Households"),
        ["amount"] = ("链接资源(元)", "Resources (yuan)"),
        ["visits"] = ("走访入户", "Visits"),
        ["files"] = ("建立档案", "Files"),
        ["casework"] = ("个案服务", "Casework"),
        ["groups"] = ("小组活动", "Groups"),
        ["activities"] = ("主题活动", "Activities"),
        ["trainings"] = ("培训", "Trainings"),
        ["others"] = ("其他方式", "Others"),
        ["total"] = ("合计", "Total"),
    };

    /// <summary>Creates labels.</summary>
    /// <param name="culture">The culture: any zh culture gives Chinese, others English.</param>
    /// <param name="catalog">The catalog for key labels (the default catalog when omitted).</param>
    /// <param name="directory">Division names, if known.</param>
    /// <param name="programmes">Programme names, if known.</param>
    public ReportLabels(CultureInfo culture, ServiceCatalog? catalog = null, DivisionDirectory? directory = null, ProgrammeRegistry? programmes = null)
    {
        Programmes = programmes;
        Culture = culture ?? throw new ArgumentNullException(nameof(culture));
        Catalog = catalog ?? ServiceCatalog.Default;
        Directory = directory;
    }

    /// <summary>Gets the culture.</summary>
    public CultureInfo Culture { get; }

    /// <summary>Gets the catalog used for key labels.</summary>
    public ServiceCatalog Catalog { get; }

    /// <summary>Gets the programme names, if known.</summary>
    public ProgrammeRegistry? Programmes { get; }

    /// <summary>Gets the division names, if known.</summary>
    public DivisionDirectory? Directory { get; }

    /// <summary>Gets a value indicating whether labels are Chinese.</summary>
    public bool IsChinese => Culture.TwoLetterISOLanguageName == "zh";

    /// <summary>Gets the header of a report column (<c>records</c>, <c>personTimes</c>, …).</summary>
    /// <param name="column">The column id.</param>
    /// <returns>The header; the id itself when unknown.</returns>
    public string Column(string column) => ColumnLabels.TryGetValue(column, out var label) ? (IsChinese ? label.Zh : label.En) : column;

    /// <summary>Gets a division's name, or empty when unknown.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The name.</returns>
    public string DivisionName(DivisionCode code) => Directory is not null && Directory.TryGet(code, out var d) ? d.Name : string.Empty;

    /// <summary>Gets the label of a catalog key (a domain, item, type, method or target-group code), falling back zh-CN → en → the key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The label.</returns>
    public string Key(string key) => key.Length == 0 ? string.Empty : Catalog.GetLabel(key, Culture);

    /// <summary>Gets the label of a key of a report by <paramref name="dimension"/>: a programme's name from <see cref="Programmes"/>, any other key from the catalog.</summary>
    /// <param name="key">The key.</param>
    /// <param name="dimension">The dimension the key belongs to (a programme id may look like a catalog code).</param>
    /// <returns>The label; the key itself when nothing names it.</returns>
    public string Key(string key, CubeDimension dimension) => dimension switch
    {
        CubeDimension.Programme => key.Length == 0 ? string.Empty : Programmes?.GetName(key, Culture) ?? key,
        CubeDimension.Party => PartyLabels.TryGetValue(key, out var label) ? (IsChinese ? label.Zh : label.En) : key,
        _ => Key(key),
    };

    /// <summary>The five-society parties (五社联动) as the Hunan documents name them.</summary>
    private static readonly Dictionary<string, (string Zh, string En)> PartyLabels = new(StringComparer.Ordinal)
    {
        [string.Empty] = ("未注明联动主体", "no party named"),
        ["community"] = ("社区", "Community"),
        ["organisation"] = ("社会组织", "Social organisation"),
        ["socialWorker"] = ("社会工作者", "Social worker"),
        ["volunteer"] = ("社区志愿者", "Community volunteer"),
        ["charity"] = ("社会慈善资源", "Charitable resources"),
    };
}
