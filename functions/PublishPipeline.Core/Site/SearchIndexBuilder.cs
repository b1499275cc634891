using System.Text;
using System.Text.Json;
using PublishPipeline.Model;

namespace PublishPipeline.Site;

/// <summary>
/// Japanese full-text search for a static host. Japanese has no spaces between words, so the index
/// is over character bigrams (every two adjacent characters after NFKC, lower-casing and removing
/// white space), which finds any query of two or more characters without a dictionary. Postings
/// are minutes numbers (positions in the newest-first catalogue in meta.json), delta-encoded, in
/// shards chosen by a hash of the bigram so a query downloads only the shards its bigrams fall in.
/// The script then fetches the candidate minutes' open-data JSON to confirm the exact phrase and
/// find the utterances, so the index holds no text and false bigram matches never show.
/// </summary>
internal static class SearchIndexBuilder
{
    /// <summary>Target postings per shard (a few hundred KB of JSON at most).</summary>
    private const int PostingsPerShard = 60_000;

    private const int MaxShards = 512;

    /// <summary>
    /// Same folding as search.js: full-width ASCII → ASCII, half-width katakana → full-width (with
    /// ﾞ/ﾟ joined), ASCII lower case, white space removed. Written out rather than NFKC because the
    /// app runs with invariant globalisation (no ICU), and so both sides fold exactly alike.
    /// </summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
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

            sb.Append(char.ConvertFromUtf32(c));
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

    /// <summary>Distinct bigrams of folded text, by code point (a surrogate pair is one character).</summary>
    public static void AddBigrams(string text, HashSet<string> into)
    {
        var folded = Fold(text);
        string? previous = null;
        foreach (var rune in folded.EnumerateRunes())
        {
            var current = rune.ToString();
            if (previous is not null)
            {
                into.Add(previous + current);
            }

            previous = current;
        }
    }

    /// <summary>FNV-1a over UTF-16 code units; search.js computes the same.</summary>
    public static uint Hash(string bigram)
    {
        var h = 0x811c9dc5u;
        foreach (var c in bigram)
        {
            h ^= c;
            h *= 0x01000193u;
        }

        return h;
    }

    public static HashSet<string> BigramsOf(Minutes minutes)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        void Add(string? s)
        {
            if (!string.IsNullOrEmpty(s))
            {
                AddBigrams(s, set);
            }
        }

        Add(minutes.Title);
        Add(minutes.Body);
        Add(minutes.Session);
        Add(minutes.Venue);
        foreach (var item in minutes.Agenda)
        {
            Add(item);
        }

        foreach (var section in minutes.Sections)
        {
            Add(section.Heading);
            foreach (var turn in section.Turns)
            {
                Add(turn.Speaker);
                Add(turn.Text);
            }
        }

        foreach (var item in minutes.Results)
        {
            Add(item);
        }

        foreach (var item in minutes.Materials)
        {
            Add(item);
        }

        return set;
    }

    /// <summary>
    /// Shard files (name → bytes) for minutes in catalogue order. Shard names carry a content hash,
    /// so unchanged shards keep their names and can be cached for good.
    /// </summary>
    public static IReadOnlyList<(int Shard, byte[] Json)> BuildShards(IReadOnlyList<Minutes> ordered)
    {
        var perMinutes = new HashSet<string>[ordered.Count];
        Parallel.For(0, ordered.Count, i => perMinutes[i] = BigramsOf(ordered[i]));

        long total = perMinutes.Sum(s => (long)s.Count);
        var shardCount = 1;
        while (shardCount < MaxShards && total / shardCount > PostingsPerShard)
        {
            shardCount *= 2;
        }

        var shards = new SortedDictionary<string, List<int>>[shardCount];
        for (var s = 0; s < shardCount; s++)
        {
            shards[s] = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        }

        for (var i = 0; i < perMinutes.Length; i++)
        {
            foreach (var bigram in perMinutes[i])
            {
                var shard = shards[(int)(Hash(bigram) % (uint)shardCount)];
                if (!shard.TryGetValue(bigram, out var list))
                {
                    shard[bigram] = list = [];
                }

                list.Add(i);
            }
        }

        var result = new (int, byte[])[shardCount];
        Parallel.For(0, shardCount, s =>
        {
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MinutesJson.Compact.Encoder }))
            {
                writer.WriteStartObject();
                foreach (var (bigram, list) in shards[s])
                {
                    writer.WriteStartArray(bigram);
                    var previous = 0;
                    foreach (var n in list)
                    {
                        writer.WriteNumberValue(n - previous);
                        previous = n;
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            result[s] = (s, buffer.ToArray());
        });
        return result;
    }
}
