namespace SocialWork.Reporting;

/// <summary>The counts behind the reporting rates.</summary>
/// <param name="Expected">Divisions expected to submit.</param>
/// <param name="Submitted">Those that have submitted.</param>
/// <param name="OnTime">Those that submitted by the deadline; <see langword="null"/> when no due rule is set.</param>
public sealed record SubmissionRates(int Expected, int Submitted, int? OnTime)
{
    /// <summary>Gets the reporting rate: submitted ÷ expected (0 when none is expected).</summary>
    public double ReportingRate => Expected == 0 ? 0 : (double)Submitted / Expected;

    /// <summary>Gets the reporting rate on time: on time ÷ expected (0 when none is expected; <see langword="null"/> without a due rule).</summary>
    public double? OnTimeRate => OnTime is not { } onTime ? null : Expected == 0 ? 0 : (double)onTime / Expected;
}
