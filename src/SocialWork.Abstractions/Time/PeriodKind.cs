namespace SocialWork;

/// <summary>The reporting period granularities.</summary>
public enum PeriodKind
{
    /// <summary>A calendar month, labelled <c>2026-03</c>.</summary>
    Month,

    /// <summary>A calendar quarter, labelled <c>2026-Q1</c>.</summary>
    Quarter,

    /// <summary>A calendar year, labelled <c>2026</c>.</summary>
    Year,
}
