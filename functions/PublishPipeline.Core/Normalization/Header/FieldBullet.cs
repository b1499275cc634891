using System.Buffers;

namespace PublishPipeline.Normalization.Header;

/// <summary>
/// A bullet before a header field's label, as ward councils and committees mark their header's fields
/// (<c>▽日　時　令和5年6月23日</c>, <c>■開催場所　区役所</c>, <c>▼出席委員　…</c>). These marks are never a speaker's
/// (○ ◎ ◆ are, and <see cref="MarkedField"/> reads those), so the label after one is read as the header reads it
/// unmarked. Before, the first such line began the proceedings: the date, venue and rolls were lost, and the roll's
/// names were left to the dictionary (the ones it did not know were published).
/// </summary>
internal static class FieldBullet
{
    private static readonly SearchValues<char> Bullets = SearchValues.Create("▽▼■▲▶►");

    /// <summary>
    /// The line without its bullet when what follows is a header label or a roll's heading (<paramref name="marked"/>: the
    /// bullet was taken off; the label is then a header item as a numbered one is); the line as it is otherwise.
    /// </summary>
    public static string Strip(string text, out bool marked)
    {
        ArgumentNullException.ThrowIfNull(text);
        marked = false;
        if (text.Length < 3 || !Bullets.Contains(text[0]))
        {
            return text;
        }

        var rest = text[1..].TrimStart(' ', '\u3000');
        marked = rest.Length > 0 && (HeaderLabels.ReadParagraph(rest, marked: true) is not null
            || ValueBelowLabel.LabelAlone(Cleanup.TextCleanup.RemoveSpaces(rest)) is not null || Rolls.RollHeading.Read(rest) is not null);
        return marked ? rest : text;
    }
}
