using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// 副町長の真田でございます。教育長の上田春香です。: at a 説明員の紹介 (町村議会 and 委員会 minutes) each official says the
/// office, の, and the name, then です, でございます or と申します. A name there with no title after it and no roll was
/// published when the dictionary lists it as a word too (上田) or no structure named the person. Read only where the
/// office opens the sentence (部長の判断です is not so said) and the run is a surname the dictionary lists, alone or with a
/// given name.
/// </summary>
public sealed partial class OfflineNameRecognizer
{
    /// <summary>How an official ends saying who they are.</summary>
    private static readonly string[] IntroductionEnds = ["でございます", "です", "と申します", "といいます"];

    private void RecognizeSelfIntroductions(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        for (var no = t.IndexOf('の'); no >= 0; no = NextIndexOf(t, "の", no + 1))
        {
            if (no < 2 || RoleWords.RoleLengthEndingAt(t, no) is var roleLength && roleLength == 0
                || RoleWords.MatchAt(t, no - roleLength) is not { Kind: not RoleKind.Honorific })
            {
                continue;
            }

            // The office opens the sentence (…。総務課長の, or the turn's start).
            var officeStart = KanjiRunStart(t, no);
            if (officeStart > 0 && t[officeStart - 1] is not ('。' or '、' or '\n' or '\r' or ' ' or '　'))
            {
                continue;
            }

            var end = no + 1;
            while (end < t.Length && IsKanji(t[end]) && end - no <= 6)
            {
                end++;
            }

            var run = t[(no + 1)..end];
            if (CodePoints(run) < 2 || end >= t.Length || !EndsAnIntroduction(t[end..]) || HasRole(run) || OfficeEnds.Contains(run[^1]))
            {
                continue;
            }

            // 宇津木, 上田春香, 大和康介: a surname the dictionary lists (a word too, as 上田 is: the office says a person
            // stands there), alone, with a given name it lists, or with two or three kanji that are no word (康介).
            if (IsListedName(run) || lexicon.IsSurname(run) || IsSurnameAndUnlistedGivenName(run))
            {
                found.Add(new NameSpan(no + 1, run.Length, "offline:self-introduction", 0.8));
            }
        }
    }

    private bool IsSurnameAndUnlistedGivenName(ReadOnlySpan<char> run)
    {
        for (var k = 2; k <= 3 && k + 2 <= run.Length; k++)
        {
            var given = run[k..];
            if (lexicon.IsSurname(run[..k]) && CodePoints(given) is 2 or 3 && !lexicon.IsWord(given) && !lexicon.IsSurname(given)
                && !Morphemes.Contains(given[^1]) && !IsCompound(given, places: true))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsAnIntroduction(ReadOnlySpan<char> rest)
    {
        foreach (var ending in IntroductionEnds)
        {
            if (rest.StartsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
