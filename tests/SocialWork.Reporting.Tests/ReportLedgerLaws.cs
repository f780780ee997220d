using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Reporting.Tests;

/// <summary>
/// The laws every <see cref="IReportLedger"/> keeps (issue #33), run against each store by a subclass: a submitted
/// snapshot is the report over the records stored before it, less the withdrawn; locks refuse appends, imports and
/// withdrawals into a submitted or approved period, atomically with the write; no interleaving of appends, withdrawals
/// and transitions changes a locked snapshot's numbers; withdrawn records leave reports; the ledger outlives the object.
/// </summary>
public abstract class ReportLedgerLaws
{
    private static readonly DivisionCode Prefecture = DivisionCode.Parse("130600");
    private static readonly DivisionCode County = DivisionCode.Parse("130601");
    private static readonly DivisionCode Township = DivisionCode.Parse("130601001");
    private static readonly DivisionCode Village = DivisionCode.Parse("130601001001");
    private static readonly DivisionCode OtherVillage = DivisionCode.Parse("130601002003");
    private static readonly ReportingPeriod March = ReportingPeriod.OfMonth(2023, 3);
    private static readonly Instant Moment = Instant.FromUtc(2023, 4, 3, 8, 0);

    /// <summary>A reporter for the whole prefecture: it may submit any report below it, and withdraw any record in it.</summary>
    protected static readonly SubmissionActor Reporter = new("reporter-1306", DivisionScope.Of(Prefecture), Reports: true, Approves: false);

    /// <summary>An approver for the province: it may approve and return any report of the prefecture and below.</summary>
    protected static readonly SubmissionActor Approver = new("approver-13", DivisionScope.Of(DivisionCode.Parse("130000")), Reports: false, Approves: true);

    /// <summary>Makes a new, empty ledger.</summary>
    protected abstract IReportLedger NewLedger();

    /// <summary>Another handle on the same stored ledger (a new object over the same folder or table; the same object in memory).</summary>
    protected abstract IReportLedger Reopen(IReportLedger ledger);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static T Run<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

    private static void Run(ValueTask task) => task.AsTask().GetAwaiter().GetResult();

    private static ServiceRecord Record(string id, DivisionCode division, LocalDate date, int personTimes = 1)
        => new(id, date, division, ServiceCode.Parse("EL.01"), ServiceMethod.Visit, personTimes, 1, Money.FromFen(100));

    private static List<ServiceRecord> Stored(IReportLedger ledger)
    {
        var records = new List<ServiceRecord>();
        foreach (var batch in ledger.ReadAsync().ToBlockingEnumerable())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                records.Add(Record(batch.IdAt(i), batch.Divisions[batch.DivisionIndices[i]], batch.DateAt(i), (int)batch.PersonTimes[i]));
            }
        }
        return records;
    }

    /// <summary>The snapshot the ledger keeps for a report, made again now over what the ledger reads back, with the same moment.</summary>
    private static (ReportSnapshot Kept, ReportSnapshot Remade) KeptAndRemade(IReportLedger ledger, Submission submission)
    {
        var kept = Run(ledger.FindSnapshotAsync(submission.SnapshotId!)) ?? throw new InvalidOperationException($"snapshot {submission.SnapshotId} not kept");
        var remade = Run(ReportSnapshot.MakeAsync(ledger.ReadAsync(), kept.Division, kept.Period, kept.By, kept.MadeAt, null));
        return (kept, remade);
    }

    [Property(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 15)]
    public bool A_submitted_snapshot_is_the_report_over_the_records_stored_before_it_less_the_withdrawn(ServiceRecord[] records, int withdrawEvery)
    {
        var ledger = NewLedger();
        Run(ledger.AppendAsync(RecordBatch.From(records)));
        var every = Math.Abs(withdrawEvery % 4) + 2;
        var withdrawn = records.Where((_, i) => i % every == 0).Select(r => r.Id).ToList();
        if (withdrawn.Count > 0)
        {
            Run(ledger.WithdrawAsync(withdrawn, "entered twice", Reporter, Moment));
        }
        var period = ReportingPeriod.OfQuarter(2023, 2);

        var submitted = Run(ledger.SubmitAsync(Reporter, County, period, CubeDimension.Domain, Moment));

        var kept = Run(ledger.FindSnapshotAsync(submitted.SnapshotId!))!;
        var expected = ReportSnapshot.Make(RecordBatch.From(records), County, period, CubeDimension.Domain, Moment, withdrawn.ToHashSet(StringComparer.Ordinal));
        return submitted is { State: SubmissionState.Submitted, Revision: 1 } && kept.Id == expected.Id && kept.Id == submitted.SnapshotId;
    }

    [Fact]
    public void An_append_into_a_submitted_period_is_refused_whole_and_says_locked()
    {
        var ledger = NewLedger();
        Run(ledger.AppendAsync(RecordBatch.From([Record("A1", Village, new LocalDate(2023, 3, 2))]), Ct));
        Run(ledger.SubmitAsync(Reporter, Township, March, CubeDimension.None, Moment, Ct));

        var refused = Assert.Throws<RecordLockedException>(() => Run(ledger.AppendAsync(RecordBatch.From([Record("A2", OtherVillage, new LocalDate(2023, 3, 5)), Record("A3", Village, new LocalDate(2023, 3, 31))]), Ct)));

        Assert.Equal("A3", Assert.Single(refused.Locked).Id);
        Assert.Contains("locked", refused.Message, StringComparison.Ordinal);
        Assert.Contains("已锁定", refused.Chinese, StringComparison.Ordinal);
        Assert.Equal(1, Run(ledger.CountAsync(Ct)));
        Run(ledger.AppendAsync(RecordBatch.From([Record("A4", Village, new LocalDate(2023, 4, 1)), Record("A5", OtherVillage, new LocalDate(2023, 3, 5))]), Ct));
        Assert.Equal(3, Run(ledger.CountAsync(Ct)));
    }

    [Fact]
    public void An_import_into_a_locked_period_rejects_those_rows_and_stores_the_rest()
    {
        var ledger = NewLedger();
        Run(ledger.SubmitAsync(Reporter, Township, March, CubeDimension.None, Moment, Ct));
        var csv = $"""
            id,date,division,item,method,person_times,households,amount
            B1,2023-03-10,{Village},EL.01,visit,2,1,0
            B2,2023-04-10,{Village},EL.01,visit,2,1,0
            B3,2023-03-10,{OtherVillage},EL.01,visit,2,1,0
            """;

        var result = Run(ledger.ImportCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "march.csv", new RecordImportOptions { Mode = ImportMode.Lenient }, Ct));

        var rejected = Assert.Single(result.Rejected);
        Assert.True(rejected.Locked);
        Assert.Equal(2, rejected.Line);
        Assert.Equal($"2023-03 of {Township} is submitted and locked; ask {County} to return it", rejected.Reason);
        Assert.Equal($"{Township}的2023-03报表已上报，已锁定；请{County}退回后再改", rejected.ChineseReason);
        Assert.Equal(3, result.Accepted + result.Rejected.Count);
        Assert.Equal(["B2", "B3"], Stored(ledger).Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Withdrawn_records_leave_queries_reads_and_counts_and_stay_stored()
    {
        var ledger = NewLedger();
        Run(ledger.AppendAsync(RecordBatch.From([Record("W1", Village, new LocalDate(2023, 3, 2), 5), Record("W2", Village, new LocalDate(2023, 3, 3), 7)]), Ct));

        var entries = Run(ledger.WithdrawAsync(["W1"], "entered twice", Reporter, Moment, Ct));

        Assert.Equal(new Withdrawal("W1", "entered twice", Reporter.Name, Moment), Assert.Single(entries));
        Assert.Equal(1, Run(ledger.CountAsync(Ct)));
        Assert.Equal(7, Run(ledger.QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Month, CubeDimension.None), Ct)).Total.PersonTimes);
        Assert.Equal(["W2"], Stored(ledger).Select(r => r.Id));
        Assert.Equal(["W1"], Run(ledger.FindStoredIdsAsync(["W1"], Ct)));
        Assert.Equal(["W1"], Run(Reopen(ledger).ReadWithdrawalsAsync(Ct)).Select(w => w.Id));
        Assert.Throws<KeyNotFoundException>(() => Run(ledger.WithdrawAsync(["W1"], "again", Reporter, Moment, Ct)));
        Assert.Throws<KeyNotFoundException>(() => Run(ledger.WithdrawAsync(["nope"], "never stored", Reporter, Moment, Ct)));
        var outsider = Reporter with { Name = "reporter-other", Scope = DivisionScope.Of(DivisionCode.Parse("130602")) };
        Assert.Throws<UnauthorizedAccessException>(() => Run(ledger.WithdrawAsync(["W2"], "not mine", outsider, Moment, Ct)));
        Assert.Throws<UnauthorizedAccessException>(() => Run(ledger.WithdrawAsync(["W2"], "no role", Approver, Moment, Ct)));
    }

    [Fact]
    public void Withdrawing_inside_a_locked_period_is_refused_until_the_report_is_returned()
    {
        var ledger = NewLedger();
        Run(ledger.AppendAsync(RecordBatch.From([Record("L1", Village, new LocalDate(2023, 3, 2))]), Ct));
        Run(ledger.SubmitAsync(Reporter, Township, March, CubeDimension.None, Moment, Ct));

        var refused = Assert.Throws<RecordLockedException>(() => Run(ledger.WithdrawAsync(["L1"], "wrong village", Reporter, Moment, Ct)));
        Assert.Contains("locked", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Run(ledger.ReadWithdrawalsAsync(Ct)));

        Run(ledger.ReturnAsync(Approver, Township, March, "wrong village", Moment, Ct));
        Run(ledger.WithdrawAsync(["L1"], "wrong village", Reporter, Moment, Ct));
        Assert.Equal(0, Run(ledger.CountAsync(Ct)));
    }

    [Fact]
    public void The_full_story_gives_a_second_revision_whose_diff_names_the_changed_cells_and_records()
    {
        var ledger = NewLedger();
        Run(ledger.AppendAsync(RecordBatch.From([Record("S1", Village, new LocalDate(2023, 3, 2), 3), Record("S2", Village, new LocalDate(2023, 3, 9), 4)]), Ct));
        var first = Run(ledger.SubmitAsync(Reporter, Township, March, CubeDimension.None, Moment, Ct));
        Run(ledger.ApproveAsync(Approver, Township, March, Moment + Duration.FromHours(1), Ct));
        Assert.Equal(SubmissionState.Approved, Run(ledger.ReadSubmissionsAsync(Ct)).Get(Township, March).State);
        var again = Assert.Throws<SubmissionException>(() => Run(ledger.SubmitAsync(Reporter, Township, March, CubeDimension.None, Moment, Ct)));
        Assert.False(again.Forbidden);

        Run(ledger.ReturnAsync(Approver, Township, March, "S2 was entered twice", Moment + Duration.FromHours(2), Ct));
        Run(ledger.AppendAsync(RecordBatch.From([Record("S3", Village, new LocalDate(2023, 3, 20), 6)]), Ct));
        Run(ledger.WithdrawAsync(["S2"], "entered twice", Reporter, Moment + Duration.FromHours(3), Ct));
        var second = Run(ledger.SubmitAsync(Reporter, Township, March, CubeDimension.None, Moment + Duration.FromHours(4), Ct));

        Assert.Equal(2, second.Revision);
        var diff = ReportDiff.Between(Run(ledger.FindSnapshotAsync(first.SnapshotId!, Ct))!, Run(ledger.FindSnapshotAsync(second.SnapshotId!, Ct))!);
        Assert.Equal(["S3"], diff.RecordsAdded);
        Assert.Equal(["S2"], diff.RecordsWithdrawn);
        Assert.Contains(diff.Cells, c => c.Indicator == "personTimes" && c.Old == 7 && c.New == 9);
        var history = Run(Reopen(ledger).ReadSubmissionsAsync(Ct)).History;
        Assert.Equal([SubmissionState.Submitted, SubmissionState.Approved, SubmissionState.Returned, SubmissionState.Submitted], history.Select(t => t.To));
        Assert.Equal("S2 was entered twice", history[2].Reason);
    }

    [Property(MaxTest = 12)]
    public bool No_interleaving_of_appends_withdrawals_and_transitions_changes_a_locked_snapshots_numbers(int[] steps)
    {
        var ledger = NewLedger();
        var divisions = new[] { Prefecture, County, Township, Village, OtherVillage, DivisionCode.Parse("130601002") };
        var periods = new[] { ReportingPeriod.OfMonth(2023, 2), March, ReportingPeriod.OfQuarter(2023, 1), ReportingPeriod.OfYear(2023) };
        var villages = new[] { Village, OtherVillage, DivisionCode.Parse("130601001002") };
        var next = 0;
        var at = Moment;
        foreach (var step in steps.Take(30))
        {
            var n = Math.Abs(step);
            at += Duration.FromMinutes(1);
            try
            {
                switch (n % 5)
                {
                    case 0:
                    case 1:
                        Run(ledger.AppendAsync(RecordBatch.From([Record($"I{next++}", villages[n / 5 % 3], new LocalDate(2023, 1, 1).PlusDays(n / 15 % 120), n % 9)])));
                        break;
                    case 2:
                        Run(ledger.WithdrawAsync([$"I{n / 5 % Math.Max(1, next)}"], "random", Reporter, at));
                        break;
                    case 3:
                        Run(ledger.SubmitAsync(Reporter, divisions[n / 5 % divisions.Length], periods[n / 30 % periods.Length], CubeDimension.Domain, at));
                        break;
                    default:
                        var division = divisions[n / 5 % divisions.Length];
                        var period = periods[n / 30 % periods.Length];
                        _ = n / 120 % 2 == 0 ? Run(ledger.ApproveAsync(Approver, division, period, at)) : Run(ledger.ReturnAsync(Approver, division, period, "random", at));
                        break;
                }
            }
            catch (Exception e) when (e is RecordLockedException or SubmissionException or KeyNotFoundException)
            {
            }
            foreach (var locked in Run(ledger.ReadSubmissionsAsync()).Submissions.Where(s => s.IsLocked))
            {
                var (kept, remade) = KeptAndRemade(ledger, locked);
                if (kept.Id != remade.Id)
                {
                    return false;
                }
            }
        }
        return true;
    }

    [Fact]
    public async Task An_append_racing_a_submission_is_in_its_snapshot_or_refused_never_stored_and_missing()
    {
        for (var round = 0; round < 4; round++)
        {
            var ledger = NewLedger();
            await ledger.AppendAsync(RecordBatch.From([Record($"P{round}", Village, new LocalDate(2023, 3, 1))]), TestContext.Current.CancellationToken);
            var refused = 0;
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                var handle = Reopen(ledger);
                for (var i = 0; i < 12; i++)
                {
                    try
                    {
                        await handle.AppendAsync(RecordBatch.From([Record($"r{round}-w{w}-{i}", Village, new LocalDate(2023, 3, 1 + i))]));
                    }
                    catch (RecordLockedException)
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
            })).ToList();
            await Task.Delay(5 * round, TestContext.Current.CancellationToken);
            var submitted = await Reopen(ledger).SubmitAsync(Reporter, Township, March, CubeDimension.None, Moment, TestContext.Current.CancellationToken);
            await Task.WhenAll(writers);

            var snapshot = await ledger.FindSnapshotAsync(submitted.SnapshotId!, TestContext.Current.CancellationToken);
            var stored = Stored(ledger).Where(r => Township.Contains(r.Division) && March.Contains(r.Date)).Select(r => r.Id).Order(StringComparer.Ordinal);
            Assert.Equal(stored, snapshot!.RecordIds);
            Assert.Equal(1 + 48 - refused, snapshot.Records);
        }
    }
}
