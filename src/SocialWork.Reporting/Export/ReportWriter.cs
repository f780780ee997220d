using System.Globalization;
using System.Text.Json;

namespace SocialWork.Reporting;

/// <summary>Writes reports as JSON (the report format) or CSV (with labels in the chosen language).</summary>
public static class ReportWriter
{
    /// <summary>The report's JSON options: what <see cref="ParseJson"/> reads with, and what <see cref="WriteJson(ReportDocument, Stream)"/> writes like.</summary>
    internal static readonly ReportJsonContext Readable = new(SocialWork.Json.SocialWorkJson.CreateReadableOptions(
        new SocialWork.Json.DivisionCodeJsonConverter(),
        new SocialWork.Json.PeriodJsonConverter(),
        new SocialWork.Json.MoneyJsonConverter(),
        new SocialWork.Json.CamelCaseEnumConverter<DivisionLevel>(),
        new SocialWork.Json.CamelCaseEnumConverter<PeriodKind>(),
        new SocialWork.Json.CamelCaseEnumConverter<CubeDimension>()));

    /// <summary>
    /// Writes the JSON report to a stream as it goes — rows are written and flushed in blocks, never built up as one text —
    /// so a report of millions of rows takes the stream's speed and little memory beyond the document.
    /// </summary>
    /// <param name="document">The report.</param>
    /// <param name="utf8Output">The stream.</param>
    public static void WriteJson(ReportDocument document, Stream utf8Output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(utf8Output);
        WriteJsonAsync(document, utf8Output).GetAwaiter().GetResult();
    }

    /// <summary>Writes the JSON report to a stream as it goes (see <see cref="WriteJson(ReportDocument, Stream)"/>).</summary>
    /// <param name="document">The report.</param>
    /// <param name="utf8Output">The stream.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>A task that completes when the report is written and flushed.</returns>
    public static async Task WriteJsonAsync(ReportDocument document, Stream utf8Output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(utf8Output);
        var options = Readable.Options;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(FlushAt * 2);
        await using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, IndentSize = options.IndentSize, NewLine = options.NewLine, SkipValidation = true });
        writer.WriteStartObject();
        writer.WritePropertyName("level");
        JsonSerializer.Serialize(writer, document.Level, Readable.DivisionLevel);
        writer.WritePropertyName("period");
        JsonSerializer.Serialize(writer, document.Period, Readable.PeriodKind);
        writer.WritePropertyName("by");
        JsonSerializer.Serialize(writer, document.By, Readable.CubeDimension);
        writer.WriteStartArray("rows");
        var rowJson = new RowJson(options.Encoder!);
        for (var i = 0; i < document.Rows.Count; i++)
        {
            writer.WriteRawValue(rowJson.Format(ReportRowValues.At(document, i)), skipInputValidation: true);
            if (writer.BytesPending + buffer.WrittenCount >= FlushAt)
            {
                await FlushAsync(writer, buffer, utf8Output, cancellationToken).ConfigureAwait(false);
            }
        }
        writer.WriteEndArray();
        writer.WritePropertyName("total");
        JsonSerializer.Serialize(writer, document.Total, Readable.ReportIndicators);
        writer.WritePropertyName("input");
        JsonSerializer.Serialize(writer, document.Input, Readable.ReportInput);
        if (document.SuppressedBelow != 0)
        {
            writer.WriteNumber("suppressedBelow", document.SuppressedBelow);
        }
        if (document.KeysOverlap)
        {
            writer.WriteBoolean("keysOverlap", true);
        }
        writer.WriteEndObject();
        await FlushAsync(writer, buffer, utf8Output, cancellationToken).ConfigureAwait(false);
        await utf8Output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many bytes of JSON are gathered before they go to the stream.</summary>
    private const int FlushAt = 1 << 16;

    private static async ValueTask FlushAsync(Utf8JsonWriter writer, System.Buffers.ArrayBufferWriter<byte> buffer, Stream output, CancellationToken cancellationToken)
    {
        writer.Flush();
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        buffer.ResetWrittenCount();
    }

    /// <summary>
    /// Lays a row out as the serializer does at its place — an object in the <c>rows</c> array, its fields indented by
    /// six spaces, starting on a line of its own (the writer adds the comma between raw values, not the line) — so the
    /// writer takes it as one raw value: numbers formatted straight into bytes, each name and key escaped once per report.
    /// </summary>
    private sealed class RowJson(System.Text.Encodings.Web.JavaScriptEncoder encoder)
    {
        private readonly Dictionary<string, byte[]> escaped = new(StringComparer.Ordinal);
        private byte[] buffer = new byte[1024];
        private int length;

        /// <summary>The most bytes a row takes besides its name and key: the field names, 13 counts and an amount, with room to spare.</summary>
        private const int FixedBytes = 640;

        public ReadOnlySpan<byte> Format(in ReportRowValues row)
        {
            length = 0;
            Reserve(FixedBytes + (6 * ((row.Name?.Length ?? 0) + row.Key.Length)));
            Append("\n    {\n      \"division\": \""u8);
            row.Division.TryFormat(buffer.AsSpan(length), out var written, default, CultureInfo.InvariantCulture);
            length += written;
            Append("\""u8);
            if (row.Name is { } name)
            {
                Text(",\n      \"name\": \""u8, name);
            }
            Append(",\n      \"period\": \""u8);
            Span<char> chars = stackalloc char[32];
            row.Period.TryFormat(chars, out written, default, CultureInfo.InvariantCulture);
            Ascii(chars[..written]);
            Append("\""u8);
            Text(",\n      \"key\": \""u8, row.Key);
            if (row.Suppressed)
            {
                Append(",\n      \"suppressed\": true"u8);
            }
            Count(",\n      \"records\": "u8, row.Records);
            Count(",\n      \"personTimes\": "u8, row.PersonTimes);
            if (row.People is { } people)
            {
                Count(",\n      \"people\": "u8, people);
            }
            if (row.RecordsWithoutPerson is { } withoutPerson)
            {
                Count(",\n      \"recordsWithoutPerson\": "u8, withoutPerson);
            }
            Count(",\n      \"households\": "u8, row.Households);
            Append(",\n      \"amount\": "u8);
            if (row.Amount is { } amount)
            {
                amount.TryFormat(chars, out written, default, CultureInfo.InvariantCulture);
                Ascii(chars[..written]);
            }
            else
            {
                Append("null"u8);
            }
            Count(",\n      \"visits\": "u8, row.Visits);
            Count(",\n      \"files\": "u8, row.Files);
            Count(",\n      \"casework\": "u8, row.Casework);
            Count(",\n      \"groups\": "u8, row.Groups);
            Count(",\n      \"activities\": "u8, row.Activities);
            Count(",\n      \"trainings\": "u8, row.Trainings);
            Count(",\n      \"others\": "u8, row.Others);
            Append("\n    }"u8);
            return buffer.AsSpan(0, length);
        }

        private void Count(ReadOnlySpan<byte> property, long? value)
        {
            Append(property);
            if (value is { } v)
            {
                System.Buffers.Text.Utf8Formatter.TryFormat(v, buffer.AsSpan(length), out var written);
                length += written;
            }
            else
            {
                Append("null"u8);
            }
        }

        /// <summary>Appends a property and its string value, escaped as the report's encoder does, with the closing quote.</summary>
        private void Text(ReadOnlySpan<byte> property, string value)
        {
            if (!escaped.TryGetValue(value, out var bytes))
            {
                escaped.Add(value, bytes = JsonEncodedText.Encode(value, encoder).EncodedUtf8Bytes.ToArray());
            }
            Append(property);
            Append(bytes);
            Append("\""u8);
        }

        private void Ascii(ReadOnlySpan<char> text)
        {
            System.Text.Ascii.FromUtf16(text, buffer.AsSpan(length), out var written);
            length += written;
        }

        private void Append(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(buffer.AsSpan(length));
            length += bytes.Length;
        }

        /// <summary>Makes room for a row once, before it is laid out: each name or key character escapes to six bytes at most.</summary>
        private void Reserve(int bytes)
        {
            if (bytes > buffer.Length)
            {
                buffer = new byte[Math.Max(buffer.Length * 2, bytes)];
            }
        }
    }

    /// <summary>Reads a JSON report written by <see cref="ToJson"/> or <see cref="WriteJson"/> back.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="JsonException">The JSON is malformed or not a report; the message starts with the JSON path.</exception>
    public static ReportDocument ParseJson(string json) => SocialWork.Json.SocialWorkJson.Deserialize(json, Readable.ReportDocument);

    /// <summary>Returns the JSON report as text.</summary>
    /// <param name="document">The report.</param>
    /// <returns>The JSON.</returns>
    public static string ToJson(ReportDocument document)
    {
        using var text = new MemoryStream();
        WriteJson(document, text);
        return System.Text.Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
    }

    /// <summary>
    /// Writes the report as CSV: <c>division,name,period,key,key_label,records,person_times,households,amount,visits,files,
    /// casework,groups,activities,trainings,others</c>, and <c>people,records_without_person</c> when the report counts
    /// people (as its JSON does), one row per cell in report order; names and key labels in the labels' language. With
    /// <see cref="ReportCsvHeaders.Labels"/> (a file for people) the text starts with a byte-order mark, so a spreadsheet
    /// program opens the Chinese labels as UTF-8; with ids (a file for programs) it does not.
    /// </summary>
    /// <param name="document">The report.</param>
    /// <param name="writer">The text writer.</param>
    /// <param name="labels">The labels.</param>
    /// <param name="headers">The header row: the column ids of the contract (the default, for programs) or the columns' labels in the labels' language (for people).</param>
    public static void WriteCsv(ReportDocument document, TextWriter writer, ReportLabels labels, ReportCsvHeaders headers = ReportCsvHeaders.Ids)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(labels);
        var people = document.Total.People is not null;
        var columns = people ? CsvColumns.Concat(["people", "recordsWithoutPerson"]).ToArray() : CsvColumns;
        if (headers == ReportCsvHeaders.Labels)
        {
            writer.Write('\uFEFF');
        }
        writer.Write(headers == ReportCsvHeaders.Labels
            ? string.Join(',', columns.Select(c => CsvText.Field(labels.Column(c)))) + "\n"
            : "division,name,period,key,key_label,records,person_times,households,amount,visits,files,casework,groups,activities,trainings,others" + (people ? ",people,records_without_person\n" : "\n"));
        // Field by field into one buffer: a report of millions of rows makes no string per value.
        Span<char> buffer = stackalloc char[48];
        for (var i = 0; i < document.Rows.Count; i++)
        {
            var row = ReportRowValues.At(document, i);
            row.Division.TryFormat(buffer, out var n);
            writer.Write(buffer[..n]);
            writer.Write(',');
            writer.Write(CsvText.Field(row.Name ?? labels.DivisionName(row.Division)));
            writer.Write(',');
            row.Period.TryFormat(buffer, out n, default, CultureInfo.InvariantCulture);
            writer.Write(buffer[..n]);
            writer.Write(',');
            writer.Write(CsvText.Field(row.Key));
            writer.Write(',');
            writer.Write(CsvText.Field(labels.Key(row.Key, document.By)));
            Number(writer, buffer, row.Records);
            Number(writer, buffer, row.PersonTimes);
            Number(writer, buffer, row.Households);
            writer.Write(',');
            if (row.Amount is { } amount && amount.TryFormat(buffer, out n, default, CultureInfo.InvariantCulture))
            {
                writer.Write(buffer[..n]);
            }
            else
            {
                writer.Write(Suppressed);
            }
            Number(writer, buffer, row.Visits);
            Number(writer, buffer, row.Files);
            Number(writer, buffer, row.Casework);
            Number(writer, buffer, row.Groups);
            Number(writer, buffer, row.Activities);
            Number(writer, buffer, row.Trainings);
            Number(writer, buffer, row.Others);
            if (people)
            {
                Number(writer, buffer, row.Suppressed ? null : row.People);
                Number(writer, buffer, row.Suppressed ? null : row.RecordsWithoutPerson);
            }
            writer.Write('\n');
        }
        foreach (var footnote in document.Footnotes(labels.Culture.TwoLetterISOLanguageName == "zh"))
        {
            writer.Write(CsvText.Field(footnote));
            writer.Write('\n');
        }
    }

    /// <summary>Writes a comma and a count (<see cref="Suppressed"/> for none).</summary>
    private static void Number(TextWriter writer, Span<char> buffer, long? value)
    {
        writer.Write(',');
        if (value is { } v && v.TryFormat(buffer, out var n, default, CultureInfo.InvariantCulture))
        {
            writer.Write(buffer[..n]);
        }
        else
        {
            writer.Write(Suppressed);
        }
    }

    /// <summary>The report's columns by the ids <see cref="ReportLabels.Column"/> knows, in CSV order.</summary>
    private static readonly string[] CsvColumns = ["division", "name", "period", "key", "keyLabel", "records", "personTimes", "households", "amount", "visits", "files", "casework", "groups", "activities", "trainings", "others"];

    /// <summary>The text a suppressed value is written as in CSV and tables (never 0).</summary>
    public const string Suppressed = "*";

    /// <summary>Gets the indicator values of a row as invariant text, in column order; <see cref="Suppressed"/> for each value of a suppressed row.</summary>
    /// <param name="i">The indicators.</param>
    /// <returns>records, personTimes, households, amount, visits, files, casework, groups, activities, trainings, others.</returns>
    public static IReadOnlyList<string> Values(ReportIndicators i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return [.. new[] { i.Records, i.PersonTimes, i.Households }.Select(Text),
            i.Amount?.ToString() ?? Suppressed,
            .. new[] { i.Visits, i.Files, i.Casework, i.Groups, i.Activities, i.Trainings, i.Others }.Select(Text)];

        static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Suppressed;
    }

    /// <summary>
    /// Writes rejected rows as CSV: <c>file,line,column,reason,raw</c>, one row per rejected row in the order given. Text
    /// cells are neutralised against formula injection (see <see cref="CsvText"/>), so a raw row such as
    /// <c>=cmd|' /C calc'!A0</c> is written with a leading apostrophe.
    /// </summary>
    /// <param name="rejected">The rejected rows.</param>
    /// <param name="writer">The text writer.</param>
    /// <param name="culture">The language of the reasons: Chinese (<see cref="RejectedRow.ChineseReason"/>) for any zh culture, else English (the default).</param>
    public static void WriteRejectedCsv(IEnumerable<RejectedRow> rejected, TextWriter writer, CultureInfo? culture = null)
    {
        var chinese = culture?.TwoLetterISOLanguageName == "zh";
        ArgumentNullException.ThrowIfNull(rejected);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("file,line,column,reason,raw\n");
        foreach (var r in rejected)
        {
            writer.Write(string.Join(',', CsvText.Field(r.File), r.Line.ToString(CultureInfo.InvariantCulture), CsvText.Field(r.Column), CsvText.Field(chinese ? r.ChineseReason ?? r.Reason : r.Reason), CsvText.Field(r.Raw)));
            writer.Write('\n');
        }
    }
}
