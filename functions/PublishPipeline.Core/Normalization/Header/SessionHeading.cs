using System.Text.RegularExpressions;

namespace PublishPipeline.Normalization.Header;

/// <summary>
/// The first line of assembly minutes names the meeting without a label: <c>平成３１年第１回定例会 本会議録</c>,
/// <c>茨城県議会定例会会議録　　第３号</c>, <c>白馬村議会　平成22年第1回定例会（定例会）　第1日</c>,
/// <c>議会運営委員会記録</c>, <c>第２００回国会　衆議院　本会議　第１号</c>. Such a line is short, ends no
/// sentence, and holds a word for a sitting (定例会, 臨時会, 本会議, 国会, 議会, 委員会, 審議会 …) or a
/// document type (会議録, 議事録, 議事要旨, 議事概要, …記録).
/// </summary>
internal static partial class SessionHeading
{
    public static bool IsHeading(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length is < 3 or > 80 || line.AsSpan().IndexOfAny("。、？！「") >= 0 || line[0] is '○' or '◯' or '〇' or '◎' or '(' or '（' or '〔' or '[' or '【')
        {
            return false;
        }

        return Meeting().IsMatch(Cleanup.TextCleanup.RemoveSpaces(line));
    }

    /// <summary>True when the line ends with a document type (会議録, 委員会記録): a title line even after header fields.</summary>
    public static bool EndsWithDocumentType(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return IsHeading(line) && DocumentType().IsMatch(Cleanup.TextCleanup.RemoveSpaces(line));
    }

    /// <summary>
    /// A line that is the session and nothing else (<c>令和５年第２０回定例会</c>, <c>第３回臨時会</c>), as a board's minutes write it
    /// under the title: the session (第20回定例会); null otherwise. Before, it began the proceedings and the header below it was lost.
    /// A board (選挙管理委員会, 農業委員会) names its sittings 第１回臨時委員会 / 第３回定例会議: read the same.
    /// </summary>
    public static string? SessionAlone(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > 30)
        {
            return null;
        }

        var compact = Cleanup.TextCleanup.RemoveSpaces(line);
        return SessionOnly().IsMatch(compact) ? TitleParser.Parse(compact).Session : null;
    }

    /// <summary>
    /// The sitting and its day on one line under a title of the year: <c>令和6年度 総務委員会</c> over <c>第6回委員会 (8月18日)</c>, as a
    /// city's 委員会 pages head each sitting. The day with the title's 年度 is the date (January to March are the next calendar year);
    /// null when the line is not so, or the title names no 年度 (the session is still read, not the date).
    /// Before, the line ended the header: the rolls below it were speeches and the minutes had no date.
    /// </summary>
    public static (string Session, string? Date)? SessionWithDay(string line, string title)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(title);
        if (line.Length > 40)
        {
            return null;
        }

        var m = SittingDay().Match(Cleanup.TextCleanup.RemoveSpaces(line));
        if (!m.Success)
        {
            return null;
        }

        var session = $"第{Number(m.Groups["n"].ValueSpan)}回";
        if (Dates.JapaneseDates.FindFiscalYear(title) is not { } fiscal)
        {
            return (session, null);
        }

        var month = Number(m.Groups["m"].ValueSpan);
        var year = month <= 3 ? fiscal + 1 : fiscal;
        return (session, $"{year}年{month}月{Number(m.Groups["d"].ValueSpan)}日");
    }

    // ８月 as well as 8月: any width of digits.
    private static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
        {
            n = (n * 10) + (int)char.GetNumericValue(c);
        }

        return n;
    }

    [GeneratedRegex(@"^第(?<n>\d{1,3})回(?:定例|臨時)?(?:委員会|会議|会)[（(](?<m>\d{1,2})月(?<d>\d{1,2})日(?:[（(][月火水木金土日](?:曜日?)?[）)])?[）)]$", RegexOptions.CultureInvariant)]
    private static partial Regex SittingDay();

    [GeneratedRegex(@"^(?:(?:令和|平成|昭和)(?:元|\d{1,2})年度?|(?:19|20)\d{2}年度?)?第\d{1,3}回(?:定例|臨時)(?:会|委員会|会議)$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionOnly();

    // 議事要旨 / 会議要旨 / 議事概要 / 会議概要: the paper of a 審議会 or 会議 (第２回子ども・子育て会議　議事要旨, a town's
    // …子ども・子育て会議概要) that keeps no verbatim record. 会議概要 only so, at the end: alone, it is the proceedings' label (read before).
    [GeneratedRegex(@"定例会|臨時会|本会議|国会|議会|委員会|審議会|協議会|懇談会|懇話会|検討会|部会|会議録|議事録|会議要録|議事要旨|議事要録|会議要旨|議事概要|会議概要$|記録$", RegexOptions.CultureInvariant)]
    private static partial Regex Meeting();

    [GeneratedRegex(@"(?:会議録|議事録|会議要録|議事要旨|議事要録|会議要旨|議事概要|記録)(?:第(?:\d{1,3}|[一二三四五六七八九十百]{1,4})号)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentType();
}
