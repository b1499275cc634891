using System.Text;

namespace PublishPipeline.Ingest;

/// <summary>
/// Where a file that is neither UTF-8 nor valid Shift_JIS/EUC-JP goes wrong, in the file's own
/// bytes: most such files are Shift_JIS with one damaged character, and the useful answer is the
/// byte offset and line of that character, not of the first byte that is not UTF-8 (which is simply
/// the first Japanese character). The byte grammar of each encoding is scanned directly because the
/// code-page decoders report positions that drift after an invalid pair.
/// </summary>
internal static class LegacyEncodingErrors
{
    /// <summary>The message and line for bytes no supported encoding reads.</summary>
    public static (string Message, int Line) Describe(ReadOnlySpan<byte> bytes, int invalidUtf8At, string? detectorGuess)
    {
        var sjis = FirstShiftJisError(bytes);
        var euc = FirstEucJpError(bytes);
        var guess = detectorGuess is null ? string.Empty : $"; a detector guessed {detectorGuess}";
        var length = bytes.Length;
        int Reach(int error) => error < 0 ? length : error;

        // The file's encoding is the one that reads furthest into it: a UTF-8 file with one bad byte
        // reads as UTF-8 up to that byte, a damaged Shift_JIS file as Shift_JIS up to its damage.
        if (invalidUtf8At >= Reach(sjis) && invalidUtf8At >= Reach(euc))
        {
            var utf8Line = LineAt(bytes, invalidUtf8At);
            return ($"not text in a supported encoding: invalid UTF-8 byte 0x{bytes[invalidUtf8At]:X2} at byte offset {invalidUtf8At} (line {utf8Line}), and not Shift_JIS/EUC-JP text either{guess}", utf8Line);
        }

        var useEuc = Reach(euc) > Reach(sjis)
            || (Reach(euc) == Reach(sjis) && detectorGuess is not null && detectorGuess.Contains("euc", StringComparison.OrdinalIgnoreCase));
        var (label, offset, other, otherOffset) = useEuc ? ("EUC-JP", euc, "Shift_JIS", sjis) : ("Shift_JIS", sjis, "EUC-JP", euc);
        if (offset >= 0)
        {
            var line = LineAt(bytes, offset);
            return ($"not text in a supported encoding: read as {label}, the bytes {Hex(bytes, offset)} at byte offset {offset} (line {line}) are not a {label} character"
                + $" (not UTF-8 either: first invalid byte at offset {invalidUtf8At}; not {other}{(otherOffset >= 0 ? $": invalid at offset {otherOffset}" : string.Empty)}){guess}", line);
        }

        // Valid byte structure, but what it decodes to is no text (control or private-use characters,
        // mostly half-width katakana): say where the first such character is.
        var encoding = Encoding.GetEncoding(useEuc ? 51932 : 932, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        var text = encoding.GetString(bytes);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f')) || c is (>= '\u0080' and <= '\u009F') or (>= '\uE000' and <= '\uF8FF') or '\uFFFD')
            {
                var at = encoding.GetByteCount(text.AsSpan(0, i));
                var line = LineAt(bytes, at);
                return ($"not text in a supported encoding: read as {label}, the character U+{(int)c:X4} at byte offset {at} (line {line}) is a control or private-use character, not minutes text"
                    + $" (not UTF-8 either: first invalid byte at offset {invalidUtf8At}){guess}", line);
            }
        }

        return ($"not text in a supported encoding: it reads as {label} only as mostly half-width katakana and symbols, which is what other bytes look like in {label}"
            + $" (not UTF-8: first invalid byte at offset {invalidUtf8At}, line {LineAt(bytes, invalidUtf8At)}){guess}", LineAt(bytes, invalidUtf8At));
    }

    /// <summary>Offset of the first byte that breaks Shift_JIS (CP932) structure, or -1.</summary>
    internal static int FirstShiftJisError(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b < 0x80 || b is >= 0xA1 and <= 0xDF)
            {
                continue; // ASCII, half-width katakana
            }

            if (b is (>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xFC))
            {
                if (i + 1 < bytes.Length && bytes[i + 1] is (>= 0x40 and <= 0x7E) or (>= 0x80 and <= 0xFC))
                {
                    i++;
                    continue;
                }
            }

            return i;
        }

        return -1;
    }

    /// <summary>Offset of the first byte that breaks EUC-JP structure, or -1.</summary>
    internal static int FirstEucJpError(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                continue;
            }

            var need = b switch
            {
                0x8E => 1, // half-width katakana
                0x8F => 2, // JIS X 0212
                >= 0xA1 and <= 0xFE => 1,
                _ => -1,
            };
            if (need < 0 || i + need >= bytes.Length)
            {
                return i;
            }

            for (var k = 1; k <= need; k++)
            {
                if (bytes[i + k] is < 0xA1 or > 0xFE && !(b == 0x8E && bytes[i + k] is >= 0xA1 and <= 0xDF))
                {
                    return i;
                }
            }

            i += need;
        }

        return -1;
    }

    private static string Hex(ReadOnlySpan<byte> bytes, int offset) =>
        string.Join(' ', bytes.Slice(offset, Math.Min(2, bytes.Length - offset)).ToArray().Select(b => $"0x{b:X2}"));

    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) =>
        1 + bytes[..Math.Clamp(offset, 0, bytes.Length)].Count((byte)'\n');
}
