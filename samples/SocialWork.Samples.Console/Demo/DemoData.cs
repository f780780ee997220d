using System.Globalization;
using NodaTime;
using SocialWork.Reporting;
using SocialWork.Rules;

namespace SocialWork.Samples;

/// <summary>
/// A seeded, illustrative data set on the real divisions of 保定市竞秀区 (130602): its 5 街道, 2 镇 and 3 乡 and its 153
/// village-level units, with codes and names cut from the statistics bureau's table (<c>Demo/jingxiu-divisions.csv</c>);
/// the district centre, a station in each of the 10 townships and 76 community rooms, as the seed reports. Which
/// villages have a room, every date, every person, every worker and every figure are made up for the demo. The pay
/// policy has the 兴安盟 shape with an illustrative effective date (the real measure's dates are not in our sources).
/// </summary>
public sealed class DemoData
{
    /// <summary>The county the demo is shaped like.</summary>
    public static readonly DivisionCode County = DivisionCode.Parse("130602");

    /// <summary>The plan's start: the day 竞秀区 launched its 蜜蜂计划 (18 May; the year is illustrative).</summary>
    public static readonly LocalDate PlanStart = new(2021, 5, 18);

    /// <summary>The day the demo assesses.</summary>
    public static readonly LocalDate AsOf = new(2023, 12, 31);

    /// <summary>The community rooms the seed reports for 竞秀区: 76, spread evenly over its 153 village-level units.</summary>
    public const int CommunityRooms = 76;

    private DemoData(int seed)
    {
        var random = new Random(seed);
        Directory = LoadDivisions();
        Townships = [.. Directory.GetChildren(County).Select(d => d.Code).Order()];
        Villages = [.. Townships.SelectMany(t => Directory.GetChildren(t).Select(d => d.Code).Order())];
        Facilities = BuildFacilities(random);
        Workers = BuildWorkers(random);
        Catalog = LoadCatalog();
        Programmes = new ProgrammeRegistry(
        [
            new("bee", new("蜜蜂计划", "Bee Plan"), ProgrammeKind.BrandPlan, PlanStart, facilityId: "S05"),
            new("bee-warm", new("暖阳", "Warm Sun"), ProgrammeKind.SubPlan, PlanStart, facilityId: "S05", targetGroups: [TargetGroup.Hardship], parentId: "bee"),
            new("bee-age", new("乐龄", "Joyful Age"), ProgrammeKind.SubPlan, PlanStart, facilityId: "S05", targetGroups: [TargetGroup.Elderly], parentId: "bee"),
            new("bee-young", new("雏鹰", "Young Eagles"), ProgrammeKind.SubPlan, PlanStart, facilityId: "S05", targetGroups: [TargetGroup.Children], parentId: "bee"),
            new("bee-home", new("乐居", "Happy Home"), ProgrammeKind.SubPlan, PlanStart, facilityId: "S05", targetGroups: [TargetGroup.Empowerment], parentId: "bee"),
            new("venture", new("公益创投", "Public-benefit venture funding"), ProgrammeKind.VentureFunding, new LocalDate(2022, 3, 1), new LocalDate(2023, 12, 31)),
            .. Enumerable.Range(1, VentureProjects).Select(n => new Programme(
                $"venture-{n:D2}", new($"公益创投项目{n:D2}", $"Venture project {n:D2}"), ProgrammeKind.VentureProject, new LocalDate(2022, 3, 1), new LocalDate(2023, 12, 31), parentId: "venture")),
        ]);
        Standard = StationStandard.Combine("demo", new LocalizedText("六有 + 福建配备 + 示例提升条件", "Six haves + Fujian staffing + sample improvement criteria"), StationStandard.SixHaves, StationStandard.Fujian2021) with
        {
            Criteria =
            [
                .. StationStandard.SixHaves.Criteria,
                .. StationStandard.Fujian2021.Criteria,
                new("demo.certified", StationMetric.CertifiedStaff, Comparison.AtLeast, 1, new LocalizedText("至少1名持证社工（示例条件）", "at least one certified social worker (sample criterion)"), ForImproved: true),
                new("demo.records", StationMetric.RecentRecords, Comparison.AtLeast, 120, new LocalizedText("近90天服务记录不少于120条（示例条件）", "at least 120 service records in the last 90 days (sample criterion)"), ForImproved: true),
            ],
        };
        // The demo's own year-three targets: no public source sets them, so the output marks them as set by this plan.
        Plan = CoveragePlan.CoverStandardizeImprove(County, PlanStart, new CoverageThresholds { ImprovedShare = 0.5, CommunityRoomCoverage = 0.8 });
        PayPolicy = PayStepPolicy.XingAnLeague("demo-xam-shape", new LocalDate(2021, 1, 1)) with
        {
            Ladder = PayLadder.ThreePostsEighteenLevels(),
            Source = "Shape of 《兴安盟社区专职工作者管理办法(试行)》 (seed); the effective date 2021-01-01 is illustrative sample data.",
        };
    }

    /// <summary>Gets the divisions: 竞秀区, its 10 townships (5 街道, 2 镇, 3 乡) and 153 village-level units, as the bureau's table has them.</summary>
    public DivisionDirectory Directory { get; }

    /// <summary>Gets the township codes in code order; the station of the i-th is <c>S{i+1:D2}</c>.</summary>
    public IReadOnlyList<DivisionCode> Townships { get; }

    /// <summary>Gets the village codes in code order.</summary>
    public IReadOnlyList<DivisionCode> Villages { get; }

    /// <summary>Gets the centre, the stations, the rooms and some volunteer points.</summary>
    public IReadOnlyList<Facility> Facilities { get; }

    /// <summary>Gets the workers: station-resident social workers and community full-time workers.</summary>
    public IReadOnlyList<Worker> Workers { get; }

    /// <summary>Gets the county catalog (the default catalog plus the district's items).</summary>
    public ServiceCatalog Catalog { get; }

    /// <summary>The projects of the 公益创投 round: 65, the number the seed reports for 竞秀区 (the projects themselves are made up).</summary>
    public const int VentureProjects = 65;

    /// <summary>Gets the programmes: 蜜蜂计划 and its four sub-plans (暖阳, 乐龄, 雏鹰, 乐居), and a 公益创投 round with its 65 projects.</summary>
    public ProgrammeRegistry Programmes { get; }

    /// <summary>Gets the station standard: six haves, Fujian staffing and two sample improvement criteria.</summary>
    public StationStandard Standard { get; }

    /// <summary>Gets the coverage plan "一年覆盖、两年规范、三年提升".</summary>
    public CoveragePlan Plan { get; }

    /// <summary>Gets the pay-step policy.</summary>
    public PayStepPolicy PayPolicy { get; }

    /// <summary>Creates the demo data.</summary>
    /// <param name="seed">The seed; the default gives the data the README shows.</param>
    /// <returns>The data.</returns>
    public static DemoData Create(int seed = 20210518) => new(seed);

    /// <summary>Loads the district's catalog from the embedded sample file.</summary>
    /// <returns>The catalog.</returns>
    public static ServiceCatalog LoadCatalog()
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("SocialWork.Samples.jingxiu-catalog.json")
            ?? throw new InvalidOperationException("The sample catalog is missing.");
        return ServiceCatalogJson.Load(stream, "jingxiu-catalog.json");
    }

    /// <summary>Builds the network with station profiles (records in the last 90 days counted from <paramref name="batch"/>).</summary>
    /// <param name="batch">The records.</param>
    /// <param name="asOf">The day.</param>
    /// <returns>The network.</returns>
    public ServiceNetwork Network(RecordBatch batch, LocalDate asOf)
    {
        var recent = RecentRecordsByStation(batch, asOf);
        var profiles = Facilities.Where(f => f.Tier == FacilityTier.TownshipStation).Select(f => new StationProfile(f.Id)
        {
            HasSite = true,
            HasEquipment = true,
            HasStaff = true,
            HasServiceFunctions = true,
            HasWorkflows = f.Id is not ("S07" or "S09"),
            HasRules = f.Id != "S09",
            SiteAreaSquareMetres = 80 + (10 * (f.Id[^1] - '0')),
            OpeningDaysPerWeek = 5,
            ServiceListPublished = true,
            CaseFilesKept = true,
            RecentRecords = recent.GetValueOrDefault(f.Division),
        }.WithStaffFrom(Workers, asOf)).ToList();
        return new ServiceNetwork(Directory, Facilities, Workers, profiles);
    }

    /// <summary>Generates service records into a batch.</summary>
    /// <param name="count">How many records.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The batch.</returns>
    public RecordBatch Records(int count = 24_000, int seed = 7)
    {
        var builder = new RecordBatchBuilder(count);
        foreach (var row in RecordGenerator.ForDemo(this, count, seed))
        {
            builder.Append(row.Division, row.Date, row.Code, row.Method, row.PersonTimes, row.Households, Money.FromFen(row.Fen), row.TargetGroup, row.Parties, row.Programme, string.Create(CultureInfo.InvariantCulture, $"R{row.Sequence}"));
        }
        return builder.Build();
    }

    /// <summary>The secret the demo keys its made-up residents with: sample data, not a bureau's key.</summary>
    public static ReadOnlySpan<byte> SampleSecret => "jingxiu-demo-secret-not-a-bureau-key"u8;

    /// <summary>The made-up residents of each township that the 公益创投 projects draw their participants from.</summary>
    public const int ResidentsPerTownship = 6_000;

    /// <summary>
    /// The 公益创投 round as sign-in records: each of the 65 projects runs in one township and holds 8–12 activities between
    /// 2022-03 and 2023-12, and each activity signs in 50–90 of the township's residents, one record each (method
    /// activity, one person-time, the project as programme, the resident's <see cref="PersonKey"/>). An activity is a
    /// project's day of sign-ins. The seed reports, for three years of 竞秀区's round, "立项65个，开展活动600余场，服务群众三万余人";
    /// the sizes here are chosen to land near it, and every resident, date and sign-in is made up.
    /// </summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The sign-ins, each naming a person.</returns>
    public RecordBatch VentureSignIns(int seed = 65)
    {
        var random = new Random(seed);
        var items = Catalog.Items.ToArray();
        var keys = new Dictionary<int, PersonKey>();
        var builder = new RecordBatchBuilder();
        var start = new LocalDate(2022, 3, 1);
        var days = NodaTime.Period.DaysBetween(start, new LocalDate(2023, 12, 31));
        var sequence = 0;
        for (var project = 1; project <= VentureProjects; project++)
        {
            var township = (project - 1) % Townships.Count;
            var villages = Directory.GetChildren(Townships[township]).Select(d => d.Code).Order().ToArray();
            var item = items[project % items.Length].Code;
            var programme = string.Create(CultureInfo.InvariantCulture, $"venture-{project:D2}");
            for (var activities = random.Next(8, 13); activities > 0; activities--)
            {
                var date = start.PlusDays(random.Next(days + 1));
                var attendees = new HashSet<int>();
                for (var target = random.Next(50, 91); attendees.Count < target;)
                {
                    attendees.Add(random.Next(ResidentsPerTownship));
                }
                foreach (var resident in attendees.Order())
                {
                    var person = (township * ResidentsPerTownship) + resident;
                    if (!keys.TryGetValue(person, out var key))
                    {
                        key = keys[person] = PersonKey.Pseudonymize(ResidentNumber(person), SampleSecret);
                    }
                    sequence++;
                    builder.Append(villages[resident % villages.Length], date, item, ServiceMethod.Activity, 1, linkage: LinkageParties.SocialOrganization | LinkageParties.SocialWorker, programmeId: programme, id: string.Create(CultureInfo.InvariantCulture, $"V{sequence}"), personKey: key);
                }
            }
        }
        return builder.Build();
    }

    /// <summary>A made-up, valid resident ID number of 竞秀区 for demo resident <paramref name="person"/>: distinct per resident.</summary>
    private static string ResidentNumber(int person)
    {
        var birth = new LocalDate(1940, 1, 1).PlusDays(person / 1000 * 7);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"130602{birth:yyyyMMdd}{person % 1000:D3}");
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    private Dictionary<DivisionCode, int> RecentRecordsByStation(RecordBatch batch, LocalDate asOf)
    {
        var result = new Dictionary<DivisionCode, int>();
        var from = asOf.PlusDays(-89);
        for (var i = 0; i < batch.Count; i++)
        {
            var date = batch.DateAt(i);
            if (date >= from && date <= asOf)
            {
                var township = batch.Divisions[batch.DivisionIndices[i]].AncestorAt(DivisionLevel.Township);
                result[township] = result.GetValueOrDefault(township) + 1;
            }
        }
        return result;
    }

    /// <summary>Gets the id of the station in <paramref name="township"/>.</summary>
    /// <param name="township">A township code of the demo.</param>
    /// <returns><c>S01</c> … <c>S10</c> in code order.</returns>
    public string StationId(DivisionCode township) => $"S{IndexOf(Townships, township) + 1:D2}";

    private static int IndexOf(IReadOnlyList<DivisionCode> codes, DivisionCode code)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i] == code)
            {
                return i;
            }
        }
        throw new ArgumentException($"{code} is not a township of the demo.", nameof(code));
    }

    /// <summary>Reads 竞秀区's divisions from the embedded cut of the bureau's table.</summary>
    private static DivisionDirectory LoadDivisions()
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("SocialWork.Samples.jingxiu-divisions.csv")
            ?? throw new InvalidOperationException("The sample divisions are missing.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var divisions = new List<Division>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            divisions.Add(new Division(DivisionCode.Parse(line[..comma]), line[(comma + 1)..]));
        }
        return new DivisionDirectory(divisions, 2023);
    }

    /// <summary>The village's short name: the committee suffix (居民委员会, 村民委员会) dropped, so 田野社区居民委员会 is 田野社区.</summary>
    private string ShortName(DivisionCode village)
    {
        var name = Directory.TryGet(village, out var d) ? d.Name : village.ToString();
        return name.EndsWith("居民委员会", StringComparison.Ordinal) ? name[..^5]
            : name.EndsWith("村民委员会", StringComparison.Ordinal) ? name[..^4]
            : name;
    }

    private List<Facility> BuildFacilities(Random random)
    {
        var facilities = new List<Facility> { new("C00", "竞秀区社会工作服务中心", FacilityTier.CountyCenter, County, PlanStart) };
        LocalDate[] stationOpenings =
        [
            new(2021, 6, 1), new(2021, 6, 15), new(2021, 7, 1), new(2021, 8, 1), PlanStart,
            new(2021, 9, 1), new(2021, 10, 8), new(2021, 12, 1), new(2022, 3, 1), new(2022, 6, 1),
        ];
        for (var t = 0; t < Townships.Count; t++)
        {
            var name = Directory.TryGet(Townships[t], out var d) ? d.Name : Townships[t].ToString();
            facilities.Add(new Facility($"S{t + 1:D2}", $"{name}社工站", FacilityTier.TownshipStation, Townships[t], stationOpenings[t]));
        }
        for (var n = 1; n <= Villages.Count; n++)
        {
            var village = Villages[n - 1];
            // 76 rooms spread evenly: village n has one when n × 76 / 153 passes a whole number.
            if (n * CommunityRooms / Villages.Count > (n - 1) * CommunityRooms / Villages.Count)
            {
                var opened = PlanStart.PlusDays(random.Next(60, 900));
                facilities.Add(new Facility($"R{n:D3}", $"{ShortName(village)}社工室", FacilityTier.CommunityRoom, village, opened));
            }
            if (n % 3 == 0)
            {
                facilities.Add(new Facility($"V{n:D3}", $"{ShortName(village)}志愿服务站点", FacilityTier.VolunteerPoint, village, PlanStart.PlusDays(random.Next(0, 700))));
            }
        }
        return facilities;
    }

    private List<Worker> BuildWorkers(Random random)
    {
        var workers = new List<Worker>();
        var id = 0;
        for (var t = 1; t <= 10; t++)
        {
            for (var k = 0; k < (t == 3 ? 1 : 2); k++)
            {
                id++;
                var certified = (t + k) % 3 != 0;
                workers.Add(new Worker(
                    $"W{id:D3}",
                    Employment.StationResident,
                    certified ? [new Qualification(k == 0 ? QualificationLevel.Intermediate : QualificationLevel.Assistant, new LocalDate(2019 + ((t + k) % 4), 6, 20))] : [],
                    facilityId: $"S{t:D2}"));
            }
        }
        (QualificationLevel[] Quals, QualificationLevel Post, string Category, int Base)[] shapes =
        [
            ([], QualificationLevel.None, "general", 3),
            ([QualificationLevel.Assistant], QualificationLevel.None, "general", 4),
            ([], QualificationLevel.Assistant, "general", 2),
            ([QualificationLevel.Assistant], QualificationLevel.Assistant, "general", 5),
            ([QualificationLevel.Intermediate], QualificationLevel.Intermediate, "deputy", 8),
            ([QualificationLevel.Senior], QualificationLevel.Senior, "head", 16),
            ([QualificationLevel.Senior], QualificationLevel.Intermediate, "head", 12),
            ([QualificationLevel.Assistant], QualificationLevel.Senior, "general", 6),
            ([QualificationLevel.Assistant, QualificationLevel.Intermediate], QualificationLevel.Intermediate, "general", 11),
            ([QualificationLevel.Intermediate], QualificationLevel.Assistant, "deputy", 7),
            ([QualificationLevel.Senior], QualificationLevel.Senior, "general", 11),
            ([QualificationLevel.Intermediate], QualificationLevel.Intermediate, "general", 9),
        ];
        var rooms = Facilities.Where(f => f.Tier == FacilityTier.CommunityRoom).Select(f => f.Id).ToList();
        for (var k = 0; k < 24; k++)
        {
            id++;
            var shape = shapes[k % shapes.Length];
            var obtained = new LocalDate(2020 + random.Next(0, 4), 1 + random.Next(0, 12), 1 + random.Next(0, 28));
            var posted = new LocalDate(2021 + random.Next(0, 3), 1 + random.Next(0, 12), 1);
            var ended = k % 11 == 5 ? posted.PlusMonths(8) : (LocalDate?)null;
            workers.Add(new Worker(
                $"W{id:D3}",
                k % 12 == 2 ? Employment.PartTime : Employment.CommunityFullTime,
                [.. shape.Quals.Select((q, i) => new Qualification(q, obtained.PlusMonths(i * -30)))],
                shape.Post == QualificationLevel.None ? [] : [new PostAppointment(shape.Post, posted, ended)],
                rooms[(k * 3) % rooms.Count],
                shape.Base,
                shape.Category));
        }
        return workers;
    }
}

/// <summary>One generated record's reporting fields.</summary>
internal readonly record struct GeneratedRecord(
    int Sequence,
    LocalDate Date,
    DivisionCode Division,
    string FacilityId,
    ServiceCode Code,
    ServiceMethod Method,
    int PersonTimes,
    int Households,
    long Fen,
    TargetGroup? TargetGroup,
    LinkageParties Parties,
    string Programme);

/// <summary>
/// The seeded record generator behind the demo and <c>socialwork generate</c>. Records come in date order, spread over
/// the villages of the shape, with method mixes, person-times and amounts of plausible sizes.
/// </summary>
internal static class RecordGenerator
{
    private static readonly (ServiceMethod Method, int Weight, int MinPeople, int MaxPeople)[] Methods =
    [
        (ServiceMethod.Visit, 35, 1, 4),
        (ServiceMethod.File, 10, 1, 1),
        (ServiceMethod.Casework, 8, 1, 2),
        (ServiceMethod.Group, 10, 6, 15),
        (ServiceMethod.Activity, 20, 20, 200),
        (ServiceMethod.Training, 7, 10, 40),
        (ServiceMethod.Other, 10, 1, 10),
    ];

    internal static IEnumerable<GeneratedRecord> ForDemo(DemoData demo, int count, int seed)
    {
        var villages = demo.Villages.ToArray();
        var items = demo.Catalog.Items.ToArray();
        return Generate(count, seed, new LocalDate(2022, 1, 1), 24, villages, items, demo.StationId);
    }

    /// <summary>Generates <paramref name="count"/> records over <paramref name="months"/> months from <paramref name="start"/>.</summary>
    internal static IEnumerable<GeneratedRecord> Generate(int count, int seed, LocalDate start, int months, DivisionCode[] villages, ServiceItem[] items, Func<DivisionCode, string> stationOf)
    {
        var random = new Random(seed);
        var days = NodaTime.Period.DaysBetween(start, start.PlusMonths(months));
        var totalWeight = Methods.Sum(m => m.Weight);
        var date = start;
        var dayIndex = 0;
        for (var i = 0; i < count; i++)
        {
            var targetDay = (int)((long)i * days / count);
            if (targetDay != dayIndex)
            {
                date = date.PlusDays(targetDay - dayIndex);
                dayIndex = targetDay;
            }
            var pick = random.Next(totalWeight);
            var m = 0;
            while (pick >= Methods[m].Weight)
            {
                pick -= Methods[m].Weight;
                m++;
            }
            var (method, _, min, max) = Methods[m];
            var item = items[random.Next(items.Length)];
            var village = villages[random.Next(villages.Length)];
            var linkage = item.ServiceTypes.Contains("LINK") && random.Next(4) == 0;
            var fen = linkage ? random.Next(100, 5000) * 100L + (random.Next(4) == 0 ? random.Next(100) : 0) : 0;
            TargetGroup? group = item.TargetGroups.Count > 0 && TargetGroupExtensions.TryParse(item.TargetGroups[0], out var g) ? g : null;
            var programme = random.Next(20) switch
            {
                0 or 1 => group switch
                {
                    TargetGroup.Hardship => "bee-warm",
                    TargetGroup.Elderly => "bee-age",
                    TargetGroup.Children => "bee-young",
                    _ => "bee-home",
                },
                2 => $"venture-{1 + (i % DemoData.VentureProjects):D2}",
                _ => string.Empty,
            };
            var parties = LinkageParties.SocialWorker | (LinkageParties)(random.Next(32) & 0b11011) | (linkage ? LinkageParties.CharityResource : LinkageParties.None);
            var township = village.AncestorAt(DivisionLevel.Township);
            yield return new GeneratedRecord(
                i + 1,
                date,
                village,
                stationOf(township),
                random.Next(10) == 0 ? item.Domain : item.Code,
                method,
                random.Next(min, max + 1),
                method == ServiceMethod.Visit ? 1 : 0,
                fen,
                group,
                parties,
                programme);
        }
    }

    /// <summary>Writes records in the records CSV format, ids <paramref name="idPrefix"/> and the sequence number.</summary>
    /// <param name="writer">Where.</param>
    /// <param name="records">The records.</param>
    /// <param name="idPrefix">What ids start with.</param>
    /// <param name="progress">Told the records written so far, every tenth of a million.</param>
    internal static void WriteCsv(TextWriter writer, IEnumerable<GeneratedRecord> records, string idPrefix = "R", Action<long>? progress = null)
    {
        writer.Write("id,date,division,facility,item,method,person_times,households,amount,target_group,parties,programme\n");
        Span<char> buffer = stackalloc char[32];
        var count = 0L;
        foreach (var r in records)
        {
            if (progress is not null && ++count % 100_000 == 0)
            {
                progress(count);
            }
            writer.Write(idPrefix);
            writer.Write(r.Sequence.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.Write(',');
            r.Division.TryFormat(buffer, out var written);
            writer.Write(buffer[..written]);
            writer.Write(',');
            writer.Write(r.FacilityId);
            writer.Write(',');
            writer.Write(r.Code.Value);
            writer.Write(',');
            writer.Write(r.Method.ToCode());
            writer.Write(',');
            writer.Write(r.PersonTimes.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(r.Households.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            if (r.Fen != 0)
            {
                Money.FromFen(r.Fen).TryFormat(buffer, out written, default, CultureInfo.InvariantCulture);
                writer.Write(buffer[..written]);
            }
            writer.Write(',');
            writer.Write(r.TargetGroup?.ToCode());
            writer.Write(',');
            writer.Write(r.Parties.ToCodes());
            writer.Write(',');
            writer.Write(r.Programme);
            writer.Write('\n');
        }
    }

    /// <summary>A synthetic geography for large inputs: <paramref name="townships"/> townships in counties of 15 under 130600, villages spread evenly.</summary>
    internal static DivisionCode[] SyntheticVillages(int townships, int villages)
    {
        var result = new DivisionCode[villages];
        for (var v = 0; v < villages; v++)
        {
            var t = v % townships;
            result[v] = DivisionCode.FromSegments(13, 6, 1 + (t / 15), 100 + (t % 15), 1 + (v / townships));
        }
        return result;
    }
}
