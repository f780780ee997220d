using System.CommandLine;
using NodaTime;
using SocialWork.Rules;

namespace SocialWork.Samples.Cli;

/// <summary><c>socialwork pay</c>: the pay-step roster of a set of workers under a policy on a day.</summary>
internal static class PayCommand
{
    internal static Command Create(Func<ParseResult, CliOutput> output, CliText t)
    {
        var workers = SocialWorkCli.FileOption("--workers", t.T("人员JSON：{\"workers\":[{\"id\",\"employment\",\"baseLevel\",\"postCategory\",\"qualifications\":[…],\"appointments\":[…]}]}。", "Workers JSON: {\"workers\":[{\"id\",\"employment\",\"baseLevel\",\"postCategory\",\"qualifications\":[…],\"appointments\":[…]}]}."));
        var policy = SocialWorkCli.FileOption("--policy", t.T("薪酬提级政策JSON：{\"id\",\"effectiveFrom\",…}。", "Pay-step policy JSON: {\"id\",\"effectiveFrom\",…}."));
        var asOf = SocialWorkCli.DateOption("--as-of", t.T("评估日期。", "The day to assess."), required: true, t);
        var format = new Option<string>("--format") { Description = t.T("输出格式。", "Output format."), DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("pay", t.T("薪酬提级名册：每名社工的职业资格、岗位、提级及理由。", "Pay-step roster: each worker's qualification, post, uplift and why.")) { workers, policy, asOf, format };
        command.SetAction(parse => SocialWorkCli.Guarded(output(parse), o => Run(o, parse.GetValue(workers)!, parse.GetValue(policy)!, parse.GetValue(asOf), parse.GetValue(format)!)));
        return command;
    }

    internal static int Run(CliOutput output, string workersPath, string policyPath, LocalDate asOf, string format)
    {
        IReadOnlyList<Worker> workers;
        using (var stream = SocialWorkCli.OpenInput(workersPath, "workers"))
        {
            workers = NetworkJson.LoadWorkers(stream, Path.GetFileName(workersPath));
        }
        PayStepPolicy policy;
        using (var stream = SocialWorkCli.OpenInput(policyPath, "policy"))
        {
            policy = PayPolicyJson.Load(stream, Path.GetFileName(policyPath));
        }
        var roster = workers.OrderBy(w => w.Id, StringComparer.Ordinal).Select(w => PayStepEvaluator.Assess(w, asOf, policy)).ToList();
        if (format == "json")
        {
            output.Output.WriteLine(ResultDocumentJson.Serialize(PayRosterDocument.From(roster, policy.Id, asOf, output.Culture)));
        }
        else
        {
            Tables.Pay(output, roster, policy.Id, asOf);
        }
        return SocialWorkCli.Success;
    }
}
