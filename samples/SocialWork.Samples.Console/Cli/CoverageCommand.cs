using System.CommandLine;
using NodaTime;
using SocialWork.Rules;

namespace SocialWork.Samples.Cli;

/// <summary><c>socialwork coverage</c>: assess a coverage plan against a network on a day.</summary>
internal static class CoverageCommand
{
    internal static Command Create(Func<ParseResult, CliOutput> output, CliText t)
    {
        var network = SocialWorkCli.FileOption("--network", t.T("服务网络JSON：{\"divisions\":[{\"code\",\"name\"}],\"facilities\":[{\"id\",\"tier\",\"division\",\"openedOn\",\"closedOn\",\"profile\"}]}。", "Network JSON: {\"divisions\":[{\"code\",\"name\"}],\"facilities\":[{\"id\",\"tier\",\"division\",\"openedOn\",\"closedOn\",\"profile\"}]}."));
        var plan = SocialWorkCli.FileOption("--plan", t.T("覆盖方案JSON：{\"scope\",\"start\",\"preset\":\"cover-standardize-improve|pilot-rollout-full\",…}。", "Plan JSON: {\"scope\",\"start\",\"preset\":\"cover-standardize-improve|pilot-rollout-full\",…}."));
        var asOf = SocialWorkCli.DateOption("--as-of", t.T("评估日期。", "The day to assess."), required: true, t);
        var format = new Option<string>("--format") { Description = t.T("输出格式。", "Output format."), DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("coverage", t.T("覆盖评估：当前阶段、各项目标的达成情况和缺口。", "Coverage assessment: phase in force, each target's status and the gaps.")) { network, plan, asOf, format };
        command.SetAction(parse => SocialWorkCli.Guarded(output(parse), o => Run(o, parse.GetValue(network)!, parse.GetValue(plan)!, parse.GetValue(asOf), parse.GetValue(format)!)));
        return command;
    }

    internal static int Run(CliOutput output, string networkPath, string planPath, LocalDate asOf, string format)
    {
        ServiceNetwork network;
        using (var stream = SocialWorkCli.OpenInput(networkPath, "network"))
        {
            network = NetworkJson.LoadNetwork(stream, Path.GetFileName(networkPath));
        }
        CoveragePlanDocument plan;
        using (var stream = SocialWorkCli.OpenInput(planPath, "plan"))
        {
            plan = CoveragePlanJson.Load(stream, Path.GetFileName(planPath));
        }
        var assessment = new CoverageAssessor(plan.Standard).Assess(plan.Plan, network, asOf);
        if (format == "json")
        {
            output.Output.WriteLine(ResultDocumentJson.Serialize(CoverageDocument.From(assessment)));
        }
        else
        {
            Tables.Coverage(output, assessment, plan.Plan, network.Directory);
        }
        return SocialWorkCli.Success;
    }
}
