using PublishPipeline.Normalization.Cleanup;

namespace PublishPipeline.Normalization.Proceedings;

/// <summary>One row of a speaker table: the role and speaker cells (null when empty: the row continues the speech above) and the speech.</summary>
internal sealed record TableSpeech(string? Role, string? Name, IReadOnlyList<string> Paragraphs);

/// <summary>
/// Proceedings exported as a table with a header row naming its columns, e.g. a council's TSV
/// <c>発言順	役職	発言者	発言</c>, one row per speech and continuation rows whose speaker cells are
/// empty. The header row says which cell is the role (役職, 職名), the speaker (発言者, 氏名) and the
/// speech (発言, 発言内容, 本文); other cells (発言順) are ignored.
/// </summary>
internal sealed class SpeakerTable
{
    private static readonly string[] RoleHeaders = ["役職", "職名", "役職名", "肩書", "発言者役職"];
    private static readonly string[] NameHeaders = ["発言者", "氏名", "発言者名", "発言者氏名", "名前", "話者"];
    private static readonly string[] SpeechHeaders = ["発言", "発言内容", "本文", "内容", "発言要旨"];

    private readonly int _role;
    private readonly int _name;
    private readonly int _speech;

    private SpeakerTable(int role, int name, int speech) => (_role, _name, _speech) = (role, name, speech);

    /// <summary>The table a header row opens, or null when the row is no such header.</summary>
    public static SpeakerTable? FromHeader(IReadOnlyList<IReadOnlyList<string>> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count < 2)
        {
            return null;
        }

        int role = -1, name = -1, speech = -1;
        for (var i = 0; i < cells.Count; i++)
        {
            var text = TextCleanup.RemoveSpaces(string.Join("", cells[i]));
            if (role < 0 && RoleHeaders.Contains(text, StringComparer.Ordinal))
            {
                role = i;
            }
            else if (name < 0 && NameHeaders.Contains(text, StringComparer.Ordinal))
            {
                name = i;
            }
            else if (speech < 0 && SpeechHeaders.Contains(text, StringComparer.Ordinal))
            {
                speech = i;
            }
        }

        return speech >= 0 && (role >= 0 || name >= 0) && speech > Math.Max(role, name) ? new SpeakerTable(role, name, speech) : null;
    }

    /// <summary>A row of the table, or null when the row has no speech cell.</summary>
    public TableSpeech? Read(IReadOnlyList<IReadOnlyList<string>> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count <= _speech)
        {
            return null;
        }

        var paragraphs = new List<string>();
        for (var i = _speech; i < cells.Count; i++)
        {
            paragraphs.AddRange(cells[i].Where(p => p.Length > 0));
        }

        return new TableSpeech(Cell(cells, _role), Cell(cells, _name), paragraphs);
    }

    private static string? Cell(IReadOnlyList<IReadOnlyList<string>> cells, int index)
    {
        if (index < 0 || index >= cells.Count)
        {
            return null;
        }

        // ○議長: the bullet of a speaker cell is no part of the role or the name.
        var text = SpeakerLabels.WithoutBullet(string.Join(" ", cells[index]).Trim(' ', '\u3000'));
        return text.Length == 0 ? null : text;
    }
}
