using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SocialWork;

/// <summary>
/// An immutable dictionary that compares by content: equal when it holds the same keys with equal values, whatever
/// the order they were added in. Used by the SocialWork records for their maps (a finding's facts, a ladder's pay).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class ValueDictionary<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<ValueDictionary<TKey, TValue>>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> items;

    /// <summary>Creates a dictionary holding a copy of <paramref name="source"/>.</summary>
    /// <param name="source">The entries; <see langword="null"/> gives an empty dictionary.</param>
    /// <exception cref="ArgumentException">A key appears twice.</exception>
    public ValueDictionary(IEnumerable<KeyValuePair<TKey, TValue>>? source) => items = new Dictionary<TKey, TValue>(source ?? []);

    /// <inheritdoc />
    public int Count => items.Count;

    /// <inheritdoc />
    public IEnumerable<TKey> Keys => items.Keys;

    /// <inheritdoc />
    public IEnumerable<TValue> Values => items.Values;

    /// <inheritdoc />
    public TValue this[TKey key] => items[key];


    /// <inheritdoc />
    public bool ContainsKey(TKey key) => items.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => items.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueDictionary<TKey, TValue>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }
        foreach (var (key, value) in items)
        {
            if (!other.items.TryGetValue(key, out var theirs) || !EqualityComparer<TValue>.Default.Equals(value, theirs))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueDictionary<TKey, TValue> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (key, value) in items)
        {
            hash ^= HashCode.Combine(key, value);
        }
        return hash;
    }
}
