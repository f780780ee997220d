using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Text;

namespace SocialWork.Json;

// The one reader of every JSON document (catalog, policies, workers, network, plan). It is internal, so the Rules
// package compiles this same file (linked in its project) rather than depending on another assembly's internals.

/// <summary>
/// Reads a JSON document into its plain DTO, then collects problems by JSON path while the DTO's values are turned into
/// domain values; all problems are thrown together, each with its line, as one <see cref="DocumentException"/>.
/// </summary>
internal sealed class DocumentReader
{
    private readonly List<DocumentProblem> problems = [];
    private readonly byte[] utf8Json;
    private readonly Func<IReadOnlyList<DocumentProblem>, DocumentException> fail;

    private DocumentReader(byte[] utf8Json, Func<IReadOnlyList<DocumentProblem>, DocumentException> fail)
    {
        this.utf8Json = utf8Json;
        this.fail = fail;
    }

    /// <summary>Reads the whole stream and deserialises it; problems found later are located by line in the same bytes.</summary>
    /// <param name="stream">The UTF-8 JSON (a byte-order mark is skipped).</param>
    /// <param name="info">The DTO's source-generated type information.</param>
    /// <param name="fail">Makes the exception that carries the problems (the document kind and name are the caller's).</param>
    internal static (T Dto, DocumentReader Reader) Open<T>(Stream stream, JsonTypeInfo<T> info, Func<IReadOnlyList<DocumentProblem>, DocumentException> fail)
        where T : class
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = SocialWorkJson.SkipByteOrderMark(buffer.ToArray()).ToArray();
        T? dto;
        try
        {
            dto = JsonSerializer.Deserialize(bytes, info);
        }
        catch (JsonException ex)
        {
            throw fail([DocumentProblem.FromJsonException(ex)]);
        }
        if (dto is null)
        {
            throw fail([new("$", "the document is null; expected an object") { Line = 1, Chinese = "文档为null，应为对象" }]);
        }
        if (DocumentProblem.FindNullElements(bytes) is { Count: > 0 } nulls)
        {
            throw fail(DocumentProblem.WithLines(nulls, bytes));
        }
        return (dto, new DocumentReader(bytes, fail));
    }

    /// <summary>Reads a whole document: deserialises it, converts the DTO to the model, and throws every problem found at once.</summary>
    /// <param name="stream">The UTF-8 JSON (the public loaders' <c>utf8Json</c>, the name an exception gives).</param>
    /// <param name="info">The DTO's source-generated type information.</param>
    /// <param name="fail">Makes the exception that carries the problems.</param>
    /// <param name="convert">Turns the DTO into the model, reporting problems to the reader (it returns <see langword="null"/> only with problems).</param>
    internal static TModel Read<TDto, TModel>(Stream stream, JsonTypeInfo<TDto> info, Func<IReadOnlyList<DocumentProblem>, DocumentException> fail, Func<TDto, DocumentReader, TModel?> convert)
        where TDto : class
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(stream, "utf8Json");
        var (dto, reader) = Open(stream, info, fail);
        var model = convert(dto, reader);
        reader.ThrowIfAny();
        return model ?? throw reader.Fail([new("$", "the document could not be read") { Chinese = "无法读取文档" }]);
    }

    /// <summary>Reads each element of a list at <c>path[i]</c>; elements that <paramref name="read"/> rejects (returns <see langword="null"/> for) are left out.</summary>
    internal static List<TModel> Each<TDto, TModel>(List<TDto>? dtos, string path, Func<TDto, string, TModel?> read)
        where TModel : class
    {
        var result = new List<TModel>();
        for (var i = 0; i < (dtos?.Count ?? 0); i++)
        {
            if (read(dtos![i], $"{path}[{i}]") is { } model)
            {
                result.Add(model);
            }
        }
        return result;
    }

    internal bool HasProblems => problems.Count > 0;

    /// <summary>Records a problem at <paramref name="path"/>, in English and in Chinese.</summary>
    internal void Add(string path, string message, string chinese) => problems.Add(new DocumentProblem(path, message) { Chinese = chinese });

    /// <summary>Records problems found by a model's own checks (English only; their Chinese falls back to a general sentence).</summary>
    internal void AddRange(IEnumerable<DocumentProblem> found) => problems.AddRange(found.Select(p => p.Chinese is null ? p with { Chinese = "取值不符合要求（详情见英文说明）" } : p));

    internal void ThrowIfAny()
    {
        if (problems.Count > 0)
        {
            throw Fail(problems);
        }
    }

    /// <summary>Makes the document's exception for <paramref name="found"/>, each problem with its line in this document.</summary>
    internal DocumentException Fail(IEnumerable<DocumentProblem> found) => fail(DocumentProblem.WithLines(found, utf8Json));

    internal LocalDate? Date(string? text, string path, bool required)
    {
        if (text is null)
        {
            if (required)
            {
                Add(path, "is missing; expected a date yyyy-MM-dd", "缺少日期（年-月-日）");
            }
            return null;
        }
        var result = LocalDatePattern.Iso.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }
        Add(path, $"'{text}' is not a date of the form yyyy-MM-dd", $"'{text}'不是有效日期（应为年-月-日，如2024-01-05）");
        return null;
    }

    internal DivisionCode? Code(string? text, string path, bool required)
    {
        if (text is null)
        {
            if (required)
            {
                Add(path, "is missing; expected a 6, 9 or 12-digit division code", "缺少区划代码（6、9或12位数字）");
            }
            return null;
        }
        if (DivisionCode.GetParseError(text, out var code) is { } error)
        {
            Add(path, $"division code '{text}' {error}", $"'{text}'不是有效的区划代码（应为6、9或12位数字）");
            return null;
        }
        return code;
    }

    internal TEnum? Enum<TEnum>(string? text, string path, bool required)
        where TEnum : struct, Enum
    {
        if (text is null)
        {
            if (required)
            {
                Add(path, $"is missing; expected one of {string.Join(", ", Names<TEnum>())}", $"缺少取值，应为{string.Join("、", Names<TEnum>())}之一");
            }
            return null;
        }
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(CamelCase(value.ToString()), text, StringComparison.Ordinal))
            {
                return value;
            }
        }
        Add(path, $"'{text}' is not one of {string.Join(", ", Names<TEnum>())}", $"'{text}'不是{string.Join("、", Names<TEnum>())}之一");
        return null;
    }

    /// <summary>Checks that a number read from the document is finite ("NaN" and "Infinity" are read from strings).</summary>
    internal bool Finite(double? value, string path)
    {
        if (value is { } v && !double.IsFinite(v))
        {
            Add(path, $"'{v.ToString(System.Globalization.CultureInfo.InvariantCulture)}' is not a finite number", $"'{v.ToString(System.Globalization.CultureInfo.InvariantCulture)}'不是有限数值");
            return false;
        }
        return true;
    }

    internal string? Required(string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(path, "is missing", "缺少取值");
            return null;
        }
        return text;
    }

    internal T? Guard<T>(string path, Func<T> create)
        where T : class
    {
        try
        {
            return create();
        }
        catch (ArgumentException ex)
        {
            Add(path, ex.Message, "取值不符合要求（详情见英文说明）");
            return null;
        }
    }

    internal static string CamelCase(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);

    private static IEnumerable<string> Names<TEnum>()
        where TEnum : struct, Enum
        => System.Enum.GetValues<TEnum>().Select(v => CamelCase(v.ToString()));
}

/// <summary>A label in a document: <c>{"zh-CN": "…", "en": "…"}</c>; the Chinese text is required.</summary>
internal sealed record LabelDto([property: JsonPropertyName("zh-CN")] string? Chinese, [property: JsonPropertyName("en")] string? English)
{
    internal static LabelDto? From(LocalizedText? text) => text is null ? null : new LabelDto(text.Chinese, text.English);

    /// <summary>Reads the label at <paramref name="path"/>; a missing label is a problem only when <paramref name="required"/>.</summary>
    internal static LocalizedText? Read(LabelDto? dto, DocumentReader reader, string path, bool required)
    {
        if (dto is null)
        {
            if (required)
            {
                reader.Add(path, "is missing", "缺少标签");
            }
            return null;
        }
        if (string.IsNullOrWhiteSpace(dto.Chinese))
        {
            reader.Add($"{path}.zh-CN", "the label has no zh-CN text", "标签缺少中文文本");
            return null;
        }
        return new LocalizedText(dto.Chinese, dto.English);
    }
}
