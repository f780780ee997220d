using NodaTime;

namespace SocialWork;

/// <summary>Several versions of a catalog; picks the version in force on a date and compares versions.</summary>
public sealed class CatalogHistory
{
    /// <summary>Creates a history.</summary>
    /// <param name="versions">The versions; no two may take effect on the same day.</param>
    /// <exception cref="ArgumentException">No versions, or two take effect the same day.</exception>
    public CatalogHistory(IEnumerable<ServiceCatalog> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        versionArray = [.. versions.OrderBy(v => v.EffectiveFrom ?? LocalDate.MinIsoValue)];
        Preconditions.CheckArgument(Versions.Count > 0, nameof(versions), "A catalog history needs at least one version.");
        for (var i = 1; i < Versions.Count; i++)
        {
            Preconditions.CheckArgument(
                Versions[i].EffectiveFrom != Versions[i - 1].EffectiveFrom,
                nameof(versions),
                $"Catalogs '{Versions[i - 1].Id}' and '{Versions[i].Id}' both take effect on {Versions[i].EffectiveFrom?.ToString() ?? "(always)"}.");
        }
    }

    private readonly ServiceCatalog[] versionArray;

    /// <summary>Gets the versions, earliest first.</summary>
    public IReadOnlyList<ServiceCatalog> Versions => versionArray;

    /// <summary>Gets the version in force on <paramref name="date"/>: the latest that took effect on or before it.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The version, or <see langword="null"/> when none had taken effect.</returns>
    public ServiceCatalog? InForceOn(LocalDate date)
    {
        ServiceCatalog? found = null;
        foreach (var version in versionArray)
        {
            if (version.EffectiveFrom is null || version.EffectiveFrom.Value <= date)
            {
                found = version;
            }
        }
        return found;
    }

    /// <summary>Compares two catalogs: items added, items retired, labels changed.</summary>
    /// <param name="older">The older version.</param>
    /// <param name="newer">The newer version.</param>
    /// <returns>The differences, each list in code order.</returns>
    public static CatalogDiff Diff(ServiceCatalog older, ServiceCatalog newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var oldItems = older.Items.ToDictionary(i => i.Code.Value, StringComparer.Ordinal);
        var newItems = newer.Items.ToDictionary(i => i.Code.Value, StringComparer.Ordinal);
        var added = newItems.Keys.Where(c => !oldItems.ContainsKey(c));
        var retired = oldItems.Values.Where(o => o.RetiredOn is null && (!newItems.TryGetValue(o.Code.Value, out var n) || n.RetiredOn is not null)).Select(o => o.Code.Value);
        var relabelled = newer.Labels.Where(kv => older.Labels.TryGetValue(kv.Key, out var label) && label != kv.Value).Select(kv => kv.Key);
        return new CatalogDiff(Sorted(added), Sorted(retired), Sorted(relabelled));

        static string[] Sorted(IEnumerable<string> codes) => [.. codes.Order(StringComparer.Ordinal)];
    }
}
