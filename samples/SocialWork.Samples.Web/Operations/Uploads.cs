using System.Diagnostics;
using System.Security.Cryptography;
using SocialWork.Reporting;
using SocialWork.Reporting.Excel;
using SocialWork.Samples.Web.Security;

namespace SocialWork.Samples.Web.Operations;

/// <summary>
/// Stores an uploaded file for the API and the dashboard's form alike: imported inside the uploader's scope (rows outside
/// it are rejected rows), counted in the host's metrics and logged once with the file's SHA-256.
/// </summary>
public sealed class Uploads(RecordStoreHost records, WebMetrics metrics, WebSettings settings, ILogger<Uploads> logger)
{
    /// <summary>
    /// The fewest bytes a record takes in the records CSV: a workbook is compressed, so it may hold no more records than
    /// a CSV of the upload limit could (52,428,800 bytes: 1,310,720 records).
    /// </summary>
    public const int MinCsvRowBytes = 40;

    /// <summary>Imports a file into the record store.</summary>
    /// <param name="caller">Who uploads; its scope bounds the divisions the rows may have.</param>
    /// <param name="body">The file, in memory (the host's upload limit bounds it).</param>
    /// <param name="format">The file's format.</param>
    /// <param name="fileName">The name rejected rows cite.</param>
    /// <param name="lenient">Whether to store the valid rows and list the rest (else nothing is stored when a row is bad).</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The outcome and the HTTP status it calls for.</returns>
    public async Task<UploadAttempt> StoreAsync(Caller caller, MemoryStream body, UploadFormat format, string fileName, bool lenient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(body);
        var started = Stopwatch.GetTimestamp();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
        body.Position = 0;
        var options = new RecordImportOptions { Mode = lenient ? ImportMode.Lenient : ImportMode.Strict, Scope = caller.Scope };
        UploadAttempt attempt;
        try
        {
            var import = format switch
            {
                UploadFormat.Json => await records.Store.ImportJsonAsync(body.GetBuffer().AsMemory(0, (int)body.Length), fileName, options, cancellationToken).ConfigureAwait(false),
                UploadFormat.Xlsx => await records.Store.ImportExcelAsync(body, fileName, options, (int)Math.Min(int.MaxValue, settings.UploadLimitBytes / MinCsvRowBytes), cancellationToken).ConfigureAwait(false),
                _ => await records.Store.ImportCsvAsync(body, fileName, options, cancellationToken).ConfigureAwait(false),
            };
            attempt = new UploadAttempt(StatusCodes.Status200OK, import.Read, import.Accepted, import.Rejected, null, null);
        }
        catch (RecordImportException ex)
        {
            var status = ex.Row.OutsideScope ? StatusCodes.Status403Forbidden : ex.Row.AlreadyStored || ex.Row.Locked ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            attempt = new UploadAttempt(status, 0, 0, [ex.Row], ex.Row, null);
        }
        catch (RecordAlreadyStoredException ex)
        {
            attempt = new UploadAttempt(StatusCodes.Status409Conflict, 0, 0, [], null, ex.Id);
        }
        catch (RecordLockedException ex)
        {
            // Submissions kept landing between the import's lock check and its append: the append refused the batch.
            var row = new RejectedRow(fileName, 0, "date", ex.Message, ex.Locked[0].Id) { ChineseReason = ex.Chinese, Locked = true };
            attempt = new UploadAttempt(StatusCodes.Status409Conflict, 0, 0, [row], row, null);
        }
        metrics.Upload(records.Kind, attempt.Accepted, attempt.Rejected.Count);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var scopes = caller.Scope.ToString();
            var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            UploadLog.Upload(logger, caller.Name, scopes, sha256, attempt.Read, attempt.Accepted, attempt.Rejected.Count, records.Kind, attempt.Status, elapsed);
        }
        return attempt;
    }
}

/// <summary>The format of an uploaded file.</summary>
public enum UploadFormat
{
    /// <summary>The records CSV (the console contract's columns).</summary>
    Csv,

    /// <summary>Records JSON.</summary>
    Json,

    /// <summary>An Excel workbook whose first sheet has the CSV's header and rows.</summary>
    Xlsx,
}

/// <summary>What an upload did.</summary>
/// <param name="Status">The HTTP status it calls for: 200; 400 for a bad row, 403 for a row outside the scope, 409 for an id already stored or a row a submitted report locks (strict mode).</param>
/// <param name="Read">Rows read (0 when strict mode stopped at a bad row).</param>
/// <param name="Accepted">Records stored.</param>
/// <param name="Rejected">Rejected rows (lenient mode), or the one that stopped a strict import.</param>
/// <param name="Failure">The row that stopped a strict import, if one did.</param>
/// <param name="RaceId">The id another upload stored between this one's check and its append, if that happened.</param>
public sealed record UploadAttempt(int Status, int Read, int Accepted, IReadOnlyList<RejectedRow> Rejected, RejectedRow? Failure, string? RaceId);
