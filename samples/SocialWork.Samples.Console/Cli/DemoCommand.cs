using SocialWork.Reporting;
using SocialWork.Rules;

namespace SocialWork.Samples.Cli;

/// <summary>The demo: coverage assessment, pay roster and indicator report of the embedded 竞秀区-shaped data set.</summary>
internal static class DemoCommand
{
    internal static int Run(CliOutput output)
    {
        var demo = DemoData.Create();
        var records = demo.Records();
        var asOf = DemoData.AsOf;
        output.Line(output.T(
            $"演示 · 竞秀区（130602）：区划为统计局公布的5个街道、2个镇、3个乡和153个村（社区）；1个区级中心、10个镇街社工站、76个社工室；{records.Count}条服务记录（2022–2023）。除区划外数据为示例，非真实统计。",
            $"SocialWork for .NET demo · Jingxiu district (130602): the bureau's divisions, 5 streets, 2 towns, 3 townships and 153 villages/communities; 1 centre, 10 township stations, 76 community rooms; {records.Count} service records (2022–2023). All but the divisions is illustrative, not real statistics."));
        output.Line();

        var network = demo.Network(records, asOf);
        var assessment = new CoverageAssessor(demo.Standard).Assess(demo.Plan, network, asOf);
        Tables.Coverage(output, assessment, demo.Plan, demo.Directory);

        // The plan's three years quarter by quarter: the district's stations, rooms and certified workers, and each target.
        var series = NetworkSeries.Build(network, demo.Plan, DemoData.PlanStart, demo.Plan.End, PeriodKind.Quarter, demo.Standard);
        Tables.Series(output, series, DemoData.County, demo.Directory, townships: false);

        var roster = demo.Workers.Where(w => w.Employment != Employment.StationResident).Select(w => PayStepEvaluator.Assess(w, asOf, demo.PayPolicy)).ToList();
        Tables.Pay(output, roster, demo.PayPolicy.Id, asOf);

        var programmes = Cube.Build(records, new CubeQuery(DivisionLevel.County, PeriodKind.Year, CubeDimension.Programme) { Programmes = demo.Programmes });
        Tables.Programmes(output, programmes, demo.Programmes);
        Tables.Venture(output, demo.VentureSignIns(), DemoData.County);

        var cube = Cube.Build(records, new CubeQuery(DivisionLevel.Township, PeriodKind.Quarter));
        output.Line(output.T("服务指标（按镇街、季度）", "Service indicators by township and quarter"));
        var document = ReportDocument.From(cube, new ReportInput(records.Count, records.Count, 0), demo.Directory);
        Tables.Report(output, document, new ReportLabels(output.Culture, demo.Catalog, demo.Directory, demo.Programmes));
        return SocialWorkCli.Success;
    }
}
