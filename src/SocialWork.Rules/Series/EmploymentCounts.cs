namespace SocialWork.Rules;

/// <summary>Workers by employment.</summary>
/// <param name="CommunityFullTime">Full-time community workers (社区专职工作者).</param>
/// <param name="StationResident">Workers resident at a station (驻站社工).</param>
/// <param name="PartTime">Part-time workers.</param>
/// <param name="Volunteer">Volunteers.</param>
public sealed record EmploymentCounts(int CommunityFullTime, int StationResident, int PartTime, int Volunteer)
{
    /// <summary>Gets the count for <paramref name="employment"/>.</summary>
    /// <param name="employment">The employment.</param>
    /// <returns>The number of workers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="employment"/> is not a defined value.</exception>
    public int this[Employment employment] => employment switch
    {
        Employment.CommunityFullTime => CommunityFullTime,
        Employment.StationResident => StationResident,
        Employment.PartTime => PartTime,
        Employment.Volunteer => Volunteer,
        _ => throw new ArgumentOutOfRangeException(nameof(employment), employment, "Not a defined employment."),
    };
}
