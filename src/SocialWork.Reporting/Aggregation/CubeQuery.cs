using NodaTime;

namespace SocialWork.Reporting;

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
