namespace SocialWork.Rules;

/// <summary>Checks service records against the catalog version in force on each record's date.</summary>
public sealed class CatalogChecker
{
    /// <summary>Creates a checker.</summary>
    /// <param name="history">The catalog versions.</param>
    public CatalogChecker(CatalogHistory history) => History = history ?? throw new ArgumentNullException(nameof(history));

    /// <summary>Creates a checker over a single catalog.</summary>
    /// <param name="catalog">The catalog.</param>
    public CatalogChecker(ServiceCatalog catalog)
        : this(new CatalogHistory([catalog ?? throw new ArgumentNullException(nameof(catalog))]))
    {
    }

    /// <summary>Gets the catalog versions.</summary>
    public CatalogHistory History { get; }

    /// <summary>Classifies a record without allocating: the hot path for bulk checks.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The outcome.</returns>
    public CatalogCheckOutcome Classify(ServiceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var catalog = History.InForceOn(record.Date);
        if (catalog is null)
        {
            return CatalogCheckOutcome.NoCatalogInForce;
        }
        if (!catalog.Contains(record.Code))
        {
            return CatalogCheckOutcome.UnknownCode;
        }
        if (!catalog.IsActive(record.Code, record.Date))
        {
            return CatalogCheckOutcome.RetiredCode;
        }
        return record.Households > 0 && !record.Method.CountsHouseholds() ? CatalogCheckOutcome.HouseholdsNotApplicable : CatalogCheckOutcome.Valid;
    }

    /// <summary>Checks a record and explains the result, naming the catalog version used.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The result.</returns>
    public CatalogCheckResult Check(ServiceRecord record)
    {
        var outcome = Classify(record);
        var catalog = History.InForceOn(record.Date);
        var version = catalog is null ? "—" : $"{catalog.Id}{(catalog.EffectiveFrom is { } from ? $" ({from:yyyy-MM-dd})" : string.Empty)}";
        var date = record.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var finding = outcome switch
        {
            CatalogCheckOutcome.Valid => Finding.Info("catalog.valid", $"记录{record.Id}的事项“{record.Code}”在目录{version}中有效", $"record {record.Id}: code '{record.Code}' is active in catalog {version}", ("catalog", catalog?.Id)),
            CatalogCheckOutcome.NoCatalogInForce => Finding.Error("catalog.noneInForce", $"记录{record.Id}的日期{date}没有生效的服务事项清单", $"record {record.Id}: no catalog is in force on {date}"),
            CatalogCheckOutcome.UnknownCode => Finding.Error("catalog.unknownCode", $"记录{record.Id}的事项“{record.Code}”不在目录{version}中", $"record {record.Id}: code '{record.Code}' is not in catalog {version}", ("catalog", catalog?.Id)),
            CatalogCheckOutcome.RetiredCode => Finding.Error("catalog.retiredCode", $"记录{record.Id}的事项“{record.Code}”在{date}已停用（目录{version}）", $"record {record.Id}: code '{record.Code}' is retired on {date} in catalog {version}", ("catalog", catalog?.Id)),
            _ => Finding.Warning("catalog.householdsNotApplicable", $"记录{record.Id}的服务方式“{record.Method.ToCode()}”不应填写户数（{record.Households}户）", $"record {record.Id}: method '{record.Method.ToCode()}' does not reach households but {record.Households} are recorded", ("catalog", catalog?.Id)),
        };
        return new CatalogCheckResult(record.Id, outcome, catalog?.Id, [finding]);
    }
}
