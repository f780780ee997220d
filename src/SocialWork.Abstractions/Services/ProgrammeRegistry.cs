using System.Globalization;

namespace SocialWork;

/// <summary>
/// The programmes a jurisdiction runs, by id, with their tree: 蜜蜂计划 and its sub-plans 暖阳/乐龄/雏鹰/乐居, a 公益创投
/// round and the projects it funded, 五社联动 pilots, 三区计划 projects. Reports use it to name programmes, to roll
/// sub-plans and projects up to the programme they belong to, and to count projects.
/// </summary>
public sealed class ProgrammeRegistry
{
    private readonly Dictionary<string, Programme> byId;
    private readonly Dictionary<string, List<Programme>> children;

    /// <summary>Creates a registry.</summary>
    /// <param name="programmes">The programmes; ids unique, every parent among them, no cycles.</param>
    /// <exception cref="ArgumentException">An id repeats, a parent is missing, or parents form a cycle.</exception>
    public ProgrammeRegistry(IEnumerable<Programme> programmes)
    {
        ArgumentNullException.ThrowIfNull(programmes);
        Programmes = ValueList.From(programmes);
        byId = new Dictionary<string, Programme>(StringComparer.Ordinal);
        foreach (var programme in Programmes)
        {
            Preconditions.CheckArgument(byId.TryAdd(programme.Id, programme), nameof(programmes), $"Programme id '{programme.Id}' appears more than once.");
        }
        children = [];
        foreach (var programme in Programmes.Where(p => p.ParentId is not null))
        {
            Preconditions.CheckArgument(byId.ContainsKey(programme.ParentId!), nameof(programmes), $"Programme '{programme.Id}' names parent '{programme.ParentId}', which is not in the registry.");
            if (!children.TryGetValue(programme.ParentId!, out var list))
            {
                children[programme.ParentId!] = list = [];
            }
            list.Add(programme);
        }
        foreach (var programme in Programmes)
        {
            var steps = 0;
            for (var at = programme; at.ParentId is not null; at = byId[at.ParentId])
            {
                Preconditions.CheckArgument(++steps <= byId.Count, nameof(programmes), $"The parents of programme '{programme.Id}' form a cycle.");
            }
        }
    }

    /// <summary>Gets the programmes in the order given.</summary>
    public IReadOnlyList<Programme> Programmes { get; }

    /// <summary>Finds a programme by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="programme">The programme when found.</param>
    /// <returns><see langword="true"/> when the registry holds <paramref name="id"/>.</returns>
    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Programme? programme)
    {
        ArgumentNullException.ThrowIfNull(id);
        return byId.TryGetValue(id, out programme);
    }

    /// <summary>Gets the programme a sub-plan or project rolls up to: its top-most ancestor (itself when it has no parent).</summary>
    /// <param name="id">A programme id; an id the registry does not hold is returned as it is.</param>
    /// <returns>The root's id.</returns>
    public string RootOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!byId.TryGetValue(id, out var at))
        {
            return id;
        }
        while (at.ParentId is not null)
        {
            at = byId[at.ParentId];
        }
        return at.Id;
    }

    /// <summary>Gets the direct sub-plans or projects of a programme, in the order given.</summary>
    /// <param name="id">The programme id.</param>
    /// <returns>The children; empty when there are none.</returns>
    public IReadOnlyList<Programme> ChildrenOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return children.TryGetValue(id, out var list) ? list : [];
    }

    /// <summary>Counts the programmes of a kind, for example the 五社联动 pilots or the 三区计划 projects of a jurisdiction.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>How many programmes of that kind the registry holds.</returns>
    public int Count(ProgrammeKind kind) => Programmes.Count(p => p.Kind == kind);

    /// <summary>Counts the projects under a programme: its descendants of kind <see cref="ProgrammeKind.VentureProject"/> (a 公益创投 round's funded projects).</summary>
    /// <param name="id">The programme id.</param>
    /// <returns>The number of projects.</returns>
    public int CountProjects(string id) => ChildrenOf(id).Sum(c => (c.Kind == ProgrammeKind.VentureProject ? 1 : 0) + CountProjects(c.Id));

    /// <summary>Gets the name of a programme in the culture's language (zh-CN for any zh culture, else English, falling back to zh-CN).</summary>
    /// <param name="id">The id.</param>
    /// <param name="culture">The culture; the current UI culture when omitted.</param>
    /// <returns>The name, or the id itself when the registry does not hold it.</returns>
    public string GetName(string id, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!byId.TryGetValue(id, out var programme))
        {
            return id;
        }
        return programme.Name.For(culture);
    }
}
