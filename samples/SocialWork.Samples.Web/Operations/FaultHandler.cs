using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using SocialWork.Reporting;
using SocialWork.Reporting.Parquet;

namespace SocialWork.Samples.Web.Operations;

/// <summary>
/// Turns the faults a client can do something about into their own status codes, in words and without internals: a body
/// over the limit (413) or too slow (408) as Kestrel reports them, and a record store that cannot answer (503, naming a
/// damaged file or saying the database is unavailable). The host needs no restart: the next request tries the store
/// again. Anything else stays a 500 with no detail; the log keeps the exception.
/// </summary>
internal sealed partial class FaultHandler(IProblemDetailsService problems, ILogger<FaultHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = Describe(exception);
        if (status == 0)
        {
            return false;
        }
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            StoreFault(logger, detail, exception);
            httpContext.Response.Headers.RetryAfter = "30";
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }

    /// <summary>The status, title and detail for a fault the handler answers; status 0 for one it leaves to the default 500.</summary>
    internal static (int Status, string Title, string Detail) Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (413, "The request body is too large.", "The body is larger than the host's upload limit (SocialWork:UploadLimitBytes)."),
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } =>
            (408, "The request body arrived too slowly.", "The body arrived slower than the host accepts (SocialWork:Limits:MinBodyBytesPerSecond); send it again."),
        BadHttpRequestException bad => (bad.StatusCode, "The request is malformed.", "The request could not be read."),
        ParquetRecordException parquet =>
            (503, "The record store is unavailable.", $"file {parquet.FileName} is not readable; move it out of the store folder or restore it."),
        PostgresException { SqlState: var state } when state.StartsWith("42", StringComparison.Ordinal) =>
            (503, "The record store is unavailable.", "the record store's table does not have the layout this host expects; restore its schema."),
        NpgsqlException or SocketException or TimeoutException =>
            (503, "The record store is unavailable.", "record store unavailable: the database cannot be reached; the host retries on the next request."),
        RecordStoreDataException data =>
            (503, "The record store is unavailable.", $"{data.Location} holds data this host cannot read back{(data.Column is null ? string.Empty : $" (column {data.Column})")}."),
        _ => (0, string.Empty, string.Empty),
    };

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Record store fault answered with 503: {Detail}")]
    private static partial void StoreFault(ILogger logger, string detail, Exception exception);
}
