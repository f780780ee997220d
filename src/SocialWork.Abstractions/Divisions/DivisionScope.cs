using System.Globalization;

namespace SocialWork;

/// <summary>
/// The divisions a caller may see or change: a set of division codes, each standing for itself and everything inside it.
/// A street office holding <c>130602005</c> may see the street and its communities; a district bureau holding
/// <c>130602</c> sees the whole district. Deny by default: the empty scope contains nothing.
/// </summary>
/// <remarks>
/// <para>
/// Membership is arithmetic, like everything else about division codes: a division's codes form one range of values
/// (<see cref="DivisionCode.Value"/> to <see cref="DivisionCode.LastContainedValue"/>), and two divisions' ranges are
/// either nested or disjoint. The scope keeps its divisions sorted with every division inside another one dropped, so
/// <see cref="Contains"/> is one binary search and a store can push the scope down as a few <c>BETWEEN</c> ranges or
/// prune by a column's min/max statistics (<see cref="Overlaps"/>).
/// </para>
/// <para>A scope is immutable and thread-safe; equality is that of its (normalised) divisions.</para>
/// </remarks>
public sealed class DivisionScope : IEquatable<DivisionScope>
{
    private readonly DivisionCode[] divisions;

    private DivisionScope(DivisionCode[] normalised) => divisions = normalised;

    /// <summary>Gets the scope that contains nothing.</summary>
    public static DivisionScope Empty { get; } = new([]);

    /// <summary>Gets the divisions of the scope, in code order, none inside another.</summary>
    public IReadOnlyList<DivisionCode> Divisions => divisions;

    /// <summary>Gets a value indicating whether the scope contains nothing.</summary>
    public bool IsEmpty => divisions.Length == 0;

    /// <summary>Creates a scope of the given divisions (a division inside another one adds nothing and is dropped).</summary>
    /// <param name="divisions">The divisions; <c>default(DivisionCode)</c> is refused.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="divisions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A division is <c>default(DivisionCode)</c>, which is not a code.</exception>
    public static DivisionScope Of(IEnumerable<DivisionCode> divisions)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        return Normalise(divisions.ToArray());
    }

    /// <summary>Creates a scope of the given divisions.</summary>
    /// <param name="divisions">The divisions.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ArgumentException">A division is <c>default(DivisionCode)</c>, which is not a code.</exception>
    public static DivisionScope Of(params ReadOnlySpan<DivisionCode> divisions) => Normalise(divisions.ToArray());

    private static DivisionScope Normalise(DivisionCode[] sorted)
    {
        Preconditions.CheckArgument(Array.TrueForAll(sorted, d => d.Value != 0), "divisions", "A scope's divisions must be codes; default(DivisionCode) is not one.");
        Array.Sort(sorted);
        var kept = new List<DivisionCode>(sorted.Length);
        foreach (var division in sorted)
        {
            // Sorted by value, an enclosing division comes before everything inside it.
            if (kept.Count == 0 || division.Value > kept[^1].LastContainedValue)
            {
                kept.Add(division);
            }
        }
        return kept.Count == 0 ? Empty : new DivisionScope([.. kept]);
    }

    /// <summary>
    /// Parses a scope written as codes separated by commas, semicolons, <c>|</c> or white space
    /// (<c>"130602, 130603001"</c>); each code has 6, 9 or 12 digits. Blank text is the empty scope.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="FormatException">A part is not a division code; the message names it.</exception>
    public static DivisionScope Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var codes = new List<DivisionCode>();
        foreach (var part in s.Split([',', ';', '|', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            codes.Add(DivisionCode.Parse(part));
        }
        return Of(codes);
    }

    /// <summary>Determines whether a division lies inside the scope: it is one of the scope's divisions or inside one.</summary>
    /// <param name="division">The division.</param>
    /// <returns><see langword="true"/> when a caller with this scope may see the division.</returns>
    public bool Contains(DivisionCode division)
    {
        var i = IndexAtOrBefore(division.Value);
        return i >= 0 && division.Value <= divisions[i].LastContainedValue;
    }

    /// <summary>
    /// Determines whether any division with a value from <paramref name="first"/> to <paramref name="last"/> (inclusive)
    /// may lie inside the scope — the test a store makes against a column's min/max statistics to skip data the scope
    /// rules out.
    /// </summary>
    /// <param name="first">The smallest value (for example a row group's minimum division).</param>
    /// <param name="last">The largest value.</param>
    /// <returns><see langword="false"/> only when no value of the range lies inside the scope.</returns>
    public bool Overlaps(long first, long last)
    {
        if (first > last || divisions.Length == 0)
        {
            return false;
        }
        var i = IndexAtOrBefore(last);
        return i >= 0 && divisions[i].LastContainedValue >= first;
    }

    /// <summary>Gets the part of this scope that lies inside <paramref name="division"/>.</summary>
    /// <param name="division">The division a query is limited to.</param>
    /// <returns>
    /// The division alone when a scope division contains it; otherwise the scope divisions inside it (the empty scope
    /// when there are none).
    /// </returns>
    public DivisionScope Intersect(DivisionCode division)
    {
        if (Contains(division))
        {
            return new DivisionScope([division]);
        }
        return Of(divisions.Where(division.Contains));
    }

    /// <summary>Gets the divisions both scopes contain.</summary>
    /// <param name="other">The other scope.</param>
    /// <returns>The intersection.</returns>
    public DivisionScope Intersect(DivisionScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Of(other.divisions.SelectMany(d => Intersect(d).divisions));
    }

    /// <summary>Determines whether every division of <paramref name="other"/> lies inside this scope.</summary>
    /// <param name="other">The other scope.</param>
    /// <returns><see langword="true"/> when this scope covers the other.</returns>
    public bool Covers(DivisionScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Array.TrueForAll(other.divisions, Contains);
    }

    /// <inheritdoc />
    public bool Equals(DivisionScope? other) => other is not null && divisions.AsSpan().SequenceEqual(other.divisions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DivisionScope);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var division in divisions)
        {
            hash.Add(division);
        }
        return hash.ToHashCode();
    }

    /// <summary>Formats the scope as its 12-digit codes joined by commas (empty text for the empty scope).</summary>
    /// <returns>The text, which <see cref="Parse"/> reads back.</returns>
    public override string ToString() => string.Join(",", divisions.Select(d => d.ToString(null, CultureInfo.InvariantCulture)));

    /// <summary>The index of the last division whose value is at most <paramref name="value"/>, or -1.</summary>
    private int IndexAtOrBefore(long value)
    {
        int low = 0, high = divisions.Length - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (divisions[mid].Value <= value)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return found;
    }
}
