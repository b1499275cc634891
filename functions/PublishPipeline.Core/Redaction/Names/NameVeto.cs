using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// What is not a name however it was found: an ordinary word of the dictionary that is no surname,
/// a function word or pronoun, a role word, or one of the document's own places. A hit that only a
/// context suggested is dropped when vetoed, and nothing vetoed enters the register.
/// </summary>
internal sealed class NameVeto(NameLexicon lexicon, IReadOnlySet<string> places)
{
    public IReadOnlySet<string> Places => places;

    public bool IsNotAName(string compact)
    {
        if (compact.Length == 0 || OrdinaryWords.Contains(compact) || RoleWords.IsRole(compact))
        {
            return true;
        }

        if (places.Contains(compact) || IsPlaceStem(compact))
        {
            return true;
        }

        if (lexicon.IsCommonWord(compact) && !lexicon.IsSurname(compact))
        {
            return true;
        }

        // A word of grammar in hiragana (つきましては, そして) is no name; a given name in hiragana (さくら) may be.
        return AllHiragana(compact) && !lexicon.IsGivenName(compact) && (compact.Contains("まし", StringComparison.Ordinal)
            || compact.EndsWith("ては", StringComparison.Ordinal) || compact.EndsWith("して", StringComparison.Ordinal)
            || compact.EndsWith("ので", StringComparison.Ordinal) || compact.EndsWith("けど", StringComparison.Ordinal));
    }

    private bool IsPlaceStem(string compact)
    {
        foreach (var place in places)
        {
            if (place.Length == compact.Length + 1 && place.StartsWith(compact, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllHiragana(string text)
    {
        foreach (var c in text)
        {
            if (!IsHiragana(c))
            {
                return false;
            }
        }

        return true;
    }
}
