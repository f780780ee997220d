using NodaTime;

namespace SocialWork;

/// <summary>
/// The difference between a county (or any jurisdiction's) catalog and the catalog it extends: items added, labels
/// changed, items retired. Applying it to the base gives the county catalog without copying the base into the county's
/// document. Immutable: each <c>With…</c> method returns a new extension.
/// </summary>
public sealed record CatalogExtension
{
    /// <summary>Creates an empty extension.</summary>
    /// <param name="id">The id of the catalog it produces.</param>
    /// <param name="baseId">The id of the catalog it extends.</param>
    /// <param name="effectiveFrom">The first day the produced catalog is in force.</param>
    public CatalogExtension(string id, string baseId, LocalDate? effectiveFrom)
    {
        Id = Preconditions.CheckNotBlank(id);
        BaseId = Preconditions.CheckNotBlank(baseId);
        EffectiveFrom = effectiveFrom;
    }

    /// <summary>Gets the id of the produced catalog.</summary>
    public string Id { get; }

    /// <summary>Gets the id of the base catalog.</summary>
    public string BaseId { get; }

    /// <summary>Gets the first day the produced catalog is in force.</summary>
    public LocalDate? EffectiveFrom { get; }

    /// <summary>Gets the jurisdiction of the produced catalog, if set.</summary>
    public DivisionCode? Jurisdiction { get; init; }

    /// <summary>Gets the display name of the produced catalog, if set.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>Gets the items added.</summary>
    public IReadOnlyList<ServiceItem> AddedItems { get; init => field = ValueList.From(value); } = ValueList.From<ServiceItem>(null);

    /// <summary>Gets the labels changed.</summary>
    public IReadOnlyList<CatalogRelabel> Relabels { get; init => field = ValueList.From(value); } = ValueList.From<CatalogRelabel>(null);

    /// <summary>Gets the items retired.</summary>
    public IReadOnlyList<CatalogRetirement> Retirements { get; init => field = ValueList.From(value); } = ValueList.From<CatalogRetirement>(null);

    /// <summary>Returns this extension with <paramref name="item"/> added.</summary>
    /// <param name="item">The item.</param>
    /// <returns>A new extension.</returns>
    public CatalogExtension WithItem(ServiceItem item) => this with { AddedItems = [.. AddedItems, Preconditions.CheckNotNull(item)] };

    /// <summary>Returns this extension with the label of <paramref name="code"/> changed.</summary>
    /// <param name="code">The code.</param>
    /// <param name="label">The new label.</param>
    /// <returns>A new extension.</returns>
    public CatalogExtension WithRelabel(string code, LocalizedText label) => this with { Relabels = [.. Relabels, new CatalogRelabel(code, label)] };

    /// <summary>Returns this extension with item <paramref name="code"/> retired from <paramref name="on"/>.</summary>
    /// <param name="code">The item code.</param>
    /// <param name="on">The first day retired.</param>
    /// <returns>A new extension.</returns>
    public CatalogExtension WithRetirement(ServiceCode code, LocalDate on) => this with { Retirements = [.. Retirements, new CatalogRetirement(code, on)] };

    /// <summary>Applies the extension to its base catalog.</summary>
    /// <param name="baseCatalog">The catalog whose id is <see cref="BaseId"/>.</param>
    /// <returns>The derived catalog.</returns>
    /// <exception cref="CatalogException">The base is the wrong one, a relabelled or retired code is unknown, or an added item is invalid; paths refer to the extension's JSON document.</exception>
    public ServiceCatalog ApplyTo(ServiceCatalog baseCatalog)
    {
        ArgumentNullException.ThrowIfNull(baseCatalog);
        var problems = new List<DocumentProblem>();
        if (!string.Equals(baseCatalog.Id, BaseId, StringComparison.Ordinal))
        {
            problems.Add(new("$.extends", $"the extension extends '{BaseId}' but was applied to '{baseCatalog.Id}'"));
        }
        var relabels = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        for (var i = 0; i < Relabels.Count; i++)
        {
            var code = Relabels[i].Code;
            if (!relabels.TryAdd(code, Relabels[i].Label))
            {
                problems.Add(new($"$.relabel[{i}].code", $"code '{code}' is relabelled more than once"));
            }
        }
        var knownCodes = baseCatalog.Labels.Keys.Concat(AddedItems.Select(i => i.Code.Value)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < Relabels.Count; i++)
        {
            if (!knownCodes.Contains(Relabels[i].Code))
            {
                problems.Add(new($"$.relabel[{i}].code", $"code '{Relabels[i].Code}' is not in catalog '{BaseId}' or this extension"));
            }
        }
        var retirements = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        var itemCodes = baseCatalog.Items.Select(i => i.Code.Value).Concat(AddedItems.Select(i => i.Code.Value)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < Retirements.Count; i++)
        {
            var code = Retirements[i].Code.Value;
            if (!itemCodes.Contains(code))
            {
                problems.Add(new($"$.retire[{i}].code", $"item '{code}' is not in catalog '{BaseId}' or this extension"));
            }
            else if (!retirements.TryAdd(code, Retirements[i].On))
            {
                problems.Add(new($"$.retire[{i}].code", $"item '{code}' is retired more than once"));
            }
        }
        var itemProblems = CatalogValidator.Validate(Id, baseCatalog.Domains, baseCatalog.ServiceTypes, baseCatalog.Methods, baseCatalog.TargetGroups, [.. baseCatalog.Items, .. AddedItems]);
        problems.AddRange(itemProblems.Select(p => RebaseItemPath(p, baseCatalog.Items.Count)));
        if (problems.Count > 0)
        {
            throw new CatalogException(problems, Id);
        }

        CatalogEntry Relabel(CatalogEntry e) => relabels.TryGetValue(e.Code, out var label) ? e with { Label = label } : e;
        ServiceItem Change(ServiceItem item)
        {
            var changed = relabels.TryGetValue(item.Code.Value, out var label) ? item with { Label = label } : item;
            return retirements.TryGetValue(item.Code.Value, out var on) ? changed with { RetiredOn = on } : changed;
        }

        return new ServiceCatalog(
            Id,
            EffectiveFrom,
            [.. baseCatalog.Domains.Select(Relabel)],
            [.. baseCatalog.ServiceTypes.Select(Relabel)],
            [.. baseCatalog.Methods.Select(Relabel)],
            [.. baseCatalog.TargetGroups.Select(Relabel)],
            [.. baseCatalog.Items.Concat(AddedItems).Select(Change)],
            Jurisdiction ?? baseCatalog.Jurisdiction,
            Name ?? baseCatalog.Name,
            BaseId);
    }

    private static DocumentProblem RebaseItemPath(DocumentProblem problem, int baseCount)
    {
        const string Prefix = "$.items[";
        if (!problem.Path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return problem;
        }
        var close = problem.Path.IndexOf(']', StringComparison.Ordinal);
        var index = int.Parse(problem.Path.AsSpan(Prefix.Length, close - Prefix.Length), System.Globalization.CultureInfo.InvariantCulture);
        return problem with { Path = $"{Prefix}{index - baseCount}{problem.Path[close..]}" };
    }
}
