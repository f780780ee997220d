using System.CommandLine;
using NodaTime;
using SocialWork.Rules;

namespace SocialWork.Samples.Cli;

/// <summary><c>socialwork series</c>: the network, the workforce and the plan's targets at every period end between two days.</summary>
internal static class SeriesCommand
{
    internal static Command Create(Func<ParseResult, CliOutput> output, CliText t)
    {
        var network = SocialWorkCli.FileOption("--network", t.T("服务网络JSON（同coverage）。", "Network JSON (as for coverage)."));
        var plan = SocialWorkCli.FileOption("--plan", t.T("覆盖方案JSON（同coverage）；其范围决定各行。", "Plan JSON (as for coverage); its scope chooses the rows."));
        var workers = SocialWorkCli.FileOption("--workers", t.T("人员JSON（同pay），替换服务网络中的人员。", "Workers JSON (as for pay), replacing the network's workers."), required: false);
        var from = SocialWorkCli.DateOption("--from", t.T("起始日期：序列从包含该日的期间开始。", "The first day: the series starts with the period that contains it."), required: true, t);
        var to = SocialWorkCli.DateOption("--to", t.T("截止日期：最后一个期间按该日读取。", "The last day: the last period is read on it."), required: true, t);
        var period = new Option<string>("--period") { Description = t.T("各行的统计期间。", "Period of the rows."), DefaultValueFactory = _ => "quarter" };
        period.AcceptOnlyFromAmong("month", "quarter", "year");
        var format = new Option<string>("--format") { Description = t.T("输出格式。", "Output format."), DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("series", t.T("每个期末的服务网络与人员存量及方案目标（方案范围及其每个乡镇各一行）。", "Network and workforce stocks and the plan's targets at every period end (a row for the scope and each of its townships)."))
        {
            network, plan, workers, from, to, period, format,
        };
        command.Validators.Add(result =>
        {
            if (SocialWorkCli.DateGiven(result.GetResult(from)) is { } first && SocialWorkCli.DateGiven(result.GetResult(to)) is { } last && last < first)
            {
                result.AddError(t.T("--to早于--from。", "--to is before --from."));
            }
        });
        command.SetAction(parse => SocialWorkCli.Guarded(output(parse), o => Run(
            o,
            parse.GetValue(network)!,
            parse.GetValue(plan)!,
            parse.GetValue(workers),
            parse.GetValue(from),
            parse.GetValue(to),
            Enum.Parse<PeriodKind>(parse.GetValue(period)!, ignoreCase: true),
            parse.GetValue(format)!)));
        return command;
    }

    internal static int Run(CliOutput output, string networkPath, string planPath, string? workersPath, LocalDate from, LocalDate to, PeriodKind kind, string format)
    {
        ServiceNetwork network;
        using (var stream = SocialWorkCli.OpenInput(networkPath, "network"))
        {
            network = NetworkJson.LoadNetwork(stream, Path.GetFileName(networkPath));
        }
        if (workersPath is not null)
        {
            using var stream = SocialWorkCli.OpenInput(workersPath, "workers");
            network = new ServiceNetwork(network.Directory, network.Facilities, NetworkJson.LoadWorkers(stream, Path.GetFileName(workersPath)), [.. network.Profiles.Values]);
        }
        CoveragePlanDocument plan;
        using (var stream = SocialWorkCli.OpenInput(planPath, "plan"))
        {
            plan = CoveragePlanJson.Load(stream, Path.GetFileName(planPath));
        }
        var rows = NetworkSeries.Build(network, plan.Plan, from, to, kind, plan.Standard);
        // A stock counts workers at facilities; say so, on standard error, when some have none, rather than count them silently as 0.
        var facilities = network.Facilities.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var unplaced = network.Workers.Where(w => w.FacilityId is not { } id || !facilities.Contains(id)).Select(w => w.Id).ToList();
        if (unplaced.Count > 0)
        {
            var shown = string.Join(", ", unplaced.Take(10)) + (unplaced.Count > 10 ? ", …" : string.Empty);
            output.Error.WriteLine(output.T(
                $"注意：{unplaced.Count}名人员没有所在设施（或设施不在网络中），不计入各期人员：{shown}",
                $"note: {unplaced.Count} workers have no facility in the network and are not counted in any period: {shown}"));
        }
        if (format == "json")
        {
            output.Output.WriteLine(ResultDocumentJson.Serialize(NetworkSeriesDocument.From(plan.Plan.Scope, kind, rows)));
        }
        else
        {
            Tables.Series(output, rows, plan.Plan.Scope, network.Directory);
        }
        return SocialWorkCli.Success;
    }
}
