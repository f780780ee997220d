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

/// <summary>Codes and labels of <see cref="QualificationLevel"/> values (also used for posts).</summary>
public static class QualificationLevelExtensions
{
    private static readonly string[] Codes = ["none", "assistant", "intermediate", "senior"];
    private static readonly string[] ZhLabels = ["无", "初级", "中级", "高级"];

    /// <summary>Gets the code, as in the workers and pay documents: <c>none</c>, <c>assistant</c>, <c>intermediate</c> or <c>senior</c>.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The code.</returns>
    public static string ToCode(this QualificationLevel level) => Codes[(int)level];

    /// <summary>Gets the Chinese label (zh-CN): 无, 初级, 中级 or 高级.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The label.</returns>
    public static string ToChineseLabel(this QualificationLevel level) => ZhLabels[(int)level];
}
