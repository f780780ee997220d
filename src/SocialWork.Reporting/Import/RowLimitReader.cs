using System.Buffers;

namespace SocialWork.Reporting;

/// <summary>
/// Stands between the decoder and the CSV parser and hands the parser whole rows only, none longer than a limit, so
/// that memory stays bounded whatever the file holds. It follows quotes as RFC 4180 does (a line feed inside a quoted
/// field does not end the row). A row longer than the limit is dropped as it is read and replaced by one empty line for
/// each line it spanned, so the parser's line numbers stay those of the file; <see cref="TryGetCut"/> then tells the
/// importer which lines were cut and from which row. Not thread-safe.
/// </summary>
internal sealed class RowLimitReader : TextReader
{
    private const int PreviewLength = 200;
    private static readonly SearchValues<char> QuoteOrLineFeed = SearchValues.Create("\"\n");

    private readonly TextReader inner;
    private readonly int maxRowLength;
    private readonly List<Cut> cuts = [];
    private char[] buffer;
    private int start;
    private int ready;
    private int end;
    private int scanned;
    private bool inQuotes;
    private bool innerDone;
    private int readyLine = 1;
    private long pendingLineFeeds;
    private int nextCut;

    public RowLimitReader(TextReader inner, int maxRowLength)
    {
        this.inner = inner;
        this.maxRowLength = maxRowLength;
        buffer = new char[Math.Min(maxRowLength, 1 << 16)];
    }

    /// <summary>A row that was cut: its first and last line, its length so far and its first characters.</summary>
    internal sealed record Cut(int FromLine, int ToLine, long Length, string Preview);

    /// <summary>Finds the cut row that covers <paramref name="line"/>; rows are asked for in file order.</summary>
    /// <param name="line">A line the parser reported as an empty row.</param>
    /// <param name="cut">The cut row covering it.</param>
    /// <returns><see langword="true"/> when the line belongs to a cut row.</returns>
    public bool TryGetCut(int line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Cut? cut)
    {
        while (nextCut < cuts.Count && cuts[nextCut].ToLine < line)
        {
            nextCut++;
        }
        cut = nextCut < cuts.Count && cuts[nextCut].FromLine <= line ? cuts[nextCut] : null;
        return cut is not null;
    }

    public override int Read(Span<char> destination)
    {
        while (start == ready)
        {
            if (!Fill())
            {
                return 0;
            }
        }
        var n = Math.Min(destination.Length, ready - start);
        buffer.AsSpan(start, n).CopyTo(destination);
        start += n;
        return n;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Peek() => -1;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>Makes more whole rows ready; returns <see langword="false"/> at the end of the input.</summary>
    private bool Fill()
    {
        if (pendingLineFeeds > 0)
        {
            return EmitLineFeeds();
        }
        Compact();
        if (end == buffer.Length)
        {
            if (buffer.Length >= maxRowLength)
            {
                CutRow();
                return true;
            }
            Array.Resize(ref buffer, (int)Math.Min(maxRowLength, buffer.Length * 2L));
        }
        if (innerDone)
        {
            return Release(end);
        }
        var n = inner.Read(buffer, end, buffer.Length - end);
        if (n == 0)
        {
            innerDone = true;
            return Release(end);
        }
        end += n;
        Scan();
        return true;
    }

    /// <summary>Moves the unreleased characters to the front of the buffer.</summary>
    private void Compact()
    {
        if (ready == 0)
        {
            return;
        }
        Array.Copy(buffer, ready, buffer, 0, end - ready);
        end -= ready;
        scanned -= ready;
        start = ready = 0;
    }

    /// <summary>Follows quotes from where the last scan stopped and releases every row that ends in the new characters.</summary>
    private void Scan()
    {
        var rowEnd = -1;
        var span = buffer.AsSpan(0, end);
        if (!inQuotes && !span[scanned..].Contains('"'))
        {
            var lastLineFeed = span[scanned..].LastIndexOf('\n');
            rowEnd = lastLineFeed < 0 ? -1 : scanned + lastLineFeed + 1;
        }
        else
        {
            for (var i = scanned; i < end;)
            {
                var next = NextRowEnd(span[i..], ref inQuotes);
                if (next < 0)
                {
                    break;
                }
                i += next;
                rowEnd = i;
            }
        }
        scanned = end;
        if (rowEnd > ready)
        {
            Release(rowEnd);
        }
    }

    private bool Release(int to)
    {
        readyLine += buffer.AsSpan(ready, to - ready).Count('\n');
        ready = to;
        return ready > start;
    }

    /// <summary>
    /// Drops the row that has filled the buffer: reads on, still following quotes, to the row's end (a line feed outside
    /// quotes) or the end of the input, counting its lines, then queues one empty line per line of the row.
    /// </summary>
    private void CutRow()
    {
        var fromLine = readyLine;
        var preview = new string(buffer, 0, Math.Min(PreviewLength, end));
        long length = end;
        long lineFeeds = buffer.AsSpan(0, end).Count('\n');
        var quoted = inQuotes;
        var endsWithLineFeed = buffer[end - 1] == '\n';
        var rest = -1;
        while (rest < 0)
        {
            var n = inner.Read(buffer, 0, buffer.Length);
            if (n == 0)
            {
                innerDone = true;
                end = 0;
                lineFeeds += endsWithLineFeed ? 0 : 1;
                break;
            }
            endsWithLineFeed = buffer[n - 1] == '\n';
            var span = buffer.AsSpan(0, n);
            rest = NextRowEnd(span, ref quoted);
            lineFeeds += span[..(rest < 0 ? n : rest)].Count('\n');
            length += rest < 0 ? n : rest;
            if (rest >= 0)
            {
                Array.Copy(buffer, rest, buffer, 0, n - rest);
                end = n - rest;
            }
        }
        var toLine = (int)Math.Min(int.MaxValue, fromLine + lineFeeds - 1);
        cuts.Add(new Cut(fromLine, toLine, length, preview));
        inQuotes = false;
        start = ready = scanned = 0;
        pendingLineFeeds = lineFeeds;
        EmitLineFeeds();
    }

    /// <summary>
    /// Follows quotes through <paramref name="text"/> (RFC 4180: a doubled quote toggles twice) to the first line feed
    /// outside quotes; returns the index after it, or -1 when the row goes on past the text.
    /// </summary>
    private static int NextRowEnd(ReadOnlySpan<char> text, ref bool inQuotes)
    {
        for (var i = 0; i < text.Length;)
        {
            var next = text[i..].IndexOfAny(QuoteOrLineFeed);
            if (next < 0)
            {
                return -1;
            }
            i += next;
            if (text[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /// <summary>Hands out queued empty lines ahead of the characters that follow the cut row.</summary>
    private bool EmitLineFeeds()
    {
        var rest = end - ready;
        var room = buffer.Length - rest;
        var n = (int)Math.Min(pendingLineFeeds, room);
        Array.Copy(buffer, ready, buffer, n, rest);
        buffer.AsSpan(0, n).Fill('\n');
        pendingLineFeeds -= n;
        start = 0;
        ready = n;
        scanned = n;
        end = n + rest;
        readyLine += n;
        if (pendingLineFeeds == 0 && rest > 0)
        {
            Scan();
        }
        return true;
    }
}
