namespace SocialWork.Reporting;

/// <summary>
/// A report row as the writers take it: a cube's cell read in place (<see cref="CubeReportRows"/>, no
/// <see cref="ReportRow"/> made), or a <see cref="ReportRow"/> given (a document read back or made by hand).
/// </summary>
internal readonly struct ReportRowValues
{
    /// <summary>The fields of a suppressed cell: every one <see langword="null"/>.</summary>
    private static readonly ReportIndicators Hidden = new();

    private readonly ReportIndicators? fields;
    private readonly Indicators cell;
    private readonly PeopleCount? people;

    /// <summary>The values of a row given.</summary>
    public ReportRowValues(ReportRow row)
        => (Division, Name, Period, Key, Suppressed, fields) = (row.Division, row.Name, row.Period, row.Key, row.Suppressed, row);

    /// <summary>The values of a cube's cell: its indicators and, when the report counts people, its people; none when suppressed.</summary>
    public ReportRowValues(DivisionCode division, string? name, ReportingPeriod period, string key, bool suppressed, Indicators cell, PeopleCount? people)
        => (Division, Name, Period, Key, Suppressed, fields, this.cell, this.people) = (division, name, period, key, suppressed, suppressed ? Hidden : null, cell, people);

    public DivisionCode Division { get; }

    public string? Name { get; }

    public ReportingPeriod Period { get; }

    public string Key { get; }

    public bool Suppressed { get; }

    public long? Records => fields is null ? cell.Records : fields.Records;

    public long? PersonTimes => fields is null ? cell.PersonTimes : fields.PersonTimes;

    public long? People => fields is null ? people?.People : fields.People;

    public long? RecordsWithoutPerson => fields is null ? people?.RecordsWithoutPerson : fields.RecordsWithoutPerson;

    public long? Households => fields is null ? cell.Households : fields.Households;

    public Money? Amount => fields is null ? cell.Amount : fields.Amount;

    public long? Visits => fields is null ? cell.Visits : fields.Visits;

    public long? Files => fields is null ? cell.Files : fields.Files;

    public long? Casework => fields is null ? cell.Casework : fields.Casework;

    public long? Groups => fields is null ? cell.Groups : fields.Groups;

    public long? Activities => fields is null ? cell.Activities : fields.Activities;

    public long? Trainings => fields is null ? cell.Trainings : fields.Trainings;

    public long? Others => fields is null ? cell.Others : fields.Others;

    /// <summary>Gets the values of row <paramref name="index"/> of a document: read in place from a cube when the document was made from one.</summary>
    public static ReportRowValues At(ReportDocument document, int index)
        => document.Rows is CubeReportRows rows ? rows.ValuesAt(index) : new ReportRowValues(document.Rows[index]);
}
