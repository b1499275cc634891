using System.Buffers;
using System.Text.RegularExpressions;

namespace PublishPipeline.Normalization.Cleanup;

/// <summary>
/// Character-level clean-up shared by every part of normalisation. It folds what is layout or
/// typing noise (full-width digits, stray tabs, spaced-out labels, leftover &lt;p&gt; tags) and
/// never touches the words: Japanese punctuation (、。「」（）～：) and symbols such as ㈱ stay as written.
/// </summary>
internal static partial class TextCleanup
{
    // Trim(params char[]) would allocate its array on every call.
    private static readonly char[] SpaceAndNewlineChars = [' ', '\u3000', '\r', '\n'];

    /// <summary>
    /// Folds full-width ASCII digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) to ASCII and half-width
    /// katakana to full-width. This is the part of NFKC that is safe for minutes; the rest of NFKC
    /// would also turn （）：～ into ASCII and ㈱ into (株), which changes how the text reads.
    /// </summary>
    public static string FoldWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FoldWidth(text, text);
    }

    /// <summary>The same for a part of <paramref name="text"/>: the text itself when the part is all of it and nothing folds.</summary>
    private static string FoldWidth(string text, ReadOnlySpan<char> span)
    {
        var first = span.IndexOfAnyInRange('\uFF10', '\uFF9F');
        if (first < 0)
        {
            return span.Length == text.Length ? text : new string(span);
        }

        // Every fold writes at most one character per character read: the text's length is enough room.
        char[]? rented = null;
        var output = span.Length <= 256 ? stackalloc char[span.Length] : (rented = ArrayPool<char>.Shared.Rent(span.Length));
        span[..first].CopyTo(output);
        var n = first;
        for (var i = first; i < span.Length; i++)
        {
            var c = span[i];
            if (c is >= '０' and <= '９')
            {
                output[n++] = (char)(c - '０' + '0');
            }
            else if (c is >= 'Ａ' and <= 'Ｚ')
            {
                output[n++] = (char)(c - 'Ａ' + 'A');
            }
            else if (c is >= 'ａ' and <= 'ｚ')
            {
                output[n++] = (char)(c - 'ａ' + 'a');
            }
            else if (c is >= '\uFF61' and <= '\uFF9F')
            {
                // Half-width katakana: NFKC is exactly right here (it also composes ｶﾞ → ガ).
                var end = i;
                while (end < span.Length && span[end] is >= '\uFF61' and <= '\uFF9F')
                {
                    end++;
                }

                n = FoldHalfWidthKana(span[i..end], output, n);
                i = end - 1;
            }
            else
            {
                output[n++] = c;
            }
        }

        // A line whose only wide characters are punctuation (：, ～) keeps its string.
        var folded = !output[..n].SequenceEqual(span) ? new string(output[..n]) : span.Length == text.Length ? text : new string(span);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return folded;
    }

    private const string HalfKana = "｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ";
    private const string FullKana = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
    private const string Voiceable = "カキクケコサシスセソタチツテトハヒフヘホウ";
    private const string Voiced = "ガギグゲゴザジズゼゾダヂヅデドバビブベボヴ";
    private const string SemiVoiceable = "ハヒフヘホ";
    private const string SemiVoiced = "パピプペポ";

    /// <summary>Writes the run folded at <paramref name="n"/>; returns the new end.</summary>
    private static int FoldHalfWidthKana(ReadOnlySpan<char> run, Span<char> output, int n)
    {
        var start = n;
        foreach (var c in run)
        {
            var k = HalfKana.IndexOf(c, StringComparison.Ordinal);
            if (k >= 0)
            {
                output[n++] = FullKana[k];
                continue;
            }

            if (c is 'ﾞ' or 'ﾟ' && n > start)
            {
                var last = output[n - 1];
                var (from, to) = c == 'ﾞ' ? (Voiceable, Voiced) : (SemiVoiceable, SemiVoiced);
                var v = from.IndexOf(last, StringComparison.Ordinal);
                if (v >= 0)
                {
                    output[n - 1] = to[v];
                    continue;
                }

                output[n++] = c == 'ﾞ' ? '゛' : '゜';
                continue;
            }

            output[n++] = c;
        }

        return n;
    }

    /// <summary>
    /// One line of text as the rest of normalisation wants it: width folded, leftover &lt;p&gt;/&lt;br&gt;
    /// tags and tabs turned into single spaces, runs of spaces kept (they can be meaningful inside a
    /// sentence) but trimmed at both ends, Markdown hard-break spaces dropped.
    /// </summary>
    public static string CleanLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('<', StringComparison.Ordinal) && text.AsSpan().IndexOfAny(OddSpaces) < 0)
        {
            // Most lines: trimmed, then folded, in one string. Folding neither makes nor removes a space
            // (or a tag or an odd space), so the order does not matter; an indented line with a
            // full-width number made two strings before.
            return FoldWidth(text, text.AsSpan().Trim(SpaceAndNewlineChars));
        }

        var s = FoldWidth(text);
        if (s.Contains('<', StringComparison.Ordinal))
        {
            s = ParagraphTag().Replace(s, " ");
        }

        if (s.AsSpan().IndexOfAny(OddSpaces) >= 0)
        {
            // Tabs, no-break and typographic spaces are layout: one plain space each; zero-width ones go.
            var zeroWidth = s.AsSpan().Count('\u200B') + s.AsSpan().Count('\uFEFF');
            s = string.Create(s.Length - zeroWidth, s, static (output, s) =>
            {
                var k = 0;
                foreach (var c in s)
                {
                    if (c is not ('\u200B' or '\uFEFF'))
                    {
                        output[k++] = c is '\t' or '\u00A0' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' ? ' ' : c;
                    }
                }
            });
        }

        return s.Trim(SpaceAndNewlineChars);
    }

    /// <summary>
    /// Collapses a label typed with a space between every character (会 議 録, 審 議 経 過,
    /// 会 議 の 結 果) when the whole text is that label. Sentences are never changed: the rule needs
    /// every run between spaces to be one CJK character, and at most 12 of them.
    /// </summary>
    public static string CollapseSpacedLabel(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = SpacedLabel().Match(text);
        return m.Success ? RemoveSpaces(text) : text;
    }

    /// <summary>
    /// Collapses a spaced label at the start of a line followed by a colon (本 部 長： …, 事 務 局： …),
    /// and spaced words between dashes (— 了 承 —). The text after the label is left alone.
    /// </summary>
    public static string CollapseSpacedPrefix(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = SpacedPrefix().Match(text);
        if (m.Success)
        {
            return RemoveSpaces(m.Groups["label"].Value) + m.Groups["colon"].Value + text[m.Length..];
        }

        var d = SpacedBetweenDashes().Match(text);
        if (d.Success)
        {
            return d.Groups["open"].Value + RemoveSpaces(d.Groups["body"].Value) + d.Groups["close"].Value;
        }

        return text;
    }

    /// <summary>A label without any whitespace: header labels (附属機関又は 会議体の名称) compare this way.</summary>
    public static string RemoveSpaces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(' ', '\u3000', '\t') < 0)
        {
            return text;
        }

        var spaces = text.AsSpan().Count(' ') + text.AsSpan().Count('\u3000') + text.AsSpan().Count('\t');
        return string.Create(text.Length - spaces, text, static (output, text) =>
        {
            var k = 0;
            foreach (var c in text)
            {
                if (c is not (' ' or '\u3000' or '\t'))
                {
                    output[k++] = c;
                }
            }
        });
    }

    // 国際アート・カルチャー: a middle dot between katakana joins a foreign compound, it does not list.
    private static bool IsKatakanaAt(string text, int i) => i >= 0 && i < text.Length && text[i] is >= '\u30A1' and <= '\u30FA' or 'ー';

    /// <summary>True when a character is Japanese script (kanji, kana, 々).</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or '々' or '〆' or 'ヶ';

    /// <summary>True when the text ends a sentence or a quoted/bracketed unit, so a following line starts a new paragraph.</summary>
    public static bool EndsSentence(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd();
        return text.IsEmpty || text[^1] is '。' or '．' or '.' or '!' or '?' or '！' or '？' or '」' or '』' or '）' or ')' or '〕' or ']' or '】' or '—' or '―' or '…' or '♪';
    }

    /// <summary>Splits on separators only at bracket depth 0, so 情報担当係長(セキュリティ) and 「わたしらしく、暮らせるまち。」推進室長 stay whole.</summary>
    public static List<string> SplitTopLevel(string text, ReadOnlySpan<char> separators)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '（' or '「' or '『' or '[' or '［' or '〔' or '【')
            {
                depth++;
            }
            else if (c is ')' or '）' or '」' or '』' or ']' or '］' or '〕' or '】')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && separators.Contains(c) && !(c == '・' && JoinsNameParts(text, i)))
            {
                Add(text.AsSpan(start, i - start));
                start = i + 1;
            }
        }

        Add(text.AsSpan(start));
        return parts;

        void Add(ReadOnlySpan<char> part)
        {
            var t = part.Trim(" \u3000");
            if (!t.IsEmpty)
            {
                parts.Add(t.ToString());
            }
        }
    }

    /// <summary>
    /// A ・ inside a word or a foreign name: katakana on both sides (国際アート・カルチャー), or katakana on one side and a
    /// Latin initial on the other (アンナ・K・リー; before, the name was cut into three members).
    /// </summary>
    private static bool JoinsNameParts(string text, int dot) =>
        (IsKatakanaAt(text, dot - 1) && (IsKatakanaAt(text, dot + 1) || IsInitialAt(text, dot + 1, 1)))
        || (IsInitialAt(text, dot - 1, -1) && IsKatakanaAt(text, dot + 1));

    /// <summary>One or two Latin letters from <paramref name="at"/> on in <paramref name="step"/>'s direction, a further ・ beyond them: a middle initial.</summary>
    private static bool IsInitialAt(string text, int at, int step)
    {
        var i = at;
        while (i >= 0 && i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i += step;
        }

        return Math.Abs(i - at) is 1 or 2 && i >= 0 && i < text.Length && text[i] == '・';
    }

    private static readonly System.Buffers.SearchValues<char> OddSpaces =
        System.Buffers.SearchValues.Create("\t\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u202F\u205F\uFEFF");

    [GeneratedRegex(@"[ \t\u3000]*(?:</?p\s*/?>|<br\s*/?>)[ \t\u3000]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphTag();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}々](?:[ \u3000][\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}々]){1,11}[：:]?$", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedLabel();

    [GeneratedRegex(@"^(?<label>[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}々](?:[ \u3000][\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}々]){1,9})[ \u3000]*(?<colon>[：:])", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedPrefix();

    [GeneratedRegex(@"^(?<open>[—―\-ー─]+)[ \u3000]*(?<body>[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}々](?:[ \u3000][\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}々]){1,11})[ \u3000]*(?<close>[—―\-ー─]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedBetweenDashes();
}
