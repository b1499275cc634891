using PublishPipeline.Redaction.Names;
using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.People;

/// <summary>
/// Running text: a name the dictionary knows before a title or honorific (山田議員, 山田太郎さん), a
/// roll printed in the text with spaces (<c>山　田　太　郎</c>), and speakers introducing themselves
/// (<c>教育長の山田でございます</c>, <c>…党の山田太郎です</c>). Hits from context alone (a word no
/// dictionary knows before 課長) stay where they are: they are not registered, so they are never
/// masked elsewhere on their own.
/// </summary>
internal static class ProseReader
{
    public static void Read(TextField field, List<NameSpan> spans, PeopleRegister register, OfflineNameRecognizer words, NameVeto veto, IReadOnlySet<string> headsWhoSpeak)
    {
        HeadsOfOtherPlaces(field, register, words.Lexicon, veto, headsWhoSpeak);
        foreach (var span in spans)
        {
            var name = field.Text.Substring(span.Start, span.Length);
            var kind = StrongKind(span, name, words.Lexicon);
            if (kind is { } k)
            {
                register.Add(name, new PersonSource(k, field.Path, Around(field.Text, span.Start, span.Length)), span.Confidence,
                    surnameOnly: k == PersonSourceKind.ProseTitle && NameShape.IsSurnameOnly(name, words.Lexicon));
            }
        }

        SelfIntroductions(field, register, words.Lexicon);
    }

    /// <summary>Which hits are strong enough to name a person document-wide.</summary>
    private static PersonSourceKind? StrongKind(NameSpan span, string name, NameLexicon lexicon)
    {
        var compact = CompactText.Folded(name);
        if (span.Rule == "offline:spaced-roll")
        {
            return PersonSourceKind.Roll;
        }

        // A one-character surname is registered from structure only (今部長 is "now, the director", 奥さん a wife).
        if (CodePoints(compact) < 2)
        {
            return null;
        }

        if (!AllKanji(compact) && span.Rule != "offline:label")
        {
            return null;
        }

        // A name after a label word (報告者：, 担当：), an organisation, before 作成/邸, or a full
        // dictionary pair (joined or one space apart) is structure written as prose; a known name before a title is a title context.
        return span.Rule switch
        {
            "offline:role-lexicon" when span.Confidence >= 0.88 => PersonSourceKind.ProseTitle,
            "offline:role-bracketed-given" or "offline:speaker-label" => PersonSourceKind.ProseTitle,
            "offline:label" or "offline:organisation-roll" or "offline:full-name-pair" or "offline:spaced-full-name" => PersonSourceKind.NameLabel,
            _ => null,
        };
    }

    private static readonly string[] Heads = ["市長", "区長", "町長", "村長", "知事"];

    /// <summary>
    /// 高島市長 in the minutes of 福岡市, where the mayor speaks: a known surname before the title of
    /// a head who speaks in these minutes, that is not the document's own place, is the head's
    /// surname even where the word is also a place name. Where no such head speaks (渋谷区長 in a
    /// council's minutes) it is another place's office. Masked only where a title follows it.
    /// </summary>
    private static void HeadsOfOtherPlaces(TextField field, PeopleRegister register, NameLexicon lexicon, NameVeto veto, IReadOnlySet<string> headsWhoSpeak)
    {
        var text = field.Text;
        foreach (var head in Heads)
        {
            if (!headsWhoSpeak.Contains(head))
            {
                continue;
            }

            for (var at = text.IndexOf(head, StringComparison.Ordinal); at > 0; at = text.IndexOf(head, at + head.Length, StringComparison.Ordinal))
            {
                var start = at;
                while (start > 0 && at - start < 4 && IsKanji(text[start - 1]))
                {
                    start--;
                }

                var name = text[start..at];
                if (name.Length is < 2 or > 3 || (start > 0 && IsKanji(text[start - 1])) || !lexicon.IsSurname(name) || lexicon.IsCommonWord(name)
                    || veto.Places.Contains(name + head[0]) || veto.IsNotAName(name))
                {
                    continue;
                }

                register.Add(name, new PersonSource(PersonSourceKind.HeadOfPlace, field.Path, Around(text, start, at - start + head.Length)), 0.85, role: head, surnameOnly: true);
            }
        }
    }

    private static readonly string[] Endings = ["でございます", "です"];

    /// <summary>…の山田でございます, …党の山田太郎です: a name the dictionary knows, right after の or a sentence start.</summary>
    private static void SelfIntroductions(TextField field, PeopleRegister register, NameLexicon lexicon)
    {
        var text = field.Text;
        foreach (var ending in Endings)
        {
            for (var at = text.IndexOf(ending, StringComparison.Ordinal); at > 0; at = text.IndexOf(ending, at + ending.Length, StringComparison.Ordinal))
            {
                var start = at;
                while (start > 0 && at - start < 6 && IsKanji(text[start - 1]))
                {
                    start--;
                }

                if (at - start < 2 || (start > 0 && text[start - 1] is not ('の' or '、' or '。' or '　' or ' ' or '\n' or '，')))
                {
                    continue;
                }

                var name = text[start..at];
                if (IsKnownName(name, lexicon))
                {
                    register.Add(name, new PersonSource(PersonSourceKind.SelfIntroduction, field.Path, Around(text, start, at - start + ending.Length)), 0.8,
                        surnameOnly: NameShape.IsSurnameOnly(name, lexicon));
                }
            }
        }
    }

    /// <summary>A known surname (not also an ordinary word) or a known surname + given name pair.</summary>
    private static bool IsKnownName(string name, NameLexicon lexicon)
    {
        if (lexicon.IsWord(name) || RoleWords.IsRole(name))
        {
            return false;
        }

        if (lexicon.IsSurname(name))
        {
            return true;
        }

        for (var k = 1; k < name.Length - 1; k++)
        {
            if (lexicon.IsSurname(name.AsSpan(0, k)) && lexicon.IsGivenName(name.AsSpan(k)) && !lexicon.IsWord(name.AsSpan(k)) && CodePoints(name.AsSpan(0, k)) >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static string Around(string text, int start, int length)
    {
        var from = Math.Max(0, start - 8);
        var to = Math.Min(text.Length, start + length + 8);
        return text[from..to];
    }
}
