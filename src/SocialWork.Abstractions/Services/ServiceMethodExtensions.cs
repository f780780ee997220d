using System.Runtime.InteropServices;

namespace SocialWork;

/// <summary>Codes and labels of <see cref="ServiceMethod"/> values.</summary>
public static class ServiceMethodExtensions
{
    private static readonly string[] Codes = ["visit", "file", "casework", "group", "activity", "training", "other"];
    private static readonly string[] ZhLabels = ["入户走访", "建立档案", "个案服务", "小组活动", "主题活动", "培训", "其他"];
    private static readonly string[] EnLabels = ["Home visits", "Case files", "Casework", "Group work", "Activities", "Training", "Other"];
    private static readonly ulong[] Heads = [.. Codes.Select(c => FirstFour(c))];
    private static readonly ulong[] Tails = [.. Codes.Select(c => FirstFour(c.AsSpan(c.Length - 4)))];

    /// <summary>Gets the method whose code starts with 'a' + index, or -1.</summary>
    private static ReadOnlySpan<sbyte> ByFirstLetter =>
    [
        4, -1, 2, -1, -1, 1, 3, -1, -1, -1, -1, -1, -1, // a: activity, c: casework, f: file, g: group
        -1, 6, -1, -1, -1, -1, 5, -1, 0, -1, -1, -1, -1, // o: other, t: training, v: visit
    ];

    /// <summary>Gets every method, in declaration order.</summary>
    public static IReadOnlyList<ServiceMethod> All { get; } = Enum.GetValues<ServiceMethod>();

    /// <summary>Gets the code of a method, for example <c>casework</c>.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The code.</returns>
    public static string ToCode(this ServiceMethod method) => Codes[(int)method];

    /// <summary>Gets the Chinese label (zh-CN), for example 个案服务.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The label.</returns>
    public static string ToChineseLabel(this ServiceMethod method) => ZhLabels[(int)method];

    /// <summary>Gets the English label.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The label.</returns>
    public static string ToEnglishLabel(this ServiceMethod method) => EnLabels[(int)method];

    /// <summary>Gets a value indicating whether records of this method may count households (only home visits do).</summary>
    /// <param name="method">The method.</param>
    /// <returns><see langword="true"/> for <see cref="ServiceMethod.Visit"/>.</returns>
    public static bool CountsHouseholds(this ServiceMethod method) => method == ServiceMethod.Visit;

    /// <summary>Parses a method code (exact, case-sensitive, as written by <see cref="ToCode"/>).</summary>
    /// <param name="code">The code.</param>
    /// <param name="method">The method when recognised.</param>
    /// <returns><see langword="true"/> when recognised.</returns>
    public static bool TryParse(ReadOnlySpan<char> code, out ServiceMethod method)
    {
        // Every code has 4 to 8 letters and its own first letter: a table picks the candidate, then the length and the
        // first and last four characters (read as two 64-bit words) decide, with no branch that depends on the letters.
        method = default;
        if (code.Length is < 4 or > 8 || (uint)(code[0] - 'a') >= 26)
        {
            return false;
        }
        var candidate = ByFirstLetter[code[0] - 'a'];
        if (candidate < 0 || code.Length != Codes[candidate].Length || FirstFour(code) != Heads[candidate] || FirstFour(code[^4..]) != Tails[candidate])
        {
            return false;
        }
        method = (ServiceMethod)candidate;
        return true;
    }

    /// <summary>Parses a method code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The method.</returns>
    /// <exception cref="FormatException">The code is not one of the method codes; the message names it.</exception>
    public static ServiceMethod Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryParse(code, out var method)
            ? method
            : throw new FormatException($"Service method '{code}' is not one of {string.Join(", ", Codes)}.");
    }

    /// <summary>Reads the first four characters of <paramref name="text"/> as one 64-bit word.</summary>
    private static ulong FirstFour(ReadOnlySpan<char> text) => MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text));
}
