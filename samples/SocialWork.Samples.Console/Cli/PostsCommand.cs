using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SocialWork.Rules;
using Spectre.Console;

namespace SocialWork.Samples.Cli;

/// <summary><c>socialwork posts</c>: public institutions and the social-work posts established in them, on a day.</summary>
internal static class PostsCommand
{
    internal static Command Create(Func<ParseResult, CliOutput> output, CliText t)
    {
        var institutions = SocialWorkCli.FileOption("--institutions", t.T("事业单位JSON：{\"institutions\":[{\"id\",\"name\",\"sector\",\"division\",\"posts\":[{\"id\",\"from\",\"to\"}]}]}。", "Institutions JSON: {\"institutions\":[{\"id\",\"name\",\"sector\",\"division\",\"posts\":[{\"id\",\"from\",\"to\"}]}]}."));
        var divisions = SocialWorkCli.FileOption("--divisions", t.T("区划名称CSV（code,name），用于表格。", "Division names CSV (code,name), for the table."), required: false);
        var sector = new Option<string?>("--sector") { Description = t.T("只统计该系统的事业单位（如民政）。", "Count only this system's institutions (for example 民政).") };
        var asOf = SocialWorkCli.DateOption("--as-of", t.T("统计日期。", "The day to count on."), required: true, t);
        var format = new Option<string>("--format") { Description = t.T("输出格式。", "Output format."), DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("posts", t.T("某日各区划的事业单位及其设置的社会工作岗位。", "Public institutions (事业单位) and the social-work posts established in them, by division, on a day.")) { institutions, divisions, sector, asOf, format };
        command.SetAction(parse => SocialWorkCli.Guarded(output(parse), o => Run(o, parse.GetValue(institutions)!, parse.GetValue(divisions), parse.GetValue(sector), parse.GetValue(asOf), parse.GetValue(format)!)));
        return command;
    }

    internal static int Run(CliOutput output, string institutionsPath, string? divisionsPath, string? sector, LocalDate asOf, string format)
    {
        IReadOnlyList<Institution> institutions;
        using (var stream = SocialWorkCli.OpenInput(institutionsPath, "institutions"))
        {
            institutions = InstitutionsJson.Load(stream, Path.GetFileName(institutionsPath));
        }
        var directory = divisionsPath is null ? null : ReportCommand.LoadDivisions(divisionsPath);
        var rows = institutions.Select(i => i.Division).Distinct().Order()
            .Select(d => (Division: d, Counts: InstitutionCounts.Of(institutions.Where(i => i.Division == d), d, asOf, sector)))
            .Where(r => r.Counts.Institutions > 0)
            .ToList();
        var total = new InstitutionCounts(rows.Sum(r => r.Counts.Institutions), rows.Sum(r => r.Counts.InstitutionsWithPosts), rows.Sum(r => r.Counts.Posts));
        if (format == "json")
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("asOf", LocalDatePattern.Iso.Format(asOf));
                json.WriteStartArray("rows");
                foreach (var (division, counts) in rows)
                {
                    json.WriteStartObject();
                    json.WriteString("division", division.ToString());
                    Write(json, counts);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartObject("total");
                Write(json, total);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            output.Output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return SocialWorkCli.Success;
        }
        output.Render(new Rule(output.T($"事业单位与社会工作岗位 · {asOf:yyyy-MM-dd}", $"Public institutions and social-work posts · {asOf:yyyy-MM-dd}")).LeftJustified());
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(output.T("区划", "Division"));
        table.AddColumn(new TableColumn(output.T("事业单位", "Institutions")).RightAligned());
        table.AddColumn(new TableColumn(output.T("设岗单位", "With posts")).RightAligned());
        table.AddColumn(new TableColumn(output.T("社会工作岗位", "Posts")).RightAligned());
        foreach (var (division, counts) in rows)
        {
            var name = directory is not null && directory.TryGet(division, out var d) ? $"{d.Name}({division.ToString("S", null)})" : division.ToString("S", null);
            table.AddRow(Markup.Escape(name), Number(counts.Institutions), Number(counts.InstitutionsWithPosts), Number(counts.Posts));
        }
        table.AddRow(output.T("合计", "Total"), Number(total.Institutions), Number(total.InstitutionsWithPosts), Number(total.Posts));
        output.Render(table);
        output.Line(output.T(
            $"{total.Institutions}个事业单位中共设置社会工作岗位{total.Posts}个。",
            $"{total.Posts} social-work posts established in {total.Institutions} institutions."));
        return SocialWorkCli.Success;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Write(Utf8JsonWriter json, InstitutionCounts counts)
    {
        json.WriteNumber("institutions", counts.Institutions);
        json.WriteNumber("institutionsWithPosts", counts.InstitutionsWithPosts);
        json.WriteNumber("posts", counts.Posts);
    }
}
