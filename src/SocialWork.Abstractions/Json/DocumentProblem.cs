namespace SocialWork;

/// <summary>One defect of an input document: where (a JSON path such as <c>$.items[2].code</c>) and what.</summary>
/// <param name="Path">The JSON path of the offending value.</param>
/// <param name="Message">What is wrong.</param>
public sealed record DocumentProblem(string Path, string Message)
{
    /// <summary>Gets the 1-based line of the offending value in the document, when known.</summary>
    public int? Line { get; init; }

    /// <summary>Gets what is wrong in Chinese, when the reader gave it (the library's document readers always do).</summary>
    public string? Chinese { get; init; }

    /// <inheritdoc />
    public override string ToString() => Line is { } line ? $"{Path} (line {line}): {Message}" : $"{Path}: {Message}";

    /// <summary>Describes the problem for a person reading <paramref name="culture"/>'s language: Chinese for any zh culture.</summary>
    /// <param name="culture">The culture.</param>
    /// <returns>For example <c>$.workers[1].level（第7行）：'expert'不是assistant、intermediate、senior之一</c>, or <see cref="ToString()"/> in English.</returns>
    public string Describe(System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (culture.TwoLetterISOLanguageName != "zh")
        {
            return ToString();
        }
        return Line is { } line ? $"{Path}（第{line}行）：{Chinese ?? Message}" : $"{Path}：{Chinese ?? Message}";
    }

    /// <summary>
    /// Describes a document that System.Text.Json could not read: its JSON path, its line and one sentence for the person
    /// who wrote it, naming what was expected rather than a .NET type.
    /// </summary>
    /// <param name="exception">The exception the serializer threw.</param>
    /// <returns>The problem.</returns>
    public static DocumentProblem FromJsonException(System.Text.Json.JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new DocumentProblem(exception.Path ?? "$", Json.JsonErrorText.Describe(exception)) { Line = (int?)exception.LineNumber + 1, Chinese = Json.JsonErrorText.DescribeChinese(exception) };
    }

    /// <summary>
    /// Finds the <c>null</c> elements of the document's arrays (<c>{"workers":[null]}</c>). No array of the SocialWork
    /// documents may hold one, and the serializer lets them through as null references, so the readers look for them
    /// first and report each with its path.
    /// </summary>
    /// <param name="utf8Json">A document the serializer has already read without error.</param>
    /// <returns>One problem per null element, in document order.</returns>
    public static IReadOnlyList<DocumentProblem> FindNullElements(ReadOnlySpan<byte> utf8Json)
    {
        var problems = new List<DocumentProblem>();
        var reader = new System.Text.Json.Utf8JsonReader(utf8Json, new System.Text.Json.JsonReaderOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<(bool InArray, int Index, string? Name)>();
        while (reader.Read())
        {
            var token = reader.TokenType;
            if (token == System.Text.Json.JsonTokenType.PropertyName)
            {
                path[^1] = (false, 0, reader.GetString());
                continue;
            }
            if (path.Count > 0 && path[^1].InArray)
            {
                path[^1] = path[^1] with { Index = path[^1].Index + 1 };
            }
            switch (token)
            {
                case System.Text.Json.JsonTokenType.StartObject:
                    path.Add((false, 0, null));
                    break;
                case System.Text.Json.JsonTokenType.StartArray:
                    path.Add((true, -1, null));
                    break;
                case System.Text.Json.JsonTokenType.EndObject or System.Text.Json.JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    break;
                case System.Text.Json.JsonTokenType.Null when path.Count > 0 && path[^1].InArray:
                    problems.Add(new DocumentProblem(Format(path), "is null; the list's elements must be values") { Chinese = "为null；列表的元素必须是值" });
                    break;
            }
        }
        return problems;

        static string Format(List<(bool InArray, int Index, string? Name)> path)
        {
            var text = new System.Text.StringBuilder("$");
            foreach (var (inArray, index, name) in path)
            {
                text.Append(inArray ? $"[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]" : name is null ? string.Empty : $".{name}");
            }
            return text.ToString();
        }
    }

    /// <summary>
    /// Returns the problems with <see cref="Line"/> filled in from the document: the line of the path, or where a missing
    /// member is the problem (<c>$.phases[0].label.zh-CN</c>), the line of the nearest enclosing value that is there.
    /// </summary>
    /// <param name="problems">The problems.</param>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The problems with lines.</returns>
    public static IReadOnlyList<DocumentProblem> WithLines(IEnumerable<DocumentProblem> problems, ReadOnlySpan<byte> utf8Json)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var result = new List<DocumentProblem>();
        foreach (var problem in problems)
        {
            result.Add(problem.Line is null ? problem with { Line = LineOfNearest(utf8Json, problem.Path) } : problem);
        }
        return result;
    }

    private static int? LineOfNearest(ReadOnlySpan<byte> utf8Json, string path)
    {
        for (var at = path; ; at = at[..at.LastIndexOfAny(['.', '['])])
        {
            if (Json.JsonPathLocator.LineOf(utf8Json, at) is { } line)
            {
                return line;
            }
            if (at.LastIndexOfAny(['.', '[']) <= 0)
            {
                return null;
            }
        }
    }
}
