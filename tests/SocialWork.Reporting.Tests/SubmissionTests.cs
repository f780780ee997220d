using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Reporting.Tests;

/// <summary>Snapshots, their differences and the submission state machine (issue #33, the library part).</summary>
public sealed class SubmissionTests
{
    private static readonly DivisionCode County = DivisionCode.Parse("130602");
    private static readonly DivisionCode Township = DivisionCode.Parse("130602005");
    private static readonly DivisionCode OtherTownship = DivisionCode.Parse("130602006");
    private static readonly DivisionCode Village = DivisionCode.Parse("130602005014");
    private static readonly ReportingPeriod March = ReportingPeriod.OfMonth(2023, 3);
    private static readonly ReportingPeriod April = ReportingPeriod.OfMonth(2023, 4);
    private static readonly Instant Moment = Instant.FromUtc(2023, 4, 3, 8, 0);

    private static readonly SubmissionActor Reporter = new("reporter-005", DivisionScope.Of(Township), Reports: true, Approves: false);
    private static readonly SubmissionActor DistrictApprover = new("approver-130602", DivisionScope.Of(County), Reports: false, Approves: true);
    private static readonly SubmissionActor TownshipApprover = new("approver-005", DivisionScope.Of(Township), Reports: false, Approves: true);
    private static readonly SubmissionActor DistrictReporter = new("reporter-130602", DivisionScope.Of(County), Reports: true, Approves: false);
    private static readonly SubmissionActor CityApprover = new("approver-1306", DivisionScope.Of(DivisionCode.Parse("130600")), Reports: false, Approves: true);

    [Property(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 60)]
    public bool A_snapshot_is_the_report_over_the_records_of_its_subtree_and_period_less_the_withdrawn(ServiceRecord[] records, int withdrawEvery)
    {
        var batch = RecordBatch.From(records);
        var division = DivisionCode.Parse("130601");
        var period = ReportingPeriod.OfQuarter(2023, 2);
        var every = Math.Abs(withdrawEvery % 4) + 2;
        var withdrawn = records.Where((_, i) => i % every == 0).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

        var snapshot = ReportSnapshot.Make(batch, division, period, CubeDimension.Domain, Moment, withdrawn);

        var kept = records.Where(r => division.Contains(r.Division) && period.Contains(r.Date) && !withdrawn.Contains(r.Id)).ToArray();
        var expected = ReportDocument.From(Cube.Build(RecordBatch.From(kept), ReportSnapshot.QueryOf(division, period, CubeDimension.Domain)), new ReportInput(kept.Length, kept.Length, 0));
        return ReportWriter.ToJson(snapshot.Report) == ReportWriter.ToJson(expected)
            && snapshot.RecordIds.SequenceEqual(kept.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Property(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 60)]
    public bool A_diff_of_a_snapshot_with_itself_is_empty_and_a_diffs_record_changes_turn_one_snapshot_into_the_other(ServiceRecord[] first, ServiceRecord[] second)
    {
        var division = DivisionCode.Parse("130600");
        var period = ReportingPeriod.OfYear(2023);
        var a = ReportSnapshot.Make(RecordBatch.From(first), division, period, CubeDimension.Method, Moment, withdrawn: null);
        var b = ReportSnapshot.Make(RecordBatch.From([.. first.Where((_, i) => i % 3 != 0),  .. second.Select(Renamed)]), division, period, CubeDimension.Method, Moment + Duration.FromHours(1), withdrawn: null);

        var same = ReportDiff.Between(a, a);
        var diff = ReportDiff.Between(a, b);

        var applied = a.RecordIds.Except(diff.RecordsWithdrawn).Concat(diff.RecordsAdded).Order(StringComparer.Ordinal);
        var cellsAgree = diff.Cells.All(c => c.Old != c.New);
        return same.IsEmpty && applied.SequenceEqual(b.RecordIds) && cellsAgree && (diff.IsEmpty == (ReportWriter.ToJson(a.Report) == ReportWriter.ToJson(b.Report) && a.RecordIds.SequenceEqual(b.RecordIds)));
    }

    [Property(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 40)]
    public bool A_snapshot_reads_back_from_its_json_with_the_same_id(ServiceRecord[] records)
    {
        var snapshot = ReportSnapshot.Make(RecordBatch.From(records), DivisionCode.Parse("130600"), ReportingPeriod.OfYear(2023), CubeDimension.Item, Moment, withdrawn: null);
        var back = ReportSnapshotJson.Parse(ReportSnapshotJson.Serialize(snapshot));
        return back.Id == snapshot.Id && back.RecordsDigest == snapshot.RecordsDigest && ReportSnapshotJson.Serialize(back) == ReportSnapshotJson.Serialize(snapshot);
    }

    [Fact]
    public void A_snapshot_changed_after_it_was_made_is_refused_naming_its_id()
    {
        var snapshot = Snapshot(Township, March, ("R1", Village, 5));
        var json = ReportSnapshotJson.Serialize(snapshot).Replace("\"personTimes\":5", "\"personTimes\":50", StringComparison.Ordinal);

        var error = Assert.Throws<System.Text.Json.JsonException>(() => ReportSnapshotJson.Parse(json));
        Assert.StartsWith("$.id:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diff_between_two_revisions_names_the_changed_cells_and_the_records_added_and_withdrawn()
    {
        var first = Snapshot(Township, March, ("R1", Village, 5), ("R2", Village, 3));
        var second = Snapshot(Township, March, ("R1", Village, 5), ("R3", Village, 4));

        var diff = ReportDiff.Between(first, second);

        Assert.Equal(["R3"], diff.RecordsAdded);
        Assert.Equal(["R2"], diff.RecordsWithdrawn);
        var change = Assert.Single(diff.Cells, c => c.Indicator == "personTimes");
        Assert.Equal((Village, 8m, 9m), (change.Division, change.Old, change.New));
        Assert.Contains("\"recordsAdded\":[\"R3\"]", ReportDiffJson.Serialize(diff), StringComparison.Ordinal);
        Assert.Contains("\"division\":\"130602005014\",\"period\":\"2023-03\"", ReportDiffJson.Serialize(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void The_march_story_submit_lock_approve_refuse_return_and_submit_revision_2()
    {
        var book = new SubmissionBook();
        var first = Snapshot(Township, March, ("R1", Village, 5));

        Assert.Equal((SubmissionState.Submitted, 1), Pair(book.Submit(Reporter, first, Moment)));
        Assert.NotNull(book.Locks().Find(Village, new LocalDate(2023, 3, 15)));
        Assert.Null(book.Locks().Find(Village, new LocalDate(2023, 4, 1)));
        Assert.Null(book.Locks().Find(DivisionCode.Parse("130602006001"), new LocalDate(2023, 3, 15)));

        var own = Assert.Throws<SubmissionException>(() => book.Approve(TownshipApprover, Township, March, Moment));
        Assert.True(own.Forbidden);
        Assert.Equal(SubmissionState.Approved, book.Approve(DistrictApprover, Township, March, Moment).State);

        var again = Assert.Throws<SubmissionException>(() => book.Submit(Reporter, first, Moment));
        Assert.False(again.Forbidden);
        Assert.Equal(SubmissionState.Approved, again.State);
        Assert.Contains("approved", again.Message, StringComparison.Ordinal);

        Assert.Equal(SubmissionState.Returned, book.Return(DistrictApprover, Township, March, "R1 is dated in April", Moment).State);
        Assert.Null(book.Locks().Find(Village, new LocalDate(2023, 3, 15)));
        var second = Snapshot(Township, March, ("R2", Village, 4));
        Assert.Equal((SubmissionState.Submitted, 2), Pair(book.Submit(Reporter, second, Moment + Duration.FromDays(1))));
        Assert.Equal(second.Id, book.Get(Township, March).SnapshotId);
        Assert.Equal([SubmissionState.Submitted, SubmissionState.Approved, SubmissionState.Returned, SubmissionState.Submitted], book.History.Select(t => t.To));
        Assert.Equal("R1 is dated in April", book.History[2].Reason);
    }

    [Fact]
    public void Returning_an_approved_report_returns_the_approved_reports_below_it()
    {
        var book = new SubmissionBook();
        book.Submit(Reporter, Snapshot(Township, March), Moment);
        book.Approve(DistrictApprover, Township, March, Moment);
        book.Submit(DistrictReporter, Snapshot(County, March), Moment);
        book.Approve(CityApprover, County, March, Moment);
        book.Submit(DistrictReporter, Snapshot(OtherTownship, April), Moment);

        book.Return(CityApprover, County, March, "the county total is wrong", Moment);

        Assert.Equal(SubmissionState.Returned, book.Get(County, March).State);
        Assert.Equal(SubmissionState.Returned, book.Get(Township, March).State);
        Assert.Equal(SubmissionState.Submitted, book.Get(OtherTownship, April).State);
        Assert.Equal("the county total is wrong (returned with 130602000000)", book.History.Single(t => t.Division == Township && t.To == SubmissionState.Returned).Reason);
    }

    [Fact]
    public void The_reporting_rates_count_first_submissions_by_the_deadline_in_the_bureaus_time_zone()
    {
        var book = new SubmissionBook();
        var deadline = new SubmissionDeadline(5, DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);   // by the 5th of the following month
        var third = DivisionCode.Parse("130602007");
        var reporter = DistrictReporter;
        book.Submit(reporter, Snapshot(Township, March), Instant.FromUtc(2023, 4, 5, 15, 59));      // 23:59 on the 5th in Beijing
        book.Submit(reporter, Snapshot(OtherTownship, March), Instant.FromUtc(2023, 4, 5, 16, 0));  // 00:00 on the 6th
        book.Return(DistrictApprover, Township, March, "check again", Instant.FromUtc(2023, 4, 7, 0, 0));
        book.Submit(reporter, Snapshot(Township, March), Instant.FromUtc(2023, 4, 8, 0, 0));

        var status = SubmissionStatus.Of(book, March, [third, OtherTownship, Township], deadline);

        Assert.Equal(new SubmissionRates(3, 2, 1), status.Rates);
        Assert.Equal(1 / 3d, status.Rates.OnTimeRate!.Value, 6);
        Assert.Equal([Township, OtherTownship, third], status.Rows.Select(r => r.Division));
        Assert.Equal((SubmissionState.Submitted, 2, true), (status.Rows[0].State, status.Rows[0].Revision, status.Rows[0].OnTime));
        Assert.Equal(false, status.Rows[1].OnTime);
        Assert.Equal((SubmissionState.Open, (bool?)null), (status.Rows[2].State, status.Rows[2].OnTime));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SubmissionDeadline(-1, deadline.Zone));
    }

    /// <summary>A step by an actor: who acts, on which report, and how.</summary>
    public sealed record Move(int Actor, int Division, int Period, int Kind);

    public static Arbitrary<Move[]> Moves() => Gen.Choose(0, 5).SelectMany(actor => Gen.Choose(0, 3).SelectMany(division => Gen.Choose(0, 1).SelectMany(period => Gen.Choose(0, 2).Select(kind => new Move(actor, division, period, kind))))).ArrayOf().ToArbitrary();

    [Property(Arbitrary = [typeof(SubmissionTests)], MaxTest = 300)]
    public bool No_sequence_of_steps_by_any_actors_breaks_the_rules(Move[] steps)
    {
        SubmissionActor[] actors = [Reporter, DistrictApprover, TownshipApprover, DistrictReporter, CityApprover, new("nobody", DivisionScope.Empty, true, true)];
        DivisionCode[] divisions = [County, Township, OtherTownship, Village];
        ReportingPeriod[] periods = [March, April];
        var book = new SubmissionBook();
        var clock = Moment;
        foreach (var step in steps)
        {
            var (actor, division, period) = (actors[step.Actor], divisions[step.Division], periods[step.Period]);
            var before = book.History.Count;
            var state = book.Get(division, period);
            clock += Duration.FromMinutes(1);
            try
            {
                _ = step.Kind switch
                {
                    0 => book.Submit(actor, Snapshot(division, period), clock),
                    1 => book.Approve(actor, division, period, clock),
                    _ => book.Return(actor, division, period, "check again", clock),
                };
            }
            catch (SubmissionException)
            {
                if (book.History.Count != before || book.Get(division, period) != state)
                {
                    return false;
                }
            }
        }
        // What a store keeps is the history: replayed, it gives the same reports back.
        return HistoryKeepsTheRules(book, actors.ToDictionary(a => a.Name))
            && SubmissionBook.Replay(book.History).Submissions.SequenceEqual(book.Submissions);
    }

    [Fact]
    public void A_history_that_does_not_hold_together_is_refused_when_replayed()
    {
        var step = new SubmissionTransition(Township, March, SubmissionState.Submitted, SubmissionState.Approved, 1, "approver-130602", Moment, null, null);

        var refused = Assert.Throws<ArgumentException>(() => SubmissionBook.Replay([step]));

        Assert.Contains("from submitted follows one to open", refused.Message, StringComparison.Ordinal);
    }

    private static bool HistoryKeepsTheRules(SubmissionBook book, Dictionary<string, SubmissionActor> actors)
    {
        var states = new Dictionary<(DivisionCode, ReportingPeriod), (SubmissionState State, int Revision)>();
        foreach (var t in book.History)
        {
            var (state, revision) = states.GetValueOrDefault((t.Division, t.Period), (SubmissionState.Open, 0));
            var actor = actors[t.By];
            var cascaded = t.Reason?.Contains("(returned with", StringComparison.Ordinal) == true;
            var approverAbove = actor.Approves && t.Division.HasParent && actor.Scope.Contains(t.Division.Parent);
            var allowed = t.From == state && t.To switch
            {
                SubmissionState.Submitted => state is SubmissionState.Open or SubmissionState.Returned && actor.Reports && actor.Scope.Contains(t.Division) && t.Revision == revision + 1,
                SubmissionState.Approved => state == SubmissionState.Submitted && approverAbove && t.Revision == revision,
                SubmissionState.Returned => state is SubmissionState.Submitted or SubmissionState.Approved && (approverAbove || cascaded) && t.Revision == revision && !string.IsNullOrWhiteSpace(t.Reason),
                _ => false,
            };
            if (!allowed)
            {
                return false;
            }
            states[(t.Division, t.Period)] = (t.To, t.Revision);
        }
        return states.All(s => book.Get(s.Key.Item1, s.Key.Item2).State == s.Value.State)
            && book.Submissions.Where(s => s.IsLocked).All(s => book.Locks().Find(s.Division, s.Period.Start) is not null);
    }

    private static ServiceRecord Renamed(ServiceRecord r)
        => new("N" + r.Id, r.Date, r.Division, r.Code, r.Method, r.PersonTimes, r.Households, r.Amount, r.FacilityId, r.Parties, r.TargetGroup, r.ProgrammeId, r.Person);

    private static (SubmissionState, int) Pair(Submission submission) => (submission.State, submission.Revision);

    private static ReportSnapshot Snapshot(DivisionCode division, ReportingPeriod period, params (string Id, DivisionCode Division, int PersonTimes)[] records)
        => ReportSnapshot.Make(
            RecordBatch.From([.. records.Select(r => new ServiceRecord(r.Id, period.Start.PlusDays(1), r.Division, ServiceCode.Parse("EL.01"), ServiceMethod.Visit, r.PersonTimes, 1))]),
            division, period, CubeDimension.None, Moment, withdrawn: null);
}
