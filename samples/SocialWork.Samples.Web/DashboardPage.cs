using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using NodaTime;
using SocialWork.Reporting;
using SocialWork.Rules;
using SocialWork.Samples.Web.Security;

namespace SocialWork.Samples.Web;

/// <summary>The server-rendered dashboard: coverage by township, indicators over time as an inline SVG chart, and the pay roster.</summary>
internal static class DashboardPage
{
    private const string Css = """
        <style>
          body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #1f2933; background: #f7f9fb; }
          h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
          .meta { color: #52606d; font-size: 13px; } .toggle { float: right; font-size: 14px; }
          table { border-collapse: collapse; background: #fff; font-size: 13px; }
          th, td { border: 1px solid #d9e2ec; padding: 4px 8px; text-align: left; } th { background: #eef2f7; }
          td.num { text-align: right; font-variant-numeric: tabular-nums; }
          .met { color: #0b7a33; } .onTrack { color: #1c5fb8; } .behind { color: #b7791f; } .missed { color: #c53030; font-weight: bold; }
          .cards { display: flex; gap: 12px; } .card { background: #fff; border: 1px solid #d9e2ec; padding: 8px 14px; }
          .card b { display: block; font-size: 20px; }
        </style>
        """;

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>Renders the page.</summary>
    /// <param name="state">The demo data and settings.</param>
    /// <param name="caller">Who is looking: only divisions, workers and records inside its scope are shown.</param>
    /// <param name="assessor">The coverage assessor.</param>
    /// <param name="evaluator">The pay-step evaluator.</param>
    /// <param name="asOf">The day shown.</param>
    /// <param name="chinese">Whether the page is in Chinese.</param>
    /// <param name="indicators">The stored records' county × month cube up to <paramref name="asOf"/> inside the caller's scope, and where they are stored.</param>
    /// <param name="upload">The upload form's hidden antiforgery field, the outcome of an upload just made, if any, and whether the caller may upload.</param>
    /// <param name="submissions">Where a period's reports stand for the townships inside the caller's scope.</param>
    public static string Render(DashboardState state, Caller caller, CoverageAssessor assessor, PayStepEvaluator evaluator, LocalDate asOf, bool chinese, (Cube Monthly, string Store) indicators, (string Token, string Field, UploadOutcome? Outcome, bool Allowed) upload, SubmissionStatusJson submissions)
    {
        var scope = caller.Scope;
        string T(string zh, string en) => chinese ? zh : en;
        string E(string text) => Html.Encode(text);
        var culture = CultureInfo.GetCultureInfo(chinese ? "zh-CN" : "en");
        var demo = state.Demo;
        var network = state.NetworkOn(asOf);
        var plan = state.Settings.Plan.Plan;
        var assessment = assessor.Assess(plan, network, asOf);
        var window = plan.WindowOn(asOf);
        var roster = evaluator.AssessRoster(state.WorkersWithin(scope).Where(w => w.Employment != Employment.StationResident), asOf);
        var wholePlan = scope.Contains(plan.Scope);
        // The cube holds only the scope's records; a period's row is the sum over whatever divisions they fall in.
        var months = indicators.Monthly.Rows.GroupBy(r => r.Period).OrderBy(g => g.Key)
            .Select(g => new CubeRow(plan.Scope, g.Key, string.Empty, g.Aggregate(Indicators.Zero, (sum, r) => sum + r.Indicators))).ToList();
        var scopeNames = string.Join("、", scope.Divisions.Select(d => demo.Directory.TryGet(d, out var named) ? $"{named.Name}（{d}）" : d.ToString()));

        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{(chinese ? "zh-CN" : "en")}">
            <head>
            <meta charset="utf-8">
            <title>{E(T("竞秀区社会工作服务体系", "Jingxiu social-work service system"))}</title>
            {Css}
            </head>
            <body>
            <a class="toggle" id="lang-toggle" lang="{(chinese ? "en" : "zh-CN")}" hreflang="{(chinese ? "en" : "zh-CN")}" href="/?lang={(chinese ? "en" : "zh")}&amp;asOf={asOf:yyyy-MM-dd}">{(chinese ? "English" : "中文")}</a>
            <h1 id="title">{E(T("竞秀区社会工作服务体系", "Jingxiu district social-work service system"))}</h1>
            <div class="meta">{E(T($"示例数据（非真实统计）· 截至 {asOf:yyyy-MM-dd} · 阶段：", $"Sample data (not real statistics) · as of {asOf:yyyy-MM-dd} · phase: "))}<span id="phase">{E(window is null ? assessment.PhaseId : chinese ? window.Phase.Label.Chinese : window.Phase.Label.English ?? window.Phase.Id)}</span></div>
            <div class="meta">{E(T("你的范围：", "Your scope: "))}<span data-testid="scope">{E(scopeNames)}</span></div>
            """);

        if (wholePlan)
        {
            page.Append(CultureInfo.InvariantCulture, $"<h2>{E(T("覆盖目标", "Coverage targets"))}</h2><table data-testid=\"targets\"><tr><th>{E(T("目标", "Target"))}</th><th>{E(T("阶段", "Phase"))}</th><th>{E(T("要求", "Required"))}</th><th>{E(T("实际", "Actual"))}</th><th>{E(T("截止", "Due"))}</th><th>{E(T("状态", "Status"))}</th></tr>");
            foreach (var t in assessment.Targets)
            {
                var status = DocumentStatus(t.Status);
                var label = CoverageMetricExtensions.GetLabel(t.Metric);
                var phaseLabel = state.Settings.Plan.Plan.Windows.FirstOrDefault(w => w.Phase.Id == t.PhaseId)?.Phase.Label;
                var own = t.Source is not null ? T("（本方案设定，非政策）", " (set by this plan, not policy)") : string.Empty;
                page.Append(CultureInfo.InvariantCulture, $"<tr data-target=\"{E(t.Id)}\"><td>{E((chinese ? label.Chinese : label.English ?? t.Id) + own)}</td><td>{E(phaseLabel is null ? t.PhaseId : chinese ? phaseLabel.Chinese : phaseLabel.English ?? t.PhaseId)}</td><td class=\"num\">{Ratio(t.Metric, t.Required)}</td><td class=\"num\">{Ratio(t.Metric, t.Actual)}</td><td>{t.Due:yyyy-MM-dd}</td><td class=\"{status}\">{E(StatusLabel(t.Status, chinese))}</td></tr>");
            }
            page.Append("</table>");
        }
        else
        {
            page.Append(CultureInfo.InvariantCulture, $"<h2>{E(T("覆盖目标", "Coverage targets"))}</h2><p class=\"meta\" data-testid=\"targets-outside-scope\">{E(T($"覆盖目标按全区（{plan.Scope}）评估，不在你的范围内。", $"The coverage targets are assessed for the whole county ({plan.Scope}), which is outside your scope."))}</p>");
        }

        page.Append(CultureInfo.InvariantCulture, $"<h2>{E(T("各镇街覆盖情况", "Coverage by township"))}</h2><table data-testid=\"townships\"><tr><th>{E(T("镇街", "Township"))}</th><th>{E(T("社工站", "Station"))}</th><th>{E(T("规范等级", "Grade"))}</th><th>{E(T("社工室覆盖", "Rooms"))}</th></tr>");
        var grades = assessment.StationGrades.ToDictionary(g => g.FacilityId);
        foreach (var township in demo.Directory.GetChildren(DemoData.County).Where(t => scope.Contains(t.Code)))
        {
            var station = network.Facilities.FirstOrDefault(f => f.Tier == FacilityTier.TownshipStation && f.Division == township.Code && f.IsOperatingOn(asOf));
            var villages = demo.Directory.GetChildren(township.Code);
            var rooms = villages.Count(v => network.Facilities.Any(f => f.Tier == FacilityTier.CommunityRoom && f.Division == v.Code && f.IsOperatingOn(asOf)));
            var grade = station is not null && grades.TryGetValue(station.Id, out var g) ? GradeLabel(g.Grade, chinese) : "—";
            var stationText = station is null ? T("未建", "none") : T($"{station.Id}（{station.OpenedOn:yyyy-MM-dd}起）", $"{station.Id} (since {station.OpenedOn:yyyy-MM-dd})");
            page.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(township.Name)}</td><td>{E(stationText)}</td><td>{E(grade)}</td><td class=\"num\">{rooms}/{villages.Count}</td></tr>");
        }
        page.Append("</table>");
        var withoutPoint = assessment.Gaps.VillagesWithoutVolunteerPoint.Where(scope.Contains).Select(c => demo.Directory.TryGet(c, out var d) ? d.Name : c.ToString()).ToList();
        page.Append(CultureInfo.InvariantCulture, $"<p data-testid=\"volunteer-gaps\">{E(T("无志愿服务站点的村（社区）", "Villages without a volunteer point"))}（{withoutPoint.Count}）：{E(withoutPoint.Count == 0 ? T("无", "none") : string.Join(T("、", ", "), withoutPoint))}</p>");

        var totalPeople = months.Sum(m => m.Indicators.PersonTimes);
        var totalRecords = months.Sum(m => m.Indicators.Records);
        page.Append(CultureInfo.InvariantCulture, $"""
            <h2>{E(T("服务指标（按月）", "Service indicators by month"))}</h2>
            <div class="cards">
              <div class="card">{E(T("服务人次", "Person-times"))}<b data-testid="total-person-times">{totalPeople}</b></div>
              <div class="card">{E(T("服务记录", "Records"))}<b data-testid="total-records">{totalRecords}</b></div>
              {PeopleCard(indicators.Monthly, chinese)}
              <div class="card">{E(T("链接资源(元)", "Resources linked (yuan)"))}<b>{Money.FromFen(months.Sum(m => m.Indicators.AmountFen))}</b></div>
            </div>
            """);
        // The chart publishes each month: small months are hidden as a report would hide them (the cards are the totals).
        var k = state.Settings.SuppressBelow;
        var published = ReportDocument.From(indicators.Monthly, options: new ReportOptions { SuppressBelow = k });
        var hidden = published.Rows.Where(r => r.Suppressed).Select(r => r.Period).ToHashSet();
        page.Append(Chart(months, hidden, T("每月服务人次", "Person-times per month")));
        if (hidden.Count > 0)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\" data-testid=\"chart-suppressed\">{E(T($"* 服务人数少于{k}的月份（及为防反推一并隐去的月份）不显示。", $"* months with fewer than {k} people (and those hidden with them) are not shown."))}</p>");
        }
        if (upload.Allowed)
        {
            page.Append(UploadSection(upload.Token, upload.Field, upload.Outcome, indicators.Store, asOf, chinese));
        }

        if (wholePlan)
        {
            var progress = NetworkSeries.Build(network, plan, DemoData.PlanStart, asOf, PeriodKind.Quarter, state.Settings.Plan.Standard)
                .Where(r => r.Division == plan.Scope)
                .ToList();
            page.Append(CultureInfo.InvariantCulture, $"<h2>{E(T("覆盖进度与持证社工（按季度）", "Coverage and certified workers by quarter"))}</h2>");
            page.Append(ProgressChart(progress, demo, chinese));
        }

        page.Append(SubmissionSection(submissions, chinese));

        page.Append(CultureInfo.InvariantCulture, $"<h2>{E(T($"基本报酬提升（政策 {state.Settings.PayPolicy.Id}）", $"Pay-step uplift (policy {state.Settings.PayPolicy.Id})"))}</h2><table data-testid=\"roster\"><tr><th>{E(T("人员", "Worker"))}</th><th>{E(T("资格", "Qualification"))}</th><th>{E(T("岗位", "Post"))}</th><th>{E(T("提升级数", "Uplift"))}</th><th>{E(T("执行等级", "Effective level"))}</th><th>{E(T("说明", "Why"))}</th></tr>");
        foreach (var a in roster)
        {
            page.Append(CultureInfo.InvariantCulture, $"<tr data-worker=\"{E(a.WorkerId)}\"><td>{E(a.WorkerId)}</td><td>{E(LevelLabel(a.Qualification, chinese))}</td><td>{E(LevelLabel(a.Post, chinese))}</td><td class=\"num\">{a.UpliftSteps}</td><td class=\"num\">{a.EffectiveLevel?.ToString(CultureInfo.InvariantCulture) ?? "—"}</td><td>{E(string.Join(T("；", "; "), a.Findings.Select(f => f.Message(culture))))}</td></tr>");
        }
        page.Append("</table></body></html>");
        return page.ToString();
    }

    /// <summary>
    /// The distinct people served over the months shown (人, counted once however many months or stations served them),
    /// when the stored records name people and the store's cube counts them; nothing otherwise.
    /// </summary>
    private static string PeopleCard(Cube monthly, bool chinese)
    {
        if (!monthly.KnowsPeople || monthly.TotalPeople.People == 0)
        {
            return string.Empty;
        }
        var people = monthly.TotalPeople;
        var title = chinese ? "服务人数（去重）" : "People served (distinct)";
        var note = people.RecordsWithoutPerson == 0 ? string.Empty
            : chinese ? $"另有{people.RecordsWithoutPerson}条记录未记服务对象" : $"{people.RecordsWithoutPerson} records name no one";
        return string.Create(CultureInfo.InvariantCulture, $"<div class=\"card\">{Html.Encode(title)}<b data-testid=\"total-people\">{people.People}</b><span class=\"meta\">{Html.Encode(note)}</span></div>");
    }

    /// <summary>
    /// Where a period's reports stand per township (上报情况): submitted, late, approved, returned or not yet, the revision,
    /// when first submitted, and the reporting rate and rate on time (DHIS2's reporting rates).
    /// </summary>
    private static string SubmissionSection(SubmissionStatusJson status, bool chinese)
    {
        string T(string zh, string en) => chinese ? zh : en;
        string E(string text) => Html.Encode(text);
        string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>{E(T($"{status.Period} 报表上报情况", $"Reports of {status.Period}"))}</h2>
            <div class="cards">
              <div class="card">{E(T("上报率", "Reporting rate"))}<b data-testid="reporting-rate">{Percent(status.Rates.ReportingRate)}</b><span class="meta">{status.Rates.Submitted}/{status.Rates.Expected}</span></div>
              <div class="card">{E(T("按时上报率", "On-time rate"))}<b data-testid="on-time-rate">{Percent(status.Rates.OnTimeRate)}</b><span class="meta">{(status.Rates.OnTime is { } onTime ? $"{onTime}/{status.Rates.Expected}" : E(T("未设截止日", "no due day set")))}</span></div>
            </div>
            <table data-testid="submissions"><tr><th>{E(T("区划", "Division"))}</th><th>{E(T("状态", "Status"))}</th><th>{E(T("版本", "Revision"))}</th><th>{E(T("首次上报", "First submitted"))}</th></tr>
            """);
        foreach (var row in status.Rows)
        {
            var state = (row.State, row.OnTime) switch
            {
                ("open", _) => T("未上报", "not yet"),
                ("returned", _) => T("已退回", "returned"),
                ("approved", _) => T("已审核", "approved"),
                (_, false) => T("逾期上报", "submitted late"),
                _ => T("已上报", "submitted"),
            };
            var late = row.OnTime == false && row.State != "open" ? T("（逾期）", " (late)") : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"""<tr data-division="{E(row.Division)}" data-state="{E(row.State)}" data-on-time="{(row.OnTime is { } t ? (t ? "true" : "false") : string.Empty)}"><td>{E(row.Name ?? row.Division)}</td><td>{E(state)}{E(row.State is "approved" or "returned" ? late : string.Empty)}</td><td class="num">{row.Revision}</td><td>{E(row.SubmittedAt ?? "—")}</td></tr>""");
        }
        html.Append("</table>");
        return html.ToString();
    }

    /// <summary>The form that sends a records file to the store, and what the last upload did.</summary>
    private static string UploadSection(string token, string field, UploadOutcome? outcome, string store, LocalDate asOf, bool chinese)
    {
        string T(string zh, string en) => chinese ? zh : en;
        string E(string text) => Html.Encode(text);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>{E(T("上传服务记录", "Upload service records"))}</h2>
            <p class="meta">{E(T($"记录存于 {store}；CSV 文件或电子表格工作簿（首个工作表），列同控制台约定（id,date,division,item,method,person_times,households,amount…）。已存储的记录编号不会重复计入。", $"Records are kept in {store}; CSV or an Excel workbook (its first sheet), with the console contract's columns (id,date,division,item,method,person_times,households,amount…). An id already stored is never counted twice."))}</p>
            <form data-testid="upload-form" method="post" action="/upload" enctype="multipart/form-data">
              <input type="hidden" name="{E(field)}" value="{E(token)}">
              <input type="hidden" name="lang" value="{(chinese ? "zh" : "en")}">
              <input type="hidden" name="asOf" value="{asOf:yyyy-MM-dd}">
              <input type="file" name="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required>
              <select name="mode"><option value="strict">{E(T("严格：有错误行则全部不存", "strict: store nothing if a row is bad"))}</option><option value="lenient">{E(T("宽松：存入有效行，列出错误行", "lenient: store the valid rows, list the bad ones"))}</option></select>
              <button type="submit">{E(T("上传", "Upload"))}</button>
            </form>
            """);
        if (outcome is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div data-testid="upload-result" class="card"><p data-testid="upload-summary">{E(outcome.Summary(chinese))}</p>""");
            if (outcome.Rejected.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"""<table data-testid="rejected-rows"><tr><th>{E(T("行", "Line"))}</th><th>{E(T("列", "Column"))}</th><th>{E(T("原因", "Reason"))}</th></tr>""");
                foreach (var row in outcome.Rejected)
                {
                    html.Append(CultureInfo.InvariantCulture, $"""<tr data-line="{row.Line}"><td class="num">{row.Line}</td><td>{E(row.Column)}</td><td>{E(chinese ? row.ChineseReason ?? row.Reason : row.Reason)}</td></tr>""");
                }
                html.Append("</table>");
            }
            html.Append("</div>");
        }
        return html.ToString();
    }

    private static string Chart(List<CubeRow> months, HashSet<ReportingPeriod> hidden, string title)
    {
        const int Width = 900, Height = 260, Left = 60, Bottom = 40, Top = 20;
        var max = Math.Max(1, months.Where(m => !hidden.Contains(m.Period)).Select(m => m.Indicators.PersonTimes).DefaultIfEmpty(1).Max());   // a hidden month must not set the scale
        var step = months.Count == 0 ? 0 : (Width - Left - 10) / (double)months.Count;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg data-testid=\"chart-person-times\" role=\"img\" aria-label=\"{Html.Encode(title)}\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" style=\"background:#fff;border:1px solid #d9e2ec\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"14\" font-size=\"12\" fill=\"#52606d\">{Html.Encode(title)}</text>");
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = max * tick / 4;
            var y = Height - Bottom - ((Height - Bottom - Top) * tick / 4.0);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - 10}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#eef2f7\"/><text x=\"{Left - 6}\" y=\"{y + 4:F1}\" font-size=\"10\" text-anchor=\"end\" fill=\"#52606d\">{value}</text>");
        }
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var x = Left + (i * step) + 2;
            if (hidden.Contains(m.Period))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"bar suppressed\" data-month=\"{m.Period}\" data-value=\"*\" x=\"{x + (step / 2):F1}\" y=\"{Height - Bottom - 4}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#52606d\">*</text>");
                continue;
            }
            var h = (Height - Bottom - Top) * m.Indicators.PersonTimes / (double)max;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" data-month=\"{m.Period}\" data-value=\"{m.Indicators.PersonTimes}\" x=\"{x:F1}\" y=\"{Height - Bottom - h:F1}\" width=\"{Math.Max(1, step - 4):F1}\" height=\"{h:F1}\" fill=\"#3b82c4\"><title>{m.Period}: {m.Indicators.PersonTimes}</title></rect>");
            if (i % 3 == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (step / 2):F1}\" y=\"{Height - Bottom + 14}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#52606d\">{m.Period}</text>");
            }
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// A line chart of the plan's scope by quarter end: the share of townships with a station and of villages with a room
    /// (left axis, 0–100 %), and the certified workers (right axis). Every point is a circle with its quarter and value.
    /// </summary>
    private static string ProgressChart(List<NetworkStock> quarters, DemoData demo, bool chinese)
    {
        const int Width = 900, Height = 260, Left = 60, Right = 60, Bottom = 40, Top = 30;
        var townships = demo.Townships.Count;
        var villages = demo.Villages.Count;
        var maxCertified = Math.Max(1, quarters.Count == 0 ? 1 : quarters.Max(Certified));
        var step = quarters.Count <= 1 ? 0 : (Width - Left - Right) / (double)(quarters.Count - 1);
        double X(int i) => Left + (i * step);
        double Y(double fraction) => Height - Bottom - ((Height - Bottom - Top) * fraction);
        var series = new (string Id, string Label, string Colour, Func<NetworkStock, double> Fraction, Func<NetworkStock, string> Value)[]
        {
            ("stations", chinese ? "镇街社工站覆盖率" : "Townships with a station", "#3b82c4", s => (double)s.TownshipsWithStation / townships, s => ((double)s.TownshipsWithStation / townships).ToString("0.0%", CultureInfo.InvariantCulture)),
            ("rooms", chinese ? "村（社区）社工室覆盖率" : "Villages with a room", "#0b7a33", s => (double)s.VillagesWithRoom / villages, s => ((double)s.VillagesWithRoom / villages).ToString("0.0%", CultureInfo.InvariantCulture)),
            ("certified", chinese ? "持证社工（右轴）" : "Certified workers (right axis)", "#b7791f", s => (double)Certified(s) / maxCertified, s => Certified(s).ToString(CultureInfo.InvariantCulture)),
        };
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg data-testid=\"chart-progress\" role=\"img\" aria-label=\"{Html.Encode(series[0].Label)}\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" style=\"background:#fff;border:1px solid #d9e2ec\">");
        for (var tick = 0; tick <= 4; tick++)
        {
            var y = Y(tick / 4.0);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#eef2f7\"/><text x=\"{Left - 6}\" y=\"{y + 4:F1}\" font-size=\"10\" text-anchor=\"end\" fill=\"#52606d\">{tick * 25}%</text><text x=\"{Width - Right + 6}\" y=\"{y + 4:F1}\" font-size=\"10\" fill=\"#52606d\">{maxCertified * tick / 4}</text>");
        }
        for (var k = 0; k < series.Length; k++)
        {
            var (id, label, colour, fraction, value) = series[k];
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (k * 260)}\" y=\"16\" font-size=\"12\" fill=\"{colour}\">■ {Html.Encode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<polyline data-series=\"{id}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', quarters.Select((q, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):F1},{Y(fraction(q)):F1}")))}\"/>");
            for (var i = 0; i < quarters.Count; i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" data-series=\"{id}\" data-quarter=\"{quarters[i].Period}\" data-value=\"{value(quarters[i])}\" cx=\"{X(i):F1}\" cy=\"{Y(fraction(quarters[i])):F1}\" r=\"3\" fill=\"{colour}\"><title>{quarters[i].Period}: {value(quarters[i])}</title></circle>");
            }
        }
        for (var i = 0; i < quarters.Count; i += 2)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):F1}\" y=\"{Height - Bottom + 14}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#52606d\">{quarters[i].Period}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static int Certified(NetworkStock stock) => stock.Certified.Assistant + stock.Certified.Intermediate + stock.Certified.Senior;

    private static string Ratio(CoverageMetric metric, double value)
        => CoverageMetricExtensions.IsShare(metric) ? value.ToString("0.0%", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string DocumentStatus(TargetStatus status) => status switch
    {
        TargetStatus.Met => "met",
        TargetStatus.OnTrack => "onTrack",
        TargetStatus.Behind => "behind",
        TargetStatus.NotAssessable => "notAssessable",
        _ => "missed",
    };

    private static string StatusLabel(TargetStatus status, bool chinese) => status switch
    {
        TargetStatus.Met => chinese ? "已达成" : "met",
        TargetStatus.OnTrack => chinese ? "进度正常" : "on track",
        TargetStatus.Behind => chinese ? "滞后" : "behind",
        TargetStatus.NotAssessable => chinese ? "无法评估" : "not assessable",
        _ => chinese ? "未达成" : "missed",
    };

    private static string GradeLabel(StationGrade grade, bool chinese) => grade switch
    {
        StationGrade.Improved => chinese ? "提升" : "improved",
        StationGrade.Standard => chinese ? "规范" : "standard",
        _ => chinese ? "未达标" : "unmet",
    };

    private static string LevelLabel(QualificationLevel level, bool chinese) => chinese ? level.ToChineseLabel() : level.ToCode();
}
