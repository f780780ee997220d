using System.Globalization;
using System.Xml;
using NodaTime;

namespace SocialWork.Reporting.Excel;

/// <summary>Writes the cells of a sheet's rows, one after another, as SpreadsheetML: text inline, numbers as numbers.</summary>
internal sealed class CellWriter(XmlWriter writer)
{
    private static readonly LocalDate Epoch = new(1899, 12, 30);
    private readonly char[] buffer = new char[32];

    public void StartRow(int number)
    {
        writer.WriteStartElement("row", Workbooks.Main);
        writer.WriteStartAttribute("r");
        Write(number);
        writer.WriteEndAttribute();
    }

    public void EndRow() => writer.WriteEndElement();

    /// <summary>A text cell (an inline string); characters XML cannot hold become U+FFFD.</summary>
    public void Text(string text, int style)
    {
        writer.WriteStartElement("c", Workbooks.Main);
        writer.WriteAttributeString("t", "inlineStr");
        Style(style);
        writer.WriteStartElement("is", Workbooks.Main);
        writer.WriteStartElement("t", Workbooks.Main);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            writer.WriteAttributeString("xml", "space", null, "preserve");
        }
        writer.WriteString(XmlSafe(text));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>A count, or <see cref="ReportWriter.Suppressed"/> on grey for none.</summary>
    public void Count(long? value, bool bold)
    {
        if (value is { } v)
        {
            StartNumber(bold ? Styles.BoldCount : Styles.Count);
            Write(v);
            EndNumber();
        }
        else
        {
            Text(ReportWriter.Suppressed, Styles.Suppressed);
        }
    }

    /// <summary>An amount in yuan, or <see cref="ReportWriter.Suppressed"/> on grey for none.</summary>
    public void Amount(Money? value, bool bold)
    {
        if (value is { } v)
        {
            StartNumber(bold ? Styles.BoldAmount : Styles.Amount);
            v.TryFormat(buffer, out var n, default, CultureInfo.InvariantCulture);
            writer.WriteRaw(buffer, 0, n);
            EndNumber();
        }
        else
        {
            Text(ReportWriter.Suppressed, Styles.Suppressed);
        }
    }

    /// <summary>A date as Excel's day number (days since 1899-12-30) in the ISO date format.</summary>
    public void Date(LocalDate date)
    {
        StartNumber(Styles.Date);
        Write(Period.Between(Epoch, date, PeriodUnits.Days).Days);
        EndNumber();
    }

    private void StartNumber(int style)
    {
        writer.WriteStartElement("c", Workbooks.Main);
        Style(style);
        writer.WriteStartElement("v", Workbooks.Main);
    }

    private void EndNumber()
    {
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private void Style(int style)
    {
        if (style != Styles.Plain)
        {
            writer.WriteStartAttribute("s");
            Write(style);
            writer.WriteEndAttribute();
        }
    }

    private void Write(long value)
    {
        value.TryFormat(buffer, out var n, default, CultureInfo.InvariantCulture);
        writer.WriteRaw(buffer, 0, n);
    }

    private static string XmlSafe(string text)
    {
        foreach (var c in text)
        {
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            {
                return string.Concat(text.Select(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch) ? ch : '\uFFFD'));
            }
        }
        return text;
    }
}
