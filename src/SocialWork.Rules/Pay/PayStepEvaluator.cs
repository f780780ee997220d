using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// Applies pay-step policies to workers. For a day D, level L <em>counts</em> when a qualification ≥ L and (if the policy
/// requires it) a post ≥ L have both held without a break since a day X, and the uplift has started by D
/// (<see cref="UpliftTiming.NextMonth"/>: from the first day of the month after X; <see cref="UpliftTiming.SameDay"/>:
/// from X). With <see cref="Stacking.HighestOnly"/> the uplift is steps[highest counting L]; with
/// <see cref="Stacking.Cumulative"/> it is steps[highest counting L] plus steps[L] for every lower counting level L at
/// which the worker holds a qualification of exactly L (so one certificate never counts twice, and cumulative is never
/// below highest-only: a senior holder on an intermediate post gets steps[intermediate] either way). Employment outside
/// the policy's kinds, or a policy not in force, gives 0.
/// </summary>
/// <remarks>Thread-safe and stateless apart from the policy set and clock.</remarks>
public sealed class PayStepEvaluator
{
    private readonly IClock clock;
    private readonly DateTimeZone zone;

    /// <summary>Creates an evaluator over a set of policy versions.</summary>
    /// <param name="policies">The policies.</param>
    /// <param name="clock">The clock that says what "today" is; defaults to the system clock.</param>
    /// <param name="zone">The time zone of "today"; defaults to Asia/Shanghai.</param>
    public PayStepEvaluator(PolicySet<PayStepPolicy> policies, IClock? clock = null, DateTimeZone? zone = null)
    {
        Policies = policies ?? throw new ArgumentNullException(nameof(policies));
        this.clock = clock ?? SystemClock.Instance;
        this.zone = zone ?? DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    }

    /// <summary>Creates an evaluator for a single policy.</summary>
    /// <param name="policy">The policy.</param>
    public PayStepEvaluator(PayStepPolicy policy)
        : this(new PolicySet<PayStepPolicy>([policy ?? throw new ArgumentNullException(nameof(policy))]))
    {
    }

    /// <summary>Gets the policy versions.</summary>
    public PolicySet<PayStepPolicy> Policies { get; }

    /// <summary>Assesses a worker today (by the clock, in the evaluator's time zone).</summary>
    /// <param name="worker">The worker.</param>
    /// <returns>The assessment.</returns>
    public PayAssessment AssessToday(Worker worker) => Assess(worker, clock.GetCurrentInstant().InZone(zone).Date);

    /// <summary>Assesses a worker on a day under the policy in force that day (any jurisdiction).</summary>
    /// <param name="worker">The worker.</param>
    /// <param name="date">The day.</param>
    /// <returns>The assessment, with at least one finding.</returns>
    public PayAssessment Assess(Worker worker, LocalDate date) => Assess(worker, date, (DivisionCode?)null);

    /// <summary>Assesses a worker on a day under the policy in force that day for the worker's division.</summary>
    /// <param name="worker">The worker.</param>
    /// <param name="date">The day.</param>
    /// <param name="jurisdiction">The worker's division, to choose among jurisdictions' policies.</param>
    /// <returns>The assessment, with at least one finding.</returns>
    public PayAssessment Assess(Worker worker, LocalDate date, DivisionCode jurisdiction) => Assess(worker, date, (DivisionCode?)jurisdiction);

    private PayAssessment Assess(Worker worker, LocalDate date, DivisionCode? jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var inForce = Policies.Policies.Where(p => p.IsInForceOn(date)).ToList();
        if (jurisdiction is null && inForce.Select(p => p.Jurisdiction).Distinct().Count() > 1)
        {
            var ids = string.Join(", ", inForce.Select(p => p.Id));
            var ambiguous = Finding.Error(
                "pay.ambiguousPolicy",
                $"{date:yyyy-MM-dd}有{inForce.Count}项适用于不同区划的政策同时有效（{ids}），请指明人员所在区划，暂不提升",
                $"{inForce.Count} policies for different jurisdictions are in force on {date:yyyy-MM-dd} ({ids}); give the worker's division to choose one: no uplift",
                ("asOf", date),
                ("policies", ids));
            return Finish(worker, date, null, null, QualificationLevel.None, 0, [ambiguous], applyLadder: false);
        }
        var policy = Policies.InForceOn(date, jurisdiction);
        if (policy is null && inForce.Count > 0 && jurisdiction is { } place)
        {
            var elsewhere = inForce[0];
            var notHere = Finding.Info(
                "pay.policyNotApplicable",
                $"政策{elsewhere.Id}在{date:yyyy-MM-dd}有效，但适用于{elsewhere.Jurisdiction}，不含{place}，不提升",
                $"policy {elsewhere.Id} is in force on {date:yyyy-MM-dd} but applies to {elsewhere.Jurisdiction}, which does not include {place}: no uplift",
                ("policy", elsewhere.Id),
                ("jurisdiction", place),
                ("asOf", date));
            return Finish(worker, date, elsewhere, null, QualificationLevel.None, 0, [notHere], applyLadder: false);
        }
        if (policy is null)
        {
            // Name the version nearest in time: the next one to come into force, else the last one that ended.
            var versions = Policies.Policies;
            var nearest = versions.FirstOrDefault(p => p.EffectiveFrom > date) ?? (versions.Count > 0 ? versions[^1] : null);
            var finding = nearest is null
                ? Finding.Info("pay.noPolicy", $"{date:yyyy-MM-dd}没有生效的基本报酬提升政策，不提升", $"no pay-step policy is in force on {date:yyyy-MM-dd}: no uplift", ("asOf", date))
                : NotInForce(nearest, date);
            return Finish(worker, date, nearest, null, QualificationLevel.None, 0, [finding], applyLadder: false);
        }
        return Assess(worker, date, policy);
    }

    /// <summary>Assesses a worker on a day under a given policy (which may not be in force; that is then the finding).</summary>
    /// <param name="worker">The worker.</param>
    /// <param name="date">The day.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The assessment, with at least one finding.</returns>
    public static PayAssessment Assess(Worker worker, LocalDate date, PayStepPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(policy);
        var findings = new List<Finding>();
        var qualification = worker.QualificationOn(date);
        var post = worker.PostOn(date);
        if (!policy.IsInForceOn(date))
        {
            findings.Add(NotInForce(policy, date));
            return Finish(worker, date, policy, policy, QualificationLevel.None, 0, findings, applyLadder: false);
        }
        if (!policy.EligibleEmployment.Contains(worker.Employment))
        {
            findings.Add(Finding.Info(
                "pay.ineligibleEmployment",
                $"用工类型{LevelCounting.Chinese(worker.Employment)}不在政策{policy.Id}的适用范围内，不提升",
                $"employment {LevelCounting.Code(worker.Employment)} is not covered by policy {policy.Id}: no uplift",
                ("employment", worker.Employment)));
            return Finish(worker, date, policy, policy, QualificationLevel.None, 0, findings, applyLadder: true);
        }
        if (qualification == QualificationLevel.None)
        {
            findings.Add(Finding.Info("pay.noQualification", "未取得社会工作者职业资格，不提升", "holds no social-worker qualification: no uplift"));
            return Finish(worker, date, policy, policy, QualificationLevel.None, 0, findings, applyLadder: true);
        }
        if (policy.RequiresMatchingPost && post == QualificationLevel.None)
        {
            findings.Add(Finding.Info(
                "pay.noAppointment",
                $"持有{LevelCounting.Chinese(qualification)}资格但未聘任在社会工作专业岗位，不提升",
                $"holds {LevelCounting.English(qualification)} but is not appointed to a social-work post: no uplift",
                ("qualification", qualification)));
            return Finish(worker, date, policy, policy, QualificationLevel.None, 0, findings, applyLadder: true);
        }

        var (levelUsed, steps) = Compute(worker, date, policy);
        var conditionLevel = policy.RequiresMatchingPost ? (QualificationLevel)Math.Min((int)qualification, (int)post) : qualification;
        if (levelUsed == QualificationLevel.None)
        {
            var from = LevelCounting.CountsFrom(worker, conditionLevel, date, policy.RequiresMatchingPost, policy.Timing);
            findings.Add(Finding.Info(
                "pay.pending",
                from is { } start
                    ? $"暂不提升：按{LevelCounting.Chinese(conditionLevel)}提升{policy.Steps[conditionLevel]}级，自{start:yyyy-MM-dd}起执行"
                    : $"暂不提升：按{LevelCounting.Chinese(conditionLevel)}提升{policy.Steps[conditionLevel]}级，起始月份超出9999年12月",
                from is { } day
                    ? $"no uplift yet: the uplift of {LevelCounting.EnglishSteps(policy.Steps[conditionLevel])} at {LevelCounting.English(conditionLevel)} level starts on {day:yyyy-MM-dd}"
                    : $"no uplift yet: the uplift of {LevelCounting.EnglishSteps(policy.Steps[conditionLevel])} at {LevelCounting.English(conditionLevel)} level would start after 9999-12",
                ("level", conditionLevel),
                ("startsOn", from)));
            return Finish(worker, date, policy, policy, levelUsed, 0, findings, applyLadder: true);
        }
        findings.Add(Explain(qualification, post, levelUsed, policy));
        if (levelUsed < conditionLevel)
        {
            var from = LevelCounting.CountsFrom(worker, conditionLevel, date, policy.RequiresMatchingPost, policy.Timing);
            findings.Add(Finding.Info(
                "pay.higherPending",
                $"{LevelCounting.Chinese(conditionLevel)}提升自{from:yyyy-MM-dd}起执行，此前按{LevelCounting.Chinese(levelUsed)}",
                $"the {LevelCounting.English(conditionLevel)} uplift starts on {from:yyyy-MM-dd}; until then the {LevelCounting.English(levelUsed)} uplift applies",
                ("level", conditionLevel),
                ("startsOn", from)));
        }
        if (policy.Stacking == Stacking.Cumulative)
        {
            var parts = LevelCounting.Levels
                .Where(l => l == levelUsed || (l < levelUsed && LevelCounting.Counts(worker, l, date, policy.RequiresMatchingPost, policy.Timing) && LevelCounting.HoldsExactly(worker, l, date)))
                .ToList();
            findings.Add(Finding.Info(
                "pay.cumulative",
                $"累计提升：{string.Join("+", parts.Select(l => $"{LevelCounting.Chinese(l)}{policy.Steps[l]}级"))}={steps}级",
                $"cumulative uplift: {string.Join(" + ", parts.Select(l => $"{LevelCounting.English(l)} {policy.Steps[l]}"))} = {LevelCounting.EnglishSteps(steps)}",
                ("levels", string.Join("|", parts.Select(LevelCounting.English)))));
        }
        return Finish(worker, date, policy, policy, levelUsed, steps, findings, applyLadder: true);
    }

    /// <summary>
    /// Assesses a worker over a range of days, for back-pay: the spans over which the uplift was the same. Under
    /// <see cref="UpliftTiming.SameMonth"/> and <see cref="UpliftTiming.NextMonth"/> pay is settled by the month, so changes fall
    /// only on month boundaries: under <c>SameMonth</c> a month's uplift is the one on its last day (or on <paramref name="to"/>),
    /// under <c>NextMonth</c> the one on its first day (or on <paramref name="from"/>); under
    /// <see cref="UpliftTiming.SameDay"/> spans are day-precise.
    /// </summary>
    /// <param name="worker">The worker.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day (inclusive).</param>
    /// <param name="jurisdiction">The worker's division, to choose among jurisdictions' policies.</param>
    /// <returns>The spans, in order, covering the range without gaps.</returns>
    public IReadOnlyList<PayStepSpan> AssessRange(Worker worker, LocalDate from, LocalDate to, DivisionCode? jurisdiction = null)
    {
        ArgumentNullException.ThrowIfNull(worker);
        if (to < from)
        {
            throw new ArgumentException($"Range end {to} is before its start {from}.", nameof(to));
        }
        var spans = new List<PayStepSpan>();
        for (var day = from; day <= to;)
        {
            var policy = Policies.InForceOn(day, jurisdiction);
            var monthly = policy?.Timing is UpliftTiming.NextMonth or UpliftTiming.SameMonth;
            var until = monthly ? LocalDate.Min(day.With(DateAdjusters.EndOfMonth), to) : day;
            // Under SameMonth what holds by the month's end counts for the whole month; under NextMonth the first day decides.
            var (level, steps) = policy is null || !policy.EligibleEmployment.Contains(worker.Employment)
                ? (QualificationLevel.None, 0)
                : Compute(worker, policy.Timing == UpliftTiming.SameMonth ? until : day, policy);
            if (spans.Count > 0 && spans[^1] is var last && last.PolicyId == policy?.Id && last.LevelUsed == level && last.UpliftSteps == steps)
            {
                spans[^1] = last with { To = until };
            }
            else
            {
                spans.Add(new PayStepSpan(day, until, policy?.Id, level, steps));
            }
            if (until == LocalDate.MaxIsoValue)
            {
                break;
            }
            day = until.PlusDays(1);
        }
        return spans;
    }

    /// <summary>
    /// Assesses a roster month by month, with the extra pay the uplifts cost when the policy's ladder has a pay table (see
    /// <see cref="Payroll"/> for the day that decides each month).
    /// </summary>
    /// <param name="workers">The workers.</param>
    /// <param name="from">The first month.</param>
    /// <param name="to">The last month.</param>
    /// <param name="divisionOf">Each worker's division, to choose among jurisdictions' policies and to sum by division; none when omitted.</param>
    /// <returns>The months, the changes with their reasons (an uplift already running in the first month counts as started then), and the costs.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public Payroll AssessPayroll(IEnumerable<Worker> workers, YearMonth from, YearMonth to, Func<Worker, DivisionCode?>? divisionOf = null)
    {
        ArgumentNullException.ThrowIfNull(workers);
        if (to < from)
        {
            throw new ArgumentException($"The payroll ends in {to:yyyy-MM}, before it starts in {from:yyyy-MM}.", nameof(to));
        }
        var months = new List<PayrollMonth>();
        var changes = new List<PayrollChange>();
        foreach (var worker in workers.OrderBy(w => w.Id, StringComparer.Ordinal))
        {
            var division = divisionOf?.Invoke(worker);
            var before = 0;
            for (var month = from; month <= to; month = month.PlusMonths(1))
            {
                var first = month.OnDayOfMonth(1);
                var settledOn = Policies.InForceOn(first, division)?.Timing == UpliftTiming.NextMonth ? first : first.With(DateAdjusters.EndOfMonth);
                var assessment = Assess(worker, settledOn, division);
                var steps = assessment.UpliftSteps;
                months.Add(new PayrollMonth(worker.Id, division, month, settledOn, assessment.PolicyId, assessment.LevelUsed, steps, assessment.BaseLevel, assessment.EffectiveLevel, ExtraPay(assessment)));
                if (steps != before)
                {
                    changes.Add(new PayrollChange(worker.Id, month, before, steps, Change(worker.Id, month, before, steps, assessment.Findings[0])));
                }
                before = steps;
            }
        }
        return new Payroll(from, to, months, changes);
    }

    private Money? ExtraPay(PayAssessment assessment)
    {
        if (assessment.UpliftSteps == 0)
        {
            return Money.Zero;
        }
        var ladder = assessment.PolicyId is { } id ? Policies.Policies.FirstOrDefault(p => p.Id == id)?.Ladder : null;
        return ladder is not null && assessment.BaseLevel is { } baseLevel && assessment.MonthlyBasicPay is { } paid && ladder.MonthlyPay(baseLevel) is { } basic
            ? paid - basic
            : null;
    }

    private static Finding Change(string workerId, YearMonth month, int before, int after, Finding reason)
    {
        var (code, chinese, english) = (before, after) switch
        {
            (0, _) => ("payroll.started", $"自{month:yyyy-MM}起提升{after}级", $"from {month:yyyy-MM} the uplift of {LevelCounting.EnglishSteps(after)} starts"),
            (_, 0) => ("payroll.stopped", $"自{month:yyyy-MM}起不再提升（此前{before}级）", $"from {month:yyyy-MM} the uplift of {LevelCounting.EnglishSteps(before)} stops"),
            _ => ("payroll.changed", $"自{month:yyyy-MM}起提升由{before}级变为{after}级", $"from {month:yyyy-MM} the uplift changes from {LevelCounting.EnglishSteps(before)} to {LevelCounting.EnglishSteps(after)}"),
        };
        return Finding.Info(code, $"{chinese}：{reason.Chinese}", $"{english}: {reason.English}", ("worker", workerId), ("month", month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)), ("stepsBefore", before), ("stepsAfter", after), ("reason", reason.Code));
    }

    /// <summary>Assesses many workers on one day, sorted by worker id.</summary>
    /// <param name="workers">The workers.</param>
    /// <param name="date">The day.</param>
    /// <returns>The roster.</returns>
    public IReadOnlyList<PayAssessment> AssessRoster(IEnumerable<Worker> workers, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(workers);
        return [.. workers.OrderBy(w => w.Id, StringComparer.Ordinal).Select(w => Assess(w, date))];
    }

    private static (QualificationLevel Level, int Steps) Compute(Worker worker, LocalDate date, PayStepPolicy policy)
    {
        var highest = LevelCounting.HighestCounting(worker, date, policy.RequiresMatchingPost, policy.Timing);
        if (highest == QualificationLevel.None)
        {
            return (highest, 0);
        }
        if (policy.Stacking == Stacking.HighestOnly)
        {
            return (highest, policy.Steps[highest]);
        }
        var sum = policy.Steps[highest];
        foreach (var level in LevelCounting.Levels)
        {
            if (level < highest && LevelCounting.Counts(worker, level, date, policy.RequiresMatchingPost, policy.Timing) && LevelCounting.HoldsExactly(worker, level, date))
            {
                sum += policy.Steps[level];
            }
        }
        return (highest, sum);
    }

    private static Finding NotInForce(PayStepPolicy policy, LocalDate date) => Finding.Info(
        "pay.policyNotInForce",
        $"政策{policy.Id}在{date:yyyy-MM-dd}未生效（{policy.EffectiveFrom:yyyy-MM-dd}至{policy.EffectiveTo?.ToString("yyyy-MM-dd", null) ?? "今"}），不提升",
        $"policy {policy.Id} is not in force on {date:yyyy-MM-dd} ({policy.EffectiveFrom:yyyy-MM-dd} to {policy.EffectiveTo?.ToString("yyyy-MM-dd", null) ?? "open"}): no uplift",
        ("policy", policy.Id),
        ("asOf", date));

    private static Finding Explain(QualificationLevel qualification, QualificationLevel post, QualificationLevel used, PayStepPolicy policy)
    {
        var steps = policy.Steps[used];
        var facts = new (string, object?)[] { ("qualification", qualification), ("post", post), ("levelUsed", used), ("steps", steps) };
        if (!policy.RequiresMatchingPost)
        {
            return Finding.Info("pay.qualified", $"持有{LevelCounting.Chinese(qualification)}资格，按{LevelCounting.Chinese(used)}提升{steps}级", $"holds {LevelCounting.English(qualification)}: uplift {LevelCounting.EnglishSteps(steps)} at {LevelCounting.English(used)} level", facts);
        }
        if (qualification > post)
        {
            return Finding.Info(
                "pay.postLower",
                $"持有{LevelCounting.Chinese(qualification)}资格但聘任在{LevelCounting.Chinese(post)}岗位，按{LevelCounting.Chinese(used)}提升{steps}级",
                $"holds {LevelCounting.English(qualification)} but appointed to {LevelCounting.EnglishWithArticle(post)} post: uplift {LevelCounting.EnglishSteps(steps)}",
                facts);
        }
        if (post > qualification)
        {
            return Finding.Info(
                "pay.qualificationLower",
                $"聘任在{LevelCounting.Chinese(post)}岗位但持有{LevelCounting.Chinese(qualification)}资格，按{LevelCounting.Chinese(used)}提升{steps}级",
                $"appointed to {LevelCounting.EnglishWithArticle(post)} post but holds {LevelCounting.English(qualification)}: uplift {LevelCounting.EnglishSteps(steps)}",
                facts);
        }
        return used == qualification
            ? Finding.Info(
                "pay.matched",
                $"持有{LevelCounting.Chinese(qualification)}资格并聘任在相应岗位，提升{steps}级",
                $"holds {LevelCounting.English(qualification)} and is appointed to the matching post: uplift {LevelCounting.EnglishSteps(steps)}",
                facts)
            : Finding.Info(
                "pay.matched",
                $"持有{LevelCounting.Chinese(qualification)}资格并聘任在相应岗位，{LevelCounting.Chinese(qualification)}提升尚未开始，目前按{LevelCounting.Chinese(used)}提升{steps}级",
                $"holds {LevelCounting.English(qualification)} and is appointed to the matching post; the {LevelCounting.English(qualification)} uplift has not started, so for now the {LevelCounting.English(used)} uplift of {LevelCounting.EnglishSteps(steps)} applies",
                facts);
    }

    private static PayAssessment Finish(Worker worker, LocalDate date, PayStepPolicy? ladderSource, PayStepPolicy? applied, QualificationLevel levelUsed, int steps, List<Finding> findings, bool applyLadder)
    {
        int? effective = worker.BaseLevel is { } b ? checked(b + steps) : null;
        var capped = false;
        Money? monthlyPay = null;
        var ladder = applyLadder ? ladderSource?.Ladder : null;
        if (ladder is not null && effective is { } level)
        {
            var category = ladder.Find(worker.PostCategory);
            if (string.IsNullOrWhiteSpace(worker.PostCategory))
            {
                var names = string.Join(", ", ladder.Categories.Select(c => c.Category));
                findings.Add(Finding.Warning(
                    "pay.noCategory",
                    $"未填岗位类别，无法按{ladder.Id}封顶（应为{string.Join("、", ladder.Categories.Select(c => c.Category))}之一）",
                    $"no post category: ladder {ladder.Id} caps by one of {names}; no cap applied",
                    ("ladder", ladder.Id)));
            }
            else if (category is null)
            {
                findings.Add(Finding.Warning(
                    "pay.unknownCategory",
                    $"岗位类别“{worker.PostCategory}”不在{ladder.Id}中，未封顶",
                    $"post category '{worker.PostCategory}' is not on ladder {ladder.Id}: no cap applied",
                    ("postCategory", worker.PostCategory)));
            }
            else if (level > category.MaxLevel)
            {
                capped = true;
                effective = category.MaxLevel;
                findings.Add(Finding.Info(
                    "pay.capped",
                    $"{worker.BaseLevel}级提升{steps}级超过{category.Label?.Chinese ?? category.Category}最高{category.MaxLevel}级，按{category.MaxLevel}级执行",
                    $"level {worker.BaseLevel} + {LevelCounting.EnglishSteps(steps)} exceeds the top of the {category.Label?.English ?? category.Category} range ({category.MaxLevel}): capped at {category.MaxLevel}",
                    ("baseLevel", worker.BaseLevel),
                    ("maxLevel", category.MaxLevel)));
            }
            monthlyPay = ladder.MonthlyPay(effective!.Value);
            if (monthlyPay is { } pay)
            {
                findings.Add(Finding.Info("pay.monthlyBasicPay", $"{effective}级月基本报酬{pay}元", $"monthly basic pay at level {effective}: {pay} yuan", ("level", effective), ("yuan", pay)));
            }
        }
        return new PayAssessment(worker.Id, date, applied?.Id, worker.QualificationOn(date), worker.PostOn(date), levelUsed, steps, worker.BaseLevel, effective, capped, monthlyPay, findings);
    }
}
