using System.Collections;
using System.Collections.Frozen;

namespace SocialWork;

/// <summary>
/// A validated set of divisions of one vintage (the statistics bureau revises its table every year): codes are unique
/// and the parent of every division is present, except for the divisions at the directory's top level, which is the
/// highest level it holds (so a directory may be rooted at a county). Divisions enumerate in code order.
/// </summary>
/// <remarks>Immutable and thread-safe. Lookups are by code; descendants are found by a range search over the sorted codes.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A directory of divisions is the domain term (统计用区划代码表).")]
public sealed class DivisionDirectory : IReadOnlyCollection<Division>
{
    private readonly Division[] sorted;
    private readonly long[] sortedValues;
    private readonly FrozenDictionary<DivisionCode, int> indexByCode;

    /// <summary>Creates a directory and validates it.</summary>
    /// <param name="divisions">The divisions, in any order.</param>
    /// <param name="vintage">The year of the code table the divisions come from, for example 2023.</param>
    /// <exception cref="DivisionDirectoryException">Codes repeat or parents are missing; the message lists every problem.</exception>
    public DivisionDirectory(IEnumerable<Division> divisions, int vintage)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        if (vintage is < 1980 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(vintage), vintage, $"vintage must be a year from 1980 on; was {vintage}.");
        }
        sorted = [.. divisions];
        Array.Sort(sorted, static (a, b) => a.Code.CompareTo(b.Code));
        sortedValues = Array.ConvertAll(sorted, static d => d.Code.Value);
        Vintage = vintage;

        var problems = new List<string>();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Code == sorted[i - 1].Code)
            {
                problems.Add($"code {sorted[i].Code} appears more than once ('{sorted[i - 1].Name}', '{sorted[i].Name}')");
            }
        }
        var dictionary = new Dictionary<DivisionCode, int>(sorted.Length);
        for (var i = 0; i < sorted.Length; i++)
        {
            dictionary.TryAdd(sorted[i].Code, i);
        }
        indexByCode = dictionary.ToFrozenDictionary();
        TopLevel = sorted.Length == 0 ? DivisionLevel.Province : sorted.Min(static d => d.Level);
        foreach (var division in sorted)
        {
            if (division.Level > TopLevel && !indexByCode.ContainsKey(division.Code.Parent))
            {
                problems.Add($"code {division.Code} ('{division.Name}') has no parent {division.Code.Parent} in the directory");
            }
        }
        if (problems.Count > 0)
        {
            throw new DivisionDirectoryException(problems);
        }
    }

    /// <summary>Gets the year of the code table (统计用区划代码) these divisions come from.</summary>
    public int Vintage { get; }

    /// <summary>Gets the highest level present; divisions at this level need no parent in the directory.</summary>
    public DivisionLevel TopLevel { get; }

    /// <summary>Gets the number of divisions.</summary>
    public int Count => sorted.Length;

    /// <summary>Gets the division with <paramref name="code"/>.</summary>
    /// <param name="code">The code.</param>
    /// <exception cref="KeyNotFoundException">No division has that code.</exception>
    public Division this[DivisionCode code] => TryGet(code, out var division)
        ? division
        : throw new KeyNotFoundException($"Division code {code} is not in the {Vintage} directory.");

    /// <summary>Determines whether a division with <paramref name="code"/> is present.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(DivisionCode code) => indexByCode.ContainsKey(code);

    /// <summary>Looks a division up by code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="division">The division when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(DivisionCode code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Division? division)
    {
        if (indexByCode.TryGetValue(code, out var index))
        {
            division = sorted[index];
            return true;
        }
        division = null;
        return false;
    }

    /// <summary>Gets the position of <paramref name="code"/> in code order, or -1: a dense index for columnar storage.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The index in [0, <see cref="Count"/>), or -1 when absent.</returns>
    public int IndexOf(DivisionCode code) => indexByCode.TryGetValue(code, out var index) ? index : -1;

    /// <summary>Gets the division at a dense index (see <see cref="IndexOf"/>).</summary>
    /// <param name="index">The index.</param>
    /// <returns>The division.</returns>
    public Division At(int index) => sorted[index];

    /// <summary>Gets the direct children of <paramref name="code"/>, in code order.</summary>
    /// <param name="code">The parent code.</param>
    /// <returns>
    /// The divisions whose parent is <paramref name="code"/>: one level below, except under a prefecture without counties,
    /// whose children are its townships.
    /// </returns>
    public IReadOnlyList<Division> GetChildren(DivisionCode code)
    {
        var (start, end) = RangeOf(code);
        var result = new List<Division>();
        for (var i = start; i < end; i++)
        {
            if (sorted[i].Level > code.Level && sorted[i].Code.Parent == code)
            {
                result.Add(sorted[i]);
            }
        }
        return result;
    }

    /// <summary>Gets the descendants of <paramref name="code"/> at <paramref name="level"/>, in code order.</summary>
    /// <param name="code">The ancestor code.</param>
    /// <param name="level">A level below the code's level.</param>
    /// <returns>The divisions at <paramref name="level"/> that lie inside <paramref name="code"/>.</returns>
    public IReadOnlyList<Division> GetDescendants(DivisionCode code, DivisionLevel level)
    {
        if (level <= code.Level || level > DivisionLevel.Village)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"Descendants of {code} (level {code.Level}) must be at a lower level; was {level}.");
        }
        var (start, end) = RangeOf(code);
        var result = new List<Division>();
        for (var i = start; i < end; i++)
        {
            if (sorted[i].Level == level)
            {
                result.Add(sorted[i]);
            }
        }
        return result;
    }

    /// <summary>Gets the ancestors of <paramref name="code"/> present in the directory, nearest first.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The parent, grandparent and so on, as far as the directory holds them.</returns>
    public IReadOnlyList<Division> GetAncestors(DivisionCode code)
    {
        var result = new List<Division>();
        for (var c = code; c.HasParent;)
        {
            c = c.Parent;
            if (TryGet(c, out var ancestor))
            {
                result.Add(ancestor);
            }
        }
        return result;
    }

    /// <summary>Gets every division at <paramref name="level"/>, in code order.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The divisions.</returns>
    public IReadOnlyList<Division> AtLevel(DivisionLevel level) => [.. sorted.Where(d => d.Level == level)];

    private (int Start, int End) RangeOf(DivisionCode code)
    {
        var start = LowerBound(code.Value);
        var end = LowerBound(code.LastContainedValue + 1);
        return (start, end);
    }

    private int LowerBound(long value)
    {
        var index = Array.BinarySearch(sortedValues, value);
        return index >= 0 ? index : ~index;
    }

    /// <inheritdoc />
    public IEnumerator<Division> GetEnumerator() => ((IEnumerable<Division>)sorted).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
