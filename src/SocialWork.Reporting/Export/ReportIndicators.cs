using System.Text.Json.Serialization;

namespace SocialWork.Reporting;

/// <summary>
/// The indicator fields of a report row or total, in the order of the report format; all <see langword="null"/> in a
/// suppressed row (<see cref="ReportRow.Suppressed"/>), never 0.
/// </summary>
public class ReportIndicators
{
    /// <summary>Creates empty indicators (for deserialisation).</summary>
    public ReportIndicators()
    {
    }

    /// <summary>Creates the report fields of <paramref name="indicators"/>.</summary>
    /// <param name="indicators">The indicators.</param>
    public ReportIndicators(Indicators indicators)
    {
        Records = indicators.Records;
        PersonTimes = indicators.PersonTimes;
        Households = indicators.Households;
        Amount = indicators.Amount;
        Visits = indicators.Visits;
        Files = indicators.Files;
        Casework = indicators.Casework;
        Groups = indicators.Groups;
        Activities = indicators.Activities;
        Trainings = indicators.Trainings;
        Others = indicators.Others;
    }

    /// <summary>Gets the records.</summary>
    [JsonPropertyOrder(10)]
    public long? Records { get; init; }

    /// <summary>Gets the person-times.</summary>
    [JsonPropertyOrder(11)]
    public long? PersonTimes { get; init; }

    /// <summary>
    /// Gets the distinct people served (人) among the records that name one — recomputed at each level, never summed
    /// (one person served by two stations is one person in the county); <see langword="null"/>, and absent from JSON, when
    /// no record of the report names a person.
    /// </summary>
    [JsonPropertyOrder(12)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? People { get; init; }

    /// <summary>
    /// Gets the records that name no person — counted in person-times, not in <see cref="People"/>; present exactly when
    /// <see cref="People"/> is.
    /// </summary>
    [JsonPropertyOrder(13)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? RecordsWithoutPerson { get; init; }

    /// <summary>Gets the households.</summary>
    [JsonPropertyOrder(14)]
    public long? Households { get; init; }

    /// <summary>Gets the resources linked (yuan with two decimals in JSON).</summary>
    [JsonPropertyOrder(15)]
    public Money? Amount { get; init; }

    /// <summary>Gets the home-visit records.</summary>
    [JsonPropertyOrder(16)]
    public long? Visits { get; init; }

    /// <summary>Gets the case-file records.</summary>
    [JsonPropertyOrder(17)]
    public long? Files { get; init; }

    /// <summary>Gets the casework records.</summary>
    [JsonPropertyOrder(18)]
    public long? Casework { get; init; }

    /// <summary>Gets the group-work records.</summary>
    [JsonPropertyOrder(19)]
    public long? Groups { get; init; }

    /// <summary>Gets the activity records.</summary>
    [JsonPropertyOrder(20)]
    public long? Activities { get; init; }

    /// <summary>Gets the training records.</summary>
    [JsonPropertyOrder(21)]
    public long? Trainings { get; init; }

    /// <summary>Gets the records of other methods, so that the method counts add up to <see cref="Records"/>.</summary>
    [JsonPropertyOrder(22)]
    public long? Others { get; init; }
}
