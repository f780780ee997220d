namespace SocialWork;

/// <summary>Codes and labels of <see cref="TargetGroup"/> values.</summary>
public static class TargetGroupExtensions
{
    private static readonly string[] Codes = ["hardship", "elderly", "children", "empowerment", "disabled"];
    private static readonly string[] ZhLabels = ["特殊困难群体", "老年人", "儿童青少年", "社区增能", "残疾人"];
    private static readonly string[] EnLabels = ["People in hardship", "Older people", "Children and youth", "Community empowerment", "People with disabilities"];

    /// <summary>Gets every target group, in declaration order.</summary>
    public static IReadOnlyList<TargetGroup> All { get; } = Enum.GetValues<TargetGroup>();

    /// <summary>Gets the code, for example <c>elderly</c>.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The code.</returns>
    public static string ToCode(this TargetGroup group) => Codes[(int)group];

    /// <summary>Gets the Chinese label (zh-CN).</summary>
    /// <param name="group">The group.</param>
    /// <returns>The label.</returns>
    public static string ToChineseLabel(this TargetGroup group) => ZhLabels[(int)group];

    /// <summary>Gets the English label.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The label.</returns>
    public static string ToEnglishLabel(this TargetGroup group) => EnLabels[(int)group];

    /// <summary>Parses a target-group code (exact, case-sensitive).</summary>
    /// <param name="code">The code.</param>
    /// <param name="group">The group when recognised.</param>
    /// <returns><see langword="true"/> when recognised.</returns>
    public static bool TryParse(ReadOnlySpan<char> code, out TargetGroup group)
    {
        var candidate = code.IsEmpty ? -1 : code[0] switch
        {
            'h' => 0,
            'e' => code.Length == 7 ? 1 : 3,
            'c' => 2,
            'd' => 4,
            _ => -1,
        };
        if (candidate >= 0 && code.SequenceEqual(Codes[candidate]))
        {
            group = (TargetGroup)candidate;
            return true;
        }
        group = default;
        return false;
    }

    /// <summary>Parses a target-group code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The group.</returns>
    /// <exception cref="FormatException">The code is unknown; the message names it.</exception>
    public static TargetGroup Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryParse(code, out var group)
            ? group
            : throw new FormatException($"Target group '{code}' is not one of {string.Join(", ", Codes)}.");
    }
}
