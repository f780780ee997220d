using System.Text;
using System.Text.Json;

namespace SocialWork.Reporting;

/// <summary>
/// Imports service records from JSON: an array of objects (or <c>{"records":[…]}</c>) with the properties
/// <c>id, date, division, facility, item, method, personTimes, households, amount, targetGroup, parties, programme</c>
/// (numbers or strings for the counts and the amount). Each rejected element is reported with its line and JSON path;
/// a malformed document is rejected whole.
/// </summary>
public sealed class JsonRecordImporter
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "id", "date", "division", "facility", "item", "method", "personTimes", "households", "amount", "targetGroup", "parties", "programme", "person",
    };

    /// <summary>Creates an importer.</summary>
    /// <param name="options">The default options (strict mode when omitted).</param>
    public JsonRecordImporter(RecordImportOptions? options = null) => Options = options ?? new RecordImportOptions();

    /// <summary>Gets the default options.</summary>
    public RecordImportOptions Options { get; }

    /// <summary>Imports a JSON document.</summary>
    /// <param name="utf8Json">The UTF-8 JSON bytes.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">Options for this call; the importer's <see cref="Options"/> when omitted.</param>
    /// <returns>The accepted records and the rejected elements.</returns>
    /// <exception cref="RecordImportException">The document is malformed, or strict mode met a bad element.</exception>
    public ImportResult Import(ReadOnlyMemory<byte> utf8Json, string fileName, RecordImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= Options;
        var bytes = SocialWork.Json.SocialWorkJson.SkipByteOrderMark(utf8Json).Span;
        var builder = RecordBatchBuilder.ForImport(1024, options);
        var rejected = new List<RejectedRow>();
        var read = 0;
        var ids = new ExactRecordIds();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var line = 1;
        var counted = 0;
        try
        {
            var arrayPath = FindArray(ref reader);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                line += bytes[counted..start].Count((byte)'\n');
                counted = start;
                var path = $"{arrayPath}[{read}]";
                read++;
                reader.Skip();
                var element = bytes[start..((int)reader.TokenStartIndex + 1)];
                if (Parse(builder, element, options, path, ids, line) is { } problem)
                {
                    var bad = problem.ToRejected(fileName, line, Encoding.UTF8.GetString(element));
                    if (options.Mode == ImportMode.Strict)
                    {
                        throw new RecordImportException(bad);
                    }
                    rejected.Add(bad);
                }
            }
        }
        catch (JsonException ex)
        {
            throw new RecordImportException(new RejectedRow(fileName, (int)(ex.LineNumber ?? 0) + 1, "$", $"the JSON is malformed: {ex.Message}", string.Empty) { ChineseReason = "JSON格式有误" });
        }
        options.Progress?.Invoke(read);
        return new ImportResult(builder.Build(), read, rejected);
    }

    private static string FindArray(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("the document is empty; expected an array of records");
        }
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return "$";
        }
        if (reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("records"u8) && reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            return "$.records";
        }
        throw new JsonException("expected an array of records or {\"records\":[…]}");
    }

    private static RowParser.Problem? Parse(RecordBatchBuilder builder, ReadOnlySpan<byte> element, RecordImportOptions options, string path, RecordIds ids, int line)
    {
        using var document = JsonDocument.Parse(element.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new RowParser.Problem(path, $"expected an object but found {root.ValueKind}", "应为对象（记录）");
        }
        foreach (var property in root.EnumerateObject())
        {
            if (!Known.Contains(property.Name))
            {
                return new RowParser.Problem($"{path}.{property.Name}", "is not a record property", "不是记录的属性");
            }
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                return new RowParser.Problem($"{path}.{property.Name}", $"expected a string or number but found {property.Value.ValueKind}", "应为字符串或数字");
            }
        }
        var fields = new RowParser.Fields
        {
            Id = Text(root, "id"),
            Date = Text(root, "date"),
            Division = Text(root, "division"),
            Item = Text(root, "item"),
            Method = Text(root, "method"),
            PersonTimes = Text(root, "personTimes"),
            Households = Text(root, "households"),
            Amount = Text(root, "amount"),
            TargetGroup = Text(root, "targetGroup"),
            Parties = Text(root, "parties"),
            Programme = Text(root, "programme"),
            Person = Text(root, "person"),
        };
        var problem = RowParser.Append(builder, fields, options, RowParser.Names.Json, ids, line, Text(root, "facility"));
        return problem is { } p ? p with { Column = $"{path}.{p.Column}" } : null;
    }

    private static string Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    } : string.Empty;
}
