namespace SocialWork.Reporting;

/// <summary>
/// The ids of a batch's records: their characters in one array and the end of each, about 4 bytes per id beside its
/// characters (no string per record). Filled while a builder appends; never changed once a batch holds it.
/// </summary>
internal sealed class RecordIdColumn
{
    private char[] text = [];
    private int[] ends = [];

    /// <summary>Gets the number of ids.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the characters of id <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var start = index == 0 ? 0 : ends[index - 1];
            return text.AsSpan(start, ends[index] - start);
        }
    }

    /// <summary>Gets id <paramref name="index"/> as a string.</summary>
    public string ToString(int index) => new(this[index]);

    /// <summary>Makes a column of the given ids (each checked not blank).</summary>
    /// <exception cref="ArgumentException">An id is null or blank (the message names the record).</exception>
    public static RecordIdColumn From(IReadOnlyList<string> ids, string parameterName)
    {
        var column = new RecordIdColumn();
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i]))
            {
                throw new ArgumentException($"Record {i}: the id is blank.", parameterName);
            }
            column.Add(ids[i]);
        }
        return column;
    }

    /// <summary>Appends an id.</summary>
    public void Add(ReadOnlySpan<char> id)
    {
        var length = Count == 0 ? 0 : ends[Count - 1];
        var end = checked(length + id.Length);
        if (end > text.Length)
        {
            Array.Resize(ref text, (int)Math.Min(Array.MaxLength, Math.Max(Math.Max(256L, end), (long)text.Length * 2)));
        }
        if (Count == ends.Length)
        {
            Array.Resize(ref ends, Math.Max(64, checked(ends.Length * 2)));
        }
        id.CopyTo(text.AsSpan(length));
        ends[Count++] = end;
    }

    /// <summary>The first <paramref name="n"/> ids, in <paramref name="order"/> when given.</summary>
    public RecordIdColumn Take(int n, int[]? order)
    {
        if (order is null && n == Count && ends.Length == n && text.Length == (n == 0 ? 0 : ends[n - 1]))
        {
            return this;
        }
        var result = new RecordIdColumn { text = new char[n == 0 ? 0 : order is null ? ends[n - 1] : TextLength(order, n)], ends = new int[n] };
        for (var i = 0; i < n; i++)
        {
            result.Add(this[order is null ? i : order[i]]);
        }
        return result;
    }

    /// <summary>Joins columns in order.</summary>
    public static RecordIdColumn Concat(IReadOnlyList<RecordIdColumn> parts)
    {
        var count = parts.Sum(p => p.Count);
        var length = parts.Sum(p => p.Count == 0 ? 0L : p.ends[p.Count - 1]);
        var result = new RecordIdColumn { text = new char[checked((int)length)], ends = new int[count] };
        foreach (var part in parts)
        {
            for (var i = 0; i < part.Count; i++)
            {
                result.Add(part[i]);
            }
        }
        return result;
    }

    private int TextLength(int[] order, int n)
    {
        var length = 0L;
        for (var i = 0; i < n; i++)
        {
            length += this[order[i]].Length;
        }
        return checked((int)length);
    }
}
