namespace SocialWork.Reporting.Tests;

public class CsvTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+SUM(A1)", "'+SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void Cells_that_a_spreadsheet_would_run_get_a_leading_apostrophe(string value, string field)
        => Assert.Equal(field, CsvText.Field(value));

    [Theory]
    [InlineData("-12", "-12")]
    [InlineData("+3.5", "+3.5")]
    [InlineData("韩村北路街道", "韩村北路街道")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("-", "'-")]
    [InlineData("-1.", "'-1.")]
    public void Plain_text_and_numbers_stay_as_they_are(string? value, string field)
        => Assert.Equal(field, CsvText.Field(value));

    [Fact]
    public void Rejected_rows_are_written_neutralised()
    {
        var writer = new StringWriter();
        ReportWriter.WriteRejectedCsv([new RejectedRow("r.csv", 3, "date", "'x' is not a date", "=cmd|' /C calc'!A0,x")], writer);
        Assert.Equal("file,line,column,reason,raw\nr.csv,3,date,'x' is not a date,\"'=cmd|' /C calc'!A0,x\"\n", writer.ToString());
    }
}
