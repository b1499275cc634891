using PublishPipeline.Redaction.Names;
using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.People;

/// <summary>Whether a name seen before a title is the surname alone (山田議員, 佐々木委員) or may be a full name.</summary>
internal static class NameShape
{
    public static bool IsSurnameOnly(string name, NameLexicon lexicon)
    {
        var compact = CompactText.Folded(name);
        var cps = CodePoints(compact);
        if (cps <= 2)
        {
            return true;
        }

        if (!lexicon.IsSurname(compact))
        {
            return false;
        }

        for (var k = 1; k < compact.Length; k++)
        {
            if (!char.IsLowSurrogate(compact[k]) && lexicon.IsSurname(compact.AsSpan(0, k)) && lexicon.IsGivenName(compact.AsSpan(k)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The compact label without its marks, seat number and trailing honorific: ○２０番山田太郎君 → 山田太郎.</summary>
    public static string Core(string label)
    {
        var t = CompactText.Folded(label).AsSpan();
        var start = 0;
        while (start < t.Length && (LeadingMarks.Contains(t[start]) || t[start] is '〔' or '[' or '［' or '(' or '（'))
        {
            start++;
        }

        // A seat number: 20番
        var digits = start;
        while (digits < t.Length && char.IsAsciiDigit(t[digits]))
        {
            digits++;
        }

        if (digits > start && digits < t.Length && t[digits] == '番')
        {
            start = digits + 1;
        }

        var end = t.Length;
        while (end > start && t[end - 1] is '〕' or ']' or '］' or ')' or '）' or '君' or '、' or '。' or '，' or ',')
        {
            end--;
        }

        return t[start..end].ToString();
    }
}
