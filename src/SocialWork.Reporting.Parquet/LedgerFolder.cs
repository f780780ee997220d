using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace SocialWork.Reporting.Parquet;

/// <summary>
/// A dataset's reporting ledger: <c>_socialwork/ledger/*.json</c>, one immutable entry per step (the transitions of a
/// submission step, or a withdrawal), numbered from 0 and written under the writer's lock like commits; and
/// <c>_socialwork/snapshots/{id}.json</c>, the snapshots submitted (<see cref="ReportSnapshotJson"/>).
/// </summary>
internal sealed class LedgerFolder
{
    private readonly string ledgerFolder;
    private readonly string snapshotFolder;
    private readonly Dictionary<string, LedgerEntry> parsed = new(StringComparer.Ordinal);

    public LedgerFolder(string directory)
    {
        ledgerFolder = Path.Combine(directory, CommitLog.MetaFolder, "ledger");
        snapshotFolder = Path.Combine(directory, CommitLog.MetaFolder, "snapshots");
    }

    /// <summary>Reads every entry: the submissions as they stand, and the withdrawals in order.</summary>
    public (SubmissionBook Book, List<Withdrawal> Withdrawals) Read()
    {
        var transitions = new List<SubmissionTransition>();
        var withdrawals = new List<Withdrawal>();
        foreach (var file in Entries())
        {
            var entry = Parse(file);
            transitions.AddRange(entry.Transitions.Select(t => ToTransition(t, file)));
            withdrawals.AddRange(entry.Withdrawals.Select(w => ToWithdrawal(w, file)));
        }
        try
        {
            return (SubmissionBook.Replay(transitions), withdrawals);
        }
        catch (ArgumentException e)
        {
            throw new ParquetRecordException($"{CommitLog.MetaFolder}/ledger", "transitions", e.Message, e);
        }
    }

    /// <summary>Under the writer's lock: adds the next entry.</summary>
    public void Append(IEnumerable<SubmissionTransition> transitions, IEnumerable<Withdrawal> withdrawals)
    {
        Directory.CreateDirectory(ledgerFolder);
        var next = Entries().Select(f => long.Parse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
        var entry = new LedgerEntry(
            next,
            [.. transitions.Select(t => new TransitionRecord(t.Division.ToString(), t.Period.ToString(), t.From, t.To, t.Revision, t.By, InstantPattern.ExtendedIso.Format(t.At), t.Reason, t.SnapshotId))],
            [.. withdrawals.Select(w => new WithdrawalRecord(w.Id, w.Reason, w.By, InstantPattern.ExtendedIso.Format(w.At)))]);
        CommitLog.WriteAtomically(Path.Combine(ledgerFolder, next.ToString("D20", CultureInfo.InvariantCulture) + ".json"), JsonSerializer.SerializeToUtf8Bytes(entry, LedgerJson.Default.LedgerEntry));
    }

    /// <summary>Under the writer's lock, before the transition naming it: keeps a snapshot (once; equal ids are equal snapshots).</summary>
    public void Keep(ReportSnapshot snapshot)
    {
        Directory.CreateDirectory(snapshotFolder);
        var path = Path.Combine(snapshotFolder, snapshot.Id + ".json");
        if (!File.Exists(path))
        {
            CommitLog.WriteAtomically(path, System.Text.Encoding.UTF8.GetBytes(ReportSnapshotJson.Serialize(snapshot)));
        }
    }

    /// <summary>Finds a kept snapshot, checked against its id.</summary>
    public ReportSnapshot? Find(string id)
    {
        if (id.Length != 64 || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        var path = Path.Combine(snapshotFolder, id + ".json");
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var snapshot = ReportSnapshotJson.Parse(File.ReadAllText(path));
            return snapshot.Id == id ? snapshot : throw new ParquetRecordException($"{CommitLog.MetaFolder}/snapshots/{id}.json", "id", $"the file holds the snapshot {snapshot.Id}");
        }
        catch (JsonException e)
        {
            throw new ParquetRecordException($"{CommitLog.MetaFolder}/snapshots/{id}.json", e.Path, e.Message, e);
        }
    }

    private string[] Entries() => Directory.Exists(ledgerFolder) ? [.. Directory.GetFiles(ledgerFolder, "*.json").Order(StringComparer.Ordinal)] : [];

    private LedgerEntry Parse(string file)
    {
        var name = Path.GetFileName(file);
        lock (parsed)
        {
            if (parsed.TryGetValue(name, out var known))
            {
                return known;
            }
        }
        LedgerEntry entry;
        try
        {
            entry = JsonSerializer.Deserialize(File.ReadAllBytes(file), LedgerJson.Default.LedgerEntry) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new ParquetRecordException($"{CommitLog.MetaFolder}/ledger/{name}", e.Path, $"not a readable ledger entry ({e.Message})", e);
        }
        lock (parsed)
        {
            parsed[name] = entry;
        }
        return entry;
    }

    private static SubmissionTransition ToTransition(TransitionRecord t, string file)
    {
        var name = $"{CommitLog.MetaFolder}/ledger/{Path.GetFileName(file)}";
        return new SubmissionTransition(
            DivisionCode.TryParse(t.Division, out var division) ? division : throw new ParquetRecordException(name, "division", $"'{t.Division}' is not a division code"),
            ReportingPeriod.TryParse(t.Period, out var period) ? period : throw new ParquetRecordException(name, "period", $"'{t.Period}' is not a period"),
            t.From,
            t.To,
            t.Revision,
            t.By,
            Instant(t.At, name),
            t.Reason,
            t.SnapshotId);
    }

    private static Withdrawal ToWithdrawal(WithdrawalRecord w, string file) => new(w.Id, w.Reason, w.By, Instant(w.At, $"{CommitLog.MetaFolder}/ledger/{Path.GetFileName(file)}"));

    private static Instant Instant(string text, string name)
        => InstantPattern.ExtendedIso.Parse(text) is { Success: true } at ? at.Value : throw new ParquetRecordException(name, "at", $"'{text}' is not an instant");
}

/// <summary>One ledger entry: the transitions of one submission step, or the records of one withdrawal.</summary>
internal sealed record LedgerEntry(long Entry, TransitionRecord[] Transitions, WithdrawalRecord[] Withdrawals);

/// <summary>A <see cref="SubmissionTransition"/> as stored.</summary>
internal sealed record TransitionRecord(string Division, string Period, SubmissionState From, SubmissionState To, int Revision, string By, string At, string? Reason, string? SnapshotId);

/// <summary>A <see cref="Withdrawal"/> as stored.</summary>
internal sealed record WithdrawalRecord(string Id, string Reason, string By, string At);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(SocialWork.Json.CamelCaseEnumConverter<SubmissionState>)])]
[JsonSerializable(typeof(LedgerEntry))]
internal sealed partial class LedgerJson : JsonSerializerContext;
