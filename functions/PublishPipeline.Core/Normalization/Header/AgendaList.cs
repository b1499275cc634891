using System.Text.RegularExpressions;

namespace PublishPipeline.Normalization.Header;

/// <summary>
/// The agenda as assembly minutes print it before the proceedings: a heading (<c>○議事日程</c>, <c>１．議事日程</c>,
/// <c>〇本日の会議に付した事件</c>, <c>協議事項</c>) or none, then items (<c>日程第　１　会議録署名議員の指名について</c>,
/// <c>第　１　会期の決定</c>, <c>１、諸課題について</c>), a long item wrapped onto indented lines.
/// </summary>
internal static partial class AgendaList
{
    public static bool IsHeading(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= 40 && Heading().IsMatch(Cleanup.TextCleanup.RemoveSpaces(line));
    }

    /// <summary>The heading restates the agenda already read (本日の会議に付した事件 after 議事日程).</summary>
    public static bool Restates(string line) => Cleanup.TextCleanup.RemoveSpaces(line).Contains("付した事件", StringComparison.Ordinal) || line.Contains("付議事件", StringComparison.Ordinal);

    /// <summary>The list written as a reference to the agenda (議事日程のとおり, 議事日程（第１号）に同じ, 日程のとおり).</summary>
    public static bool RefersToAgenda(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= 30 && ByReference().IsMatch(Cleanup.TextCleanup.RemoveSpaces(line));
    }

    public static bool IsItem(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= 200 && Item().IsMatch(line);
    }

    /// <summary>
    /// An item of 本日の会議に付した事件 written without a number, as a metropolitan assembly's 速記録 list them (<c>議員の辞職について</c>,
    /// <c>交通局関係</c> over <c>報告事項(質疑)</c> and <c>・経営計画について</c>): a short line, no sentence, no time and no speaker's label
    /// (関係 names a department's business, not an office). The list ends at the first marked speaker (○野口委員長).
    /// </summary>
    public static bool IsUnnumberedItem(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim(' ', '\u3000');
        if (trimmed.Length is < 2 or > 40 || trimmed.AsSpan().IndexOfAny("。．") >= 0 || trimmed[0] is '○' or '◯' or '〇' or '◎' or '●'
            || DatedHeading.IsOpeningTime(trimmed) || DatedHeading.IsClosingTime(trimmed) || DatedHeading.IsDatedHeading(trimmed))
        {
            return false;
        }

        return Proceedings.SpeakerLabels.Read(trimmed).Style == Proceedings.LabelStyle.None || trimmed.EndsWith("関係", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[○◯〇◎●◇◆□■△]?(?:[0-9０-９]{1,2}[.．、]?)?(?:議事日程(?:[（(]?第[\d一二三四五六七八九十]{1,4}号[）)]?)?|本日の会議に付(?:議)?した事件|会議に付した事件|付議事件|協議事項|審査事項|調査事項|審議事項|報告事項|案件|日程)$", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[（(]?(?:議事)?日程(?:[（(]?第[\d一二三四五六七八九十]{1,4}号[）)]?)?(?:のとおり|の通り|に同じ|と同じ)[。．]?[）)]?$", RegexOptions.CultureInvariant)]
    private static partial Regex ByReference();

    [GeneratedRegex(@"^(?:日[ \u3000]*程[ \u3000]*)?第[ \u3000]*[\d一二三四五六七八九十]{1,4}[ \u3000]+\S|^日程第[ \u3000]*\d{1,3}(?:[ \u3000]|から|ない)|^\d{1,2}[、．.][ \u3000]*\S|^[（(][^）)\d]{1,12}[）)]$|^追加日程", RegexOptions.CultureInvariant)]
    private static partial Regex Item();
}
