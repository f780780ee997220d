using DuckDB.NET.Data;

namespace SocialWork.Reporting.Parquet.Tests;

/// <summary>The files are ordinary Parquet: DuckDB reads every value back, in the types the CSV contract implies.</summary>
public sealed class DuckDbReadBackTests : StoreTestBase
{
    private static readonly ServiceRecord[] Records =
    [
        new("R1", new LocalDate(2023, 1, 5), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 3, 1, Money.FromFen(1_234),
            parties: LinkageParties.Community | LinkageParties.Volunteer, targetGroup: TargetGroup.Elderly, programmeId: "bee-age"),
        new("R2", new LocalDate(2023, 2, 28), DivisionCode.Parse("130602100200"), ServiceCode.Parse("CH"), ServiceMethod.Group, 9, 0),
        new("R3", new LocalDate(2024, 12, 31), DivisionCode.Parse("130602"), ServiceCode.Parse("SA.02"), ServiceMethod.Training, 40, 0, Money.FromYuan(1_700m),
            parties: LinkageParties.CharityResource, programmeId: "venture-07"),
    ];

    [Fact]
    public async Task DuckDB_reads_every_value_back_in_the_contract_types()
    {
        var path = Path.Combine(Dir, "records.parquet");
        await ParquetRecordFile.WriteFileAsync(RecordBatch.From(Records), path, new ParquetRecordOptions { RowGroupSize = 2, Compression = ParquetCompression.Snappy }, TestContext.Current.CancellationToken);

        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        var types = Query(duck, $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{path}'))")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("DATE", types["date"]);
        Assert.Equal("BIGINT", types["division"]);
        Assert.Equal("VARCHAR", types["item"]);
        Assert.Equal("BIGINT", types["person_times"]);
        Assert.Equal("DECIMAL(18,2)", types["amount"]);
        var physical = Query(duck, $"SELECT name, type FROM parquet_schema('{path}') WHERE type IS NOT NULL").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("INT64", physical["amount"]);
        Assert.Equal("INT32", physical["date"]);

        var rows = Query(duck, $"SELECT strftime(date, '%Y-%m-%d'), division, item, method, person_times, households, amount, target_group, parties, programme FROM read_parquet('{path}')");
        Assert.Equal(
            [
                ["2023-01-05", 130602005014L, "EL.01", "visit", 3L, 1L, 12.34m, "elderly", "community|volunteer", "bee-age"],
                ["2023-02-28", 130602100200L, "CH", "group", 9L, 0L, 0.00m, null, null, null],
                ["2024-12-31", 130602000000L, "SA.02", "training", 40L, 0L, 1700.00m, null, "charity", "venture-07"],
            ],
            rows);
        Assert.Equal("3", Query(duck, $"SELECT count(*) FROM read_parquet('{Dir}/*.parquet')")[0][0]!.ToString());
    }

    [Fact]
    public async Task DuckDB_reads_a_person_key_as_its_32_bytes_and_counts_the_same_people()
    {
        var people = ReportingArbitraries.PersonPool;
        var records = Enumerable.Range(0, 40).Select(i => new ServiceRecord(
            $"P{i}", new LocalDate(2023, 1 + (i % 12), 3), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, 0,
            person: i % 4 == 0 ? null : people[i % 5])).ToArray();
        var path = Path.Combine(Dir, "people.parquet");
        await ParquetRecordFile.WriteFileAsync(RecordBatch.From(records), path, new ParquetRecordOptions { RowGroupSize = 16, Compression = ParquetCompression.Zstd }, TestContext.Current.CancellationToken);

        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        var physical = Query(duck, $"SELECT type, type_length FROM parquet_schema('{path}') WHERE name = 'person'")[0];
        Assert.Equal(["FIXED_LEN_BYTE_ARRAY", "32"], physical.Select(v => v?.ToString()));
        var counted = Query(duck, $"SELECT count(DISTINCT person), count(person) FROM read_parquet('{path}')")[0];
        Assert.Equal([(long)records.Select(r => r.Person).OfType<PersonKey>().Distinct().Count(), (long)records.Count(r => r.Person is not null)], counted.Select(Convert.ToInt64));
        // The bytes are the key's: base64url of them is the key's text.
        var texts = Query(duck, $"SELECT DISTINCT rtrim(replace(replace(to_base64(person), '+', '-'), '/', '_'), '=') FROM read_parquet('{path}') WHERE person IS NOT NULL")
            .Select(r => (string)r[0]!).Order(StringComparer.Ordinal);
        Assert.Equal(records.Select(r => r.Person).OfType<PersonKey>().Select(k => k.Value).Distinct().Order(StringComparer.Ordinal), texts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(64L << 20)]
    public async Task A_row_group_keeps_a_dictionary_no_larger_than_the_limit_and_its_people_read_back(long? limit)
    {
        // 40,000 distinct people outgrow the default 1 MiB dictionary (32,768 keys of 32 bytes): the chunk falls back to plain pages.
        var records = Enumerable.Range(0, 40_000).Select(i => new ServiceRecord(
            $"P{i}", new LocalDate(2023, 1, 3), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, 0,
            person: PersonKey.FromBytes(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i))))).ToArray();
        var path = Path.Combine(Dir, "many.parquet");
        var options = limit is { } bytes ? new ParquetRecordOptions { DictionaryPageLimit = bytes } : new ParquetRecordOptions();
        await ParquetRecordFile.WriteFileAsync(RecordBatch.From(records), path, options, TestContext.Current.CancellationToken);

        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        var chunk = Query(duck, $"SELECT dictionary_page_offset, data_page_offset FROM parquet_metadata('{path}') WHERE path_in_schema = 'person'").Single();
        var dictionaryBytes = Convert.ToInt64(chunk[1], System.Globalization.CultureInfo.InvariantCulture) - Convert.ToInt64(chunk[0] ?? chunk[1], System.Globalization.CultureInfo.InvariantCulture);
        if (limit is null)
        {
            Assert.InRange(dictionaryBytes, 0, ParquetRecordOptions.DefaultDictionaryPageLimit + (64 << 10));   // the limit is checked after each batch the writer takes
        }
        else
        {
            Assert.True(dictionaryBytes >= 40_000 * 32, $"a 64 MiB dictionary holds every person ({dictionaryBytes} bytes)");
        }
        Assert.Equal(40_000L, Convert.ToInt64(Query(duck, $"SELECT count(DISTINCT person) FROM read_parquet('{path}')")[0][0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(40_000L, (await ParquetRecordFile.QueryAsync(path, new CubeQuery(DivisionLevel.County, PeriodKind.Year), TestContext.Current.CancellationToken)).TotalPeople.People);
    }

    [Fact]
    public void A_dictionary_page_limit_below_one_byte_is_refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ParquetRecordOptions { DictionaryPageLimit = 0 });

    private static List<object?[]> Query(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
