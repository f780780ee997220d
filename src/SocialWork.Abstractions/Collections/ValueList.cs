using System.Collections;

namespace SocialWork;

/// <summary>
/// An immutable list that compares by content: two lists are equal when they hold equal items in the same order. The
/// SocialWork records keep their lists in this type, so records built from the same data are equal and hash alike
/// (a record's generated equality compares a plain list by reference).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] items;

    private ValueList(T[] items) => this.items = items;

    internal static ValueList<T> Empty { get; } = new([]);

    /// <summary>Gets the items as a span, for loops without an enumerator.</summary>
    internal ReadOnlySpan<T> Span => items;

    /// <summary>Gets the number of items.</summary>
    public int Count => items.Length;

    /// <summary>Gets the item at <paramref name="index"/>.</summary>
    /// <param name="index">The index.</param>
    public T this[int index] => items[index];

    internal static ValueList<T> From(IEnumerable<T>? source) => source switch
    {
        null => Empty,
        ValueList<T> list => list,
        _ => source.TryGetNonEnumeratedCount(out var n) && n == 0 ? Empty : new([.. source]),
    };

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) => other is not null && items.AsSpan().SequenceEqual(other.items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", items)}]";
}

/// <summary>Creates <see cref="ValueList{T}"/> instances.</summary>
public static class ValueList
{
    /// <summary>Creates a list holding a copy of <paramref name="source"/> (the same instance when it already is one).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items; <see langword="null"/> gives the empty list.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> From<T>(IEnumerable<T>? source) => ValueList<T>.From(source);
}
