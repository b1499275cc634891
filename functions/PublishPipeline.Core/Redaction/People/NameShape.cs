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
}
