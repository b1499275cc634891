using PublishPipeline.Redaction.Names;
using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.People;

/// <summary>
/// Rolls printed in fixed-width columns, wherever they ended up in the text
/// (<c>１番　　　松　　野　　優　　也</c>, <c>副市長　　山　本　政　行</c>, <c>月　　嶹　　　　　真</c>): a
/// name whose characters stand apart, separated by spaces, after a seat number, a post or the start
/// of a line. In such a roll the surname and the given name each fill a cell of the same width, so the
/// gap that spans the middle of the name is where the surname ends (<c>北　　野　　誠 一 郎</c> →
/// 北野 + 誠一郎, <c>木　本　　　祐</c> → 木本 + 祐). Roles written the same way (<c>副　市　長</c>) and
/// headings (<c>議　事　日　程</c>) are words, not names.
/// </summary>
internal static class SpacedRollReader
{
    private const int MaxNameChars = 7;

    /// <summary>Characters that end a number or a date, never a name (財　第 258号).</summary>
    private const string Counters = "第番号回期条項件名人日月年時分";

    private static readonly string[] Eras = ["令和", "平成", "昭和", "大正", "明治"];

    public static void Read(TextField field, PeopleRegister register, OfflineNameRecognizer words)
    {
        var text = field.Text;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            if (text.AsSpan(lineStart, lineEnd - lineStart).IndexOfAny(Spaces) >= 0)
            {
                ReadLine(field, text, lineStart, lineEnd, register, words);
            }

            lineStart = lineEnd + 1;
        }
    }

    private static void ReadLine(TextField field, string text, int from, int to, PeopleRegister register, OfflineNameRecognizer words)
    {
        // Tokens: runs of name characters, with the width of the gap before each (a full-width space is two columns).
        var tokens = new List<(int Start, int End, int GapBefore)>();
        var i = from;
        var gap = 0;
        while (i < to)
        {
            var c = text[i];
            if (c is ' ' or '\t')
            {
                gap += 1;
                i++;
                continue;
            }

            if (c == '\u3000')
            {
                gap += 2;
                i++;
                continue;
            }

            var start = i;
            while (i < to && !IsSpace(text[i]) && text[i] != '\t')
            {
                i++;
            }

            tokens.Add((start, i, gap));
            gap = 0;
        }

        NamesAfterPosts(field, text, from, tokens, register, words);
        for (var t = 0; t < tokens.Count; t++)
        {
            var run = t;
            var chars = 0;
            while (run < tokens.Count && IsNamePiece(text, tokens[run]) && chars + Len(tokens[run]) <= MaxNameChars
                && (Len(tokens[run]) == 1 || !words.IsCompound(text.AsSpan(tokens[run].Start, Len(tokens[run])), places: false))
                && (run == t || tokens[run].GapBefore < 12))
            {
                chars += Len(tokens[run]);
                run++;
            }

            if (run - t < 2)
            {
                continue;
            }

            var joined = string.Concat(tokens.Skip(t).Take(run - t).Select(k => text[k.Start..k.End]));

            // A post written the same way comes before or after the name (副　市　長　山　本　政　行, 田　村　規　子　議　員).
            if (RoleWords.MatchAt(joined, 0) is { } leading)
            {
                t = SkipChars(tokens, t, leading.Text.Length) - 1;
                continue;
            }

            for (var p = 1; p < joined.Length; p++)
            {
                // A post, or a date that follows the roll (…　髙　木　紀　和　令 和 2 年), ends the name.
                if (RoleWords.MatchAt(joined, p) is not null || Eras.Any(e => joined.AsSpan(p).StartsWith(e, StringComparison.Ordinal)))
                {
                    run = SkipChars(tokens, t, p);
                    joined = joined[..p];
                    break;
                }
            }

            var count = run - t;
            if (count < 2 || Counters.Contains(joined[^1], StringComparison.Ordinal) || OfflineNameRecognizer.Morphemes.Contains(joined[0]) || tokens.Skip(t).Take(count).Count(k => Len(k) == 1) < count - 1 || !LooksLikeName(joined, words))
            {
                continue;
            }

            var written = text[tokens[t].Start..tokens[run - 1].End];
            var family = SplitAtMiddle(text, tokens, t, run);
            register.Add(written, new PersonSource(PersonSourceKind.Roll, field.Location, LineOf(text, from, tokens)), 0.9,
                familyName: family, givenName: family is null ? null : joined[family.Length..]);
            t = run - 1;
        }
    }

    /// <summary>
    /// A header roll of posts and names (<c>委員長　　鷹尾　治久　　委　　員　　春増　勝利</c>,
    /// <c>議会事務局議事課長　　竹内　禎之</c>, <c>技監　　野々村正信</c>): after a post, one token of a
    /// name, or a surname and a given name a short gap apart.
    /// </summary>
    private static void NamesAfterPosts(TextField field, string text, int from, List<(int Start, int End, int GapBefore)> tokens, PeopleRegister register, OfflineNameRecognizer words)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var post = PostLength(text, tokens, i, words);
            if (post == 0)
            {
                continue;
            }

            var n = i + post;
            if (n >= tokens.Count || !IsNameToken(text, tokens[n], words, 5) || PostLength(text, tokens, n, words) > 0)
            {
                i = n - 1;
                continue;
            }

            var last = n;
            if (n + 1 < tokens.Count && tokens[n + 1].GapBefore <= 4 && IsNameToken(text, tokens[n + 1], words, 4) && PostLength(text, tokens, n + 1, words) == 0
                && Len(tokens[n]) <= 4)
            {
                last = n + 1;
            }

            // A name cell never runs into the next post (由紀委　員 where a line break was lost): cut before it.
            var lastEnd = tokens[last].End;
            if (last + 1 < tokens.Count)
            {
                var cell = text[tokens[last].Start..tokens[last].End];
                var next = text[tokens[last + 1].Start..tokens[last + 1].End];
                for (var cut = 1; cut < cell.Length; cut++)
                {
                    if (RoleWords.MatchAt(cell[cut..] + next, 0) is { } role && role.Text.Length > cell.Length - cut)
                    {
                        lastEnd = tokens[last].Start + cut;
                        break;
                    }
                }
            }

            var family = last > n ? text[tokens[n].Start..tokens[n].End] : null;
            var given = last > n ? text[tokens[last].Start..lastEnd] : null;
            var postText = string.Concat(tokens.Skip(i).Take(post).Select(k => text[k.Start..k.End]));
            register.Add(text[tokens[n].Start..lastEnd], new PersonSource(PersonSourceKind.Roll, field.Location, LineOf(text, from, tokens)), 0.9,
                role: postText, familyName: family, givenName: given);
            i = last;
        }
    }

    /// <summary>How many tokens a post takes at <paramref name="i"/> (議会事務局長, or 委　　員 spaced), or 0.</summary>
    private static int PostLength(string text, List<(int Start, int End, int GapBefore)> tokens, int i, OfflineNameRecognizer words)
    {
        var token = text.AsSpan(tokens[i].Start, Len(tokens[i]));
        if (IsPost(token, words))
        {
            return 1;
        }

        if (Len(tokens[i]) != 1)
        {
            return 0;
        }

        Span<char> joined = stackalloc char[5];
        joined[0] = token[0];
        for (var k = 1; k < 5 && i + k < tokens.Count && Len(tokens[i + k]) == 1 && tokens[i + k].GapBefore <= 6; k++)
        {
            joined[k] = text[tokens[i + k].Start];
            if (RoleWords.IsRole(joined[..(k + 1)]))
            {
                return k + 1;
            }
        }

        return 0;
    }

    /// <summary>A post: a role word, or an office of ordinary words ending in one (議会事務局議事課長, 上下水道事業管理者).</summary>
    private static bool IsPost(ReadOnlySpan<char> token, OfflineNameRecognizer words)
    {
        if (RoleWords.IsRole(token))
        {
            return true;
        }

        var role = RoleWords.RoleLengthEndingAt(token, token.Length);
        return role >= 2 && role < token.Length && words.IsCompound(token[..^role]);
    }

    private static bool IsNameToken(string text, (int Start, int End, int GapBefore) token, OfflineNameRecognizer words, int maxChars)
    {
        var value = text.AsSpan(token.Start, Len(token));
        if (value.Length > maxChars || RoleWords.IsRole(value) || OrdinaryWords.Contains(value.ToString()))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsNameChar(c))
            {
                return false;
            }
        }

        return words.Lexicon.IsSurname(value) || value.Length == 1 || !words.IsCompound(value, places: false);
    }

    /// <summary>The index of the first token after <paramref name="chars"/> characters from token <paramref name="first"/> (exact token boundaries only).</summary>
    private static int SkipChars(List<(int Start, int End, int GapBefore)> tokens, int first, int chars)
    {
        var k = first;
        var n = 0;
        while (k < tokens.Count && n < chars)
        {
            n += Len(tokens[k]);
            k++;
        }

        return n == chars ? k : first + 1;
    }

    private static int Len((int Start, int End, int GapBefore) token) => token.End - token.Start;

    private static bool IsNamePiece(string text, (int Start, int End, int GapBefore) token)
    {
        if (token.End - token.Start > 3)
        {
            return false;
        }

        for (var k = token.Start; k < token.End; k++)
        {
            if (!IsNameChar(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Not a role, heading or compound of ordinary words (副市長, 議事日程, 出席議員), unless the dictionary knows it as a name.</summary>
    private static bool LooksLikeName(string name, OfflineNameRecognizer words)
    {
        var lexicon = words.Lexicon;
        if (RoleWords.IsRole(name) || OrdinaryWords.Contains(name))
        {
            return false;
        }

        for (var k = 0; k < name.Length; k++)
        {
            if (RoleWords.MatchAt(name, k) is not null)
            {
                return false;
            }
        }

        if (lexicon.IsSurname(name))
        {
            return true;
        }

        for (var k = 1; k < name.Length; k++)
        {
            if (lexicon.IsSurname(name.AsSpan(0, k)) && (lexicon.IsGivenName(name.AsSpan(k)) || !words.IsCompound(name.AsSpan(k), places: false)))
            {
                return true;
            }
        }

        return !words.IsCompound(name, places: false) && !lexicon.IsWord(name);
    }

    /// <summary>The surname when a gap spans the middle of the written width (fixed-width cells), else null.</summary>
    private static string? SplitAtMiddle(string text, List<(int Start, int End, int GapBefore)> tokens, int first, int end)
    {
        var column = 0;
        var columns = new List<(int From, int To)>();
        for (var k = first; k < end; k++)
        {
            if (k > first)
            {
                column += tokens[k].GapBefore;
            }

            var width = (tokens[k].End - tokens[k].Start) * 2;
            columns.Add((column, column + width));
            column += width;
        }

        var middle = column / 2.0;
        for (var k = 1; k < columns.Count; k++)
        {
            if (columns[k - 1].To <= middle && columns[k].From >= middle)
            {
                return string.Concat(tokens.Skip(first).Take(k).Select(x => text[x.Start..x.End]));
            }
        }

        return null;
    }

    private static string LineOf(string text, int from, List<(int Start, int End, int GapBefore)> tokens) =>
        tokens.Count == 0 ? string.Empty : text[from..tokens[^1].End];
}
