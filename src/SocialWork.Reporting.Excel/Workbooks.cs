using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SocialWork.Reporting.Excel;

/// <summary>
/// Writes workbooks as a zip of SpreadsheetML parts, each sheet streamed into its zip entry as it is written: a zip
/// in create mode writes entry after entry straight into any writable stream, so memory stays flat in rows. (The Open XML
/// SDK's packages hold every part being written in memory until they close — see <c>benchmarks/results/ExcelChoice.md</c>.)
/// </summary>
internal static class Workbooks
{
    /// <summary>The SpreadsheetML main namespace.</summary>
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The time every zip entry carries, so that the same report gives the same bytes.</summary>
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };

    /// <summary>Writes a workbook whose sheets are written, in order, by the given writers.</summary>
    /// <param name="output">The stream (it need not be seekable); left open.</param>
    /// <param name="sheets">Each sheet's name and the writer of its rows (between <see cref="StartSheet"/> and <see cref="EndSheet"/>).</param>
    public static void Write(Stream output, IReadOnlyList<(string Name, Action<XmlWriter> Write)> sheets)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        Part(zip, "[Content_Types].xml", ContentTypes(sheets.Count));
        Part(zip, "_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part(zip, "xl/workbook.xml", WorkbookXml(sheets));
        Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships(sheets.Count));
        Part(zip, "xl/styles.xml", Styles.Xml);
        for (var i = 0; i < sheets.Count; i++)
        {
            using var writer = XmlWriter.Create(Entry(zip, $"xl/worksheets/sheet{i + 1}.xml").Open(), Settings);
            writer.WriteStartDocument(standalone: true);
            sheets[i].Write(writer);
            writer.WriteEndDocument();
        }
    }

    /// <summary>Writes a file through a temporary file in the same folder, moved over it when complete.</summary>
    public static void WriteFile(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Starts a worksheet: the first row frozen when asked, the columns' widths; then <c>sheetData</c>, for the rows.</summary>
    public static void StartSheet(XmlWriter writer, IReadOnlyList<double> widths, bool selected, bool freezeHeader = true)
    {
        writer.WriteStartElement("worksheet", Main);
        writer.WriteStartElement("sheetViews", Main);
        writer.WriteStartElement("sheetView", Main);
        if (selected)
        {
            writer.WriteAttributeString("tabSelected", "1");
        }
        writer.WriteAttributeString("workbookViewId", "0");
        if (freezeHeader)
        {
            writer.WriteStartElement("pane", Main);
            writer.WriteAttributeString("ySplit", "1");
            writer.WriteAttributeString("topLeftCell", "A2");
            writer.WriteAttributeString("activePane", "bottomLeft");
            writer.WriteAttributeString("state", "frozen");
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement("cols", Main);
        for (var c = 0; c < widths.Count; c++)
        {
            writer.WriteStartElement("col", Main);
            writer.WriteAttributeString("min", (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteAttributeString("max", (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteAttributeString("width", widths[c].ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteAttributeString("customWidth", "1");
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteStartElement("sheetData", Main);
    }

    /// <summary>Ends <c>sheetData</c> and the worksheet.</summary>
    public static void EndSheet(XmlWriter writer)
    {
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var stream = Entry(zip, name).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = EntryTime;
        return entry;
    }

    private static string ContentTypes(int sheets)
    {
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (var i = 1; i <= sheets; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }
        return text.Append("</Types>").ToString();
    }

    private static string WorkbookXml(IReadOnlyList<(string Name, Action<XmlWriter> Write)> sheets)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("workbook", Main);
            writer.WriteAttributeString("xmlns", "r", null, Relationships);
            writer.WriteStartElement("sheets", Main);
            for (var i = 0; i < sheets.Count; i++)
            {
                writer.WriteStartElement("sheet", Main);
                writer.WriteAttributeString("name", sheets[i].Name);
                writer.WriteAttributeString("sheetId", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteAttributeString("id", Relationships, $"rId{i + 1}");
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        return """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" + text;
    }

    private static string WorkbookRelationships(int sheets)
    {
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 1; i <= sheets; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i}" Type="{Relationships}/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<Relationship Id="rId{sheets + 1}" Type="{Relationships}/styles" Target="styles.xml"/>""");
        return text.Append("</Relationships>").ToString();
    }
}
