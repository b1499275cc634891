namespace PublishPipeline.Normalization.People;

/// <summary>
/// The scripts a person's name is written in. Japanese names are kanji and kana (黒川サキ子, 金田もとる);
/// names of foreign residents, naturalised citizens and married names mix scripts (加藤ソフィー: a kanji
/// surname and a katakana given name) or are katakana whose parts are joined by a middle dot or a double
/// hyphen (ジョン・スミス, ジャン＝ピエール), with a Latin initial at most (ジョン・F・スミス: full-width Latin is
/// folded before this is asked). A mark joins two parts only beside katakana or such an initial
/// (ソフィー・加藤 too): in 区長・副区長 the dot lists two offices.
/// </summary>
internal static class NameScript
{
    /// <summary>The marks that join the parts of a foreign name: ・ (and its half-width form), ＝, =, ゠.</summary>
    public static bool IsJoiningMark(char c) => c is '・' or '･' or '＝' or '=' or '゠';

    public static bool IsKatakana(char c) => c is (>= '\u30A1' and <= '\u30FA') or 'ー';

    /// <summary>One katakana word of two characters or more, nothing else in it (ジョンソン, マクレガー).</summary>
    public static bool IsKatakanaWord(ReadOnlySpan<char> text)
    {
        if (text.Length < 2 || text[0] == 'ー')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsKatakana(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Kanji (with 々 〆 ヶ and surrogate halves of the supplementary planes).</summary>
    public static bool IsKanji(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') or '々' or '〆' or 'ヶ' || char.IsSurrogate(c);

    /// <summary>
    /// Whether the marks and Latin letters of <paramref name="name"/> sit where a foreign name puts them:
    /// each mark between two parts, one at least katakana or a Latin initial of one or two letters (the
    /// other may be a kanji surname: ソフィー・加藤), and every Latin run such an initial before a mark.
    /// True for a name with neither.
    /// </summary>
    public static bool MarksJoinParts(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (IsJoiningMark(c))
            {
                // ジョン・スミス, ソフィー・加藤: a foreign part on one side at least; 区長・副区長 lists.
                if (i == 0 || i == name.Length - 1 || !(Foreign(name[i - 1]) || Foreign(name[i + 1]))
                    || !(Foreign(name[i - 1]) || IsKanji(name[i - 1])) || !(Foreign(name[i + 1]) || IsKanji(name[i + 1])))
                {
                    return false;
                }
            }
            else if (char.IsAsciiLetter(c))
            {
                var end = i;
                while (end < name.Length && char.IsAsciiLetter(name[end]))
                {
                    end++;
                }

                // ジョン・F・スミス: an initial between marks (or before the last mark: F・スミス).
                var joinedBefore = i > 0 && IsJoiningMark(name[i - 1]);
                var joinedAfter = end < name.Length && IsJoiningMark(name[end]);
                if (end - i > 2 || !(joinedAfter && (joinedBefore || i == 0)))
                {
                    return false;
                }

                i = end - 1;
            }
        }

        return true;
    }

    private static bool Foreign(char c) => IsKatakana(c) || char.IsAsciiLetter(c);

    /// <summary>
    /// Where a name that is kanji then katakana (加藤ソフィー) or katakana then kanji (スミス花子) changes
    /// script once, or 0: the surname ends there when nothing else says where. 黒川サキ子 changes twice
    /// (a Japanese given name with katakana in it) and is not split by script.
    /// </summary>
    public static int ScriptBoundary(ReadOnlySpan<char> name)
    {
        var boundary = 0;
        for (var i = 1; i < name.Length; i++)
        {
            var a = Script(name[i - 1]);
            var b = Script(name[i]);
            if (a == 0 || b == 0)
            {
                return 0; // hiragana, a mark or Latin: not a two-script name
            }

            if (a != b)
            {
                if (boundary != 0)
                {
                    return 0;
                }

                boundary = i;
            }
        }

        // ヶ and 々 are kanji here; ー is katakana: 加藤ソフィー → 加藤 | ソフィー.
        return boundary;

        static int Script(char c) => IsKanji(c) ? 1 : IsKatakana(c) ? 2 : 0;
    }
}
