using SocialWork.Reporting;

namespace SocialWork.Samples.Web;

/// <summary>What an upload did: rows read, stored and rejected (with why), or why nothing was stored.</summary>
/// <param name="Read">The data rows read.</param>
/// <param name="Stored">The records stored.</param>
/// <param name="Rejected">The rejected rows, in file order.</param>
/// <param name="Failure">Why nothing was stored (strict mode met a bad row, the file is too large, …), if so.</param>
public sealed record UploadOutcome(int Read, int Stored, IReadOnlyList<RejectedRow> Rejected, (string Chinese, string English)? Failure = null)
{
    /// <summary>One sentence on the outcome.</summary>
    /// <param name="chinese">Whether in Chinese.</param>
    /// <returns>The sentence.</returns>
    public string Summary(bool chinese) => Failure is { } failure
        ? chinese ? $"未存入任何记录：{failure.Chinese}" : $"Nothing was stored: {failure.English}"
        : chinese ? $"读取 {Read} 行，存入 {Stored} 条，拒绝 {Rejected.Count} 行。" : $"Read {Read} rows, stored {Stored}, rejected {Rejected.Count}.";
}
