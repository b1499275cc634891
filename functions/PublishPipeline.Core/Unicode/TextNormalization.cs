using System.Buffers;
using System.Globalization;
using System.Text;

namespace PublishPipeline.Unicode;

/// <summary>
/// Unicode normalisation form C without ICU. The build runs with invariant globalisation, under
/// which <see cref="string.Normalize()"/> returns its input unchanged (a test pins this), so NFD text
/// (macOS file names, some Word and PDF exports) would otherwise stay decomposed: a name written
/// カ + ゛ is not the name written ガ, and would escape masking. The data is the Unicode Character
/// Database's, compiled by <c>scripts/build-unicode-tables.mjs</c> into <c>Data/normalization.txt</c>.
/// <para>
/// <see cref="ToNfc"/> is plain NFC, for names and ids. <see cref="ForReading"/> is NFC plus a few
/// compatibility folds that carry no meaning in minutes (half-width katakana, Kangxi radicals,
/// Latin ligatures), for the text of an upload; full NFKC is not applied (（）→(), ㈱→(株) would
/// change what the minutes say).
/// </para>
/// </summary>
public static class TextNormalization
{
    /// <summary>Canonical composition (NFC).</summary>
    public static string ToNfc(string text) => Normalize(text, folds: false);

    /// <summary>NFC after the safe compatibility folds: what ingest gives every later stage.</summary>
    public static string ForReading(string text) => Normalize(text, folds: true);

    /// <summary>True when <see cref="ForReading"/> would return this text unchanged (one scan, no copy).</summary>
    public static bool IsReadingForm(ReadOnlySpan<char> text) => text.IndexOfAny(Tables.Instance.AttentionWithFolds) < 0;

    /// <summary>Canonical decomposition (NFD): how macOS writes file names; tests make hostile input with it.</summary>
    public static string ToNfd(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cps = new List<int>(text.Length + 8);
        Tables.Instance.Decompose(text, folds: false, cps);
        Tables.Instance.Reorder(cps);
        var builder = new StringBuilder(cps.Count + 8);
        foreach (var cp in cps)
        {
            AppendCodePoint(builder, cp);
        }

        return builder.ToString();
    }

    /// <summary>True when <see cref="ToNfc"/> would return the text unchanged.</summary>
    public static bool IsNfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReferenceEquals(ToNfc(text), text);
    }

    private static string Normalize(string text, bool folds)
    {
        ArgumentNullException.ThrowIfNull(text);
        var data = Tables.Instance;
        var attention = folds ? data.AttentionWithFolds : data.Attention;
        var first = text.AsSpan().IndexOfAny(attention);
        if (first < 0)
        {
            return text;
        }

        StringBuilder? output = null;
        var copied = 0;
        var scratch = new List<int>(16);
        var position = first;
        while (position >= 0)
        {
            // A segment starts at the last character that needs no attention (a starter nothing
            // composes with backwards) and ends before the next one: segments normalise independently.
            var start = position > copied ? position - 1 : position;
            var end = position + 1;
            while (end < text.Length && attention.Contains(text[end]))
            {
                end++;
            }

            scratch.Clear();
            data.Decompose(text.AsSpan(start, end - start), folds, scratch);
            data.Reorder(scratch);
            data.Compose(scratch);
            if (!SameAs(scratch, text.AsSpan(start, end - start)))
            {
                output ??= new StringBuilder(text.Length);
                output.Append(text, copied, start - copied);
                foreach (var cp in scratch)
                {
                    AppendCodePoint(output, cp);
                }

                copied = end;
            }

            var next = end < text.Length ? text.AsSpan(end).IndexOfAny(attention) : -1;
            position = next < 0 ? -1 : end + next;
        }

        if (output is null)
        {
            return text;
        }

        output.Append(text, copied, text.Length - copied);
        return output.ToString();
    }

    private static bool SameAs(List<int> codePoints, ReadOnlySpan<char> original)
    {
        var i = 0;
        foreach (var cp in codePoints)
        {
            if (cp < 0x10000)
            {
                if (i >= original.Length || original[i] != cp)
                {
                    return false;
                }

                i++;
            }
            else
            {
                if (i + 1 >= original.Length || !char.IsSurrogatePair(original[i], original[i + 1]) || char.ConvertToUtf32(original[i], original[i + 1]) != cp)
                {
                    return false;
                }

                i += 2;
            }
        }

        return i == original.Length;
    }

    private static void AppendCodePoint(StringBuilder builder, int cp)
    {
        if (cp < 0x10000)
        {
            builder.Append((char)cp);
        }
        else
        {
            cp -= 0x10000;
            builder.Append((char)(0xD800 + (cp >> 10))).Append((char)(0xDC00 + (cp & 0x3FF)));
        }
    }

    /// <summary>The compiled tables, loaded once from the embedded resource.</summary>
    private sealed class Tables
    {
        public static readonly Tables Instance = Load();

        // Hangul syllables are composed algorithmically (Unicode §3.12), not listed.
        private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
        private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

        private readonly Dictionary<int, byte> combiningClass = [];
        private readonly Dictionary<int, int[]> decomposition = [];
        private readonly Dictionary<int, int[]> fold = [];
        private readonly Dictionary<long, int> composition = [];

        /// <summary>UTF-16 units after which plain copying is not enough (NFC quick check "no"/"maybe", combining marks, surrogates).</summary>
        public SearchValues<char> Attention { get; private set; } = null!;

        /// <summary><see cref="Attention"/> plus the characters the compatibility folds change.</summary>
        public SearchValues<char> AttentionWithFolds { get; private set; } = null!;

        private static Tables Load()
        {
            var tables = new Tables();
            var raw = new Dictionary<int, int[]>();
            var excluded = new HashSet<int>();
            var assembly = typeof(TextNormalization).Assembly;
            using var stream = assembly.GetManifestResourceStream("PublishPipeline.Unicode.Data.normalization.txt")
                ?? throw new InvalidOperationException("The Unicode normalization table is not embedded in the assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var fields = line.Split(';');
                var cp = int.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var ccc = byte.Parse(fields[1], CultureInfo.InvariantCulture);
                if (ccc != 0)
                {
                    tables.combiningClass[cp] = ccc;
                }

                if (fields[2].Length == 0)
                {
                    continue;
                }

                var mapping = fields[2].Split(' ').Select(h => int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
                switch (fields[3])
                {
                    case "k":
                        tables.fold[cp] = mapping;
                        break;
                    case "x":
                        excluded.Add(cp);
                        raw[cp] = mapping;
                        break;
                    default:
                        raw[cp] = mapping;
                        break;
                }
            }

            var quickCheckNo = new HashSet<int>();
            foreach (var (cp, mapping) in raw)
            {
                tables.decomposition[cp] = FullDecomposition(mapping, raw);

                // Primary composites: pairs whose first part is a starter, not excluded (UAX #15 full composition exclusion).
                var singleton = mapping.Length == 1;
                var nonStarter = tables.Ccc(cp) != 0 || tables.Ccc(mapping[0]) != 0;
                if (singleton || nonStarter || excluded.Contains(cp))
                {
                    quickCheckNo.Add(cp);
                }
                else
                {
                    tables.composition[Key(mapping[0], mapping[1])] = cp;
                }
            }

            foreach (var (cp, mapping) in tables.fold.ToList())
            {
                tables.fold[cp] = FullDecomposition(mapping, raw);
            }

            // Characters that may change or combine with what precedes them: combining marks, the
            // second half of any pair, decompositions that never recompose, Hangul vowels and trailing
            // consonants, and every surrogate (supplementary characters are checked one by one).
            var attention = new HashSet<char>();
            void Mark(int cp)
            {
                if (cp < 0x10000)
                {
                    attention.Add((char)cp);
                }
            }

            foreach (var cp in tables.combiningClass.Keys)
            {
                Mark(cp);
            }

            foreach (var key in tables.composition.Keys)
            {
                Mark((int)(key & 0x1FFFFF));
            }

            foreach (var cp in quickCheckNo)
            {
                Mark(cp);
            }

            for (var cp = VBase; cp < VBase + VCount; cp++)
            {
                Mark(cp);
            }

            for (var cp = TBase + 1; cp < TBase + TCount; cp++)
            {
                Mark(cp);
            }

            for (var c = 0xD800; c <= 0xDFFF; c++)
            {
                Mark(c);
            }

            tables.Attention = SearchValues.Create([.. attention.Order()]);
            foreach (var cp in tables.fold.Keys)
            {
                Mark(cp);
            }

            tables.AttentionWithFolds = SearchValues.Create([.. attention.Order()]);
            return tables;
        }

        private static int[] FullDecomposition(int[] mapping, Dictionary<int, int[]> raw)
        {
            var result = new List<int>(mapping.Length + 2);
            foreach (var cp in mapping)
            {
                if (raw.TryGetValue(cp, out var inner))
                {
                    result.AddRange(FullDecomposition(inner, raw));
                }
                else if (cp is >= SBase and < SBase + SCount)
                {
                    DecomposeHangul(cp, result);
                }
                else
                {
                    result.Add(cp);
                }
            }

            return [.. result];
        }

        private static long Key(int first, int second) => ((long)first << 21) | (uint)second;

        public byte Ccc(int cp) => cp < 0x300 ? (byte)0 : combiningClass.GetValueOrDefault(cp);

        public void Decompose(ReadOnlySpan<char> text, bool folds, List<int> output)
        {
            for (var i = 0; i < text.Length; i++)
            {
                int cp = text[i];
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    cp = char.ConvertToUtf32(text[i], text[i + 1]);
                    i++;
                }

                if (folds && fold.TryGetValue(cp, out var folded))
                {
                    output.AddRange(folded);
                }
                else if (decomposition.TryGetValue(cp, out var parts))
                {
                    output.AddRange(parts);
                }
                else if (cp is >= SBase and < SBase + SCount)
                {
                    DecomposeHangul(cp, output);
                }
                else
                {
                    output.Add(cp);
                }
            }
        }

        private static void DecomposeHangul(int cp, List<int> output)
        {
            var s = cp - SBase;
            output.Add(LBase + (s / NCount));
            output.Add(VBase + (s % NCount / TCount));
            if (s % TCount != 0)
            {
                output.Add(TBase + (s % TCount));
            }
        }

        /// <summary>Canonical ordering: a stable sort of each run of combining marks by class.</summary>
        public void Reorder(List<int> cps)
        {
            for (var i = 1; i < cps.Count; i++)
            {
                var ccc = Ccc(cps[i]);
                if (ccc == 0)
                {
                    continue;
                }

                var j = i;
                while (j > 0 && Ccc(cps[j - 1]) > ccc)
                {
                    (cps[j - 1], cps[j]) = (cps[j], cps[j - 1]);
                    j--;
                }
            }
        }

        /// <summary>Canonical composition (UAX #15 §1.3): each mark joins the last starter unless blocked.</summary>
        public void Compose(List<int> cps)
        {
            if (cps.Count < 2)
            {
                return;
            }

            var starter = Ccc(cps[0]) == 0 ? 0 : -1;
            var lastClass = starter == 0 ? 0 : 256;
            var write = 1;
            for (var read = 1; read < cps.Count; read++)
            {
                var cp = cps[read];
                var ccc = Ccc(cp);
                if (starter >= 0 && (lastClass < ccc || (lastClass == 0 && write == starter + 1)) && Combine(cps[starter], cp) is int composite)
                {
                    cps[starter] = composite;
                    continue;
                }

                if (ccc == 0)
                {
                    starter = write;
                }

                lastClass = ccc;
                cps[write++] = cp;
            }

            cps.RemoveRange(write, cps.Count - write);
        }

        private int? Combine(int first, int second)
        {
            if (first is >= LBase and < LBase + LCount && second is >= VBase and < VBase + VCount)
            {
                return SBase + ((((first - LBase) * VCount) + (second - VBase)) * TCount);
            }

            if (first is >= SBase and < SBase + SCount && (first - SBase) % TCount == 0 && second is > TBase and < TBase + TCount)
            {
                return first + (second - TBase);
            }

            return composition.TryGetValue(Key(first, second), out var composite) ? composite : null;
        }
    }
}
