using NodaTime;
using SocialWork.Json;

namespace SocialWork.Rules;

/// <summary>
/// The counting rule shared by the incentive policies: level L counts on day D when a qualification ≥ L (and, where a
/// matching post is required, a post ≥ L) have both held without a break since a day X, and the uplift has started by D
/// (<see cref="UpliftTiming.SameMonth"/>: the first day of the month of X; <see cref="UpliftTiming.NextMonth"/>: the first day of the month after X; <see cref="UpliftTiming.SameDay"/>: X).
/// </summary>
internal static class LevelCounting
{
    internal static readonly QualificationLevel[] Levels = [QualificationLevel.Assistant, QualificationLevel.Intermediate, QualificationLevel.Senior];

    /// <summary>Gets the day both conditions for <paramref name="level"/> have held since, or null.</summary>
    internal static LocalDate? ConditionsSince(Worker worker, QualificationLevel level, LocalDate date, bool requiresPost)
    {
        var qualified = worker.QualificationHeldSince(level, date);
        if (qualified is null)
        {
            return null;
        }
        if (!requiresPost)
        {
            return qualified;
        }
        var posted = worker.PostHeldSince(level, date);
        return posted is null ? null : LocalDate.Max(qualified.Value, posted.Value);
    }

    /// <summary>Gets the day the incentive for <paramref name="level"/> starts counting, or null when the conditions do not hold on <paramref name="date"/>.</summary>
    internal static LocalDate? CountsFrom(Worker worker, QualificationLevel level, LocalDate date, bool requiresPost, UpliftTiming timing)
        => ConditionsSince(worker, level, date, requiresPost) is { } since ? StartOf(since, timing) : null;

    /// <summary>Gets the day the uplift starts; null under <see cref="UpliftTiming.NextMonth"/> when the conditions first hold in 9999-12, whose next month lies past the calendar.</summary>
    internal static LocalDate? StartOf(LocalDate since, UpliftTiming timing)
        => timing == UpliftTiming.SameDay ? since
            : timing == UpliftTiming.SameMonth ? since.With(DateAdjusters.StartOfMonth)
            : since.Year == 9999 && since.Month == 12 ? null
            : since.With(DateAdjusters.StartOfMonth).PlusMonths(1);

    internal static bool Counts(Worker worker, QualificationLevel level, LocalDate date, bool requiresPost, UpliftTiming timing)
        => CountsFrom(worker, level, date, requiresPost, timing) is { } from && from <= date;

    /// <summary>Gets the highest level that counts on <paramref name="date"/>, or None.</summary>
    internal static QualificationLevel HighestCounting(Worker worker, LocalDate date, bool requiresPost, UpliftTiming timing)
    {
        for (var i = Levels.Length - 1; i >= 0; i--)
        {
            if (Counts(worker, Levels[i], date, requiresPost, timing))
            {
                return Levels[i];
            }
        }
        return QualificationLevel.None;
    }

    internal static bool HoldsExactly(Worker worker, QualificationLevel level, LocalDate date)
    {
        var qualifications = worker.Qualifications;
        for (var i = 0; i < qualifications.Count; i++)
        {
            if (qualifications[i].Level == level && qualifications[i].ObtainedOn <= date)
            {
                return true;
            }
        }
        return false;
    }

    internal static string Chinese(QualificationLevel level) => level.ToChineseLabel();

    internal static string English(QualificationLevel level) => level switch
    {
        QualificationLevel.Assistant => "assistant",
        QualificationLevel.Intermediate => "intermediate",
        QualificationLevel.Senior => "senior",
        _ => "none",
    };

    internal static string EnglishWithArticle(QualificationLevel level) => level is QualificationLevel.Intermediate or QualificationLevel.Assistant ? $"an {English(level)}" : $"a {English(level)}";

    internal static string Chinese(Employment employment) => employment switch
    {
        Employment.CommunityFullTime => "社区专职工作者",
        Employment.StationResident => "驻站专职社工",
        Employment.PartTime => "兼职社工",
        _ => "志愿者",
    };

    internal static string Code(Employment employment) => DocumentReader.CamelCase(employment.ToString());

    internal static string EnglishSteps(int steps) => steps == 1 ? "1 step" : $"{steps} steps";
}
