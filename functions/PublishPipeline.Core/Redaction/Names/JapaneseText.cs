using System.Buffers;

namespace PublishPipeline.Redaction.Names;

/// <summary>Character classes the name rules need, without allocating or consulting culture data.</summary>
internal static class JapaneseText
{
    public static readonly SearchValues<char> Spaces = SearchValues.Create(" \u3000");

    public static readonly SearchValues<char> Colons = SearchValues.Create("：:");

    /// <summary>
    /// Where the first of <paramref name="chars"/> stands at or after <paramref name="from"/>, counted in the whole
    /// text; -1 when none: the rules walk a line from one mark (a space, a colon, a role's first character) to the next.
    /// </summary>
    public static int IndexOfAnyFrom(ReadOnlySpan<char> text, int from, SearchValues<char> chars)
    {
        var k = from < text.Length ? text[from..].IndexOfAny(chars) : -1;
        return k < 0 ? -1 : from + k;
    }

    /// <summary>Marks that open a speaker line or a list entry (○議長, ◆, ・).</summary>
    public static readonly SearchValues<char> LeadingMarks = SearchValues.Create("○◯〇◆◇◎●□■△▲▽▼・-*＊ 　");

    /// <summary>
    /// CJK ideographs (BMP, Ext A, compatibility, supplementary planes via surrogates) and 々〆ヶ, and 〓 (げた), which
    /// stands for a kanji the file could not hold (外字: 山〓太郎), so a name holding it is read whole.
    /// </summary>
    public static bool IsKanji(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF')
        || char.IsSurrogate(c) || c is '々' or '〆' or 'ヶ' or 'ヵ' or '〓';

    public static bool IsHiragana(char c) => (c >= '\u3041' && c <= '\u3096') || c is 'ゝ' or 'ゞ' or 'ー';

    public static bool IsKatakana(char c) => (c >= '\u30A1' && c <= '\u30FA') || c is 'ー' or 'ｰ' || (c >= '\uFF66' && c <= '\uFF9D');

    public static bool IsSpace(char c) => c is ' ' or '\u3000';

    public static bool IsNameChar(char c) => IsKanji(c) || IsHiragana(c);

    public static bool IsOpenParen(char c) => c is '（' or '(';

    public static bool IsCloseParen(char c) => c is '）' or ')';

    /// <summary>Hiragana that end a phrase before a name: particles (は, が, を …).</summary>
    public static bool IsParticle(char c) => c is 'は' or 'が' or 'を' or 'に' or 'で' or 'も' or 'と' or 'へ' or 'の' or 'や' or 'ね' or 'よ' or 'か' or 'て' or 'し' or 'た' or 'り' or 'る';

    /// <summary>Number of code points (a surrogate pair counts once).</summary>
    public static int CodePoints(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>True when the text is not empty and every character is a kanji.</summary>
    public static bool AllKanji(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsKanji(c))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }

    /// <summary>True when every character is a kanji or hiragana (a name's alphabet).</summary>
    public static bool AllNameChars(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsNameChar(c) && c != 'ノ')
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }
}
