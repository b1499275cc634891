using System.Text.RegularExpressions;
using PublishPipeline.Normalization.Cleanup;

namespace PublishPipeline.Normalization.Proceedings;

/// <summary>Whole-line patterns of the proceedings: agenda headings, narrative (procedure) lines, page debris.</summary>
internal static partial class LinePatterns
{
    /// <summary>
    /// An agenda heading as the samples write them: (1) …, 議案（1）…, 報告事項（1）…, 2. 報告, 1 区からの委嘱…,
    /// 一 開会. Headings are short and do not end a sentence with 。.
    /// </summary>
    public static bool IsSectionHeading(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > 100 || line.EndsWith('。') || line.EndsWith('？') || line.EndsWith('?'))
        {
            return false;
        }

        return NumberedHeading().IsMatch(line) || LabelledHeading().IsMatch(line) || KanjiNumberedHeading().IsMatch(line);
    }

    /// <summary>
    /// A narrative line, kept as procedure rather than speech: 〔事務局：…を説明〕, [午前10時08分 開会],
    /// —了承—, ⇒提案のとおり決定する。, (質疑なし), (以下敬称略), 要旨：… (the secretariat's summary).
    /// Callers check speaker labels like (委員) first; they are parenthesised too.
    /// </summary>
    public static bool IsProcedure(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length == 0)
        {
            return false;
        }

        return Bracketed().IsMatch(line) || DashEnclosed().IsMatch(line) || line[0] is '⇒' or '→' or '＞' || Parenthesised().IsMatch(line)
            || Summary().IsMatch(line) || Caption().IsMatch(line) || line is "以上" or "了" or "閉会" or "開会" || SittingLine().IsMatch(line);
    }

    /// <summary>
    /// 午後２時２６分開議, 午前１１時１２分　散会, 午前10時40分 閉 会 (the word spaced out as a heading is, in village minutes): the
    /// time the sitting opened, broke or closed, a line of its own.
    /// </summary>
    public static bool IsSittingLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return SittingLine().IsMatch(line);
    }

    /// <summary>
    /// 質疑応答, 主な質疑, 意見交換, 討論, 採決 alone on a line: the caption of a part of the business, as summary and
    /// 委員会 minutes write it above the questions and answers. A word, never a sentence: no one says only that.
    /// </summary>
    public static bool IsBusinessCaption(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= 16 && BusinessCaption().IsMatch(line);
    }

    /// <summary>
    /// 日程第１　会議録署名議員の指名 alone on a line: an item of the day's business as 町村議会 minutes caption it between
    /// speeches, with no rule or mark. Not a sentence (日程第２　会期の決定を議題とします。 is the chair speaking).
    /// </summary>
    public static bool IsDayItemCaption(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= 60 && !TextCleanup.EndsSentence(line) && DayItemCaption().IsMatch(line);
    }

    /// <summary>A stage direction after a speaker label: "——— … ———" or "(異議なし)".</summary>
    public static bool IsStageDirection(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsStageDirection(text.AsSpan());
    }

    /// <inheritdoc cref="IsStageDirection(string)"/>
    public static bool IsStageDirection(ReadOnlySpan<char> text) =>
        DashEnclosed().IsMatch(text) || Parenthesised().IsMatch(text) || Bracketed().IsMatch(text);

    /// <summary>Page-break debris left by PDF or Word conversion, and rules between parts: ----\t---, ────, …………, "- 3 -", "3/12".</summary>
    public static bool IsPageDebris(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length > 0 && (Rule().IsMatch(line) || PageNumber().IsMatch(line) || line == "\f");
    }

    /// <summary>
    /// A rule the writer drew between parts: one unbroken run of full-width or box-drawing dashes (━━━━, ――――,
    /// －－－－), its ends marked or not (◇────◇). Unlike a page break, which cuts a sentence, it stands where a part ended, so the line after it starts
    /// a new paragraph. ASCII dashes and runs broken by tabs (----\t---) are a converter's page-break debris.
    /// </summary>
    public static bool IsRule(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return DrawnRule().IsMatch(line);
    }

    /// <summary>A caption such as &lt;令和5年度第1回審議会発言記録&gt;: the document names itself.</summary>
    public static bool IsCaption(string line) => Caption().IsMatch(line);

    /// <summary>
    /// Inline agenda heading after a sentence, as in a cell that swallowed the start of the proceedings:
    /// "…開会します。 1. 議題 (1) 平成30年度…について". Returns where the heading starts, or -1.
    /// </summary>
    public static int FindInlineHeading(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = InlineHeading().Match(text);
        return m.Success ? m.Groups["h"].Index : -1;
    }

    [GeneratedRegex(@"^(?:[(（]\d{1,2}[)）][ \u3000]*\S|\d{1,2}(?:[.．][ \u3000]*|[ \u3000]+)[^\s\d.,、。%％:：年月日時分].{0,60}$)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"^(?:議案|議題|報告事項|報告|協議事項|協議|審議事項|審議|諮問事項|諮問|案件|その他)[ \u3000]*(?:[(（]\d{1,2}[)）]|第\d{1,2}号)", RegexOptions.CultureInvariant)]
    private static partial Regex LabelledHeading();

    [GeneratedRegex(@"^[一二三四五六七八九十]{1,3}[ \u3000、．.][ \u3000]*\S.{0,60}$", RegexOptions.CultureInvariant)]
    private static partial Regex KanjiNumberedHeading();

    [GeneratedRegex(@"^[〔\[［【].*[〕\]］】]$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^[—―─ー\-－]{1,}[ \u3000]*\S.*[—―─ー\-－]$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex DashEnclosed();

    [GeneratedRegex(@"^[(（][^()（）]*[)）](?:[ \u3000]*[(（][^()（）]*[)）])*$", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^日程第[0-9０-９一二三四五六七八九十]{1,3}[ \u3000]+[^\s、，,].*$", RegexOptions.CultureInvariant)]
    private static partial Regex DayItemCaption();

    // 午前１１時１２分　散会 without brackets: the time the sitting opened, broke or closed, never the last speech's words.
    [GeneratedRegex(@"^(?:午前|午後)[ \u3000]*[\d〇一二三四五六七八九十]{1,3}[ \u3000]*時(?:[ \u3000]*[\d〇一二三四五六七八九十]{1,3}[ \u3000]*分|半)?[ \u3000]*(?:[開閉][ \u3000]?[議会]|[散延][ \u3000]?会|休[ \u3000]?憩|再[ \u3000]?開)$", RegexOptions.CultureInvariant)]
    private static partial Regex SittingLine();

    [GeneratedRegex(@"^[ \u3000]*[【［〈<＜]?(?:主な|主要な)?(?:質疑応答|質疑・応答|質疑及び応答|質疑|質問|意見交換|意見|討論|採決|協議|審議)(?:等|など)?(?:[(（]続[)）])?[】］〉>＞]?[ \u3000]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BusinessCaption();

    [GeneratedRegex(@"^(?:要旨|概要|要点)[ \u3000]*[：:]", RegexOptions.CultureInvariant)]
    private static partial Regex Summary();

    [GeneratedRegex(@"^[<＜〈《].+[>＞〉》]$", RegexOptions.CultureInvariant)]
    private static partial Regex Caption();

    [GeneratedRegex(@"^[\-‐―─━=＝_～~…‥－—\s]{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Rule();

    // ◇─────◇, ○━━━━○: assembly minutes mark the ends of the rule between items.
    [GeneratedRegex(@"^[ \t\u3000]*[◇◆○◎〇□■]?[━─―－＝—]{3,}[◇◆○◎〇□■]?[ \t\u3000]*$", RegexOptions.CultureInvariant)]
    private static partial Regex DrawnRule();

    [GeneratedRegex(@"^(?:[-－‐―]\s*\d{1,3}\s*[-－‐―]|\d{1,3}\s*/\s*\d{1,3}|[(（]?\s*\d{1,3}\s*ページ\s*[)）]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"[。．][ \u3000]+(?<h>\d{1,2}[.．][ \u3000]*[^\s\d]{1,10}[ \u3000]*[(（]\d{1,2}[)）].*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex InlineHeading();
}
