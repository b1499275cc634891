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

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> surnames;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> givenNames;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> places;

    public NameLexicon(IEnumerable<string> surnames, IEnumerable<string> givenNames, IEnumerable<string> words, IEnumerable<string>? places = null)
    {
        this.places = new HashSet<string>(places ?? [], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        this.surnames = new HashSet<string>(surnames, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        this.givenNames = new HashSet<string>(givenNames, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        this.words = new HashSet<string>(words, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lexicon shipped in the assembly (IPADIC 2.7.0 人名 and noun entries).</summary>
    public static NameLexicon Default => Embedded.Value;

    public int SurnameCount => surnames.Set.Count;

    public int GivenNameCount => givenNames.Set.Count;

    public int WordCount => words.Set.Count;

    public int PlaceCount => places.Set.Count;

    public bool IsSurname(ReadOnlySpan<char> text) => Contains(surnames, text);

    public bool IsGivenName(ReadOnlySpan<char> text) => Contains(givenNames, text);

    /// <summary>An ordinary word (一般/サ変/形容動詞 noun or a short place name) of two or more characters.</summary>
    public bool IsWord(ReadOnlySpan<char> text) => Contains(words, text) || Contains(places, text);

    /// <summary>An ordinary word (not a place name) of two or more characters.</summary>
    public bool IsCommonWord(ReadOnlySpan<char> text) => Contains(words, text);

    /// <summary>A place name of two or three characters (練馬, 豊島, 加賀美).</summary>
    public bool IsPlace(ReadOnlySpan<char> text) => Contains(places, text);

    private static bool Contains(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> set, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 16)
        {
            return false;
        }

        if (set.Contains(text))
        {
            return true;
        }

        Span<char> folded = stackalloc char[text.Length];
        var length = Fold(text, folded);
        return length >= 0 && set.Contains(folded[..length]);
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
}
