namespace SocialWork.Rules;

/// <summary>
/// A community-worker pay ladder: post categories each spanning a range of levels, and optionally the monthly basic pay
/// (基本报酬) of each level, in fen.
/// </summary>
public sealed record PayLadder
{
    /// <summary>Creates a ladder and validates it.</summary>
    /// <param name="id">The id, for example <c>three-posts-eighteen-levels</c>.</param>
    /// <param name="categories">The categories.</param>
    /// <param name="monthlyPayFen">The monthly basic pay per level in fen, if known.</param>
    /// <exception cref="ArgumentException">A range is empty, a category repeats, or a pay amount is negative.</exception>
    public PayLadder(string id, IReadOnlyList<PostCategoryRange> categories, IReadOnlyDictionary<int, long>? monthlyPayFen = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Count == 0)
        {
            throw new ArgumentException($"Pay ladder '{id}' needs at least one post category.", nameof(categories));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in categories)
        {
            if (c.MinLevel < 1 || c.MaxLevel < c.MinLevel)
            {
                throw new ArgumentException($"Pay ladder '{id}': category '{c.Category}' has an empty or invalid range {c.MinLevel}–{c.MaxLevel}.", nameof(categories));
            }
            if (!seen.Add(c.Category))
            {
                throw new ArgumentException($"Pay ladder '{id}': category '{c.Category}' appears more than once.", nameof(categories));
            }
        }
        foreach (var (level, fen) in monthlyPayFen ?? new Dictionary<int, long>())
        {
            if (fen < 0)
            {
                throw new ArgumentException($"Pay ladder '{id}': monthly pay for level {level} is negative.", nameof(monthlyPayFen));
            }
        }
        Id = id;
        Categories = ValueList.From(categories);
        MonthlyPayFen = monthlyPayFen is null ? null : new ValueDictionary<int, long>(monthlyPayFen);
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the post categories.</summary>
    public IReadOnlyList<PostCategoryRange> Categories { get; }

    /// <summary>Gets the monthly basic pay per level in fen, if known.</summary>
    public IReadOnlyDictionary<int, long>? MonthlyPayFen { get; }

    /// <summary>Finds a category by code.</summary>
    /// <param name="category">The code.</param>
    /// <returns>The range, or <see langword="null"/>.</returns>
    public PostCategoryRange? Find(string? category) => Categories.FirstOrDefault(c => string.Equals(c.Category, category, StringComparison.Ordinal));

    /// <summary>Gets the monthly basic pay of <paramref name="level"/>, if the ladder has a table entry for it.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The pay, or <see langword="null"/>.</returns>
    public Money? MonthlyPay(int level) => MonthlyPayFen is not null && MonthlyPayFen.TryGetValue(level, out var fen) ? Money.FromFen(fen) : null;

    /// <summary>
    /// 三岗十八级 as reported (jiusongjiankang.com/health/news/4427875.html; educity.cn/shgzz/5369671.html, secondary): head
    /// posts levels 7–18, deputy posts 4–15, general posts 1–12. No pay amounts (none were verified); add your own table.
    /// </summary>
    /// <param name="monthlyPayFen">Your jurisdiction's monthly basic pay per level in fen, if any.</param>
    /// <returns>The ladder.</returns>
    public static PayLadder ThreePostsEighteenLevels(IReadOnlyDictionary<int, long>? monthlyPayFen = null) => new(
        "three-posts-eighteen-levels",
        [
            new("head", new LocalizedText("正职", "Head"), 7, 18),
            new("deputy", new LocalizedText("副职", "Deputy"), 4, 15),
            new("general", new LocalizedText("一般岗位", "General"), 1, 12),
        ],
        monthlyPayFen);
}
