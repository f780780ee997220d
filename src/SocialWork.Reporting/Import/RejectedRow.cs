namespace SocialWork.Reporting;

/// <summary>A row that was not imported: where it is, which column is wrong, why, and the row as it was read.</summary>
/// <param name="File">The file or document name.</param>
/// <param name="Line">The 1-based line number where the row starts.</param>
/// <param name="Column">The offending column (CSV header name, or JSON property path).</param>
/// <param name="Reason">What is wrong, naming the value.</param>
/// <param name="Raw">The row verbatim.</param>
/// <remarks>
/// Anything shaped like a resident ID number in the reason or the raw row is masked as it is set
/// (<see cref="ResidentIdNumber.MaskWithin"/>), so no rejects file, message or response built from a rejected row ever
/// repeats one whole.
/// </remarks>
public sealed record RejectedRow(string File, int Line, string Column, string Reason, string Raw)
{
    /// <summary>Gets what is wrong, naming the value (a resident ID number masked).</summary>
    public string Reason { get; init => field = ResidentIdNumber.MaskWithin(value ?? throw new ArgumentNullException(nameof(value))); } = ResidentIdNumber.MaskWithin(Reason ?? throw new ArgumentNullException(nameof(Reason)));

    /// <summary>Gets the row as it was read (a resident ID number masked).</summary>
    public string Raw { get; init => field = ResidentIdNumber.MaskWithin(value ?? throw new ArgumentNullException(nameof(value))); } = ResidentIdNumber.MaskWithin(Raw ?? throw new ArgumentNullException(nameof(Raw)));

    /// <summary>Gets the reason in Chinese, when the importer gave one (the library's importers always do); a resident ID number masked.</summary>
    public string? ChineseReason { get; init => field = value is null ? null : ResidentIdNumber.MaskWithin(value); }

    /// <summary>
    /// Gets a value indicating whether the row is valid but its id is already in the store it was meant for
    /// (<see cref="RecordImportOptions.StoredIds"/>): a host may answer 409 Conflict rather than 400 for it.
    /// </summary>
    public bool AlreadyStored { get; init; }

    /// <summary>
    /// Gets a value indicating whether the row is valid but its division lies outside <see cref="RecordImportOptions.Scope"/>,
    /// the divisions the uploader may write: a host may answer 403 Forbidden rather than 400 for it.
    /// </summary>
    public bool OutsideScope { get; init; }

    /// <summary>
    /// Gets a value indicating whether the row is valid but a submitted or approved report locks its division and date
    /// (<see cref="RecordImportOptions.Locks"/>): a host may answer 409 Conflict rather than 400 for it.
    /// </summary>
    public bool Locked { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Column}: {Reason}";

    /// <summary>Describes the row for a person reading <paramref name="culture"/>'s language: Chinese for any zh culture.</summary>
    /// <param name="culture">The culture.</param>
    /// <returns>For example <c>records.csv：第3行：date：'2024-13-05'不是有效日期…</c>, or <see cref="ToString()"/> in English.</returns>
    public string Describe(System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (culture.TwoLetterISOLanguageName != "zh")
        {
            return ToString();
        }
        var column = Column switch { "(row)" => "整行", "(header)" => "表头", _ => Column };
        return $"{File}：第{Line}行：{column}：{ChineseReason ?? Reason}";
    }
}
