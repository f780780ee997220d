using System.Text.Json;
using ParquetSharp;
using ParquetSharp.Schema;

namespace SocialWork.Reporting.Parquet;

/// <summary>
/// The columns of a records file. The first twelve are the CSV contract's, in the types other tools expect: <c>id</c> (a
/// string, null when the batch carried no ids), <c>date</c> DATE, <c>division</c> INT64, <c>item</c> and <c>method</c>
/// strings, <c>person_times</c> and <c>households</c> INT64, <c>amount</c> DECIMAL(18,2) stored as INT64 fen, and the
/// optional <c>target_group</c>, <c>parties</c> and <c>programme</c> strings and <c>person</c> — a
/// <see cref="PersonKey"/>'s 32 bytes (FIXED_LEN_BYTE_ARRAY(32)), null when a record names none. Two more carry the same
/// values in the form a report reads fastest — <c>division_index</c> (INT32, into the division list in the file's
/// key-value metadata) and <c>codes</c> (INT64: item index, programme index, method, target group and parties packed in
/// 56 bits, the lists in the metadata) — so a report never turns a string into an object.
/// </summary>
/// <remarks>
/// Layout 2. Layout 1 (files written by versions before ParquetSharp, with the person key as its 43-character text) is
/// read as well: the reader looks at the <c>person</c> column's type, not at the version.
/// </remarks>
internal static class RecordFileLayout
{
    public const string LayoutKey = "socialwork.layout";
    public const string LayoutVersion = "2";
    public const string DivisionsKey = "socialwork.divisions";
    public const string ItemsKey = "socialwork.items";
    public const string ProgrammesKey = "socialwork.programmes";

    public const string Id = "id";
    public const string Date = "date";
    public const string Division = "division";
    public const string Item = "item";
    public const string Method = "method";
    public const string PersonTimes = "person_times";
    public const string Households = "households";
    public const string Amount = "amount";
    public const string TargetGroup = "target_group";
    public const string Parties = "parties";
    public const string Programme = "programme";
    public const string Person = "person";
    public const string DivisionIndex = "division_index";
    public const string Codes = "codes";

    /// <summary>The layouts this reader knows.</summary>
    private static readonly string[] KnownLayouts = ["1", LayoutVersion];

    /// <summary>Builds the schema, in the order <see cref="RecordFileWriter"/> writes the columns.</summary>
    public static GroupNode CreateSchema()
    {
        using var text = LogicalType.String();
        using var date = LogicalType.Date();
        using var fen = LogicalType.Decimal(18, 2);
        using var none = LogicalType.None();
        Node[] fields =
        [
            new PrimitiveNode(Id, Repetition.Optional, text, PhysicalType.ByteArray),
            new PrimitiveNode(Date, Repetition.Required, date, PhysicalType.Int32),
            new PrimitiveNode(Division, Repetition.Required, none, PhysicalType.Int64),
            new PrimitiveNode(Item, Repetition.Required, text, PhysicalType.ByteArray),
            new PrimitiveNode(Method, Repetition.Required, text, PhysicalType.ByteArray),
            new PrimitiveNode(PersonTimes, Repetition.Required, none, PhysicalType.Int64),
            new PrimitiveNode(Households, Repetition.Required, none, PhysicalType.Int64),
            new PrimitiveNode(Amount, Repetition.Required, fen, PhysicalType.Int64),
            new PrimitiveNode(TargetGroup, Repetition.Optional, text, PhysicalType.ByteArray),
            new PrimitiveNode(Parties, Repetition.Optional, text, PhysicalType.ByteArray),
            new PrimitiveNode(Programme, Repetition.Optional, text, PhysicalType.ByteArray),
            new PrimitiveNode(Person, Repetition.Optional, none, PhysicalType.FixedLenByteArray, PersonKey.ByteCount),
            new PrimitiveNode(DivisionIndex, Repetition.Required, none, PhysicalType.Int32),
            new PrimitiveNode(Codes, Repetition.Required, none, PhysicalType.Int64),
        ];
        try
        {
            return new GroupNode("schema", Repetition.Required, fields);
        }
        finally
        {
            foreach (var field in fields)
            {
                field.Dispose();
            }
        }
    }

    /// <summary>
    /// How the pages are written: every column dictionary-encoded (Parquet's default, which falls back to plain pages when
    /// a chunk's dictionary outgrows the options' <see cref="ParquetRecordOptions.DictionaryPageLimit"/>) except the ids,
    /// which are unique and share prefixes, so they are written as DELTA_BYTE_ARRAY; the options' compression.
    /// </summary>
    public static WriterProperties WriterProperties(ParquetRecordOptions options)
    {
        using var builder = new WriterPropertiesBuilder();
        return builder
            .Compression(options.Compression switch
            {
                ParquetCompression.Snappy => Compression.Snappy,
                ParquetCompression.Zstd => Compression.Zstd,
                _ => Compression.Uncompressed,
            })
            .DictionaryPagesizeLimit(options.DictionaryPageLimit)
            .DisableDictionary(Id)
            .Encoding(Id, Encoding.DeltaByteArray)
            .Build();
    }

    /// <summary>Checks a file's schema and metadata and reads its lists; names the file and the column when anything is wrong.</summary>
    public static FileTables ReadTables(ParquetFileReader reader, string fileName)
    {
        var metadata = reader.FileMetaData;   // the reader's own: it disposes it
        var schema = metadata.Schema;
        var date = Find(schema, fileName, Date, PhysicalType.Int32);
        var divisionIndex = Find(schema, fileName, DivisionIndex, PhysicalType.Int32);
        var codes = Find(schema, fileName, Codes, PhysicalType.Int64);
        var personTimes = Find(schema, fileName, PersonTimes, PhysicalType.Int64);
        var households = Find(schema, fileName, Households, PhysicalType.Int64);
        var amount = Find(schema, fileName, Amount, PhysicalType.Int64);
        using (var logical = schema.Column(amount).LogicalType)
        {
            if (logical is not DecimalLogicalType { Scale: 2 })
            {
                throw new ParquetRecordException(fileName, Amount, $"column '{Amount}' is not DECIMAL(18,2); amounts are DECIMAL(18,2) stored as INT64");
            }
        }
        var division = schema.ColumnIndex(Division);
        var id = schema.ColumnIndex(Id);
        if (id >= 0 && schema.Column(id).PhysicalType != PhysicalType.ByteArray)
        {
            throw new ParquetRecordException(fileName, Id, $"column '{Id}' holds {schema.Column(id).PhysicalType}; a records file holds strings");
        }
        var person = schema.ColumnIndex(Person);
        var personAsText = false;
        if (person >= 0)
        {
            var column = schema.Column(person);
            personAsText = column.PhysicalType == PhysicalType.ByteArray;
            if (!personAsText && (column.PhysicalType != PhysicalType.FixedLenByteArray || column.TypeLength != PersonKey.ByteCount))
            {
                throw new ParquetRecordException(fileName, Person, $"column '{Person}' holds {column.PhysicalType}; a records file holds a person key's {PersonKey.ByteCount} bytes (FIXED_LEN_BYTE_ARRAY({PersonKey.ByteCount}))");
            }
        }

        var values = metadata.KeyValueMetadata;
        if (!values.TryGetValue(LayoutKey, out var layout) || Array.IndexOf(KnownLayouts, layout) < 0)
        {
            throw new ParquetRecordException(fileName, LayoutKey, $"the key-value metadata '{LayoutKey}' is {(layout is null ? "missing" : $"'{layout}'")}; this reader knows layouts {string.Join(" and ", KnownLayouts)}");
        }
        var divisions = ReadList(values, DivisionsKey, fileName).Select(code => DivisionCode.TryParse(code, out var d) ? d : throw new ParquetRecordException(fileName, DivisionsKey, $"'{code}' is not a division code")).ToArray();
        var items = ReadList(values, ItemsKey, fileName).Select(code => ServiceCode.TryParse(code, out var c) ? c : throw new ParquetRecordException(fileName, ItemsKey, $"'{code}' is not a service code")).ToArray();
        var programmes = ReadList(values, ProgrammesKey, fileName);
        return new FileTables(new ReportColumns(date, divisionIndex, codes, personTimes, households, amount), division, id, person, personAsText, divisions, items, programmes);
    }

    /// <summary>The index of a column the report reads, checked to be a flat column of the physical type the layout gives it.</summary>
    private static int Find(SchemaDescriptor schema, string fileName, string name, PhysicalType type)
    {
        var index = schema.ColumnIndex(name);
        if (index < 0)
        {
            throw new ParquetRecordException(fileName, name, $"the file has no column '{name}'; it was not written by SocialWork.Reporting.Parquet (a records file has {Id}, {Date}, {Division}, {Item}, {Method}, {PersonTimes}, {Households}, {Amount}, {TargetGroup}, {Parties}, {Programme}, {Person}, {DivisionIndex}, {Codes})");
        }
        var column = schema.Column(index);
        if (column.PhysicalType != type || column.MaxRepetitionLevel != 0)
        {
            throw new ParquetRecordException(fileName, name, $"column '{name}' holds {column.PhysicalType}{(column.MaxRepetitionLevel != 0 ? " lists" : string.Empty)}; a records file holds {type}");
        }
        return index;
    }

    private static string[] ReadList(IReadOnlyDictionary<string, string> metadata, string key, string fileName)
    {
        if (!metadata.TryGetValue(key, out var json))
        {
            throw new ParquetRecordException(fileName, key, $"the key-value metadata '{key}' is missing");
        }
        var list = new List<string>();
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new ParquetRecordException(fileName, key, $"the key-value metadata '{key}' is not a JSON array of strings");
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                list.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new ParquetRecordException(fileName, key, $"the key-value metadata '{key}' holds a {reader.TokenType} where a string belongs"));
            }
        }
        catch (JsonException e)
        {
            throw new ParquetRecordException(fileName, key, $"the key-value metadata '{key}' is not valid JSON: {e.Message}");
        }
        return [.. list];
    }

    /// <summary>A list of strings as the JSON array the metadata holds.</summary>
    public static string JsonList(IEnumerable<string> values)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The indices of the six columns a report reads.</summary>
    internal readonly record struct ReportColumns(int Date, int DivisionIndex, int Codes, int PersonTimes, int Households, int Amount);

    /// <summary>
    /// A file's checked columns (indices; <c>-1</c> for an optional column it lacks), how it holds person keys, and its
    /// division, item and programme lists.
    /// </summary>
    internal sealed record FileTables(ReportColumns Report, int DivisionColumn, int IdColumn, int PersonColumn, bool PersonAsText, DivisionCode[] Divisions, ServiceCode[] Items, string[] Programmes);
}
