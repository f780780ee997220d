using System.Globalization;
using nietras.SeparatedValues;

namespace SocialWork.Reporting;

/// <summary>Validates one row field by field; returns the first problem, or the parsed values.</summary>
internal static class RowParser
{
    internal readonly record struct Problem(string Column, string Reason, string Chinese, bool AlreadyStored = false, bool OutsideScope = false, bool Locked = false)
    {
        /// <summary>The rejected row this problem makes of a row read from <paramref name="file"/> at <paramref name="line"/>.</summary>
        public RejectedRow ToRejected(string file, int line, string raw)
            => new(file, line, Column, Reason, raw) { ChineseReason = Chinese, AlreadyStored = AlreadyStored, OutsideScope = OutsideScope, Locked = Locked };
    }

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
        public ReadOnlySpan<char> Person;
    }

    /// <summary>A row's values once validated (the code and programme stay as text until they are interned).</summary>
    internal struct Values
    {
        public DivisionCode Division;
        public int Day;
        public ServiceMethod Method;
        public int PersonTimes;
        public int Households;
        public long Fen;
        public TargetGroup? Group;
        public LinkageParties Parties;
        public PersonKey? Person;
    }

    /// <summary>The column names used in messages: CSV header names or JSON property names.</summary>
    internal sealed record Names(string Id, string Date, string Division, string Item, string Method, string PersonTimes, string Households, string Amount, string TargetGroup, string Parties, string Person)
    {
        public static Names Csv { get; } = new("id", "date", "division", "item", "method", "person_times", "households", "amount", "target_group", "parties", "person");

        public static Names Json { get; } = new("id", "date", "division", "item", "method", "personTimes", "households", "amount", "targetGroup", "parties", "person");
    }

    /// <summary>A row's cells by column: empty for a column the row does not reach, or for -1 (a column the header lacks).</summary>
    internal interface ICells
    {
        ReadOnlySpan<char> this[int column] { get; }
    }

    /// <summary>A CSV row's cells.</summary>
    internal readonly ref struct SepCells(SepReader.Row row) : ICells
    {
        private readonly SepReader.Row row = row;

        public ReadOnlySpan<char> this[int column] => (uint)column < (uint)row.ColCount ? row[column].Span : [];
    }

    /// <summary>A table's row of cells (a spreadsheet's), <see langword="null"/> cells empty.</summary>
    internal readonly struct ListCells(IReadOnlyList<string?> cells) : ICells
    {
        public ReadOnlySpan<char> this[int column] => (uint)column < (uint)cells.Count ? cells[column] : [];
    }

    /// <summary>The fields of a row whose columns the header gave.</summary>
    internal static Fields Read<TCells>(scoped in TCells row, CsvRecordImporter.Columns c)
        where TCells : ICells, allows ref struct => new()
    {
        Id = row[c.Id],
        Date = row[c.Date],
        Division = row[c.Division],
        Item = row[c.Item],
        Method = row[c.Method],
        PersonTimes = row[c.PersonTimes],
        Households = row[c.Households],
        Amount = row[c.Amount],
        TargetGroup = row[c.TargetGroup],
        Parties = row[c.Parties],
        Programme = row[c.Programme],
        Person = row[c.Person],
    };

    /// <summary>
    /// Validates and appends a row; returns the first problem instead of appending. A valid row whose id an accepted row
    /// already has is a problem too ("duplicate id R1, first on line 2"), so a file sent twice is not counted twice, and so
    /// is one whose id is in <see cref="RecordImportOptions.StoredIds"/> ("id R1 is already stored").
    /// </summary>
    /// <param name="builder">The batch being built.</param>
    /// <param name="f">The row's fields.</param>
    /// <param name="options">The import's options.</param>
    /// <param name="n">The format's column names, for the messages.</param>
    /// <param name="ids">The ids accepted so far.</param>
    /// <param name="line">The row's line (or record number), for a repeated id's message.</param>
    /// <param name="otherText">Text of the row outside the fields, scanned for a resident ID number too.</param>
    /// <param name="otherTextHoldsFields">Whether <paramref name="otherText"/> is the whole row, fields included (a CSV line): then a clean row needs one scan.</param>
    internal static Problem? Append(RecordBatchBuilder builder, scoped in Fields f, RecordImportOptions options, Names n, RecordIds ids, int line, ReadOnlySpan<char> otherText, bool otherTextHoldsFields = false)
    {
        if ((!otherTextHoldsFields || ResidentIdNumber.ContainsValid(otherText)) && ResidentIdIn(f, n, otherText) is { } personal)
        {
            return personal;
        }
        var catalogs = options.Catalog;
        var code = builder.KnownCode(f.Item);
        if (Parse(f, catalogs, n, code >= 0, out var v) is { } problem)
        {
            return problem;
        }
        if (options.Scope is { } scope && !scope.Contains(v.Division))
        {
            return new Problem(n.Division, $"division {v.Division} is outside the scope {Describe(scope)}", $"区划{v.Division}不在可上报范围（{Describe(scope)}）内", OutsideScope: true);
        }
        if (options.Locks?.Find(v.Division, DayNumber.ToDate(v.Day)) is { } lockedBy)
        {
            return new Problem(n.Date, SubmissionLocks.Reason(lockedBy), SubmissionLocks.ChineseReason(lockedBy), Locked: true);
        }
        var first = ids.Add(f.Id, line);
        if (first > 0)
        {
            return new Problem(n.Id, $"duplicate id {f.Id}, first on line {first}", $"记录编号{f.Id}重复，首次出现在第{first}行");
        }
        if (options.StoredIds is { Count: > 0 } stored && stored.Contains(f.Id.ToString()))
        {
            return new Problem(n.Id, $"id {f.Id} is already stored", $"记录编号{f.Id}已存储", AlreadyStored: true);
        }
        builder.Append(v.Division, v.Day, code >= 0 ? code : builder.Intern(f.Item), v.Method, v.PersonTimes, v.Households, v.Fen, v.Group, v.Parties, f.Programme, f.Id, v.Person);
        return null;
    }

    /// <summary>
    /// Finds a valid resident ID number in any text of the row: a named column, or anywhere else in it
    /// (<paramref name="otherText"/>: the whole CSV line, or a JSON record's other text values) — except the person
    /// column, whose own check says "pseudonymise it first".
    /// </summary>
    private static Problem? ResidentIdIn(scoped in Fields f, Names n, ReadOnlySpan<char> otherText)
    {
        const string Reason = "holds a resident ID number; pseudonymise it or leave it out (nothing with one is stored)";
        const string Chinese = "含有居民身份证号码；请先做假名化处理或删去（含身份证号的数据不会存储）";
        var column = ResidentIdNumber.ContainsValid(f.Id) ? n.Id
            : ResidentIdNumber.ContainsValid(f.Date) ? n.Date
            : ResidentIdNumber.ContainsValid(f.Division) ? n.Division
            : ResidentIdNumber.ContainsValid(f.Item) ? n.Item
            : ResidentIdNumber.ContainsValid(f.Method) ? n.Method
            : ResidentIdNumber.ContainsValid(f.PersonTimes) ? n.PersonTimes
            : ResidentIdNumber.ContainsValid(f.Households) ? n.Households
            : ResidentIdNumber.ContainsValid(f.Amount) ? n.Amount
            : ResidentIdNumber.ContainsValid(f.TargetGroup) ? n.TargetGroup
            : ResidentIdNumber.ContainsValid(f.Parties) ? n.Parties
            : ResidentIdNumber.ContainsValid(f.Programme) ? "programme"
            : ResidentIdNumber.ContainsValid(f.Person) ? null
            : ResidentIdNumber.ContainsValid(otherText) ? "(row)"
            : null;
        return column switch
        {
            null => null,
            "(row)" => new Problem(column, "a column " + Reason, "某列" + Chinese),
            _ => new Problem(column, Reason, Chinese),
        };
    }

    private static string Describe(DivisionScope scope) => scope.IsEmpty ? "(none)" : string.Join(", ", scope.Divisions);

    /// <summary>Validates a row; thread-safe (it touches no builder).</summary>
    internal static Problem? Parse(scoped in Fields f, CatalogHistory? catalogs, Names n, bool codeKnownValid, out Values v)
    {
        v = default;
        if (f.Id.IsWhiteSpace())
        {
            return new Problem(n.Id, "is empty", "为空");
        }
        if (!DayNumber.TryParse(f.Date, out v.Day))
        {
            return new Problem(n.Date, $"'{f.Date}' is not a date of the form yyyy-MM-dd", $"'{f.Date}'不是有效日期（应为年-月-日，如2024-01-05）");
        }
        if (DivisionCode.GetParseError(f.Division, out v.Division) is { } divisionError)
        {
            return new Problem(n.Division, $"division code '{f.Division}' {divisionError}", $"'{f.Division}'不是有效的区划代码（应为6、9或12位数字）");
        }
        if (!codeKnownValid && ServiceCode.GetParseError(f.Item, out _) is { } codeError)
        {
            return new Problem(n.Item, $"service code '{f.Item}' {codeError}", $"'{f.Item}'不是有效的服务代码（如EL或EL.01）");
        }
        if (!ServiceMethodExtensions.TryParse(f.Method, out v.Method))
        {
            return new Problem(n.Method, $"'{f.Method}' is not one of visit, file, casework, group, activity, training, other", $"'{f.Method}'不是服务方式代码（visit、file、casework、group、activity、training、other）之一");
        }
        if (Count(f.PersonTimes, n.PersonTimes, out v.PersonTimes) is { } p1)
        {
            return p1;
        }
        if (Count(f.Households, n.Households, out v.Households) is { } p2)
        {
            return p2;
        }
        if (!f.Amount.IsEmpty)
        {
            if (Money.GetParseError(f.Amount, out var money) is { } moneyError)
            {
                return new Problem(n.Amount, $"'{f.Amount}' {moneyError}", $"'{f.Amount}'不是有效金额（以元计，最多两位小数）");
            }
            if (money.Fen < 0)
            {
                return new Problem(n.Amount, $"'{f.Amount}' is negative", $"'{f.Amount}'为负数");
            }
            v.Fen = money.Fen;
        }
        if (!f.TargetGroup.IsEmpty)
        {
            if (!TargetGroupExtensions.TryParse(f.TargetGroup, out var g))
            {
                return new Problem(n.TargetGroup, $"'{f.TargetGroup}' is not one of hardship, elderly, children, empowerment, disabled", $"'{f.TargetGroup}'不是服务对象代码（hardship、elderly、children、empowerment、disabled）之一");
            }
            v.Group = g;
        }
        if (!LinkagePartiesExtensions.TryParse(f.Parties, out v.Parties))
        {
            return new Problem(n.Parties, $"'{f.Parties}' must be |-separated codes among community, organisation, socialWorker, volunteer, charity", $"'{f.Parties}'应为以|分隔的联动主体代码（community、organisation、socialWorker、volunteer、charity）");
        }
        v.Person = null;
        if (!f.Person.IsEmpty)
        {
            if (PersonKey.GetParseError(f.Person, out var person) is { } personError)
            {
                return new Problem(n.Person, personError, ResidentIdNumber.IsValid(f.Person)
                    ? $"'{ResidentIdNumber.Mask(f.Person)}'是居民身份证号码原文，须先做假名化处理（PersonKey.Pseudonymize）"
                    : $"不是假名化的人员标识（应为{PersonKey.Length}个base64url字符）");
            }
            v.Person = person;
        }
        return catalogs is null ? null : CheckCatalog(f, catalogs, n, v.Day);
    }

    private static Problem? CheckCatalog(scoped in Fields f, CatalogHistory catalogs, Names n, int day)
    {
        var date = DayNumber.ToDate(day);
        var code = ServiceCode.Parse(f.Item);
        var catalog = catalogs.InForceOn(date);
        if (catalog is null)
        {
            return new Problem(n.Item, $"no service catalog is in force on {f.Date}", $"{f.Date}没有生效的服务事项清单");
        }
        if (!catalog.Contains(code))
        {
            return new Problem(n.Item, $"service code '{f.Item}' is not in catalog {catalog.Id}", $"服务代码'{f.Item}'不在服务事项清单{catalog.Id}中");
        }
        return catalog.IsActive(code, date) ? null : new Problem(n.Item, $"service code '{f.Item}' is retired on {f.Date} in catalog {catalog.Id}", $"服务代码'{f.Item}'在{f.Date}已从服务事项清单{catalog.Id}中停用");
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
                var digits = text.TrimStart("+-");
                var tooLarge = digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
                return new Problem(
                    column,
                    tooLarge ? $"'{text}' is too large: at most {int.MaxValue}" : $"'{text}' is not a whole number",
                    tooLarge ? $"'{text}'过大，最大为{int.MaxValue}" : $"'{text}'不是整数");
            }
            return value < 0 ? new Problem(column, $"'{text}' is negative", $"'{text}'为负数") : null;
        }
    }
}
