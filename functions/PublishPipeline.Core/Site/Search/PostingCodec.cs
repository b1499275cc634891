using System.Buffers;

namespace PublishPipeline.Site.Search;

/// <summary>
/// The text encoding of postings, chosen so a shard stays JSON and search.js decodes it in a few
/// lines: numbers as base64url VLQ digits (5 bits each, least significant first, bit 5 = more
/// follow), the same scheme as source maps but with '-' and '_' (which JSON never escapes).
///
/// A posting list is, per document newest first: the key delta (the key itself for the first,
/// then previous − this), then the set of unit ids where the term occurs, written either as
/// <c>2n</c> + first id + gaps−1 (a list) or <c>2m+1</c> + m raw base64 characters of 6 bits
/// each (a bitmap, bit j of character k = id 6k+j), whichever is shorter.
/// </summary>
internal static class PostingCodec
{
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly sbyte[] Values = BuildValues();

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }

    public static int VlqLength(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var n = 1;
        while (value >= 32)
        {
            value >>= 5;
            n++;
        }

        return n;
    }

    public static void WriteVlq(long value, IBufferWriter<byte> output)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var span = output.GetSpan(13);
        var n = 0;
        do
        {
            var digit = (int)(value & 31);
            value >>= 5;
            span[n++] = (byte)Alphabet[value > 0 ? digit | 32 : digit];
        }
        while (value > 0);
        output.Advance(n);
    }

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>; returns the characters written.</summary>
    public static int WriteVlq(long value, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var n = 0;
        do
        {
            var digit = (int)(value & 31);
            value >>= 5;
            destination[n++] = (byte)Alphabet[value > 0 ? digit | 32 : digit];
        }
        while (value > 0);
        return n;
    }

    /// <summary>The encoded set of unit ids (ascending, distinct, non-negative).</summary>
    public static byte[] EncodeIds(ReadOnlySpan<int> ids)
    {
        var output = new byte[EncodedLength(ids)];
        Encode(ids, output);
        return output;
    }

    /// <summary>Characters <see cref="Encode"/> writes for <paramref name="ids"/>: the shorter of list and bitmap.</summary>
    public static int EncodedLength(ReadOnlySpan<int> ids)
    {
        var (list, bitmap, _) = Lengths(ids);
        return Math.Min(list, bitmap);
    }

    /// <summary>Writes the set as a list or a bitmap, whichever is shorter (a tie goes to the list).</summary>
    public static void Encode(ReadOnlySpan<int> ids, Span<byte> destination)
    {
        var (listLength, bitmapLength, chars) = Lengths(ids);
        var at = 0;
        if (listLength <= bitmapLength)
        {
            at += WriteVlq(2L * ids.Length, destination[at..]);
            at += WriteVlq(ids[0], destination[at..]);
            for (var i = 1; i < ids.Length; i++)
            {
                at += WriteVlq(ids[i] - ids[i - 1] - 1, destination[at..]);
            }

            return;
        }

        at += WriteVlq((2L * chars) + 1, destination[at..]);
        var bits = destination.Slice(at, chars);
        bits.Clear();
        foreach (var id in ids)
        {
            bits[id / 6] |= (byte)(1 << (id % 6));
        }

        for (var k = 0; k < chars; k++)
        {
            bits[k] = (byte)Alphabet[bits[k]];
        }
    }

    private static (int List, int Bitmap, int Chars) Lengths(ReadOnlySpan<int> ids)
    {
        if (ids.IsEmpty)
        {
            throw new ArgumentException("An occurrence set is never empty.", nameof(ids));
        }

        var listLength = VlqLength(2L * ids.Length) + VlqLength(ids[0]);
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i] <= ids[i - 1])
            {
                throw new ArgumentException("Ids must be ascending and distinct.", nameof(ids));
            }

            listLength += VlqLength(ids[i] - ids[i - 1] - 1);
        }

        var chars = (ids[^1] / 6) + 1;
        return (listLength, VlqLength((2L * chars) + 1) + chars, chars);
    }

    /// <summary>Reads one posting list back (key → ids), for tests and checks; search.js does the same.</summary>
    public static SortedDictionary<long, int[]> Decode(string posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var result = new SortedDictionary<long, int[]>();
        var at = 0;
        long key = 0;
        var first = true;
        while (at < posting.Length)
        {
            var delta = ReadVlq(posting, ref at);
            key = first ? delta : key - delta;
            first = false;
            var header = ReadVlq(posting, ref at);
            var ids = new List<int>();
            if ((header & 1) == 1)
            {
                var chars = (header - 1) / 2;
                for (var k = 0; k < chars; k++)
                {
                    var bits = Value(posting[at++]);
                    for (var b = 0; b < 6; b++)
                    {
                        if ((bits & (1 << b)) != 0)
                        {
                            ids.Add((int)((6 * k) + b));
                        }
                    }
                }
            }
            else
            {
                var count = header / 2;
                var id = (int)ReadVlq(posting, ref at);
                ids.Add(id);
                for (var i = 1; i < count; i++)
                {
                    id += (int)ReadVlq(posting, ref at) + 1;
                    ids.Add(id);
                }
            }

            if (!result.TryAdd(key, [.. ids]))
            {
                throw new FormatException($"Key {key} appears twice in one posting list.");
            }
        }

        return result;
    }

    private static long ReadVlq(string s, ref int at)
    {
        long value = 0;
        var shift = 0;
        int digit;
        do
        {
            digit = Value(s[at++]);
            value |= (long)(digit & 31) << shift;
            shift += 5;
        }
        while ((digit & 32) != 0);
        return value;
    }

    private static int Value(char c) =>
        c < 128 && Values[c] >= 0 ? Values[c] : throw new FormatException($"'{c}' is not a posting character.");
}
