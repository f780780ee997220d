using NodaTime;
using SocialWork;
using SocialWork.Reporting;
using Npgsql;
using SocialWork.Reporting.Excel;
using SocialWork.Reporting.Parquet;
using SocialWork.Reporting.PostgreSql;
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
var workbook = new MemoryStream();
ExcelRecordWriter.Write(RecordBatch.From([new ServiceRecord("R1", new LocalDate(2025, 3, 2), DivisionCode.Parse("130602005001"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 2, 1)]), workbook);
workbook.Position = 0;
var fromExcel = new ExcelRecordImporter().Import(workbook, "consumer.xlsx").Accepted;

// The PostgreSQL store against the server .ci/run started (SOCIALWORK_POSTGRES), on a table of its own.
var inDatabase = 1L;
if (Environment.GetEnvironmentVariable("SOCIALWORK_POSTGRES") is { Length: > 0 } connectionString)
{
    await using var source = NpgsqlDataSource.Create(connectionString);
    var table = "consumer_" + Guid.NewGuid().ToString("N");
    var store = new PostgreSqlRecordStore(source, new PostgreSqlRecordStoreOptions { TableName = table });
    await store.EnsureSchemaAsync();
    await store.ImportCsvAsync(new MemoryStream("id,date,division,item,method,person_times,households,amount\nR1,2025-03-02,130602005001,EL.01,visit,2,1,0\n"u8.ToArray()), "consumer.csv");
    inDatabase = (await store.QueryAsync(new CubeQuery(DivisionLevel.Township, PeriodKind.Quarter)))[township, ReportingPeriod.OfQuarter(2025, 1)].Records;
    await using var drop = source.CreateCommand($"DROP TABLE {table}");
    await drop.ExecuteNonQueryAsync();
}
Console.WriteLine($"level={township.Level} uplift={pay.UpliftSteps} records={cell.Records} stored={stored.Records} postgresql={inDatabase} excel={fromExcel}");
return township.Level == DivisionLevel.Township && pay.UpliftSteps == 2 && cell.Records == 1 && stored.Records == 1 && inDatabase == 1 && fromExcel == 1 ? 0 : 1;
