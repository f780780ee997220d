using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Text;
using SocialWork.Json;

namespace SocialWork.Rules;

/// <summary>Collects problems with JSON paths while a document's plain values are turned into domain values.</summary>
internal sealed class DocumentReader(string kind, string? documentName, byte[] utf8Json)
{
    private readonly List<DocumentProblem> problems = [];

    /// <summary>Reads the whole stream and deserialises it; problems found later are located by line in the same bytes.</summary>
    internal static (T Dto, DocumentReader Reader) Open<T>(Stream stream, JsonTypeInfo<T> info, string kind, string? documentName)
        where T : class
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = SocialWorkJson.SkipByteOrderMark(buffer.ToArray()).ToArray();
        try
        {
            var dto = JsonSerializer.Deserialize(bytes, info) ?? throw new DocumentException(kind, [new("$", "the document is null") { Line = 1 }], documentName);
            if (DocumentProblem.FindNullElements(bytes) is { Count: > 0 } nulls)
            {
                throw new DocumentException(kind, DocumentProblem.WithLines(nulls, bytes), documentName);
            }
            return (dto, new DocumentReader(kind, documentName, bytes));
        }
        catch (JsonException ex)
        {
            throw new DocumentException(kind, [DocumentProblem.FromJsonException(ex)], documentName);
        }
    }

    internal bool HasProblems => problems.Count > 0;

    internal void Add(string path, string message) => problems.Add(new DocumentProblem(path, message));

    internal void ThrowIfAny()
    {
        if (problems.Count > 0)
        {
            throw new DocumentException(kind, DocumentProblem.WithLines(problems, utf8Json), documentName);
        }
    }

    internal LocalDate? Date(string? text, string path, bool required)
    {
        if (text is null)
        {
            if (required)
            {
                Add(path, "is missing; expected a date yyyy-MM-dd");
            }
            return null;
        }
        var result = LocalDatePattern.Iso.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }
        Add(path, $"'{text}' is not a date of the form yyyy-MM-dd");
        return null;
    }

    internal DivisionCode? Code(string? text, string path, bool required)
    {
        if (text is null)
        {
            if (required)
            {
                Add(path, "is missing; expected a 6, 9 or 12-digit division code");
            }
            return null;
        }
        if (DivisionCode.GetParseError(text, out var code) is { } error)
        {
            Add(path, $"division code '{text}' {error}");
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
                Add(path, $"is missing; expected one of {string.Join(", ", Names<TEnum>())}");
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
        Add(path, $"'{text}' is not one of {string.Join(", ", Names<TEnum>())}");
        return null;
    }

    /// <summary>Checks that a number read from the document is finite ("NaN" and "Infinity" are read from strings).</summary>
    internal bool Finite(double? value, string path)
    {
        if (value is { } v && !double.IsFinite(v))
        {
            Add(path, $"'{v.ToString(System.Globalization.CultureInfo.InvariantCulture)}' is not a finite number");
            return false;
        }
        return true;
    }

    internal string? Required(string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(path, "is missing");
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
            Add(path, ex.Message);
            return null;
        }
    }

    internal static string CamelCase(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);

    private static IEnumerable<string> Names<TEnum>()
        where TEnum : struct, Enum
        => System.Enum.GetValues<TEnum>().Select(v => CamelCase(v.ToString()));
}

internal sealed class LabelDto
{
    [System.Text.Json.Serialization.JsonPropertyName("zh-CN")]
    public string? Chinese { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("en")]
    public string? English { get; set; }

    internal static LabelDto? From(LocalizedText? text) => text is null ? null : new LabelDto { Chinese = text.Chinese, English = text.English };

    internal LocalizedText? ToModel(DocumentReader reader, string path)
    {
        if (string.IsNullOrWhiteSpace(Chinese))
        {
            reader.Add($"{path}.zh-CN", "the label has no zh-CN text");
            return null;
        }
        return new LocalizedText(Chinese, English);
    }
}
