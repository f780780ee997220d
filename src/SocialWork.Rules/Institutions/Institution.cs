using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// A public institution (事业单位) and the social-work posts established in it (设置社会工作岗位), as 兴安盟 reports them:
/// "民政系统21个事业单位中共设置社会工作岗位17个".
/// </summary>
public sealed record Institution
{
    /// <summary>Creates an institution.</summary>
    /// <param name="id">A stable identifier.</param>
    /// <param name="name">The name.</param>
    /// <param name="sector">The system it belongs to, for example 民政 (civil affairs).</param>
    /// <param name="division">The division it sits in.</param>
    /// <param name="posts">The social-work posts established in it, with their dates.</param>
    /// <exception cref="ArgumentException">A value is blank, or two posts share an id.</exception>
    public Institution(string id, string name, string sector, DivisionCode division, IReadOnlyList<InstitutionPost>? posts = null)
    {
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(sector))
        {
            throw new ArgumentException($"Institution '{id}': id, name and sector must not be blank.", nameof(id));
        }
        var list = posts ?? [];
        if (list.GroupBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ArgumentException($"Institution '{id}': post id '{repeated.Key}' appears more than once.", nameof(posts));
        }
        Id = id;
        Name = name;
        Sector = sector;
        Division = division;
        Posts = ValueList.From(list);
    }

    /// <summary>Gets the identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the system it belongs to (民政, …).</summary>
    public string Sector { get; }

    /// <summary>Gets the division it sits in.</summary>
    public DivisionCode Division { get; }

    /// <summary>Gets the social-work posts established in it.</summary>
    public IReadOnlyList<InstitutionPost> Posts { get; }

    /// <summary>Counts the posts established on <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The number of posts whose dates include the day.</returns>
    public int PostsOn(LocalDate date) => Posts.Count(p => p.IsEstablishedOn(date));
}
