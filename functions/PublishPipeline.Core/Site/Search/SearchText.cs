using System.Text;

namespace PublishPipeline.Site.Search;

/// <summary>
/// How search sees text. Japanese has no spaces between words, so the index is over character
/// bigrams (every two adjacent characters of folded text), which finds any query of two or more
/// characters without a dictionary. search.js folds and hashes exactly the same way.
/// </summary>
public static class SearchText
{
    /// <summary>
    /// Full-width ASCII → ASCII, half-width katakana → full-width (with ﾞ/ﾟ joined), ASCII lower
    /// case, white space removed. Written out rather than NFKC because the app runs with invariant
    /// globalisation (no ICU), and so both sides fold exactly alike.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        Span<char> pair = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            if (Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            if (c is >= 0xFF01 and <= 0xFF5E)
            {
                c -= 0xFEE0;
            }

            if (c is >= 'A' and <= 'Z')
            {
                c += 32;
            }

            if (c is >= 0xFF61 and <= 0xFF9D)
            {
                sb.Append(HalfWidthKana[c - 0xFF61]);
                continue;
            }

            if (c is 0xFF9E or 0xFF9F && sb.Length > 0)
            {
                var last = sb[^1];
                var voiced = c == 0xFF9E ? Dakuten(last) : Handakuten(last);
                if (voiced != last)
                {
                    sb[^1] = voiced;
                    continue;
                }

                sb.Append(c == 0xFF9E ? '゛' : '゜');
                continue;
            }

            if (c < 0x10000)
            {
                sb.Append((char)c);
            }
            else
            {
                sb.Append(pair[..new Rune(c).EncodeToUtf16(pair)]);
            }
        }

        return sb.ToString();
    }

    /// <summary>U+FF61–U+FF9D in order.</summary>
    internal const string HalfWidthKana = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

    private static char Dakuten(char c) => c switch
    {
        'ウ' => 'ヴ',
        >= 'カ' and <= 'ド' when "カキクケコサシスセソタチツテト".Contains(c, StringComparison.Ordinal) => (char)(c + 1),
        'ハ' or 'ヒ' or 'フ' or 'ヘ' or 'ホ' => (char)(c + 1),
        _ => c,
    };

    private static char Handakuten(char c) => c is 'ハ' or 'ヒ' or 'フ' or 'ヘ' or 'ホ' ? (char)(c + 2) : c;

    /// <summary>
    /// Adds every bigram of <paramref name="text"/> (folded here) as two 21-bit code points packed
    /// in a ulong: an archive has tens of millions of bigram occurrences, and a string each would
    /// dominate the build.
    /// </summary>
    internal static void AddBigrams(string? text, List<ulong> into)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var previous = -1;
        foreach (var rune in Fold(text).EnumerateRunes())
        {
            if (previous >= 0)
            {
                into.Add(((ulong)(uint)previous << 21) | (uint)rune.Value);
            }

            previous = rune.Value;
        }
    }

    /// <summary>The bigram a packed key stands for.</summary>
    internal static string BigramOf(ulong key) =>
        char.ConvertFromUtf32((int)(key >> 21)) + char.ConvertFromUtf32((int)(key & 0x1FFFFF));

    /// <summary>The packed key of a two-character string (after folding); null if it is not exactly two characters.</summary>
    internal static ulong? KeyOf(string bigram)
    {
        var runes = bigram.EnumerateRunes().ToArray();
        return runes.Length == 2 ? ((ulong)(uint)runes[0].Value << 21) | (uint)runes[1].Value : null;
    }

    /// <summary>FNV-1a over UTF-16 code units: which shard holds a key. search.js computes the same.</summary>
    public static uint Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var h = 0x811c9dc5u;
        foreach (var c in key)
        {
            h ^= c;
            h *= 0x01000193u;
        }

        return h;
    }

    /// <summary><see cref="Hash(string)"/> of a packed bigram without building the string.</summary>
    internal static uint Hash(ulong bigram)
    {
        Span<char> buffer = stackalloc char[4];
        var n = new Rune((int)(bigram >> 21)).EncodeToUtf16(buffer);
        n += new Rune((int)(bigram & 0x1FFFFF)).EncodeToUtf16(buffer[n..]);
        var h = 0x811c9dc5u;
        foreach (var c in buffer[..n])
        {
            h ^= c;
            h *= 0x01000193u;
        }

        return h;
    }
}
