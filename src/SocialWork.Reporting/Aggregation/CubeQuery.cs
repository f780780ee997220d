using NodaTime;

namespace SocialWork.Reporting;

/// <summary>The third axis of a cube, besides division and period.</summary>
public enum CubeDimension
{
    /// <summary>No third axis: one key, the empty string.</summary>
    None,

    /// <summary>By service domain (the part of the code before the first dot).</summary>
    Domain,

    /// <summary>By method code.</summary>
    Method,

    /// <summary>By item (or domain) code as recorded.</summary>
    Item,

    /// <summary>By target-group code; records without one have the empty key.</summary>
    TargetGroup,

    /// <summary>
    /// By programme id; records without one have the empty key. With <see cref="CubeQuery.Programmes"/> set, sub-plans and
    /// projects roll up to the programme they belong to (暖阳 counts under 蜜蜂计划, a 公益创投 project under its round).
    /// </summary>
    Programme,

    /// <summary>
    /// By service type (照料护理 <c>CARE</c>, 能力提升 <c>CAPA</c>, …) through <see cref="CubeQuery.Catalog"/>'s item → type
    /// links. An item that lists several types counts under the first, its primary type, so each record counts once and
    /// the types add up to the total; records coded at domain level, or whose item lists no type or is not in the
    /// catalog, have the empty key.
    /// </summary>
    ServiceType,

    /// <summary>
    /// By five-society party involved (五社联动: <c>community</c>, <c>organisation</c>, <c>socialWorker</c>,
    /// <c>volunteer</c>, <c>charity</c>); records naming none have the empty key. A record naming three parties counts under
    /// each, so the keys overlap: <see cref="Cube.Total"/> is the records' total, not the sum of the keys
    /// (<see cref="Cube.KeysOverlap"/>).
    /// </summary>
    Party,
}

/// <summary>What a cube groups by and which records it takes.</summary>
/// <param name="Level">The division level of the rows. A record coded above this level stays at its own code.</param>
/// <param name="PeriodKind">The period granularity.</param>
/// <param name="Dimension">The third axis.</param>
public sealed record CubeQuery(DivisionLevel Level, PeriodKind PeriodKind, CubeDimension Dimension = CubeDimension.None)
{
    /// <summary>Gets the first day of records to include, if limited.</summary>
    public LocalDate? From { get; init; }

    /// <summary>Gets the last day of records to include (inclusive), if limited.</summary>
    public LocalDate? To { get; init; }

    /// <summary>Gets the division whose records to include (itself and everything inside it), if limited.</summary>
    public DivisionCode? Within { get; init; }

    /// <summary>
    /// Gets the divisions whose records to include — typically the caller's <see cref="DivisionScope"/> — if limited.
    /// Records outside every division of the scope are left out before anything is counted, so the cube's total is the
    /// total of what the scope may see. Applies together with <see cref="Within"/>; the empty scope includes nothing.
    /// Every store pushes it down (PostgreSQL in its <c>WHERE</c>, a Parquet dataset by row-group statistics).
    /// </summary>
    public DivisionScope? Scope { get; init; }

    /// <summary>
    /// Gets the divisions whose records the query counts: <see cref="Scope"/> limited to <see cref="Within"/> (either
    /// alone when the other is not set), or <see langword="null"/> when neither limits it. A store pushes down this one
    /// scope — as ranges of division values, or against min/max statistics — rather than the two separately.
    /// </summary>
    public DivisionScope? EffectiveScope => Within is { } within ? (Scope ?? DivisionScope.Of(within)).Intersect(within) : Scope;

    /// <summary>Gets the catalog whose item → type links <see cref="CubeDimension.ServiceType"/> groups by; required for that dimension.</summary>
    public ServiceCatalog? Catalog { get; init; }

    /// <summary>Gets the programme registry whose tree <see cref="CubeDimension.Programme"/> rolls up by, if any; without it each id is its own key.</summary>
    public ProgrammeRegistry? Programmes { get; init; }

    /// <summary>Gets the degree of parallelism: 1 for a single thread, 0 (default) for all cores.</summary>
    public int Parallelism { get; init; }

    /// <summary>The fewest records worth a thread of their own, unless a test sets <see cref="MinRecordsPerThread"/>.</summary>
    internal const int DefaultMinRecordsPerThread = 65_536;

    /// <summary>Gets the fewest records worth a thread of their own (tests lower it to reach the parallel paths with small batches).</summary>
    internal int MinRecordsPerThread { get; init; } = DefaultMinRecordsPerThread;

    /// <summary>
    /// Gets the key a record with these values has on this query's third axis — what <see cref="Cube.Build"/> groups it
    /// under. A store that groups in its own engine (SQL) groups by the recorded values and maps them with this.
    /// </summary>
    /// <param name="code">The record's item or domain code.</param>
    /// <param name="method">The record's method.</param>
    /// <param name="targetGroup">The record's target group, if any.</param>
    /// <param name="programmeId">The record's programme, if any.</param>
    /// <returns>The key (empty for <see cref="CubeDimension.None"/> and for records without one).</returns>
    /// <exception cref="ArgumentException">The dimension is <see cref="CubeDimension.ServiceType"/> and <see cref="Catalog"/> is not set.</exception>
    public string KeyOf(ServiceCode code, ServiceMethod method, TargetGroup? targetGroup, string? programmeId) => Dimension switch
    {
        CubeDimension.None => string.Empty,
        CubeDimension.Domain => code.Domain.Value,
        CubeDimension.Item => code.Value,
        CubeDimension.Method => method.ToCode(),
        CubeDimension.TargetGroup => targetGroup?.ToCode() ?? string.Empty,
        CubeDimension.Programme => string.IsNullOrEmpty(programmeId) ? string.Empty : Programmes is { } registry ? registry.RootOf(programmeId) : programmeId,
        CubeDimension.ServiceType => CubeBuilder.PrimaryType(code, Catalog ?? throw new ArgumentException("A report by service type needs CubeQuery.Catalog, whose items link to the types.")),
        CubeDimension.Party => throw new InvalidOperationException("A record has a key per party it names under CubeDimension.Party, not one key."),
        _ => throw new InvalidOperationException($"Undefined cube dimension {Dimension}."),
    };

    /// <summary>The default of <see cref="MaxCells"/>: 16 Mi cells (about 1.3 GB of indicators).</summary>
    public const long DefaultMaxCells = 1L << 24;

    /// <summary>
    /// Gets the most cells (periods × divisions × keys) a cube may have (default <see cref="DefaultMaxCells"/>). The axes
    /// hold only periods, divisions and keys that have records, so memory follows the data; the budget stops a
    /// pathological combination (thousands of villages × months × items) with a <see cref="ReportLimitException"/>
    /// before anything is allocated. A host that serves many users sets a lower one.
    /// </summary>
    public long MaxCells
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxCells must be positive.");
    } = DefaultMaxCells;
}

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

/// <summary>One non-empty cell of a cube.</summary>
/// <param name="Division">The division.</param>
/// <param name="Period">The period.</param>
/// <param name="Key">The dimension key (empty for <see cref="CubeDimension.None"/> and for records without one).</param>
/// <param name="Indicators">The cell's indicators.</param>
public readonly record struct CubeRow(DivisionCode Division, ReportingPeriod Period, string Key, Indicators Indicators);

/// <summary>
/// A cell's people, computed elsewhere (for example by a store's SQL): the distinct people its records name and how many
/// of its records name no one — what <see cref="Cube.FromRowsAndPeople"/> takes beside the cells' indicators.
/// </summary>
/// <param name="Division">The cell's division.</param>
/// <param name="Period">The cell's period.</param>
/// <param name="Key">The cell's key (empty for <see cref="CubeDimension.None"/>).</param>
/// <param name="People">The distinct people the cell's records name (a repeat is counted once).</param>
/// <param name="RecordsWithoutPerson">The cell's records that name no one.</param>
public sealed record CubePeopleRow(DivisionCode Division, ReportingPeriod Period, string Key, IReadOnlyList<PersonKey> People, long RecordsWithoutPerson);
