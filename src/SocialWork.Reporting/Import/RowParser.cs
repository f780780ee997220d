using System.Globalization;
using nietras.SeparatedValues;

namespace SocialWork.Reporting;

/// <summary>Validates one CSV row field by field and appends it; returns the first problem instead.</summary>
internal static class RowParser
{
    internal readonly record struct Problem(string Column, string Reason);

    /// <summary>The text of one row's fields, as read from CSV or JSON.</summary>
    internal ref struct Fields
    {
        public ReadOnlySpan<char> Id;
        public ReadOnlySpan<char> Date;
        public ReadOnlySpan<char> Division;
        public ReadOnlySpan<char> Item;
        public ReadOnlySpan<char> Method;
        public ReadOnlySpan<char> PersonTimes;
        public ReadOnlySpan<char> Households;
        public ReadOnlySpan<char> Amount;
        public ReadOnlySpan<char> TargetGroup;
        public ReadOnlySpan<char> Parties;
        public ReadOnlySpan<char> Programme;
    }

    internal static Problem? Append(RecordBatchBuilder builder, SepReader.Row row, CsvRecordImporter.Columns c, Rules.CatalogChecker? checker)
    {
        if (row.ColCount <= c.Max)
        {
            return new Problem("(row)", $"the row has {row.ColCount} columns; the header has more");
        }
        var fields = new Fields
        {
            Id = row[c.Id].Span,
            Date = row[c.Date].Span,
            Division = row[c.Division].Span,
            Item = row[c.Item].Span,
            Method = row[c.Method].Span,
            PersonTimes = row[c.PersonTimes].Span,
            Households = row[c.Households].Span,
            Amount = row[c.Amount].Span,
            TargetGroup = c.TargetGroup >= 0 && c.TargetGroup < row.ColCount ? row[c.TargetGroup].Span : [],
            Parties = c.Parties >= 0 && c.Parties < row.ColCount ? row[c.Parties].Span : [],
            Programme = c.Programme >= 0 && c.Programme < row.ColCount ? row[c.Programme].Span : [],
        };
        return Append(builder, fields, checker, Names.Csv);
    }

    /// <summary>The column names used in messages: CSV header names or JSON property names.</summary>
    internal sealed record Names(string Id, string Date, string Division, string Item, string Method, string PersonTimes, string Households, string Amount, string TargetGroup, string Parties)
    {
        public static Names Csv { get; } = new("id", "date", "division", "item", "method", "person_times", "households", "amount", "target_group", "parties");

        public static Names Json { get; } = new("id", "date", "division", "item", "method", "personTimes", "households", "amount", "targetGroup", "parties");
    }

    internal static Problem? Append(RecordBatchBuilder builder, scoped in Fields f, Rules.CatalogChecker? checker, Names n)
    {
        if (f.Id.IsWhiteSpace())
        {
            return new Problem(n.Id, "is empty");
        }
        var dateText = f.Date;
        if (!DayNumber.TryParse(dateText, out var day))
        {
            return new Problem(n.Date, $"'{dateText}' is not a date of the form yyyy-MM-dd");
        }
        var divisionText = f.Division;
        if (DivisionCode.GetParseError(divisionText, out var division) is { } divisionError)
        {
            return new Problem(n.Division, $"division code '{divisionText}' {divisionError}");
        }
        var itemText = f.Item;
        var codeNumber = builder.KnownCode(itemText);
        if (codeNumber < 0 && ServiceCode.Check(itemText) is { } codeError)
        {
            return new Problem(n.Item, $"service code '{itemText}' {codeError}");
        }
        var methodText = f.Method;
        if (!ServiceMethods.TryParse(methodText, out var method))
        {
            return new Problem(n.Method, $"'{methodText}' is not one of visit, file, casework, group, activity, training, other");
        }
        if (Count(f.PersonTimes, n.PersonTimes, out var personTimes) is { } p1)
        {
            return p1;
        }
        if (Count(f.Households, n.Households, out var households) is { } p2)
        {
            return p2;
        }
        var amountText = f.Amount;
        var fen = 0L;
        if (!amountText.IsEmpty)
        {
            if (Money.GetParseError(amountText, out var money) is { } moneyError)
            {
                return new Problem(n.Amount, $"'{amountText}' {moneyError}");
            }
            if (money.Fen < 0)
            {
                return new Problem(n.Amount, $"'{amountText}' is negative");
            }
            fen = money.Fen;
        }
        TargetGroup? group = null;
        if (f.TargetGroup is { IsEmpty: false } groupText)
        {
            if (!TargetGroups.TryParse(groupText, out var g))
            {
                return new Problem(n.TargetGroup, $"'{groupText}' is not one of hardship, elderly, children, empowerment, disabled");
            }
            group = g;
        }
        var parties = LinkageParties.None;
        if (!LinkagePartiesFormat.TryParse(f.Parties, out parties))
        {
            return new Problem(n.Parties, $"'{f.Parties}' must be |-separated codes among community, organisation, socialWorker, volunteer, charity");
        }
        var programme = f.Programme;
        if (checker is not null)
        {
            var date = DayNumber.ToDate(day);
            var code = ServiceCode.Parse(itemText);
            var catalog = checker.History.InForceOn(date);
            if (catalog is null)
            {
                return new Problem(n.Item, $"no service catalog is in force on {dateText}");
            }
            if (!catalog.Contains(code))
            {
                return new Problem(n.Item, $"service code '{itemText}' is not in catalog {catalog.Id}");
            }
            if (!catalog.IsActive(code, date))
            {
                return new Problem(n.Item, $"service code '{itemText}' is retired on {dateText} in catalog {catalog.Id}");
            }
        }
        builder.Append(division, day, codeNumber >= 0 ? codeNumber : builder.Intern(itemText), method, personTimes, households, fen, group, parties, programme);
        return null;
    }

    private static Problem? Count(ReadOnlySpan<char> text, string column, out int value)
    {
        value = 0;
        if (text.Length is > 0 and <= 9)
        {
            foreach (var c in text)
            {
                var digit = c - '0';
                if ((uint)digit > 9)
                {
                    return Slow(text, column, out value);
                }
                value = (value * 10) + digit;
            }
            return null;
        }
        return Slow(text, column, out value);

        static Problem? Slow(ReadOnlySpan<char> text, string column, out int value)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            {
                return new Problem(column, $"'{text}' is not a whole number");
            }
            return value < 0 ? new Problem(column, $"'{text}' is negative") : null;
        }
    }
}
