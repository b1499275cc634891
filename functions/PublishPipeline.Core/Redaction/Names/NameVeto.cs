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

    /// <param name="fromStructure">A roll entry or label: a surname spelt like a place stem (田村 beside 田村市) is still a name there.</param>
    /// <param name="rollSurname">A bare roll entry its roll gives a post (東雲、宮之森の各委員): a word of the dictionary is still a surname there.</param>
    public bool IsNotAName(string compact, bool fromStructure = false, bool rollSurname = false)
    {
        if (compact.Length == 0 || OrdinaryWords.Contains(compact) || RoleWords.IsRole(compact))
        {
            return true;
        }

        // 市, 区, 課: a character that builds offices and counters is no name alone.
        if (compact.Length == 1 && OfflineNameRecognizer.Morphemes.Contains(compact[0]))
        {
            return true;
        }

        // 市長付, 議長代理: a post inside is an office, not a person.
        for (var k = 0; k < compact.Length - 1; k++)
        {
            if (RoleWords.MatchAt(compact, k) is { Text.Length: >= 2 })
            {
                return true;
            }
        }

        if (places.Contains(compact) || (!fromStructure && IsPlaceStem(compact)))
        {
            return true;
        }

        if (lexicon.IsCommonWord(compact) && !lexicon.IsSurname(compact) && !rollSurname)
        {
            return true;
        }

        // の right after a kanji, inside (ゼロ歳児のお子): a phrase, not a name (しのぶ, よしのり, ゆきの are names). In a roll
        // or label, a kanji surname and a hiragana given name that opens with の (川端のぶあき, 宇野のりこ) is the name.
        var no = compact.IndexOf('の', StringComparison.Ordinal);
        if (no > 0 && no < compact.Length - 1 && IsKanji(compact[no - 1]) && !(fromStructure && IsSurnameAndKanaGivenName(compact, no)))
        {
            return true;
        }

        // A word of grammar in hiragana (つきましては, そして) is no name; a given name in hiragana (さくら) may be.
        return AllHiragana(compact) && !lexicon.IsGivenName(compact) && (compact.Contains("まし", StringComparison.Ordinal)
            || compact.EndsWith("ては", StringComparison.Ordinal) || compact.EndsWith("して", StringComparison.Ordinal)
            || compact.EndsWith("ので", StringComparison.Ordinal) || compact.EndsWith("けど", StringComparison.Ordinal));
    }

    /// <summary>Characters a name never starts with: prefixes and counters (非正規, 全教職員, 30歳代).</summary>
    private const string NotNameStart = "番号第副各全同当両諸故兼皆非歳未無不";

    /// <summary>Hiragana that end a phrase or an inflection (ところに, できる, しっかりと), not a name.</summary>
    private const string PhraseEnds = "のはがをにでともへやかるたうくてだばずい";

    /// <summary>
    /// A hit that only a context suggested and that is a piece of a longer word: its last character
    /// makes an ordinary word with what follows (区画整|理事業, 生物多|様性, 全教|職員, 中古住|宅), it
    /// starts like no name (非正規, 全教), or it is hiragana ending like grammar (ところに, できる).
    /// </summary>
    public bool IsWordFragment(string text, int start, int length, string compact)
    {
        if (NotNameStart.Contains(compact[0], StringComparison.Ordinal))
        {
            return true;
        }

        var end = start + length;
        if (end < text.Length && IsKanji(text[end]) && IsKanji(text[end - 1]))
        {
            Span<char> pair = [text[end - 1], text[end]];
            if (lexicon.IsCommonWord(pair))
            {
                return true;
            }

            if (length >= 2 && end + 1 < text.Length && IsKanji(text[end + 1]))
            {
                Span<char> three = [text[end - 1], text[end], text[end + 1]];
                if (lexicon.IsCommonWord(three))
                {
                    return true;
                }
            }
        }

        return AllHiragana(compact) && !lexicon.IsGivenName(compact) && PhraseEnds.Contains(compact[^1], StringComparison.Ordinal);
    }

    /// <summary>Two or three kanji, then three to five hiragana from <paramref name="no"/> (川端|のぶあき).</summary>
    private static bool IsSurnameAndKanaGivenName(string compact, int no)
    {
        if (no is < 2 or > 3 || compact.Length - no is < 3 or > 5)
        {
            return false;
        }

        for (var k = 0; k < compact.Length; k++)
        {
            if (k < no ? !IsKanji(compact[k]) : !IsHiragana(compact[k]))
            {
                return false;
            }
        }

        return true;
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
