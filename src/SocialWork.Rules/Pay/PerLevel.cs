namespace SocialWork.Rules;

/// <summary>A number per qualification level (steps, or an amount in fen) for the assistant, intermediate and senior levels.</summary>
/// <typeparam name="T">The number type.</typeparam>
/// <param name="Assistant">The value for the assistant level (助理社会工作师, assistant social worker).</param>
/// <param name="Intermediate">The value for the intermediate level.</param>
/// <param name="Senior">The value for the senior level.</param>
public sealed record PerLevel<T>(T Assistant, T Intermediate, T Senior)
{
    /// <summary>Gets the value for <paramref name="level"/>.</summary>
    /// <param name="level">Assistant, Intermediate or Senior.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is None.</exception>
    public T this[QualificationLevel level] => level switch
    {
        QualificationLevel.Assistant => Assistant,
        QualificationLevel.Intermediate => Intermediate,
        QualificationLevel.Senior => Senior,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Only assistant, intermediate and senior levels have values."),
    };
}
