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
        char[]? buffer = null;
        var length = FoldInto(text, ref buffer);
        return length == 0 ? string.Empty : new string(buffer!, 0, length);
    }

    /// <summary>
    /// Folds <paramref name="text"/> into <paramref name="buffer"/> (grown when too short, else
    /// reused) and returns the folded length. Folding never lengthens text (each rune gives at most
    /// as many UTF-16 units as it had), so the buffer need only be as long as the text: a long
    /// document's search contribution folds every field into one array instead of a builder and a
    /// string per field (≈ 4 bytes a character of garbage, most of a 30 MB upload's contribution).
    /// </summary>
    internal static int FoldInto(ReadOnlySpan<char> text, ref char[]? buffer)
    {
        if (buffer is null || buffer.Length < text.Length)
        {
            buffer = new char[Math.Max(text.Length, Math.Min(2 * (buffer?.Length ?? 0), Array.MaxLength))];
        }

        var folded = buffer.AsSpan();
        var n = 0;
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
                folded[n++] = HalfWidthKana[c - 0xFF61];
                continue;
            }

            if (c is 0xFF9E or 0xFF9F && n > 0)
            {
                var last = folded[n - 1];
                var voiced = c == 0xFF9E ? Dakuten(last) : Handakuten(last);
                if (voiced != last)
                {
                    folded[n - 1] = voiced;
                    continue;
                }

                folded[n++] = c == 0xFF9E ? '゛' : '゜';
                continue;
            }

            n += new Rune(c).EncodeToUtf16(folded[n..]);
        }

        return n;
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
    /// <param name="buffer">Where the text is folded, kept for the next field (see <see cref="FoldInto"/>).</param>
    internal static void AddBigrams(string? text, List<ulong> into, ref char[]? buffer)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var length = FoldInto(text, ref buffer);
        var previous = -1;
        foreach (var rune in buffer.AsSpan(0, length).EnumerateRunes())
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
