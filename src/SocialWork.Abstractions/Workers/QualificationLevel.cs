namespace SocialWork;

/// <summary>
/// The social-worker professional qualification levels (社会工作者职业资格), ordered. The same scale names the
/// professional social-work post (社会工作专业岗位) that corresponds to each level.
/// </summary>
public enum QualificationLevel
{
    /// <summary>No qualification, or no post.</summary>
    None = 0,

    /// <summary>Assistant: the assistant social worker qualification (初级 / 助理社会工作师).</summary>
    Assistant = 1,

    /// <summary>Intermediate: social worker (中级 / 社会工作师).</summary>
    Intermediate = 2,

    /// <summary>Senior: senior social worker (高级 / 高级社会工作师).</summary>
    Senior = 3,
}
