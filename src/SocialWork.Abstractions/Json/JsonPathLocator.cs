using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SocialWork.Json;

/// <summary>Finds the line on which a JSON path (such as <c>$.workers[1].qualifications[0].level</c>) appears in a document, so messages can name it.</summary>
internal static class JsonPathLocator
{
    /// <summary>Gets the 1-based line of the value (or property name) at <paramref name="path"/>.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="path">A path of the form <c>$</c>, <c>$.a.b[2].c</c>.</param>
    /// <returns>The line, or <see langword="null"/> when the path is not in the document or the document is malformed.</returns>
    public static int? LineOf(ReadOnlySpan<byte> utf8Json, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "$")
        {
            return 1;
        }
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new List<(bool IsArray, int Index, string Name)>();
        var counted = 0;
        var line = 1;
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                line += utf8Json[counted..start].Count((byte)'\n');
                counted = start;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        stack[^1] = (false, 0, reader.GetString()!);
                        if (Matches(stack, path))
                        {
                            return line;
                        }
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (ArrayElement(stack) && Matches(stack, path))
                        {
                            return line;
                        }
                        stack.Add((reader.TokenType == JsonTokenType.StartArray, -1, string.Empty));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    default:
                        if (ArrayElement(stack) && Matches(stack, path))
                        {
                            return line;
                        }
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    private static bool ArrayElement(List<(bool IsArray, int Index, string Name)> stack)
    {
        if (stack.Count > 0 && stack[^1].IsArray)
        {
            stack[^1] = (true, stack[^1].Index + 1, string.Empty);
            return true;
        }
        return false;
    }

    private static bool Matches(List<(bool IsArray, int Index, string Name)> stack, string path)
    {
        var builder = new StringBuilder("$");
        foreach (var (isArray, index, name) in stack)
        {
            if (isArray)
            {
                builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                builder.Append('.').Append(name);
            }
        }
        return builder.ToString() == path;
    }
}
