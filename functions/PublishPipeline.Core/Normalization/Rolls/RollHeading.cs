using System.Text.RegularExpressions;

namespace PublishPipeline.Normalization.Rolls;

/// <summary>A roll heading: the roll's name as written (spaces removed), a count it states, and what follows it on the line.</summary>
internal readonly record struct RollHead(string Group, string? Count, string Rest);

/// <summary>
/// The headings rolls are printed under: 出席議員（１９名）, 欠席議員, 出席委員, 欠席委員, 委員外議員,
/// 出席説明員, 説明者 (committee minutes), 説明のため出席した者の職氏名, 職務のため出席した事務局職員, 議会事務局出席職員氏名, 農業委員会事務局職員 (a body's own staff: a name ending in 会 before 事務局職員),
/// 理事者側出席者, a city's <c>市執行部　【財務部】</c> (its officials, the department in brackets), 応招議員 / 不応招議員 and 応（不応）招議員及び出席並びに欠席議員 (a 町村議会's roll call, <see cref="AttendanceTable"/>), 会議録署名議員 (a committee's 会議録署名委員, a council's 議事録署名人), who made the record (会議録調製者, 記録者: <c>会議録調製者　議会事務局長　西川　直人</c>; a board's <c>○担当書記</c> over <c>総務係長　…</c>), a board's <c>委員出欠</c> over <c>名前（出席）</c>, optionally after a marker (〇) or an item number (<c>３　出席者</c>; <c>５　事務局</c> only so numbered, as
/// committee minutes list their staff: unnumbered, 事務局 is a header field or a speaker) and with entries on the same line
/// (<c>出席委員　　委員長　迫川　高行</c>, <c>欠席委員　　な　し</c>). The closing <c>…の規定により署名する。</c>
/// (a 審議会's <c>…その相違ないことを証するため、ここに署名する。</c>) heads the signatures (議長, 署名議員; 会長, 委員).
/// </summary>
internal static partial class RollHeading
{
    /// <summary>A character every heading holds (出席, 説明員, 事務局, 担当書記, 執行部): lines without one are passed over quickly.</summary>
    private static readonly System.Buffers.SearchValues<char> HeadingChars = System.Buffers.SearchValues.Create("席員者名局記欠執");

    public static bool IsHeading(string label) => Read(label) is not null;

    /// <summary>The brackets after the heading hold a person (水野課長, 水野玲奈君), not a count (１９名, なし, 敬称略).</summary>
    // ○説明員（水野）: a surname alone in the brackets names the speaker too; counts (２名) and notes (敬称略, 順不同) are no surname.
    private static bool NamesSomeone(string inBrackets) =>
        !inBrackets.Any(char.IsDigit) && (People.SpeakerLabelParser.Parse(inBrackets) is { Name: not null }
            || (inBrackets.Length <= 4 && Redaction.Names.NameLexicon.Default.IsSurname(inBrackets)));

    public static RollHead? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > 200 || line.AsSpan().IndexOfAny(HeadingChars) < 0)
        {
            return null;
        }

        if (Signature().IsMatch(line))
        {
            return new RollHead("署名", null, "");
        }

        var m = Heading().Match(line);
        if (!m.Success && SpacedOut().Match(line) is { Success: true } spaced)
        {
            // 出 席 議 員(20人): a heading typed with a space between its characters.
            line = spaced.Groups["mark"].Value + Cleanup.TextCleanup.RemoveSpaces(spaced.Groups["label"].Value) + line[spaced.Length..];
            m = Heading().Match(line);
        }

        if (!m.Success)
        {
            return null;
        }

        var group = Cleanup.TextCleanup.RemoveSpaces(m.Groups["group"].Value);
        var count = m.Groups["count"].Success ? Cleanup.TextCleanup.RemoveSpaces(m.Groups["count"].Value) : null;
        if (count is not null && NamesSomeone(count))
        {
            // ○説明員（水野課長）, ○説明員（水野玲奈君）: a speaker whose office is a roll's name, not a heading and its count.
            return null;
        }

        return new RollHead(group, count, line[m.Length..].Trim(' ', '\u3000', '：', ':'));
    }

    [GeneratedRegex(
        @"^(?:[○◯〇◎●◇◆□■△][ \u3000]*)?(?:[0-9０-９]{1,2}(?:[.．、][ \u3000]*|[ \u3000]+))?(?<group>(?:地方自治法第\d{1,3}条(?:第\d項)?の規定により)?(?:説明のため|職務のため)(?:会議に|議場に|本会議に)?出席した(?:者|議員|委員|職員|事務局職員)(?:の職氏名|の氏名|職氏名|氏名)?|[^\s（(：:、。]{0,8}?(?:出[ \u3000]*席|欠[ \u3000]*席)[^\s（(：:、。]{0,6}?(?:議員|委員|者|員|大臣|補佐人)(?:の職氏名|の氏名|職氏名|氏名)?|応[（(]?(?:不応?)?[）)]?招(?:[・･]不応招)?議員(?:及び|並びに)出席(?:並びに|及び)欠席議員|不?応招(?:議員|委員)|(?:会議録|議事録)署名(?:議員|委員|人)|署名(?:議員|委員)|会議録調製者|会議録作成者|担当書記|(?:委員|議員)出欠(?:状況)?|議事録作成者|調製者|記録者|委員外議員|委員外出席者|説明員|説明者|(?:[市町村区県都道府]|[^\s（(：:、。【]{1,6}[市町村区])?執行部(?=[ \u3000]*(?:[【［\[(（][^】］\]）)]{1,12}[】］\]）)]?[ \u3000]*)?$)|(?:[^\s（(：:、。]{1,8}会)?事務局職?員|(?<=^[0-9０-９]{1,2}(?:[.．、][ \u3000]*|[ \u3000]+))事務局)(?:[ \u3000]*[（(](?<count>[^）)]{0,8})[）)])?(?=[ \u3000：:]|$)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    /// <summary>A label of 3–16 characters with one space between each, then a count, a gap, a colon or the end.</summary>
    [GeneratedRegex(@"^(?<mark>[○◯〇◎●◇◆□■△][ \u3000]*)?(?<label>[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}々](?:[ \u3000][\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}々]){2,15})(?=[ \u3000]*[（(]|[ \u3000]{2}|[ \u3000]*[：:]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedOut();

    // 地方自治法第１２３条第２項の規定によりここに署名する。, a 審議会's 上記会議の経過を記載し、その相違ないことを証するため、ここに署名する。
    [GeneratedRegex(@"^.{0,60}(?:の規定により|相違ない|相違ありません|証するため|証する為).{0,16}?(?:署名|署名押印|記名押印)(?:する|します)[。．]?$", RegexOptions.CultureInvariant)]
    private static partial Regex Signature();
}
