using System.Buffers;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace SocialWork.Reporting.Parquet;

/// <summary>
/// The columns of a records file. The first twelve are the CSV contract's, in the types other tools expect: <c>id</c> (a
/// string, null when the batch carried no ids), <c>date</c> DATE, <c>division</c> INT64, <c>item</c> and <c>method</c>
/// dictionary-encoded strings, <c>person_times</c> and <c>households</c> INT64, <c>amount</c> DECIMAL(18,2), and the
/// optional <c>target_group</c>, <c>parties</c>, <c>programme</c> and <c>person</c> (a <see cref="PersonKey"/>) — null
/// when a record names none. Two more carry the same values in the form a report reads fastest —
/// <c>division_index</c> (INT32, into the division list in the file's key-value metadata) and <c>codes</c> (INT64: item
/// index, programme index, method, target group and parties packed in 56 bits, the lists in the metadata) — so a report
/// never turns a string into an object.
/// </summary>
internal static class RecordFileLayout
{
    public const string LayoutKey = "socialwork.layout";
    public const string LayoutVersion = "1";
    public const string DivisionsKey = "socialwork.divisions";
    public const string ItemsKey = "socialwork.items";
    public const string ProgrammesKey = "socialwork.programmes";

    /// <summary>DateOnly.DayNumber of 1970-01-01: Parquet's DATE counts days from it.</summary>
    private const int EpochDayNumber = 719_162;

    public static readonly DataField<string> Id = new("id");
    public static readonly DataField<DateOnly> Date = new("date");
    public static readonly DataField<long> Division = new("division");
    public static readonly DataField<string> Item = new("item");
    public static readonly DataField<string> Method = new("method");
    public static readonly DataField<long> PersonTimes = new("person_times");
    public static readonly DataField<long> Households = new("households");
    public static readonly DecimalDataField Amount = new("amount", 18, 2);
    public static readonly DataField<string> TargetGroup = new("target_group");
    public static readonly DataField<string> Parties = new("parties");
    public static readonly DataField<string> Programme = new("programme");
    public static readonly DataField<string> Person = new("person");
    public static readonly DataField<int> DivisionIndex = new("division_index");
    public static readonly DataField<long> Codes = new("codes");

    public static readonly ParquetSchema Schema = new(Id, Date, Division, Item, Method, PersonTimes, Households, Amount, TargetGroup, Parties, Programme, Person, DivisionIndex, Codes);

    /// <summary>The columns a report reads, with the .NET type each must have.</summary>
    public static readonly (string Name, Type Type)[] ReadColumns =
    [
        ("date", typeof(DateOnly)), ("division_index", typeof(int)), ("codes", typeof(long)),
        ("person_times", typeof(long)), ("households", typeof(long)), ("amount", typeof(decimal)),
    ];

    private static readonly string[] MethodCodes = [.. Enum.GetValues<ServiceMethod>().Select(m => m.ToCode())];
    private static readonly string?[] TargetCodes = [null, .. Enum.GetValues<global::SocialWork.TargetGroup>().Select(g => g.ToCode())];
    private static readonly string?[] PartyCodes = [.. Enumerable.Range(0, 32).Select(p => p == 0 ? null : ((LinkageParties)p).ToCodes())];

    public static ParquetOptions WriterOptions(ParquetRecordOptions options)
    {
        var parquet = new ParquetOptions
        {
            CompressionMethod = options.Compression switch
            {
                ParquetCompression.Snappy => CompressionMethod.Snappy,
                ParquetCompression.Zstd => CompressionMethod.Zstd,
                _ => CompressionMethod.None,
            },
        };
        foreach (var field in new[] { Item, Method, TargetGroup, Parties, Programme })
        {
            parquet.ColumnEncodingHints[field.Name] = EncodingHint.Dictionary;
        }
        return parquet;
    }

    public static ParquetOptions ReaderOptions() => new() { UseDateOnlyTypeForDates = true, MaximumSmallPoolFreeBytes = 16 << 20, MaximumLargePoolFreeBytes = 64 << 20 };

    public static Dictionary<string, string> Metadata(RecordBatch batch) => new(StringComparer.Ordinal)
    {
        [LayoutKey] = LayoutVersion,
        [DivisionsKey] = JsonList(batch.Divisions.Select(d => d.ToString())),
        [ItemsKey] = JsonList(batch.Codes.Select(c => c.Value)),
        [ProgrammesKey] = JsonList(batch.Programmes),
    };

    /// <summary>Writes records [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) as one row group.</summary>
    public static async Task WriteRowGroupAsync(ParquetWriter writer, RecordBatch batch, int start, int count, CancellationToken cancellationToken)
    {
        var ids = new string?[count];
        var people = new string?[count];
        var texts = new string?[batch.People.Count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = batch.HasIds ? batch.IdAt(start + i) : null;
            if (!batch.PersonIndices.IsEmpty && batch.PersonIndices[start + i] is > 0 and var person)
            {
                people[i] = texts[person - 1] ??= batch.People[person - 1].Value;   // one string per person, not per record
            }
        }
        var dates = new DateOnly[count];
        var divisions = new long[count];
        var items = new string[count];
        var methods = new string[count];
        var personTimes = new long[count];
        var households = new long[count];
        var amounts = new decimal[count];
        var targets = new string?[count];
        var parties = new string?[count];
        var programmes = new string?[count];
        var divisionIndex = new int[count];
        var codes = new long[count];
        Fill(batch, start, count, dates, divisions, items, methods, personTimes, households, amounts, targets, parties, programmes, divisionIndex, codes);

        using var group = writer.CreateRowGroup();
        await group.WriteAsync(Id, ids!).ConfigureAwait(false);
        await group.WriteAsync<DateOnly>(Date, dates, cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<long>(Division, divisions, cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(Item, items).ConfigureAwait(false);
        await group.WriteAsync(Method, methods).ConfigureAwait(false);
        await group.WriteAsync<long>(PersonTimes, personTimes, cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<long>(Households, households, cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<decimal>(Amount, amounts, cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(TargetGroup, targets!).ConfigureAwait(false);
        await group.WriteAsync(Parties, parties!).ConfigureAwait(false);
        await group.WriteAsync(Programme, programmes!).ConfigureAwait(false);
        await group.WriteAsync(Person, people!).ConfigureAwait(false);
        await group.WriteAsync<int>(DivisionIndex, divisionIndex, cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<long>(Codes, codes, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static void Fill(
        RecordBatch batch, int start, int count, DateOnly[] dates, long[] divisions, string[] items, string[] methods, long[] personTimes, long[] households,
        decimal[] amounts, string?[] targets, string?[] parties, string?[] programmes, int[] divisionIndex, long[] codes)
    {
        var divisionValues = batch.Divisions.Select(d => d.Value).ToArray();
        var itemCodes = batch.Codes.Select(c => c.Value).ToArray();
        var programmeIds = batch.Programmes.Select(p => p.Length == 0 ? null : p).ToArray();
        var day = batch.DayNumbers;
        var division = batch.DivisionIndices;
        var code = batch.CodeIndices;
        var programme = batch.ProgrammeIndices;
        var method = batch.Methods;
        var target = batch.TargetGroupValues;
        var party = batch.Parties;
        var persons = batch.PersonTimes;
        var homes = batch.Households;
        var fen = batch.AmountFen;
        for (var i = 0; i < count; i++)
        {
            var r = start + i;
            dates[i] = DateOnly.FromDayNumber(day[r] + EpochDayNumber);
            divisions[i] = divisionValues[division[r]];
            items[i] = itemCodes[code[r]];
            methods[i] = MethodCodes[method[r]];
            personTimes[i] = persons[r];
            households[i] = homes[r];
            amounts[i] = fen[r] / 100m;
            targets[i] = TargetCodes[target[r]];
            parties[i] = PartyCodes[party[r]];
            programmes[i] = programmeIds[programme[r]];
            divisionIndex[i] = division[r];
            codes[i] = code[r] | ((long)programme[r] << 16) | ((long)method[r] << 32) | ((long)target[r] << 40) | ((long)party[r] << 48);
        }
    }

    /// <summary>Reads one row group back into a batch, checking every value (<see cref="RecordBatch.FromColumns"/>); ids only for a whole read, person keys always.</summary>
    /// <remarks>
    /// With <paramref name="reuse"/>, the batch's columns are those arrays when they have the row group's length (the
    /// caller must be done with the previous batch): a query that only builds a cube from each batch then allocates the
    /// columns once per core instead of once per row group.
    /// </remarks>
    public static async Task<RecordBatch> ReadRowGroupAsync(ParquetReader reader, int rowGroup, FileTables tables, string fileName, ColumnBuffers? reuse, CancellationToken cancellationToken)
    {
        using var group = reader.OpenRowGroupReader(rowGroup);
        var n = checked((int)group.RowCount);
        var ids = reuse is null ? await ReadIdsAsync(group, tables, n, cancellationToken).ConfigureAwait(false) : null;
        var (people, personIndices) = await ReadPeopleAsync(group, tables, n, fileName, rowGroup, cancellationToken).ConfigureAwait(false);
        var columns = reuse?.Length == n ? reuse : new ColumnBuffers(n);
        if (reuse is not null && columns != reuse)
        {
            reuse.Adopt(columns);
        }
        var (divisionIndex, day, code, programme, method, target, party, personTimes, households, fen) =
            (columns.Division, columns.Day, columns.Code, columns.Programme, columns.Method, columns.Target, columns.Parties, columns.PersonTimes, columns.Households, columns.Fen);

        // The reader's own values go into pooled buffers; only the batch's columns are new arrays.
        var dates = ArrayPool<DateOnly>.Shared.Rent(n);
        var longs = ArrayPool<long>.Shared.Rent(n);
        var amounts = ArrayPool<decimal>.Shared.Rent(n);
        try
        {
            var fields = tables.Fields;
            await group.ReadAsync<DateOnly>(fields[0], dates.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<int>(fields[1], divisionIndex, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<decimal>(fields[5], amounts.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < n; i++)
            {
                day[i] = dates[i].DayNumber - EpochDayNumber;
                fen[i] = TryFen(amounts[i], out var f) ? f : throw Bad(fileName, "amount", rowGroup, i, $"{amounts[i]} is not an amount in whole fen from 0");
            }
            await group.ReadAsync<long>(fields[2], longs.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < n; i++)
            {
                var p = longs[i];
                if ((ulong)p >> 56 != 0)
                {
                    throw Bad(fileName, "codes", rowGroup, i, $"{p} uses bits above the 56 the layout packs");
                }
                code[i] = (ushort)p;
                programme[i] = (ushort)(p >> 16);
                method[i] = (byte)(p >> 32);
                target[i] = (byte)(p >> 40);
                party[i] = (byte)(p >> 48);
            }
            await ReadCountAsync(group, fields[3], longs, personTimes, fileName, rowGroup, cancellationToken).ConfigureAwait(false);
            await ReadCountAsync(group, fields[4], longs, households, fileName, rowGroup, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<DateOnly>.Shared.Return(dates);
            ArrayPool<long>.Shared.Return(longs);
            ArrayPool<decimal>.Shared.Return(amounts);
        }
        try
        {
            return RecordBatch.FromColumns(new RecordColumns
            {
                Divisions = tables.Divisions,
                Codes = tables.Items,
                Programmes = tables.Programmes,
                DivisionIndices = divisionIndex,
                DayNumbers = day,
                CodeIndices = code,
                ProgrammeIndices = programme,
                Methods = method,
                TargetGroups = target,
                Parties = party,
                PersonTimes = personTimes,
                Households = households,
                AmountFen = fen,
                Ids = ids,
                People = people,
                PersonIndices = personIndices,
            });
        }
        catch (ArgumentException e)
        {
            // The batch's check names the column in its message (division index, code index, method, …).
            throw new ParquetRecordException(fileName, null, $"row group {rowGroup}: {e.Message.Replace(" (Parameter 'columns')", string.Empty, StringComparison.Ordinal)}", e);
        }
    }

    /// <summary>Reads a row group's ids: <see langword="null"/> when the file has no id column or a record has no id.</summary>
    public static async Task<string[]?> ReadIdsAsync(ParquetRowGroupReader group, FileTables tables, int n, CancellationToken cancellationToken)
    {
        if (tables.IdField is not { } field)
        {
            return null;
        }
        var ids = new string[n];
        await group.ReadAsync(field, ids, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Array.IndexOf(ids, null) >= 0 ? null : ids;
    }

    /// <summary>Reads a row group's person keys into a list of distinct keys and an index per record (0 = none); nulls when no record names one.</summary>
    private static async Task<(PersonKey[]? People, int[]? Indices)> ReadPeopleAsync(ParquetRowGroupReader group, FileTables tables, int n, string fileName, int rowGroup, CancellationToken cancellationToken)
    {
        // A report counts people too, so it reads the column — unless the row group's statistics say no record names one.
        if (tables.PersonField is not { } field || group.GetStatistics(field)?.NullCount == n)
        {
            return (null, null);
        }
        var keys = new string?[n];
        await group.ReadAsync(field, keys, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (Array.TrueForAll(keys, k => k is null))
        {
            return (null, null);
        }
        var people = new List<PersonKey>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var indices = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (keys[i] is not { } text)
            {
                continue;
            }
            if (!index.TryGetValue(text, out var at))
            {
                people.Add(PersonKey.GetParseError(text, out var key) is { } error ? throw Bad(fileName, Person.Name, rowGroup, i, error) : key);
                at = index[text] = people.Count;
            }
            indices[i] = at;
        }
        return ([.. people], indices);
    }

    /// <summary>Reads an INT64 count column into <paramref name="counts"/>, refusing a value outside 0 to <see cref="int.MaxValue"/>.</summary>
    private static async Task ReadCountAsync(ParquetRowGroupReader group, DataField field, long[] buffer, int[] counts, string fileName, int rowGroup, CancellationToken cancellationToken)
    {
        await group.ReadAsync<long>(field, buffer.AsMemory(0, counts.Length), cancellationToken: cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = buffer[i] is >= 0 and <= int.MaxValue ? (int)buffer[i] : throw Bad(fileName, field.Name, rowGroup, i, $"{buffer[i]} is not a count from 0 to {int.MaxValue}");
        }
    }

    /// <summary>
    /// Turns an amount into fen. The reader builds a DECIMAL(18,2) value with scale 2 from its unscaled integer, which is
    /// then the fen, taken from the decimal's bits; any other value goes the long way (× 100, whole, not negative).
    /// </summary>
    private static bool TryFen(decimal amount, out long fen)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        if (bits[3] == 2 << 16 && bits[2] == 0 && bits[1] >= 0)
        {
            fen = ((long)bits[1] << 32) | (uint)bits[0];
            return true;
        }
        var cents = amount * 100m;
        var whole = cents == decimal.Truncate(cents) && cents >= 0 && cents <= long.MaxValue;
        fen = whole ? (long)cents : 0;
        return whole;
    }

    private static ParquetRecordException Bad(string fileName, string column, int rowGroup, int row, string what)
        => new(fileName, column, $"row group {rowGroup}, row {row}: {what}");

    /// <summary>Checks a file's schema and metadata and reads its lists; names the file and the column when anything is wrong.</summary>
    public static FileTables ReadTables(ParquetReader reader, string fileName)
    {
        var fields = new DataField[ReadColumns.Length];
        for (var i = 0; i < ReadColumns.Length; i++)
        {
            var (name, type) = ReadColumns[i];
            var field = reader.Schema.GetDataFields().FirstOrDefault(f => f.Name == name)
                ?? throw new ParquetRecordException(fileName, name, $"the file has no column '{name}'; it was not written by SocialWork.Reporting.Parquet (a records file has {string.Join(", ", Schema.GetDataFields().Select(f => f.Name))})");
            if (field.ClrType != type || field.IsArray)
            {
                throw new ParquetRecordException(fileName, name, $"column '{name}' holds {field.ClrType.Name}{(field.IsArray ? "[]" : string.Empty)}; a records file holds {type.Name}");
            }
            if (field is DecimalDataField { Scale: not 2 } decimalField)
            {
                throw new ParquetRecordException(fileName, name, $"column '{name}' has scale {decimalField.Scale}; amounts are DECIMAL(18,2)");
            }
            fields[i] = field;
        }
        var metadata = reader.CustomMetadata;
        if (!metadata.TryGetValue(LayoutKey, out var layout) || layout != LayoutVersion)
        {
            throw new ParquetRecordException(fileName, LayoutKey, $"the key-value metadata '{LayoutKey}' is {(layout is null ? "missing" : $"'{layout}'")}; this reader knows layout {LayoutVersion}");
        }
        var divisions = ReadList(metadata, DivisionsKey, fileName).Select(code => DivisionCode.TryParse(code, out var d) ? d : throw new ParquetRecordException(fileName, DivisionsKey, $"'{code}' is not a division code")).ToArray();
        var items = ReadList(metadata, ItemsKey, fileName).Select(code => ServiceCode.TryParse(code, out var c) ? c : throw new ParquetRecordException(fileName, ItemsKey, $"'{code}' is not a service code")).ToArray();
        var programmes = ReadList(metadata, ProgrammesKey, fileName);
        var id = reader.Schema.GetDataFields().FirstOrDefault(f => f.Name == Id.Name);
        if (id is not null && ((id.ClrType != typeof(string) && id.ClrType != typeof(ReadOnlyMemory<char>)) || id.IsArray))
        {
            throw new ParquetRecordException(fileName, Id.Name, $"column '{Id.Name}' holds {id.ClrType.Name}; a records file holds strings");
        }
        var person = reader.Schema.GetDataFields().FirstOrDefault(f => f.Name == Person.Name);
        if (person is not null && ((person.ClrType != typeof(string) && person.ClrType != typeof(ReadOnlyMemory<char>)) || person.IsArray))
        {
            throw new ParquetRecordException(fileName, Person.Name, $"column '{Person.Name}' holds {person.ClrType.Name}; a records file holds strings");
        }
        return new FileTables(fields, divisions, items, programmes, id, person);
    }

    private static string[] ReadList(Dictionary<string, string> metadata, string key, string fileName)
    {
        if (!metadata.TryGetValue(key, out var json))
        {
            throw new ParquetRecordException(fileName, key, $"the key-value metadata '{key}' is missing");
        }
        var list = new List<string>();
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
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

    private static string JsonList(IEnumerable<string> values)
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
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The columns of one batch, kept by a worker to read its next row group into (see <see cref="ReadRowGroupAsync"/>).</summary>
    internal sealed class ColumnBuffers
    {
        public ColumnBuffers(int n) => Allocate(n);

        public int Length => Day.Length;

        public int[] Division { get; private set; } = [];

        public int[] Day { get; private set; } = [];

        public ushort[] Code { get; private set; } = [];

        public ushort[] Programme { get; private set; } = [];

        public byte[] Method { get; private set; } = [];

        public byte[] Target { get; private set; } = [];

        public byte[] Parties { get; private set; } = [];

        public int[] PersonTimes { get; private set; } = [];

        public int[] Households { get; private set; } = [];

        public long[] Fen { get; private set; } = [];

        /// <summary>Takes another set's arrays (of a new length) as its own.</summary>
        public void Adopt(ColumnBuffers other)
            => (Division, Day, Code, Programme, Method, Target, Parties, PersonTimes, Households, Fen) =
                (other.Division, other.Day, other.Code, other.Programme, other.Method, other.Target, other.Parties, other.PersonTimes, other.Households, other.Fen);

        private void Allocate(int n)
            => (Division, Day, Code, Programme, Method, Target, Parties, PersonTimes, Households, Fen) = (
                GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<ushort>(n), GC.AllocateUninitializedArray<ushort>(n),
                GC.AllocateUninitializedArray<byte>(n), GC.AllocateUninitializedArray<byte>(n), GC.AllocateUninitializedArray<byte>(n),
                GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<long>(n));
    }

    /// <summary>A file's checked fields (in <see cref="ReadColumns"/> order), its division, item and programme lists, and its id column if it has one.</summary>
    internal sealed record FileTables(DataField[] Fields, DivisionCode[] Divisions, ServiceCode[] Items, string[] Programmes, DataField? IdField, DataField? PersonField);
}
