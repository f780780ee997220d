using System.CommandLine;
using NodaTime;
using SocialWork.Rules;

namespace SocialWork.Samples.Cli;

/// <summary><c>socialwork series</c>: the network, the workforce and the plan's targets at every period end between two days.</summary>
internal static class SeriesCommand
{
    internal static Command Create(Func<ParseResult, CliOutput> output)
    {
        var network = SocialWorkCli.FileOption("--network", "Network JSON (as for coverage).");
        var plan = SocialWorkCli.FileOption("--plan", "Plan JSON (as for coverage); its scope chooses the rows.");
        var workers = SocialWorkCli.FileOption("--workers", "Workers JSON (as for pay), replacing the network's workers.", required: false);
        var from = SocialWorkCli.DateOption("--from", "The first day: the series starts with the period that contains it.", required: true);
        var to = SocialWorkCli.DateOption("--to", "The last day: the last period is read on it.", required: true);
        var period = new Option<string>("--period") { Description = "Period of the rows.", DefaultValueFactory = _ => "quarter" };
        period.AcceptOnlyFromAmong("month", "quarter", "year");
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("series", "Network and workforce stocks and the plan's targets at every period end (a row for the scope and each of its townships).")
        {
            network, plan, workers, from, to, period, format,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(from) is not null && result.GetResult(to) is not null && result.GetValue(to) < result.GetValue(from))
            {
                result.AddError("--to is before --from.");
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
