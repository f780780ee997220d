using System.Collections.Frozen;
using System.Globalization;
using NodaTime;

namespace SocialWork;

/// <summary>
/// A versioned service-item list (服务事项清单): the service domains, service types, methods and target groups with
/// their labels, and the jurisdiction's items under the domains. Codes are unique across domains and items.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Build one from JSON with <see cref="ServiceCatalogJson"/>, from code with the constructor,
/// or derive a county list from <see cref="Default"/> with a <see cref="CatalogExtension"/>.
/// </remarks>
public sealed class ServiceCatalog
{
    private static readonly Lazy<ServiceCatalog> DefaultCatalog = new(LoadDefault);

    private readonly FrozenDictionary<string, ServiceItem> itemsByCode;
    private readonly FrozenDictionary<string, CatalogEntry> domainsByCode;

    /// <summary>Creates a catalog and validates it.</summary>
    /// <param name="id">The catalog's identifier, for example <c>default</c> or <c>130602-2024</c>.</param>
    /// <param name="effectiveFrom">The first day this version is in force; <see langword="null"/> for "always".</param>
    /// <param name="domains">The service domains.</param>
    /// <param name="serviceTypes">The service types.</param>
    /// <param name="methods">Labels for the service methods; codes must be those of <see cref="ServiceMethod"/>.</param>
    /// <param name="targetGroups">Labels for the target groups; codes must be those of <see cref="TargetGroup"/>.</param>
    /// <param name="items">The items.</param>
    /// <param name="jurisdiction">The division whose list this is, if any.</param>
    /// <param name="name">A display name, if any.</param>
    /// <param name="baseId">The id of the catalog this one was derived from, if any.</param>
    /// <exception cref="CatalogException">The catalog is invalid; every problem is listed with its JSON path.</exception>
    public ServiceCatalog(
        string id,
        LocalDate? effectiveFrom,
        IReadOnlyList<CatalogEntry> domains,
        IReadOnlyList<CatalogEntry> serviceTypes,
        IReadOnlyList<CatalogEntry> methods,
        IReadOnlyList<CatalogEntry> targetGroups,
        IReadOnlyList<ServiceItem> items,
        DivisionCode? jurisdiction = null,
        LocalizedText? name = null,
        string? baseId = null)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(serviceTypes);
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(targetGroups);
        ArgumentNullException.ThrowIfNull(items);
        var problems = CatalogValidator.Validate(id, domains, serviceTypes, methods, targetGroups, items);
        if (problems.Count > 0)
        {
            throw new CatalogException(problems);
        }
        Id = id;
        EffectiveFrom = effectiveFrom;
        Jurisdiction = jurisdiction;
        Name = name;
        BaseId = baseId;
        Domains = [.. domains];
        ServiceTypes = [.. serviceTypes];
        Methods = [.. methods];
        TargetGroups = [.. targetGroups];
        Items = [.. items.OrderBy(i => i.Code)];
        itemsByCode = Items.ToFrozenDictionary(i => i.Code.Value, StringComparer.Ordinal);
        domainsByCode = Domains.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        var allLabels = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var entry in Domains.Concat(ServiceTypes).Concat(Methods).Concat(TargetGroups))
        {
            allLabels.TryAdd(entry.Code, entry.Label);
        }
        foreach (var item in Items)
        {
            allLabels.TryAdd(item.Code.Value, item.Label);
        }
        Labels = allLabels.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Gets the built-in catalog: the five domains (社会救助, 老年服务, 儿童关爱, 社会事务, 社区治理), the five service
    /// types (照料护理, 能力提升, 心理疏导, 社会融入, 资源链接), the methods and the target groups, with no items (items
    /// are jurisdiction data). Loaded from an embedded JSON resource.
    /// </summary>
    public static ServiceCatalog Default => DefaultCatalog.Value;

    /// <summary>Gets the identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the first day this version is in force, or <see langword="null"/> for "always".</summary>
    public LocalDate? EffectiveFrom { get; }

    /// <summary>Gets the division whose list this is, if any.</summary>
    public DivisionCode? Jurisdiction { get; }

    /// <summary>Gets the display name, if any.</summary>
    public LocalizedText? Name { get; }

    /// <summary>Gets the id of the catalog this one was derived from, if any.</summary>
    public string? BaseId { get; }

    /// <summary>Gets the service domains.</summary>
    public IReadOnlyList<CatalogEntry> Domains { get; }

    /// <summary>Gets the service types.</summary>
    public IReadOnlyList<CatalogEntry> ServiceTypes { get; }

    /// <summary>Gets the method labels.</summary>
    public IReadOnlyList<CatalogEntry> Methods { get; }

    /// <summary>Gets the target-group labels.</summary>
    public IReadOnlyList<CatalogEntry> TargetGroups { get; }

    /// <summary>Gets the items, in code order.</summary>
    public IReadOnlyList<ServiceItem> Items { get; }

    /// <summary>Gets the label of every code of the catalog: domains, service types, methods, target groups and items.</summary>
    internal FrozenDictionary<string, LocalizedText> Labels { get; }

    /// <summary>Determines whether <paramref name="code"/> is a domain or an item of this catalog (retired or not).</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when known.</returns>
    public bool Contains(ServiceCode code) => code.IsDomain ? domainsByCode.ContainsKey(code.Value) : itemsByCode.ContainsKey(code.Value);

    /// <summary>Looks an item up.</summary>
    /// <param name="code">The item code.</param>
    /// <param name="item">The item when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetItem(ServiceCode code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ServiceItem? item)
        => itemsByCode.TryGetValue(code.Value, out item);

    /// <summary>
    /// Determines whether records may use <paramref name="code"/> on <paramref name="date"/>: a domain of this catalog, or
    /// an item that is not retired on that day.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when usable.</returns>
    public bool IsActive(ServiceCode code, LocalDate date)
        => code.IsDomain ? domainsByCode.ContainsKey(code.Value) : itemsByCode.TryGetValue(code.Value, out var item) && item.IsActiveOn(date);

    /// <summary>
    /// Gets the label of any code of the catalog (domain, item, type, method or target group) for
    /// <paramref name="culture"/>, falling back zh-CN → en → the code itself.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <param name="culture">The culture; <see langword="null"/> for the current UI culture.</param>
    /// <returns>The label, or the code when it is unknown.</returns>
    public string GetLabel(string code, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Labels.TryGetValue(code, out var label) ? label.For(culture) : code;
    }

    /// <summary>Creates an extension of this catalog (a county list that adds, relabels and retires items).</summary>
    /// <param name="id">The new catalog's id.</param>
    /// <param name="effectiveFrom">The day the new catalog comes into force.</param>
    /// <returns>An empty extension whose base is this catalog.</returns>
    public CatalogExtension Extend(string id, LocalDate? effectiveFrom) => new(Preconditions.CheckNotBlank(id), Id, effectiveFrom);

    private static ServiceCatalog LoadDefault()
    {
        using var stream = typeof(ServiceCatalog).Assembly.GetManifestResourceStream("SocialWork.Catalog.default-catalog.json")
            ?? throw new InvalidOperationException("The embedded default catalog is missing from the SocialWork.Abstractions assembly.");
        return ServiceCatalogJson.Load(stream, "default-catalog.json");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Domains.Count} domains, {Items.Count} items)";
}
