using System.Text.RegularExpressions;

namespace PublishPipeline.Normalization.Proceedings;

/// <summary>
/// A speaker written with the closing bracket only, at the start of the line: <c>山岸委員長)ただ今から…</c>,
/// <c>財務部長)それでは…</c>, as some city councils' 委員会 pages write their speakers. Only a label that reads as an office or a
/// name and title (it ends in one: 委員長, 部長, 委員) is taken, and only where no sentence was cut above it: a line that
/// goes on with a bracket the line above opened (…（財務部長）) is no new speaker. Before, the label was text and every
/// speech ran into the turn above.
/// </summary>
internal static partial class ClosingBracketLabel
{
    public static SpeakerLine? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length < 4 || line.AsSpan(0, Math.Min(line.Length, 18)).IndexOfAny(')', '）') < 2)
        {
            return null;
        }

        var m = Label().Match(line);
        if (!m.Success)
        {
            return null;
        }

        var label = m.Groups["label"].ValueSpan;
        return People.OfficeWords.TitleAtEnd(label) is not null && SpeakerLabels.IsRoleLike(label)
            ? new SpeakerLine(LabelStyle.Parenthesised, label.ToString(), m.Groups["text"].Value.Trim(' ', '\u3000'))
            : null;
    }

    [GeneratedRegex(@"^(?<label>[^\s、。，,「」『』：:()（）\[\]〔〕【】・]{2,16})[)）][ \u3000]*(?<text>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Label();
}
