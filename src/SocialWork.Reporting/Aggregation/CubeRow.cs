namespace SocialWork.Reporting;

/// <summary>One non-empty cell of a cube.</summary>
/// <param name="Division">The division.</param>
/// <param name="Period">The period.</param>
/// <param name="Key">The dimension key (empty for <see cref="CubeDimension.None"/> and for records without one).</param>
/// <param name="Indicators">The cell's indicators.</param>
public readonly record struct CubeRow(DivisionCode Division, ReportingPeriod Period, string Key, Indicators Indicators);
