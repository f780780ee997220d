namespace SocialWork;

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
