using System.Globalization;
using SocialWork.Reporting;
using SocialWork.Rules;
using Spectre.Console;

namespace SocialWork.Samples.Cli;

/// <summary>Readable tables of the three results, in zh-CN or English.</summary>
internal static class Tables
{
    private static readonly string[] IndicatorColumns = ["records", "personTimes", "households", "amount", "visits", "files", "casework", "groups", "activities", "trainings", "others"];

    internal static void Report(CliOutput output, ReportDocument document, ReportLabels labels)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(labels.Column("division"));
        table.AddColumn(labels.Column("name"));
        table.AddColumn(labels.Column("period"));
        var keyed = document.By != CubeDimension.None;
        if (keyed)
        {
            table.AddColumn(labels.Column("key"));
        }
        foreach (var column in IndicatorColumns)
        {
            table.AddColumn(new TableColumn(labels.Column(column)).RightAligned());
        }

        // People (人) beside the indicators when records name them: distinct per row, so the rows need not add up to the total.
        var people = document.Total.People is not null;
        if (people)
        {
            table.AddColumn(new TableColumn(labels.Column("people")).RightAligned());
        }
        foreach (var row in document.Rows)
        {
            var cells = new List<string> { row.Division.ToString("S", null), Markup.Escape(row.Name ?? labels.DivisionName(row.Division)), row.Period.ToString() };
            if (keyed)
            {
                cells.Add(Markup.Escape(row.Key.Length == 0 ? "—" : $"{row.Key} {labels.Key(row.Key, document.By)}"));
            }
            cells.AddRange(ReportWriter.Values(row));
            if (people)
            {
                cells.Add(row.People?.ToString(CultureInfo.InvariantCulture) ?? ReportWriter.Suppressed);
            }
            table.AddRow([.. cells]);
        }
        var total = new List<string> { $"[bold]{labels.Column("total")}[/]", string.Empty, string.Empty };
        if (keyed)
        {
            total.Add(string.Empty);
        }
        total.AddRange(ReportWriter.Values(document.Total).Select(v => $"[bold]{v}[/]"));
        if (people)
        {
            total.Add($"[bold]{document.Total.People?.ToString(CultureInfo.InvariantCulture)}[/]");
        }
        table.AddRow([.. total]);
        table.Caption(output.T(
            $"读取{document.Input.Read}行，接受{document.Input.Accepted}行，拒绝{document.Input.Rejected}行",
            $"{document.Input.Read} rows read, {document.Input.Accepted} accepted, {document.Input.Rejected} rejected")
            + string.Concat(document.Footnotes(output.Chinese).Select(note => "\n" + Markup.Escape(note))));
        output.Render(table);
    }

    private static string PhaseName(CliOutput output, string phaseId) => !output.Chinese ? phaseId : phaseId switch
    {
        CoveragePlan.NotStarted => "未开始",
        CoveragePlan.Sustain => "巩固提升期",
        _ => phaseId,
    };

    internal static void Coverage(CliOutput output, CoverageAssessment assessment, CoveragePlan plan, DivisionDirectory directory)
    {
        var window = plan.WindowOn(assessment.AsOf);
        var phase = window is null ? PhaseName(output, assessment.PhaseId) : output.Chinese ? window.Phase.Label.Chinese : $"{assessment.PhaseId} · {window.Phase.Label.English}";
        output.Render(new Rule(output.T($"覆盖评估 {assessment.Scope.ToString("S", null)} · {assessment.AsOf:yyyy-MM-dd} · 阶段：{phase}", $"Coverage {assessment.Scope.ToString("S", null)} · {assessment.AsOf:yyyy-MM-dd} · phase: {phase}")).LeftJustified());
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(output.T("目标", "Target"));
        table.AddColumn(output.T("阶段", "Phase"));
        table.AddColumn(new TableColumn(output.T("要求", "Required")).RightAligned());
        table.AddColumn(new TableColumn(output.T("实际", "Actual")).RightAligned());
        table.AddColumn(output.T("截止", "Due"));
        table.AddColumn(output.T("状态", "Status"));
        foreach (var t in assessment.Targets)
        {
            var status = Status(output, t.Status);
            var label = CoverageMetricExtensions.GetLabel(t.Metric);
            var phaseLabel = plan.Windows.FirstOrDefault(w => w.Phase.Id == t.PhaseId)?.Phase.Label;
            var own = t.Source is not null ? output.T("（本方案设定，非政策）", " (set by this plan, not policy)") : string.Empty;
            table.AddRow(
                (output.Chinese ? label.Chinese : $"{t.Id} ({label.English})") + own,
                output.Chinese ? phaseLabel?.Chinese ?? t.PhaseId : t.PhaseId,
                Ratio(t.Metric, t.Required), Ratio(t.Metric, t.Actual), t.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), status);
        }
        output.Render(table);
        // A table shows the first dozen of a long list and says how many there are; the JSON output lists them all.
        string Names(IReadOnlyList<DivisionCode> codes)
        {
            var names = string.Join(output.T("、", ", "), codes.Take(12).Select(c => directory.TryGet(c, out var d) ? $"{d.Name}({c.ToString("S", null)})" : c.ToString()));
            return codes.Count <= 12 ? names : names + output.T($"等{codes.Count}个", $" and {codes.Count - 12} more ({codes.Count} in all)");
        }
        output.Line(output.T("缺口：", "Gaps:"));
        output.Line($"  {output.T("无社工站的乡镇（街道）", "townships without a station")}: {Or(output, Names(assessment.Gaps.TownshipsWithoutStation))}");
        output.Line($"  {output.T("无社工室的村（社区）", "villages without a room")}: {Or(output, Names(assessment.Gaps.VillagesWithoutRoom))}");
        output.Line($"  {output.T("无志愿服务站点的村（社区）", "villages without a volunteer point")}: {Or(output, Names(assessment.Gaps.VillagesWithoutVolunteerPoint))}");
        output.Line($"  {output.T("未达标的社工站", "stations below standard")}: {Or(output, string.Join(", ", assessment.Gaps.StationsBelowStandard))}");
        foreach (var grade in assessment.StationGrades.Where(g => g.Grade == StationGrade.Unmet))
        {
            foreach (var finding in grade.Findings.Where(f => f.Severity == FindingSeverity.Error))
            {
                output.Line($"    · {Markup.Remove(Markup.Escape(finding.Message(output.Culture)))}");
            }
        }
        output.Line();
    }

    /// <summary>One row per programme that has records, sub-plans and projects rolled up into it, with what it is made of.</summary>
    internal static void Programmes(CliOutput output, Cube cube, ProgrammeRegistry registry)
    {
        output.Render(new Rule(output.T("项目与计划（子计划、项目汇总至所属计划）", "Programmes (sub-plans and projects rolled up)")).LeftJustified());
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(output.T("名称", "Name"));
        table.AddColumn(output.T("类别", "Kind"));
        table.AddColumn(output.T("组成", "Made of"));
        table.AddColumn(new TableColumn(output.T("记录数", "Records")).RightAligned());
        table.AddColumn(new TableColumn(output.T("服务人次", "Person-times")).RightAligned());
        foreach (var group in cube.Rows.Where(r => r.Key.Length > 0).GroupBy(r => r.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var total = group.Aggregate(Indicators.Zero, (sum, row) => sum + row.Indicators);
            var kind = registry.TryGet(group.Key, out var programme) ? programme.Kind.GetLabel().For(output.Culture) : string.Empty;
            var children = registry.ChildrenOf(group.Key);
            var projects = registry.CountProjects(group.Key);
            var madeOf = projects > 0 ? output.T($"{projects}个项目", $"{projects} projects")
                : children.Count > 0 ? output.T($"{children.Count}个子计划：", $"{children.Count} sub-plans: ") + string.Join(output.T("、", ", "), children.Select(c => c.Name.For(output.Culture)))
                : string.Empty;
            table.AddRow(Markup.Escape(registry.GetName(group.Key, output.Culture)), Markup.Escape(kind), Markup.Escape(madeOf), total.Records.ToString(CultureInfo.InvariantCulture), total.PersonTimes.ToString(CultureInfo.InvariantCulture));
        }
        output.Render(table);
        output.Line();
    }

    /// <summary>
    /// The 公益创投 round by year: projects with sign-ins, activities (a project's day of sign-ins), person-times and
    /// distinct people — counted again for the whole round, never added up from the years or the projects.
    /// </summary>
    internal static void Venture(CliOutput output, RecordBatch signIns, DivisionCode county)
    {
        output.Render(new Rule(output.T("公益创投（示例签到记录：每人每场一条）", "Public-benefit venture funding (sample sign-ins: one record per person per activity)")).LeftJustified());
        var byYear = Cube.Build(signIns, new CubeQuery(DivisionLevel.County, PeriodKind.Year));
        var byProject = Cube.Build(signIns, new CubeQuery(DivisionLevel.County, PeriodKind.Year, CubeDimension.Programme));
        var activities = Enumerable.Range(0, signIns.Count)
            .Select(i => (Year: signIns.DateAt(i).Year, Activity: (signIns.ProgrammeIndices[i], signIns.DayNumbers[i])))
            .Distinct()
            .ToLookup(a => a.Year);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(output.T("年度", "Year"));
        table.AddColumn(new TableColumn(output.T("项目数", "Projects")).RightAligned());
        table.AddColumn(new TableColumn(output.T("活动场次", "Activities")).RightAligned());
        table.AddColumn(new TableColumn(output.T("服务人次", "Person-times")).RightAligned());
        table.AddColumn(new TableColumn(output.T("服务人数", "People")).RightAligned());
        foreach (var period in byYear.Periods)
        {
            var projects = byProject.Rows.Where(r => r.Period == period && r.Key.Length > 0).ToList();
            table.AddRow(
                period.ToString(),
                Count(projects.Count),
                Count(activities[period.Start.Year].Count()),
                Count(byYear[county, period].PersonTimes),
                Count(byYear.PeopleAt(county, period).People));
        }
        table.AddRow(
            $"[bold]{output.T("合计", "Total")}[/]",
            $"[bold]{Count(byProject.Rows.Select(r => r.Key).Where(k => k.Length > 0).Distinct().Count())}[/]",
            $"[bold]{Count(activities.Sum(year => year.Count()))}[/]",
            $"[bold]{Count(byYear.Total.PersonTimes)}[/]",
            $"[bold]{Count(byYear.TotalPeople.People)}[/]");
        output.Render(table);
        var summed = byProject.Rows.Where(r => r.Key.Length > 0).Sum(r => byProject.PeopleAt(r.Division, r.Period, r.Key).People);
        output.Line(output.T(
            $"服务人数按居民去重：一人参加多个项目、多场活动或跨年参加只计一次（各年各项目的人数相加为{Count(summed)}）。种子报道竞秀区三年“立项65个，开展活动600余场，服务群众三万余人”；本表为示例数据。",
            $"People are distinct residents: one who joins several projects, activities or years counts once (the years' projects' people add up to {Count(summed)}). The seed reports for 竞秀区 over three years: 65 projects, 600+ activities, 30,000+ people served; this table is sample data."));
        output.Line();

        static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }

    internal static void Pay(CliOutput output, IReadOnlyList<PayAssessment> roster, string policyId, NodaTime.LocalDate asOf)
    {
        output.Render(new Rule(output.T($"基本报酬提升 · 政策 {policyId} · {asOf:yyyy-MM-dd}", $"Pay-step uplift · policy {policyId} · {asOf:yyyy-MM-dd}")).LeftJustified());
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(output.T("人员", "Worker"));
        table.AddColumn(output.T("资格", "Qualification"));
        table.AddColumn(output.T("岗位", "Post"));
        table.AddColumn(new TableColumn(output.T("提升级数", "Uplift")).RightAligned());
        table.AddColumn(new TableColumn(output.T("基础等级", "Base")).RightAligned());
        table.AddColumn(new TableColumn(output.T("执行等级", "Effective")).RightAligned());
        table.AddColumn(output.T("说明", "Why"));
        foreach (var a in roster)
        {
            table.AddRow(
                a.WorkerId,
                Level(output, a.Qualification),
                Level(output, a.Post),
                a.UpliftSteps.ToString(CultureInfo.InvariantCulture),
                a.BaseLevel?.ToString(CultureInfo.InvariantCulture) ?? "—",
                a.EffectiveLevel?.ToString(CultureInfo.InvariantCulture) ?? "—",
                Markup.Escape(string.Join(output.T("；", "; "), a.Findings.Select(f => f.Message(output.Culture)))));
        }
        output.Render(table);
        output.Line();
    }

    internal static string Level(CliOutput output, QualificationLevel level) => output.T(level.ToChineseLabel(), level.ToCode());

    private static string Status(CliOutput output, TargetStatus status) => status switch
    {
        TargetStatus.Met => $"[green]{output.T("已达成", "met")}[/]",
        TargetStatus.OnTrack => $"[blue]{output.T("进度正常", "on track")}[/]",
        TargetStatus.Behind => $"[yellow]{output.T("滞后", "behind")}[/]",
        TargetStatus.NotAssessable => $"[grey]{output.T("无法评估", "not assessable")}[/]",
        _ => $"[red]{output.T("未达成", "missed")}[/]",
    };

    /// <summary>The stocks of each division and period, then the plan's progress: each target's actual value and status by period.</summary>
    internal static void Series(CliOutput output, IReadOnlyList<NetworkStock> rows, DivisionCode scope, DivisionDirectory directory, bool townships = true)
    {
        rows = townships ? rows : [.. rows.Where(r => r.Division == scope)];
        output.Render(new Rule(output.T($"服务网络与人员（期末存量） {scope.ToString("S", null)}", $"Network and workforce (stocks at period end) {scope.ToString("S", null)}")).LeftJustified());
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var (zh, en, right) in new[]
        {
            ("区划", "Division", false), ("期间", "Period", false), ("截至", "As of", false), ("区县中心", "Centres", true), ("社工站", "Stations", true),
            ("社工室", "Rooms", true), ("志愿服务站点", "Volunteer points", true), ("有站乡镇", "Townships w/ station", true), ("有室村", "Villages w/ room", true),
            ("人员", "Workers", true), ("初级", "Assistant", true), ("中级", "Intermediate", true), ("高级", "Senior", true),
        })
        {
            table.AddColumn(right ? new TableColumn(output.T(zh, en)).RightAligned() : new TableColumn(output.T(zh, en)));
        }
        foreach (var r in rows)
        {
            var name = directory.TryGet(r.Division, out var d) ? d.Name : r.Division.ToString("S", null);
            table.AddRow([Markup.Escape(name), r.Period.ToString(), r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                .. new[] { r.Facilities.CountyCenter, r.Facilities.TownshipStation, r.Facilities.CommunityRoom, r.Facilities.VolunteerPoint, r.TownshipsWithStation, r.VillagesWithRoom, r.Workers, r.Certified.Assistant, r.Certified.Intermediate, r.Certified.Senior }
                    .Select(v => v.ToString(CultureInfo.InvariantCulture))]);
        }
        output.Render(table);
        var scoped = rows.Where(r => r.Division == scope && r.Targets.Count > 0).ToList();
        if (scoped.Count == 0)
        {
            return;
        }
        output.Render(new Rule(output.T("覆盖目标进度（实际值与状态）", "Coverage progress (actual value and status)")).LeftJustified());
        var progress = new Table().Border(TableBorder.Rounded);
        progress.AddColumn(output.T("期间", "Period"));
        foreach (var t in scoped[0].Targets)
        {
            progress.AddColumn(Markup.Escape(CoverageMetricExtensions.GetLabel(t.Metric).For(output.Culture)));
        }
        foreach (var r in scoped)
        {
            progress.AddRow([r.Period.ToString(), .. r.Targets.Select(t => $"{Ratio(t.Metric, t.Actual)} {Status(output, t.Status)}")]);
        }
        output.Render(progress);
        output.Line();
    }

    private static string Ratio(CoverageMetric metric, double value)
        => CoverageMetricExtensions.IsShare(metric) ? value.ToString("0.0%", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Or(CliOutput output, string text) => text.Length == 0 ? output.T("无", "none") : Markup.Remove(Markup.Escape(text));
}
