namespace SocialWork.Reporting;

/// <summary>
/// The columns of a <see cref="RecordBatch"/>, for stores that keep records column by column (a Parquet file, a database
/// cursor) and hand them over without per-record objects. <see cref="RecordBatch.FromColumns"/> checks every value and
/// takes the arrays over: do not change them afterwards.
/// </summary>
public sealed class RecordColumns
{
    /// <summary>Gets the distinct divisions; <see cref="DivisionIndices"/> points into this list.</summary>
    public required IReadOnlyList<DivisionCode> Divisions { get; init; }

    /// <summary>Gets the distinct service codes; <see cref="CodeIndices"/> points into this list.</summary>
    public required IReadOnlyList<ServiceCode> Codes { get; init; }

    /// <summary>Gets the distinct programme ids, the first of which is the empty string ("no programme").</summary>
    public required IReadOnlyList<string> Programmes { get; init; }

    /// <summary>Gets the division index of each record.</summary>
    public required int[] DivisionIndices { get; init; }

    /// <summary>Gets the day of each record as days since 1970-01-01 (a Parquet <c>DATE</c>).</summary>
    public required int[] DayNumbers { get; init; }

    /// <summary>Gets the code index of each record.</summary>
    public required ushort[] CodeIndices { get; init; }

    /// <summary>Gets the programme index of each record (0 = none).</summary>
    public required ushort[] ProgrammeIndices { get; init; }

    /// <summary>Gets the method of each record (the <see cref="ServiceMethod"/> value).</summary>
    public required byte[] Methods { get; init; }

    /// <summary>Gets the target group of each record: 0 for none, otherwise the <see cref="TargetGroup"/> value + 1.</summary>
    public required byte[] TargetGroups { get; init; }

    /// <summary>Gets the five-society parties of each record (the <see cref="LinkageParties"/> flags).</summary>
    public required byte[] Parties { get; init; }

    /// <summary>Gets the person-times of each record.</summary>
    public required int[] PersonTimes { get; init; }

    /// <summary>Gets the households of each record.</summary>
    public required int[] Households { get; init; }

    /// <summary>Gets the resources linked by each record, in fen.</summary>
    public required long[] AmountFen { get; init; }

    /// <summary>
    /// Gets the distinct person keys, when records name the people served; <see cref="PersonIndices"/> points into this
    /// list. The batch copies the list — except a <see cref="PersonKeyTable"/>, which only grows and which the batch shares
    /// (a reader numbering many batches' people in one table, such as <see cref="CubeAccumulator.People"/>).
    /// </summary>
    public IReadOnlyList<PersonKey>? People { get; init; }

    /// <summary>Gets the person of each record (0 for none, otherwise 1 + the index into <see cref="People"/>), or <see langword="null"/> when none names one.</summary>
    public int[]? PersonIndices { get; init; }

    /// <summary>Gets the id of each record (none blank), or <see langword="null"/> when the records come without ids.</summary>
    public IReadOnlyList<string>? Ids { get; init; }
}
