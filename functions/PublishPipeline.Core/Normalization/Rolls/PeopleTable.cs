using PublishPipeline.Normalization.Cleanup;

namespace PublishPipeline.Normalization.Rolls;

/// <summary>
/// A table whose column head says its cells are people: a 一般質問通告一覧 (順位 | 質問者 | 質問事項),
/// a 委員名簿 (氏名 | 所属), a list of petitions (件名 | 請願者 | 紹介議員). No roll heading stands over it,
/// so before, its rows were run together into one line of the proceedings and the names published.
/// The cell under the head is read as a roll entry of a roll named by the head, so the register masks
/// the person wherever they are named; the row stays in the proceedings as a line of its own, its
/// cells kept apart.
/// </summary>
internal sealed class PeopleTable
{
    /// <summary>Column heads (spaces removed) over cells that hold people.</summary>
    private static readonly HashSet<string> NameHeads = new(StringComparer.Ordinal)
    {
        "氏名", "名前", "質問者", "質問議員", "議員名", "委員名", "紹介議員", "提出者", "賛成者", "発議者", "請願者", "陳情者", "申請者", "受賞者",
    };

    /// <summary>Other column heads tables of minutes use: a row of only these (or people heads) heads a new table.</summary>
    private static readonly HashSet<string> OtherHeads = new(StringComparer.Ordinal)
    {
        "番号", "順位", "順番", "議席", "議席番号", "件名", "議案名", "案件名", "結果", "議決結果", "審査結果", "質問事項", "質問要旨", "要旨",
        "所属", "役職", "職名", "備考", "区分", "住所", "日付", "期日", "内容", "事項", "概要", "出欠", "任期", "団体名",
    };

    private readonly List<(string Head, int Column)> _columns;
    private readonly int _width;

    private PeopleTable(List<(string Head, int Column)> columns, int width)
    {
        _columns = columns;
        _width = width;
    }

    /// <summary>Who the rows named, as written, under the head of their column (質問者, 紹介議員), with the line, in order.</summary>
    public List<(string Head, string Written, int Line)> People { get; } = [];

    /// <summary>The table a row of column heads opens, when one or more of them is a people column; else null.</summary>
    public static PeopleTable? FromHeader(IReadOnlyList<IReadOnlyList<string>> cells)
    {
        var heads = Texts(cells);
        if (heads.Count(h => h.Length > 0) < 2)
        {
            return null;
        }

        var columns = new List<(string, int)>();
        for (var i = 0; i < heads.Count; i++)
        {
            var head = TextCleanup.RemoveSpaces(heads[i]);
            if (head.Length > 8 || head.Contains('。', StringComparison.Ordinal))
            {
                return null; // a row of text, not of column heads
            }

            if (NameHeads.Contains(head) || head.EndsWith("氏名", StringComparison.Ordinal))
            {
                columns.Add((head, i));
            }
        }

        return columns.Count == 0 ? null : new PeopleTable(columns, heads.Count);
    }

    /// <summary>
    /// Column heads with a people column and another that is no seat or number (| 区分 | 氏名 | 所属 |, | 氏名 | 役職 |): under a roll
    /// heading, its rows are no roll lines (a roll's table is | 番号 | 氏名 |, read as seat entries), the people column says the names.
    /// </summary>
    public static bool HeadsBesideNames(IReadOnlyList<IReadOnlyList<string>> cells)
    {
        var heads = Texts(cells).Select(TextCleanup.RemoveSpaces).Where(h => h.Length > 0).ToList();
        return FromHeader(cells) is not null && IsHeads(heads)
            && heads.Exists(h => OtherHeads.Contains(h) && h is not ("番号" or "順位" or "順番" or "議席" or "議席番号"));
    }

    /// <summary>A row of the table: its cells as one line (kept apart by a wide space), the people noted; null when the row is not of this table.</summary>
    public string? Read(IReadOnlyList<IReadOnlyList<string>> cells, int line)
    {
        // Trailing empty cells are dropped, so a row may be narrower than its heads, never wider.
        var texts = Texts(cells);
        if (texts.Count > _width || texts.Count <= _columns[0].Column || IsHeads(texts))
        {
            return null; // another table (its heads: 番号 | 議案名 | 結果), not people
        }

        foreach (var (head, column) in _columns)
        {
            if (column < texts.Count && texts[column].Trim(' ', '\u3000') is { Length: > 0 } person)
            {
                People.Add((head, person, line));
            }
        }

        return Line(texts);
    }

    private static bool IsHeads(List<string> texts)
    {
        var heads = 0;
        foreach (var text in texts)
        {
            var head = TextCleanup.RemoveSpaces(text);
            if (head.Length == 0)
            {
                continue;
            }

            if (!OtherHeads.Contains(head) && !NameHeads.Contains(head) && !head.EndsWith("氏名", StringComparison.Ordinal))
            {
                return false;
            }

            heads++;
        }

        return heads >= 2;
    }

    /// <summary>The cells of a row as one line, each cell's paragraphs and the cells apart by a wide space.</summary>
    public static string Line(IReadOnlyList<IReadOnlyList<string>> cells) => Line(Texts(cells));

    private static string Line(List<string> texts) => string.Join("\u3000", texts.Where(t => t.Length > 0));

    private static List<string> Texts(IReadOnlyList<IReadOnlyList<string>> cells)
    {
        var texts = cells.Select(c => string.Join("\u3000", c).Trim(' ', '\u3000')).ToList();
        while (texts.Count > 0 && texts[^1].Length == 0)
        {
            texts.RemoveAt(texts.Count - 1);
        }

        return texts;
    }
}
