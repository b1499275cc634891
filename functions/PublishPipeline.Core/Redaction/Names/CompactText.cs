using System.Buffers;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// A text with its white space removed and its characters folded to one spelling (old forms such as
/// 髙 﨑 𠮷, full-width Latin and digits, half-width katakana), keeping where each character came
/// from, so a name matches whatever the spacing (<c>山　田　太　郎</c>) or width, and the match maps back
/// to the original offsets. A folded character is one UTF-16 unit or a surrogate pair kept as two.
/// </summary>
internal readonly struct CompactText
{
    private readonly char[] _chars;
    private readonly int[] _map;

    private CompactText(char[] chars, int[] map, int length)
    {
        _chars = chars;
        _map = map;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, Length);

    /// <summary>The original offset of compact character <paramref name="index"/>.</summary>
    public int OriginalAt(int index) => _map[index];

    /// <summary>The original range [start, end) that compact [start, start+length) came from, spaces inside included.</summary>
    public (int Start, int End) Original(int start, int length) => (_map[start], _map[start + length - 1] + 1);

    public static CompactText Of(ReadOnlySpan<char> text)
    {
        var chars = new char[text.Length];
        var map = new int[text.Length];
        return new CompactText(chars, map, Fill(text, chars, map));
    }

    /// <summary>
    /// The same, in buffers rented from the shared pool, so compacting every field of a document
    /// allocates nothing per field; the caller gives them back with <see cref="Return"/> and may not
    /// use the result after that.
    /// </summary>
    public static CompactText Rent(ReadOnlySpan<char> text)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        var map = ArrayPool<int>.Shared.Rent(Math.Max(1, text.Length));
        return new CompactText(chars, map, Fill(text, chars, map));
    }

    /// <summary>Gives the buffers of a <see cref="Rent"/> result back to the pool.</summary>
    public void Return()
    {
        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<int>.Shared.Return(_map);
    }

    /// <summary>Writes the compact characters, and where each came from unless <paramref name="map"/> is empty.</summary>
    private static int Fill(ReadOnlySpan<char> text, Span<char> chars, Span<int> map)
    {
        var mapped = !map.IsEmpty;
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.ConvertToUtf32(c, text[i + 1]) == 0x20BB7)
            {
                if (mapped)
                {
                    map[n] = i;
                }

                chars[n++] = '吉'; // 𠮷 (つちよし)
                i++;
                continue;
            }

            if (mapped)
            {
                map[n] = i;
            }

            chars[n++] = Fold(c);
        }

        return n;
    }

    /// <summary>
    /// The folded form written into <paramref name="buffer"/> (at least as long as the text), for a
    /// lookup by span that allocates nothing: most lookups find the name, and a string for each was a
    /// large part of what masking a document allocated.
    /// </summary>
    public static ReadOnlySpan<char> FoldInto(ReadOnlySpan<char> text, Span<char> buffer) => buffer[..Fill(text, buffer, [])];

    /// <summary>A pattern folded the same way (spaces removed, old forms and widths folded).</summary>
    public static string Folded(ReadOnlySpan<char> text)
    {
        // Names and patterns are short: folded on the stack, one string the only allocation.
        char[]? rented = null;
        var chars = text.Length <= 128 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var folded = new string(chars[..Fill(text, chars, [])]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return folded;
    }

    /// <summary>One spelling per character: the old forms IPADIC and most rolls do not use, and both widths.</summary>
    public static char Fold(char c) => c switch
    {
        '髙' => '高',
        '﨑' => '崎',
        '嵜' => '崎',
        '濵' => '濱',
        '邉' => '邊',
        '德' => '徳',
        '惠' => '恵',
        '彌' => '弥',
        '曻' => '昇',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0), // full-width ASCII
        >= '\uFF66' and <= '\uFF9D' => HalfWidthKatakana[c - '\uFF66'],
        _ => c,
    };

    private const string HalfWidthKatakana = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
}
