using PublishPipeline.Model;
using PublishPipeline.Normalization.People;
using PublishPipeline.Normalization.Rolls;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Normalization.Proceedings;

/// <summary>
/// A line of the proceedings that is a role word and a person's name and nothing else (<c>講師　真鍋健太郎</c>,
/// <c>司会：大西　勇</c>, <c>担当：ジャン・ポール・マルタン</c>): who had a part, written as a programme or a
/// roll writes it, not the role speaking the name. Before, such a line was a speech of 講師 whose text was the
/// name, so the register never held it (only a redactor check masked it).
/// </summary>
internal static class RoleNameLine
{
    private static readonly char[] SpaceChars = [' ', '\u3000'];

    // Who had a part in the meeting, as a programme lists them: in minutes that mark their speakers (○…), only these
    // open such a line, since an office and a name there is text read out (a letter's sender, 茨城県知事　大井川　和彦).
    private static readonly string[] JobWords =
    [
        "講師", "司会", "司会者", "担当", "担当者", "記録", "記録者", "説明者", "報告者", "発表者", "書記", "速記", "手話通訳",
        "要約筆記", "進行", "助言者", "コーディネーター", "ファシリテーター",
    ];

    /// <summary>Whether a label and its text are such a line: the label a bare role, the text only a name (a note in brackets after it at most).</summary>
    public static bool Is(string? label, string text, bool marked) =>
        label is not null && (!marked || JobWords.Contains(label)) && Value(label, text) is not null;

    /// <summary>A text that is only a count of people (３名, 12人, ２名程度): after a role word (傍聴者　３名) a note of how many came, not a speech.</summary>
    public static bool IsCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.AsSpan().Trim(" \u3000");
        if (t.EndsWith("程度", StringComparison.Ordinal))
        {
            t = t[..^2];
        }

        var digits = t.Length - t.TrimStart("0123456789０１２３４５６７８９").Length;
        return digits is >= 1 and <= 4 && t.Length == digits + 1 && t[^1] is '名' or '人';
    }

    /// <summary>The person such a line names, with the label as the role; null when the line is none, or when no reader reads its name (the redactor's label rule then reads the text).</summary>
    public static PersonMention? Read(string line, KnownPeople? known)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > 40)
        {
            return null;
        }

        var label = SpeakerLabels.Read(line);
        if (label.Style is not (LabelStyle.Space or LabelStyle.Colon) || label.Speaker is not { } role || Value(role, label.Text) is not { } value)
        {
            return null;
        }

        var person = RollEntryShapes.BareEntry(value, known) ?? SpacedName(value, known);
        return person is null ? null : person with { Written = line.Trim(SpaceChars), Role = role };
    }

    /// <summary>The name part of the text (without a note in brackets after it), or null when the text is more than a name.</summary>
    private static string? Value(string label, string text)
    {
        // The label is a role alone: 山田委員　… names the speaker already, and its text is a speech.
        if (label.Length > 12 || SpeakerLabelParser.Parse(label) is { Name: not null } || label.AsSpan().IndexOfAny("（()）") >= 0)
        {
            return null;
        }

        var value = text.Trim(SpaceChars);
        var note = value.Length > 2 && value[^1] is '）' or ')' ? value.LastIndexOfAny(['（', '(']) : -1;
        if (note > 0)
        {
            value = value[..note].TrimEnd(SpaceChars); // 講師　アナ・コワルスカ（北浜大学）
        }

        var compact = WrittenName.Compact(value);
        // 茨城県議会議長　川　津　　隆　殿: an address with its honorific is a letter's, and a name with one is the redactor's to read.
        if (compact.EndsWith('殿') || compact.EndsWith('様') || compact.EndsWith('君') || compact.EndsWith('氏') || compact.EndsWith("さん", StringComparison.Ordinal)
            || compact.EndsWith("先生", StringComparison.Ordinal))
        {
            return null;
        }

        if (compact.Length is < 2 or > 20 || !SpeakerLabelParser.AllNameChars(compact) || compact.Any(c => c is >= '\u3041' and <= '\u309F')
            || OfficeWords.IsOfficeWord(compact) || OrganisationMarks.Holds(compact))
        {
            return null;
        }

        // A kanji value is a name only when a reader reads it as one (委員長　休憩 is the chair's word); a katakana or
        // Latin one (ジャン・ポール・マルタン, コワルスカ) is left to the redactor's rule for a label's value, which
        // masks it and holds what it cannot tell from a loanword.
        return compact.Any(c => NameScript.IsKatakana(c) || char.IsAsciiLetter(c) || c is >= 'Ａ' and <= 'ｚ')
            || RollEntryShapes.BareEntry(value, null) is not null || SpacedName(value, null) is not null
            ? value
            : null;
    }

    /// <summary>真鍋　健太郎: a name written surname and given name apart, as rolls write one.</summary>
    private static PersonMention? SpacedName(string value, KnownPeople? known)
    {
        if (value.AsSpan().IndexOfAny(SpaceChars) < 0 || value.Any(c => c is >= '\u3041' and <= '\u309F'))
        {
            return null;
        }

        var parts = WrittenName.Read(value, known);
        return parts is { Name: { } name, FamilyName: { } family, GivenName: { } given } && family.Length <= 4 && given.Length <= 4
            && !OfficeWords.IsOfficeWord(family) && !OfficeWords.IsOfficeWord(given)
            ? new PersonMention { Written = value, Name = name, FamilyName = family, GivenName = given }
            : null;
    }
}
