using System.IO.Compression;
using System.Text;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// Surnames, given names and ordinary words compiled from IPADIC (see Data/ and
/// scripts/build-name-lexicon.mjs). Lookups take spans and allocate nothing; old character forms
/// (髙, 﨑, 𠮷 …) are folded to the forms IPADIC spells.
/// </summary>
public sealed class NameLexicon
{
    private const string ResourceName = "PublishPipeline.Redaction.Names.Data.name-lexicon.txt.gz";

    private static readonly Lazy<NameLexicon> Embedded = new(LoadEmbedded);

    private readonly WordSet surnames;
    private readonly WordSet givenNames;
    private readonly WordSet words;
    private readonly WordSet places;

    /// <summary>Every character some surname is written with (1,596 in IPADIC), one bit each.</summary>
    private readonly ulong[] surnameCharacters = new ulong[1 << 10];

    public NameLexicon(IEnumerable<string> surnames, IEnumerable<string> givenNames, IEnumerable<string> words, IEnumerable<string>? places = null)
    {
        this.places = new WordSet(places ?? []);
        this.surnames = new WordSet(surnames);
        foreach (var surname in this.surnames.Lookup.Set)
        {
            foreach (var c in surname)
            {
                surnameCharacters[c >> 6] |= 1UL << c;
            }
        }

        this.givenNames = new WordSet(givenNames);
        this.words = new WordSet(words);
    }

    /// <summary>The lexicon shipped in the assembly (IPADIC 2.7.0 人名 and noun entries).</summary>
    public static NameLexicon Default => Embedded.Value;

    public int SurnameCount => surnames.Count;

    public int GivenNameCount => givenNames.Count;

    public int WordCount => words.Count;

    public int PlaceCount => places.Count;

    public bool IsSurname(ReadOnlySpan<char> text) => Contains(surnames, text);

    public bool IsGivenName(ReadOnlySpan<char> text) => Contains(givenNames, text);

    /// <summary>An ordinary word (一般/サ変/形容動詞 noun or a short place name) of two or more characters.</summary>
    public bool IsWord(ReadOnlySpan<char> text) => Contains(words, text) || Contains(places, text);

    /// <summary>An ordinary word (not a place name) of two or more characters.</summary>
    public bool IsCommonWord(ReadOnlySpan<char> text) => Contains(words, text);

    /// <summary>
    /// Whether every character of <paramref name="text"/> is written in some known surname: a
    /// surname no dictionary lists is still made of surname characters (阿子島), while 市債 or 補助率 are not.
    /// </summary>
    public bool HasOnlySurnameCharacters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            var f = CompactText.Fold(c);
            if ((surnameCharacters[c >> 6] & (1UL << c)) == 0 && (surnameCharacters[f >> 6] & (1UL << f)) == 0)
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }

    /// <summary>A place name of two or three characters (練馬, 豊島, 加賀美).</summary>
    public bool IsPlace(ReadOnlySpan<char> text) => Contains(places, text);

    private static bool Contains(WordSet set, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 16 || !set.MayContain(text))
        {
            return false;
        }

        if (set.Lookup.Contains(text))
        {
            return true;
        }

        Span<char> folded = stackalloc char[text.Length];
        var length = Fold(text, folded);
        return length >= 0 && set.Lookup.Contains(folded[..length]);
    }

    /// <summary>Writes the IPADIC spelling of old/variant forms; -1 when nothing changed.</summary>
    private static int Fold(ReadOnlySpan<char> text, Span<char> output)
    {
        var changed = false;
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length)
            {
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                if (cp == 0x20BB7)
                {
                    // 𠮷 (つちよし) → 吉
                    output[n++] = '吉';
                    i++;
                    changed = true;
                    continue;
                }

                output[n++] = c;
                continue;
            }

            var f = CompactText.Fold(c);
            changed |= f != c;
            output[n++] = f;
        }

        return changed ? n : -1;
    }

    private static NameLexicon LoadEmbedded()
    {
        using var stream = typeof(NameLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The name lexicon resource {ResourceName} is missing from the assembly.");
        return Load(stream);
    }

    /// <summary>Reads the gzip'd "&lt;S|G|N|P&gt;\t&lt;word&gt;" list the generator script writes.</summary>
    public static NameLexicon Load(Stream gzip)
    {
        ArgumentNullException.ThrowIfNull(gzip);
        using var reader = new StreamReader(new GZipStream(gzip, CompressionMode.Decompress), Encoding.UTF8);
        var s = new List<string>(13_000);
        var g = new List<string>(18_000);
        var w = new List<string>(60_000);
        var p = new List<string>(50_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 3 || line[1] != '\t')
            {
                continue;
            }

            var word = line[2..];
            switch (line[0])
            {
                case 'S': s.Add(word); break;
                case 'G': g.Add(word); break;
                case 'N': w.Add(word); break;
                case 'P': p.Add(word); break;
                default: break;
            }
        }

        return new NameLexicon(s, g, w, p);
    }

    /// <summary>
    /// One list of the lexicon, with a bitmap keyed by each entry's length, first two characters and
    /// last character: most pieces the recogniser asks about (every 2–6 character slice of a kanji
    /// run) are no entry, and the bitmap answers almost all of those without hashing the slice and
    /// its folded form.
    /// </summary>
    private sealed class WordSet
    {
        private const int Bits = 20;
        private readonly ulong[] shapes = new ulong[1 << (Bits - 6)];

        public WordSet(IEnumerable<string> entries)
        {
            var set = new HashSet<string>(entries, StringComparer.Ordinal);
            Lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var entry in set)
            {
                if (entry.Length >= 2)
                {
                    var bit = Bit(entry[0], entry[1], entry[^1], entry.Length);
                    shapes[bit >> 6] |= 1UL << bit;
                }
            }
        }

        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }

        public int Count => Lookup.Set.Count;

        /// <summary>False only when neither the text nor its folded form can be an entry.</summary>
        public bool MayContain(ReadOnlySpan<char> text)
        {
            if (text.Length < 2 || HasSurrogate(text))
            {
                return true; // 𠮷 folds to one character (the folded text is shorter): the full lookup decides
            }

            if (Has(text[0], text[1], text[^1], text.Length))
            {
                return true;
            }

            // Folding maps one character to one character here, so the folded form has the same length;
            // most text folds to itself, and then its shape was just tested.
            var first = CompactText.Fold(text[0]);
            var second = CompactText.Fold(text[1]);
            var last = CompactText.Fold(text[^1]);
            return (first != text[0] || second != text[1] || last != text[^1]) && Has(first, second, last, text.Length);
        }

        /// <summary>The words looked up are a few characters long: a plain loop beats the vectorised search's setup.</summary>
        private static bool HasSurrogate(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (char.IsSurrogate(c))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Has(char first, char second, char last, int length)
        {
            var bit = Bit(first, second, last, length);
            return (shapes[bit >> 6] & (1UL << bit)) != 0;
        }

        private static int Bit(char first, char second, char last, int length)
        {
            var h = ((uint)first * 0x9E3779B1u) ^ ((uint)second * 0x85EBCA6Bu) ^ ((uint)last * 0xC2B2AE35u) ^ ((uint)length * 0x27D4EB2Fu);
            h ^= h >> 15;
            h *= 0x2C1B3C6Du;
            return (int)(h >> (32 - Bits));
        }
    }
}
