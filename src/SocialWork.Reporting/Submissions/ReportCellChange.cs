namespace SocialWork.Reporting;

/// <summary>One indicator of one report cell that differs between two snapshots (<see cref="ReportDiff"/>).</summary>
/// <param name="Division">The cell's division.</param>
/// <param name="Period">The cell's period.</param>
/// <param name="Key">The cell's key in the report's dimension (empty for none).</param>
/// <param name="Indicator">The indicator, by its JSON name (<see cref="ReportDiff.Indicators"/>).</param>
/// <param name="Old">The older snapshot's value (yuan for <c>amount</c>); <see langword="null"/> where it has no such cell or does not count people.</param>
/// <param name="New">The newer snapshot's value; <see langword="null"/> likewise.</param>
public sealed record ReportCellChange(DivisionCode Division, ReportingPeriod Period, string Key, string Indicator, decimal? Old, decimal? New);
