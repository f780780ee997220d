using System.Text.Json;
using System.Text.RegularExpressions;

namespace SocialWork.Json;

/// <summary>
/// Turns System.Text.Json's messages into messages for the person who wrote the document: one sentence, no .NET type
/// names ("could not be converted to SocialWork.Rules.WorkerDto" becomes "has the wrong type: expected an object").
/// </summary>
internal static partial class JsonErrorText
{
    /// <summary>Returns the first sentence of <paramref name="ex"/>'s message, with .NET types named by the JSON they expect.</summary>
    public static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = (cut < 0 ? message : message[..cut]).TrimEnd();
        // A record read through its constructor names the record, not the member, as the type it could not convert to; the
        // reader's inner message ("Cannot get the value of a token type 'String' as a number.") says what the member wanted.
        // A number read from a string fails with a FormatException that names the number type instead.
        var wanted = ex.InnerException switch
        {
            InvalidOperationException inner when TokenAs().Match(inner.Message) is { Success: true } token
                => token.Groups["what"].Value == "boolean" ? "true or false" : $"a {token.Groups["what"].Value}",
            FormatException inner when NumberFormat().Match(inner.Message) is { Success: true } number => Expected("System." + number.Groups["type"].Value),
            _ => null,
        };
        message = ConvertedTo().Replace(message, m => $"has the wrong type: expected {wanted ?? Expected(m.Groups["type"].Value)}.");
        message = NotMapped().Replace(message, m => $"'{m.Groups["name"].Value}' is not a known property here.");
        message = MissingRequired().Replace(message, m => $"required properties are missing: {m.Groups["names"].Value}.");
        message = Duplicate().Replace(message, m => $"the property '{m.Groups["name"].Value}' appears more than once; each property may appear once.");
        return TypeName().Replace(message, "a value");
    }

    /// <summary>Says in Chinese what <see cref="Describe"/> says in English: the kind of defect, without the serializer's wording.</summary>
    public static string DescribeChinese(JsonException ex)
    {
        var english = Describe(ex);
        if (english.StartsWith("has the wrong type: expected ", StringComparison.Ordinal))
        {
            var expected = english["has the wrong type: expected ".Length..].TrimEnd('.');
            return "类型有误：应为" + expected switch
            {
                "an array" => "数组",
                "a string" => "字符串",
                "true or false" => "true或false",
                "a date string yyyy-MM-dd" => "日期字符串（年-月-日）",
                "a number" => "数字",
                _ => "对象",
            };
        }
        var notMapped = NotMappedWords().Match(english);
        if (notMapped.Success)
        {
            return $"'{notMapped.Groups["name"].Value}'不是此处已知的属性";
        }
        if (english.StartsWith("required properties are missing: ", StringComparison.Ordinal))
        {
            return "缺少必需的属性：" + english["required properties are missing: ".Length..].TrimEnd('.');
        }
        var duplicate = DuplicateWords().Match(english);
        return duplicate.Success ? $"属性'{duplicate.Groups["name"].Value}'出现不止一次；每个属性只能出现一次" : "JSON格式有误";
    }

    private static string Expected(string type)
    {
        bool Has(string part) => type.Contains(part, StringComparison.Ordinal);
        return Has("List`1") || Has("IEnumerable`1") || type.EndsWith("[]", StringComparison.Ordinal) ? "an array"
            : Has("System.String") ? "a string"
            : Has("System.Boolean") ? "true or false"
            : Has("LocalDate") ? "a date string yyyy-MM-dd"
            : Has("System.Int") || Has("System.Double") || Has("System.Decimal") ? "a number"
            : "an object";
    }

    [GeneratedRegex(@"The JSON value could not be converted to (?<type>[\w.`\[\], ]+?)\.(?= |$)")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"^'(?<name>[^']*)' is not a known property here\.")]
    private static partial Regex NotMappedWords();

    [GeneratedRegex(@"the property '(?<name>[^']*)' appears more than once")]
    private static partial Regex DuplicateWords();

    [GeneratedRegex(@"Cannot get the value of a token type '\w+' as an? (?<what>number|string|boolean)")]
    private static partial Regex TokenAs();

    [GeneratedRegex(@"out of bounds for an? (?<type>\w+)\.")]
    private static partial Regex NumberFormat();

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped to any \.NET member contained in type '[^']*'\.")]
    private static partial Regex NotMapped();

    [GeneratedRegex(@"JSON deserialization for type '[^']*' was missing required properties including: (?<names>.*?)\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"Duplicate property '(?<name>[^']*)' encountered during deserialization(?: of type '[^']*')?\.")]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"'?(?:SocialWork|System|NodaTime)(?:\.[\w`\[\],]+)+'?")]
    private static partial Regex TypeName();
}
