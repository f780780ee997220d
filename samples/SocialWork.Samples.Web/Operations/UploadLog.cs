namespace SocialWork.Samples.Web.Operations;

/// <summary>
/// One structured log entry per upload: who (principal and scopes), what (the file's SHA-256, never its content or a
/// person key), the outcome and where it went. Enough to trace a disputed number back to the file that brought it.
/// </summary>
internal static partial class UploadLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Upload by {Principal} (scopes {Scopes}), file SHA-256 {Sha256}: read {Read}, accepted {Accepted}, rejected {Rejected}, store {Store}, status {Status}, {ElapsedMs} ms")]
    public static partial void Upload(ILogger logger, string principal, string scopes, string sha256, int read, int accepted, int rejected, string store, int status, long elapsedMs);
}
