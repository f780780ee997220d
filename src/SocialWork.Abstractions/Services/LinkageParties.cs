namespace SocialWork;

/// <summary>
/// The parties of five-society linkage (五社联动) involved in a service: community, social organisations, social workers,
/// community volunteers and social charity resources.
/// </summary>
[Flags]
public enum LinkageParties
{
    /// <summary>No party recorded.</summary>
    None = 0,

    /// <summary>The community (社区); code <c>community</c>.</summary>
    Community = 1,

    /// <summary>Social organisations (社会组织); code <c>organisation</c>.</summary>
    SocialOrganization = 2,

    /// <summary>Social workers (社会工作者); code <c>socialWorker</c>.</summary>
    SocialWorker = 4,

    /// <summary>Community volunteers (社区志愿者); code <c>volunteer</c>.</summary>
    Volunteer = 8,

    /// <summary>Social charity resources (社会慈善资源); code <c>charity</c>.</summary>
    CharityResource = 16,
}
