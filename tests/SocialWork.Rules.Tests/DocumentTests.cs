using Microsoft.Extensions.DependencyInjection;

namespace SocialWork.Rules.Tests;

public class DocumentTests
{
    [Fact]
    public void Pay_policy_document_uses_defaults_for_omitted_fields_and_round_trips()
    {
        var policy = PayPolicyJson.Parse("""{"id":"xam","effectiveFrom":"2021-01-01"}""");
        Assert.Equal(new PerLevel<int>(1, 2, 3), policy.Steps);
        Assert.Equal([Employment.CommunityFullTime], policy.EligibleEmployment);
        Assert.True(policy.RequiresMatchingPost);
        Assert.Equal(Stacking.HighestOnly, policy.Stacking);
        Assert.Equal(UpliftTiming.SameMonth, policy.Timing);
        var full = policy with { Ladder = PayLadder.ThreePostsEighteenLevels(new Dictionary<int, long> { [1] = 300_000 }), EffectiveTo = new LocalDate(2025, 12, 31), Stacking = Stacking.Cumulative };
        var json = PayPolicyJson.Serialize(full);
        Assert.Equal(json, PayPolicyJson.Serialize(PayPolicyJson.Parse(json)));
        Assert.Contains("\"stacking\": \"cumulative\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"effectiveFrom":"2021-01-01"}""", "$.id")]
    [InlineData("""{"id":"x","effectiveFrom":"2021-02-30"}""", "$.effectiveFrom")]
    [InlineData("""{"id":"x","effectiveFrom":"2021-01-01","stacking":"sometimes"}""", "$.stacking")]
    [InlineData("""{"id":"x","effectiveFrom":"2021-01-01","eligibleEmployment":["boss"]}""", "$.eligibleEmployment[0]")]
    [InlineData("""{"id":"x","effectiveFrom":"2021-01-01","steps":{"assistant":-1}}""", "$.steps.assistant")]
    [InlineData("""{"id":"x","effectiveFrom":"2021-01-01","bonus":true}""", "$")]
    [InlineData("""{"id":"x","effectiveFrom":"2021-01-01","steps":{"assistant":"one"}}""", "$.steps.assistant")]
    [InlineData("""{"id":"x","effectiveFrom":"2021-01-01","effectiveTo":"2020-01-01"}""", "$.effectiveTo")]
    public void Bad_pay_policy_documents_name_the_json_path(string json, string path)
    {
        var ex = Assert.Throws<DocumentException>(() => PayPolicyJson.Parse(json, "policy.json"));
        Assert.Contains(ex.Problems, p => p.Path.StartsWith(path, StringComparison.Ordinal));
        Assert.Contains("policy.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workers_document_reports_every_bad_field_with_its_path()
    {
        var json = """{"workers":[{"id":"W1","employment":"communityFullTime","qualifications":[{"level":"expert","obtainedOn":"2024-01-01"}]},{"id":"W2","employment":"partTime","appointments":[{"post":"senior","from":"2024-05-01","to":"2024-01-01"}]}]}""";
        var ex = Assert.Throws<DocumentException>(() => NetworkJson.LoadWorkers(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "workers.json"));
        Assert.Equal(["$.workers[0].qualifications[0].level", "$.workers[1].appointments[0]"], ex.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Network_document_loads_facilities_with_profiles()
    {
        var json = """
            {"divisions":[{"code":"130602","name":"竞秀区"},{"code":"130602001","name":"韩村北街道"}],
             "facilities":[{"id":"C","tier":"countyCenter","division":"130602","openedOn":"2021-05-18"},
                           {"id":"S1","tier":"townshipStation","division":"130602001","openedOn":"2021-05-18","closedOn":null,"profile":{"hasSite":true,"residentSocialWorkers":2}}]}
            """;
        var network = NetworkJson.LoadNetwork(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Equal(2, network.Facilities.Count);
        Assert.True(network.Profiles["S1"].HasSite);
    }

    [Fact]
    public void Network_document_rejects_a_station_at_a_county()
    {
        var json = """{"divisions":[{"code":"130602","name":"竞秀区"}],"facilities":[{"id":"S1","tier":"townshipStation","division":"130602","openedOn":"2021-05-18"}]}""";
        var ex = Assert.Throws<DocumentException>(() => NetworkJson.LoadNetwork(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
        Assert.Equal("$.facilities[0]", ex.Problems.Single().Path);
    }

    [Fact]
    public void Plan_document_applies_overrides()
    {
        var json = """{"scope":"130602","start":"2021-05-18","preset":"cover-standardize-improve","phaseMonths":{"cover":18},"thresholds":{"improvedShare":0.6},"standard":["six-haves","fujian-2021"]}""";
        var document = CoveragePlanJson.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Equal(18, document.Plan.Phases[0].Months);
        Assert.Equal(0.6, document.Plan.Phases[2].Targets.Single(t => t.Metric == CoverageMetric.ImprovedShare).Required);
        Assert.Equal(7, document.Standard.Criteria.Count);
    }

    [Theory]
    [InlineData("""{"scope":"130602","start":"2021-05-18","preset":"five-year"}""", "$.preset")]
    [InlineData("""{"scope":"130602","start":"2021-05-18","thresholds":{"improvedShare":1.5}}""", "$.thresholds.improvedShare")]
    [InlineData("""{"scope":"130602","start":"2021-05-18","phaseMonths":{"pilot":12}}""", "$.phaseMonths.pilot")]
    [InlineData("""{"scope":"1306","start":"2021-05-18"}""", "$.scope")]
    public void Bad_plan_documents_name_the_json_path(string json, string path)
    {
        var ex = Assert.Throws<DocumentException>(() => CoveragePlanJson.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
        Assert.Contains(ex.Problems, p => p.Path == path);
    }

    [Fact]
    public void Catalog_check_names_the_version_used()
    {
        var county = ServiceCatalog.Default.Extend("county-2024", new LocalDate(2024, 1, 1))
            .WithItem(new ServiceItem(ServiceCode.Parse("EL.01"), new LocalizedText("独居老人探访"), null, ["CARE"], ["elderly"]))
            .WithRetirement(ServiceCode.Parse("EL.01"), new LocalDate(2025, 1, 1))
            .ApplyTo(ServiceCatalog.Default);
        var checker = new CatalogChecker(new CatalogHistory([county]));
        ServiceRecord R(string code, LocalDate date, ServiceMethod method = ServiceMethod.Visit, int households = 1)
            => new("R1", date, DivisionCode.Parse("130602001"), ServiceCode.Parse(code), method, 1, households);
        Assert.Equal(CatalogCheckOutcome.Valid, checker.Classify(R("EL.01", new LocalDate(2024, 6, 1))));
        Assert.Equal(CatalogCheckOutcome.RetiredCode, checker.Classify(R("EL.01", new LocalDate(2025, 1, 1))));
        Assert.Equal(CatalogCheckOutcome.UnknownCode, checker.Classify(R("EL.02", new LocalDate(2024, 6, 1))));
        Assert.Equal(CatalogCheckOutcome.NoCatalogInForce, checker.Classify(R("EL", new LocalDate(2023, 6, 1))));
        Assert.Equal(CatalogCheckOutcome.HouseholdsNotApplicable, checker.Classify(R("EL", new LocalDate(2024, 6, 1), ServiceMethod.Group)));
        var result = checker.Check(R("EL.02", new LocalDate(2024, 6, 1)));
        Assert.Contains("county-2024 (2024-01-01)", result.Findings.Single().English, StringComparison.Ordinal);
        Assert.Equal("county-2024", result.CatalogId);
    }

    [Fact]
    public void Rules_register_once_with_try_add_and_accumulate_policies()
    {
        var services = new ServiceCollection();
        services.AddSocialWorkRules(r => r.AddPayPolicy(PayStepPolicy.XingAnLeague("a", new LocalDate(2021, 1, 1)) with { EffectiveTo = new LocalDate(2022, 12, 31) }));
        services.AddSocialWorkRules(r => r.AddPayPolicy(PayStepPolicy.XingAnLeague("b", new LocalDate(2023, 1, 1))));
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2024, 3, 1, 0, 0));
        services.AddSingleton<IClock>(clock);
        using var provider = services.BuildServiceProvider();
        Assert.Single(services, d => d.ServiceType == typeof(PayStepEvaluator));
        var evaluator = provider.GetRequiredService<PayStepEvaluator>();
        Assert.Equal(["a", "b"], evaluator.Policies.Policies.Select(p => p.Id));
        var worker = new Worker("W", Employment.CommunityFullTime, [new Qualification(QualificationLevel.Assistant, new LocalDate(2020, 1, 1))], [new PostAppointment(QualificationLevel.Assistant, new LocalDate(2020, 1, 1))]);
        var today = evaluator.AssessToday(worker);
        Assert.Equal(new LocalDate(2024, 3, 1), today.AsOf);
        Assert.Equal("b", today.PolicyId);
        Assert.NotNull(provider.GetRequiredService<CatalogChecker>());
        Assert.NotNull(provider.GetRequiredService<CoverageAssessor>());
    }
}

public class DocumentRoundTripTests
{
    private static Stream Utf8(string json) => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Plan_documents_round_trip_through_explicit_phases()
    {
        var preset = CoveragePlanJson.Load(Utf8("""{"scope":"130602","start":"2021-05-18","preset":"pilot-rollout-full","pilotCoverage":0.3,"standard":["six-haves","fujian-2021"]}"""));
        var json = CoveragePlanJson.Serialize(preset);
        var back = CoveragePlanJson.Load(Utf8(json));
        Assert.Equal(json, CoveragePlanJson.Serialize(back));
        Assert.Equal(["pilot", "rollout", "full"], back.Plan.Phases.Select(p => p.Id));
        Assert.Equal(0.3, back.Plan.Phases[0].Targets.Single().Required);
        Assert.Equal(preset.Standard.Criteria, back.Standard.Criteria);
        Assert.Equal(preset.Plan.Windows.Select(w => (w.Start, w.End)), back.Plan.Windows.Select(w => (w.Start, w.End)));
    }

    [Theory]
    [InlineData("""{"scope":"130602","start":"2021-05-18","phases":[{"id":"only","label":{"zh-CN":"一期"},"months":6,"targets":[{"metric":"happiness","required":1}]}]}""", "$.phases[0].targets[0].metric")]
    [InlineData("""{"scope":"130602","start":"2021-05-18","phases":[{"id":"only","label":{"zh-CN":"一期"},"months":0}]}""", "$.phases[0].months")]
    [InlineData("""{"scope":"130602","start":"2021-05-18","preset":"pilot-rollout-full","phases":[]}""", "$.phases")]
    [InlineData("""{"scope":"130602","start":"2021-05-18","phases":[{"id":"a","label":{"zh-CN":"甲"}},{"id":"a","label":{"zh-CN":"乙"}}]}""", "$.phases")]
    public void Bad_explicit_phases_name_the_json_path(string json, string path)
    {
        var ex = Assert.Throws<DocumentException>(() => CoveragePlanJson.Load(Utf8(json)));
        Assert.Contains(ex.Problems, p => p.Path == path);
    }

    [Fact]
    public void Network_and_workers_documents_round_trip()
    {
        var directory = CoverageTests.Jingxiu();
        var workers = new[]
        {
            new Worker("W1", Employment.StationResident, [new Qualification(QualificationLevel.Assistant, new LocalDate(2020, 1, 1))], [new PostAppointment(QualificationLevel.Assistant, new LocalDate(2020, 2, 1), new LocalDate(2022, 1, 31))], "S01", 3, "general"),
        };
        var network = new ServiceNetwork(directory, [CoverageTests.Station(1, CoverageTests.Start, new LocalDate(2023, 1, 1)), CoverageTests.Station(2, CoverageTests.Start)], workers, [new StationProfile("S01") { HasSite = true, SiteAreaSquareMetres = 85.5 }]);
        var json = NetworkJson.SerializeNetwork(network);
        var back = NetworkJson.LoadNetwork(Utf8(json));
        Assert.Equal(json, NetworkJson.SerializeNetwork(back));
        Assert.Equal(network.Facilities, back.Facilities);
        Assert.Equal(85.5, back.Profiles["S01"].SiteAreaSquareMetres);
        var workersJson = NetworkJson.SerializeWorkers(workers);
        Assert.Equal(workersJson, NetworkJson.SerializeWorkers(NetworkJson.LoadWorkers(Utf8(workersJson))));
    }
}

public class DocumentMessageTests
{
    private static DocumentException Workers(string json)
        => Assert.Throws<DocumentException>(() => NetworkJson.LoadWorkers(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "workers.json"));

    [Theory]
    [InlineData("""{"workers":5}""", "$.workers", "has the wrong type: expected an array")]
    [InlineData("""{"workers":[5]}""", "$.workers[0]", "has the wrong type: expected an object")]
    [InlineData("""{"workers":[{"id":"W1","employment":"communityFullTime","baseLevel":"three"}]}""", "$.workers[0].baseLevel", "expected a number")]
    [InlineData("""{"workers":[{"id":"W1","id":"W2","employment":"communityFullTime"}]}""", "$.workers[0]", "appears more than once")]
    public void A_wrong_shape_is_named_by_what_was_expected_not_by_a_dotnet_type(string json, string path, string words)
    {
        var problem = Assert.Single(Workers(json).Problems);
        Assert.StartsWith(path, problem.Path, StringComparison.Ordinal);
        Assert.Contains(words, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SocialWork.", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Dto", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_with_a_utf8_byte_order_mark_is_read()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes("""{"id":"x","effectiveFrom":"2021-01-01"}""")).ToArray();
        Assert.Equal("x", PayPolicyJson.Load(new MemoryStream(bytes)).Id);
    }

    public static TheoryData<string, string, string, string> EveryDocumentKind => new()
    {
        { "catalog", """{"id":"c","effectiveFrom":"2024-01-01","domains":[{"code":"EL","label":{"zh-CN":" "}}]}""", "$.domains[0].label.zh-CN", "the label has no zh-CN text" },
        { "pay policy", """{"id":"p","effectiveFrom":"2024-01-01","name":{"zh-CN":""}}""", "$.name.zh-CN", "the label has no zh-CN text" },
        { "coverage plan", """{"scope":"130602","start":"2021-05-18","phases":[{"id":"a","label":{"en":"x"},"months":12}]}""", "$.phases[0].label.zh-CN", "the label has no zh-CN text" },
        { "pay policy", """{"id":"p","effectiveFrom":"2024-01-01","requiresMatchingPost":"yes"}""", "$.requiresMatchingPost", "has the wrong type: expected true or false" },
        { "network", """{"divisions":[],"facilities":[{"id":"S","tier":"townshipStation","division":"130602","openedOn":"2021-01-01","profile":{"rooms":"three"}}]}""", "$.facilities[0].profile.rooms", "has the wrong type: expected a number" },
        { "catalog", """{"id":"c","effectiveFrom":"2024-01-01","items":[{"code":"EL.01","label":{"zh-CN":"x"},"serviceTypes":"care"}]}""", "$.items[0].serviceTypes", "has the wrong type: expected an array" },
    };

    [Theory]
    [MemberData(nameof(EveryDocumentKind))]
    public void Every_document_kind_reports_a_problem_through_the_one_reader_with_path_line_and_words(string kind, string json, string path, string words)
    {
        var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var thrown = Assert.ThrowsAny<DocumentException>(() => kind switch
        {
            "catalog" => (object)ServiceCatalogJson.Load(stream, "doc.json"),
            "pay policy" => PayPolicyJson.Load(stream, "doc.json"),
            "coverage plan" => CoveragePlanJson.Load(stream, "doc.json"),
            _ => NetworkJson.LoadNetwork(stream, "doc.json"),
        });
        var problem = Assert.Single(thrown.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Equal(words, problem.Message.TrimEnd('.'));
        Assert.Equal(1, problem.Line);
        Assert.Equal("doc.json", thrown.DocumentName);
    }
}
