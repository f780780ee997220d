namespace SocialWork;

/// <summary>How a worker is employed in the service system.</summary>
public enum Employment
{
    /// <summary>Community full-time worker (社区专职工作者).</summary>
    CommunityFullTime,

    /// <summary>Station-resident full-time social worker (驻站专职社工).</summary>
    StationResident,

    /// <summary>Part-time social worker (兼职社工).</summary>
    PartTime,

    /// <summary>Volunteer (志愿者).</summary>
    Volunteer,
}
