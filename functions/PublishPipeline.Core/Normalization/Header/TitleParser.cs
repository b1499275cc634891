using System.Text.RegularExpressions;
using PublishPipeline.Normalization.Dates;

namespace PublishPipeline.Normalization.Header;

/// <summary>What a meeting's name says: the standing body, the 回次 and the 年度.</summary>
internal readonly record struct TitleParts(string? Body, string? Session, int? FiscalYear);

/// <summary>
/// Splits 会議体の名称 into the standing body and the parts that change per meeting:
/// 平成30年度 第1回豊島区行政情報化推進本部 → 豊島区行政情報化推進本部 / 第1回 / 2018;
/// 平成30年度 未来戦略創出会議(第2回) → 未来戦略創出会議 / 第2回; 第10期第5回練馬区… → 第10期第5回.
/// </summary>
internal static partial class TitleParser
{
    public static TitleParts Parse(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var fiscal = JapaneseDates.FindFiscalYear(title);
        string? session = null;
        var s = Session().Match(title);
        if (s.Success)
        {
            session = Cleanup.TextCleanup.RemoveSpaces(s.Groups["period"].Value + s.Groups["round"].Value);
        }

        var body = Session().Replace(title, " ", 1);
        // Assembly minutes: 令和元年第３回定例会, ９月定例会, 定例会 … the sitting (第4号, 第1日, （ 8月18日）) and the year are not the body.
        var kind = SessionKind().Match(body);
        if (kind.Success)
        {
            session = Cleanup.TextCleanup.RemoveSpaces((session ?? "") + kind.Groups["month"].Value + kind.Groups["kind"].Value);
            body = SessionKind().Replace(body, " ", 1);
        }

        // 第１５回（定例）教育委員会: the bracketed kind of sitting belongs to the meeting, not the body.
        body = BracketedKind().Replace(body, " ");
        body = FiscalYearWords().Replace(body, " ");
        body = EraYear().Replace(body, " ");
        body = Sitting().Replace(body, " ");
        body = DocumentType().Replace(body.TrimEnd(' ', '\u3000'), "");
        body = DocumentType().Replace(body.TrimEnd(' ', '\u3000'), "");
        body = Spaces().Replace(body, " ").Trim(' ', '\u3000', '・', '　');
        return new TitleParts(body.Length == 0 ? null : body, session, fiscal);
    }

    /// <summary>The title without a trailing document type (会議録, 会議要録, 議事録 …): those name the paper, not the meeting (本会議録 keeps 本会議).</summary>
    public static string StripDocumentType(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var trimmed = title.Trim(' ', '\u3000');
        if (trimmed.EndsWith("本会議録", StringComparison.Ordinal))
        {
            return trimmed[..^1];
        }

        return DocumentType().Replace(title, "").Trim(' ', '\u3000');
    }

    /// <summary>Session (回次) alone, e.g. from a caption: 令和5年度第1回審議会発言記録 → 第1回.</summary>
    public static string? FindSession(string text)
    {
        var s = Session().Match(text);
        return s.Success ? Cleanup.TextCleanup.RemoveSpaces(s.Groups["period"].Value + s.Groups["round"].Value) : null;
    }

    [GeneratedRegex(@"[(（]?(?<period>第[ \u3000]*\d{1,3}[ \u3000]*期[ \u3000]*)?(?<round>第[ \u3000]*\d{1,3}[ \u3000]*回)(?:目(?=[のに、 \u3000]|$))?[)）]?", RegexOptions.CultureInvariant)]
    private static partial Regex Session();

    [GeneratedRegex(@"(?:令和|平成|昭和)[ \u3000]*(?:元|\d{1,2})[ \u3000]*年度|(?:19|20)\d{2}[ \u3000]*年度", RegexOptions.CultureInvariant)]
    private static partial Regex FiscalYearWords();

    // …子ども・子育て会議概要: after a word (て, 進 …) 概要 is the paper and 会議 the body's; after a body (…審議会, …本部), a
    // number (第２回, （第２回）) or a gap, 会議概要 is the paper.
    [GeneratedRegex(@"[ \u3000]*(?:(?<=本会議)録|会議録|会議要録|議事録|議事要旨|議事要録|会議要旨|議事概要|発言記録|要点記録|(?<![\p{L}-[会部局所回号議]])会議概要|(?<=会議)概要|会議記録|要録|(?<=委員会)記録|本文)$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentType();

    [GeneratedRegex(@"(?<month>\d{1,2}[ \u3000]*月[ \u3000]*)?(?<kind>定例会|臨時会|定例議会|臨時議会)(?:[（(](?:定例会|臨時会)[）)])?", RegexOptions.CultureInvariant)]
    private static partial Regex SessionKind();

    [GeneratedRegex(@"[（(][ \u3000]*(?:定例|臨時)(?:会)?[ \u3000]*[）)]", RegexOptions.CultureInvariant)]
    private static partial Regex BracketedKind();

    [GeneratedRegex(@"(?:令和|平成|昭和)[ \u3000]*(?:元|\d{1,2})[ \u3000]*年(?!度)|(?<!\d)(?:19|20)\d{2}[ \u3000]*年(?!度)", RegexOptions.CultureInvariant)]
    private static partial Regex EraYear();

    [GeneratedRegex(@"[（(][ \u3000]*(?:第[ \u3000]*\d{1,3}[ \u3000]*[日号][^）)]{0,16}|\d{1,2}[ \u3000]*月[ \u3000]*\d{1,2}[ \u3000]*日)[）)]|第[ \u3000]*\d{1,3}[ \u3000]*[日号]", RegexOptions.CultureInvariant)]
    private static partial Regex Sitting();

    [GeneratedRegex(@"[ \u3000]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
