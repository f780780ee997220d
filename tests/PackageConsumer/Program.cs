using NodaTime;
using SocialWork;
using SocialWork.Reporting;
using SocialWork.Reporting.Parquet;
using SocialWork.Rules;

// One API of each package, as an integrator would call it.
var township = DivisionCode.Parse("130602005");
var worker = new Worker("W1", Employment.CommunityFullTime,
    [new Qualification(QualificationLevel.Intermediate, new LocalDate(2023, 6, 15))],
    [new PostAppointment(QualificationLevel.Intermediate, new LocalDate(2023, 9, 1))]);
var pay = PayStepEvaluator.Assess(worker, new LocalDate(2025, 1, 1), PayStepPolicy.XingAnLeague("xam", new LocalDate(2021, 1, 1)));
var builder = new RecordBatchBuilder();
builder.Append(DivisionCode.Parse("130602005001"), new LocalDate(2025, 3, 2), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 2, 1);
var cube = Cube.Build(builder.Build(), new CubeQuery(DivisionLevel.Township, PeriodKind.Quarter));
var cell = cube[township, ReportingPeriod.OfQuarter(2025, 1)];
var folder = Path.Combine(Path.GetTempPath(), "socialwork-consumer-" + Guid.NewGuid().ToString("N"));
var dataset = new ParquetDataset(folder);
await dataset.AppendByMonthAsync(RecordBatch.From([new ServiceRecord("R1", new LocalDate(2025, 3, 2), DivisionCode.Parse("130602005001"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 2, 1)]));
var stored = (await dataset.QueryAsync(new CubeQuery(DivisionLevel.Township, PeriodKind.Quarter)))[township, ReportingPeriod.OfQuarter(2025, 1)];
Directory.Delete(folder, recursive: true);
Console.WriteLine($"level={township.Level} uplift={pay.UpliftSteps} records={cell.Records} stored={stored.Records}");
return township.Level == DivisionLevel.Township && pay.UpliftSteps == 2 && cell.Records == 1 && stored.Records == 1 ? 0 : 1;
