using PublishPipeline.Model;
using PublishPipeline.Normalization.People;

namespace PublishPipeline.Normalization.Rolls;

/// <summary>
/// A vote tally (採決, 表決, 審議結果) that gives each member a column: the head row names the members
/// between the item's columns and 結果 (<c>議案 | 件名 | 概要 | 宇佐木 | 東 | 結果</c>), and each item's row
/// puts a mark under every member (<c>第1号 | … | ○ | × | 可決</c>). 選挙管理委員会 and 農業委員会 minutes
/// and a council's 賛否一覧 write it so. Before, the heads were read by nobody: a surname the register
/// did not know from elsewhere was published in the head row. The cells may be split by bars, tabs,
/// runs of spaces or lines (an HTML table's cells, one to a line); the members are as many heads
/// before 結果 as a row below has marks before its result.
/// </summary>
internal static class VoteTally
{
    private static readonly string[] ResultHeads = ["結果", "審議結果", "採決結果", "表決結果", "議決結果", "賛否結果"];

    private static readonly string[] Marks = ["○", "〇", "◯", "×", "✕", "△", "－", "-", "―", "‐", "ー", "賛", "否", "賛成", "反対", "欠", "欠席", "退席", "棄権"];

    private static readonly System.Buffers.SearchValues<char> MarkChars = System.Buffers.SearchValues.Create("○〇◯×✕△－賛否");

    private static readonly char[] Bars = ['|', '｜'];
    private static readonly char[] Tab = ['\t'];
    private static readonly char[] Spaces = [' ', '\u3000', '\t'];

    /// <summary>
    /// Whether <paramref name="text"/> may hold a tally: a result head (結果) or a vote by member (賛否, 採決, 表決).
    /// What has none of them is not read (most turns of the proceedings).
    /// </summary>
    public static bool SpeaksOfVote(string text) =>
        text.Contains("結果", StringComparison.Ordinal) || SpeaksOfMemberVote(text);

    private static bool SpeaksOfMemberVote(string text) => text.Contains("賛否", StringComparison.Ordinal)
        || text.Contains("採決", StringComparison.Ordinal) || text.Contains("表決", StringComparison.Ordinal);

    /// <summary>
    /// The members a tally in <paramref name="text"/> heads its columns with; empty when there is none. Its rows may
    /// run on into <paramref name="next"/> (the next turn's text), whose own heads are left to it.
    /// </summary>
    public static List<PersonMention> Read(string text, string? next, KnownPeople? known)
    {
        ArgumentNullException.ThrowIfNull(text);
        var members = new List<PersonMention>();
        RowHeads(text, known, members);
        if (!HasResultHead(text))
        {
            // Most texts that say 結果 say it in a sentence (審議結果を報告します): no cell of theirs is a result head, and
            // the heads are read no further. Splitting every such turn and the next into cells was most of what
            // normalising a document's people allocated (docs/scale.md, round 19).
            return members;
        }

        var cells = new List<string>();
        AddCells(text, cells);
        var own = cells.Count;
        if (next is not null)
        {
            AddCells(next, cells);
        }

        for (var r = 1; r < own; r++)
        {
            if (Array.IndexOf(ResultHeads, cells[r]) < 0 || MarksInRowBelow(cells, r) is not (> 0 and var count) || count > r)
            {
                continue;
            }

            var heads = cells.GetRange(r - count, count);
            if (!heads.TrueForAll(IsMemberHead))
            {
                continue;
            }

            foreach (var head in heads)
            {
                members.Add(Member(head, known));
            }
        }

        return members;
    }

    /// <summary>
    /// A council's 賛否一覧 by member: a row of a name (after a seat number or not) and two or more marks only
    /// (<c>３ 宇佐木健 ○ × ○</c>), in a text that speaks of a vote (賛否, 採決, 表決).
    /// </summary>
    private static void RowHeads(string text, KnownPeople? known, List<PersonMention> members)
    {
        if (!SpeaksOfMemberVote(text))
        {
            return;
        }

        var row = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (line.AsSpan().IndexOfAny(MarkChars) < 0)
            {
                continue;
            }

            row.Clear();
            AddCells(line, row);
            var first = row.Count > 0 && row[0].All(char.IsDigit) ? 1 : 0;
            if (row.Count - first < 3 || !IsMemberHead(row[first]))
            {
                continue;
            }

            var marks = true;
            for (var i = first + 1; i < row.Count && marks; i++)
            {
                marks = Array.IndexOf(Marks, row[i]) >= 0;
            }

            if (marks)
            {
                members.Add(Member(row[first], known));
            }
        }
    }

    private static PersonMention Member(string head, KnownPeople? known)
    {
        var parts = WrittenName.Read(head, known);
        return parts.GivenName is null
            ? new PersonMention { Written = head, FamilyName = head }
            : new PersonMention { Written = head, Name = parts.Name, FamilyName = parts.FamilyName, GivenName = parts.GivenName };
    }

    /// <summary>
    /// How many mark cells stand together before the first result cell after the head (<c>○ ○ × 可決</c>: 3),
    /// looked for within the next few rows; 0 when none.
    /// </summary>
    private static int MarksInRowBelow(List<string> cells, int head)
    {
        var run = 0;
        for (var i = head + 1; i < cells.Count && i <= head + 80; i++)
        {
            if (Array.IndexOf(Marks, cells[i]) >= 0)
            {
                run++;
                continue;
            }

            if (run > 0)
            {
                return run; // the result (可決), or the next row's first cell
            }
        }

        return 0;
    }

    /// <summary>A head that may name a member: one to eight name characters, no mark, office, party or item word.</summary>
    private static bool IsMemberHead(string cell)
    {
        var compact = WrittenName.Compact(cell);
        return compact.Length is >= 1 and <= 8 && Array.IndexOf(Marks, compact) < 0 && SpeakerLabelParser.AllNameChars(compact)
            && compact.All(c => NameScript.IsKanji(c) || NameScript.IsKatakana(c) || c is >= 'ぁ' and <= 'ゖ')
            && OfficeWords.TitleAtEnd(compact) is null && !OfficeWords.IsOfficeWord(compact) && !OfficeWords.IsNotName(compact)
            && !IsItemHead(compact) && !IsCaucus(compact);
    }

    private static bool IsItemHead(string word) => word is "議案" or "件名" or "概要" or "内容" or "要旨" or "番号" or "議案番号" or "案件" or "議題"
        or "提出者" or "区分" or "備考" or "名" or "件" or "賛否" or "結果" or "採決" or "表決" or "意見" or "付託" or "委員会";

    // Council tallies by caucus (自民党, 市民クラブ, 無所属): a group, no person.
    private static bool IsCaucus(string word) => word.EndsWith('党') || word.EndsWith('会') || word.EndsWith('派') || word.EndsWith("クラブ", StringComparison.Ordinal)
        || word.EndsWith("ネット", StringComparison.Ordinal) || word.StartsWith("無所属", StringComparison.Ordinal) || word is "賛成" or "反対" or "合計" or "計";

    /// <summary>Whether a cell of <paramref name="text"/>, split as <see cref="AddCells"/> splits it, is a result head; no string made.</summary>
    private static bool HasResultHead(string text)
    {
        if (!text.Contains("結果", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var lineRange in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(lineRange);
            var separators = line.IndexOfAny('|', '｜') >= 0 ? Bars : line.Contains('\t') ? Tab : Spaces;
            foreach (var cellRange in line.SplitAny(separators))
            {
                var cell = line[cellRange].Trim();
                foreach (var head in ResultHeads)
                {
                    if (cell.SequenceEqual(head))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The text's cells in order: a line split at bars or tabs when it has them, else at runs of spaces.</summary>
    private static void AddCells(string text, List<string> cells)
    {
        foreach (var line in text.Split('\n'))
        {
            var separators = line.AsSpan().IndexOfAny('|', '｜') >= 0 ? Bars : line.Contains('\t', StringComparison.Ordinal) ? Tab : Spaces;
            foreach (var cell in line.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                cells.Add(cell);
            }
        }
    }
}
