namespace SocialWork.Reporting;

/// <summary>
/// Thrown when a report cannot be computed within its limits: more cells than <see cref="CubeQuery.MaxCells"/>, or
/// amounts whose sum does not fit (more than 92,233,720,368,547,758.07 yuan). The input is valid record by record; the
/// report as asked is not. Hosts show the message (the console exits with code 2, the web host answers 400).
/// </summary>
public sealed class ReportLimitException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What limit was reached and what to do.</param>
    public ReportLimitException(string message)
        : base(message)
    {
    }

    internal static ReportLimitException TooManyCells(long periods, long divisions, long keys, long budget)
        => new($"The report would have {(Int128)periods * divisions * keys:N0} cells ({periods:N0} periods × {divisions:N0} divisions × {keys:N0} keys), more than the budget of {budget:N0}; choose a higher level, a longer period, fewer keys or a shorter date range.");

    internal static ReportLimitException AmountOverflow() => new("The amounts in this report add up to more than 92,233,720,368,547,758.07 yuan, which cannot be represented exactly; check the amount column for values that are far too large.");
}
