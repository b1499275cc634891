using System.Buffers;
using System.Text;
using System.Text.Unicode;
using UtfUnknown;

namespace PublishPipeline.Ingest;

/// <summary>
/// Bytes → text, strictly. Tries only encodings Japanese ward offices really produce (UTF-8, UTF-16,
/// Shift_JIS/CP932, EUC-JP, ISO-2022-JP) and decodes with exception fallbacks: a byte that is not valid
/// in the chosen encoding rejects the file instead of turning into mojibake.
/// </summary>
internal static class SourceDecoder
{
    static SourceDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public sealed record Decoded(string Text, string EncodingName);

    public static Decoded Decode(string name, ReadOnlySpan<byte> bytes)
    {
        // 1. A byte order mark is the writer's own statement: trust it, but still decode strictly.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new(Strict(name, new UTF8Encoding(false, true), bytes[3..], 3, "UTF-8"), "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new(Strict(name, new UTF32Encoding(false, false, true), bytes[4..], 4, "UTF-32LE"), "utf-32le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new(Strict(name, new UnicodeEncoding(false, false, true), bytes[2..], 2, "UTF-16LE"), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(Strict(name, new UnicodeEncoding(true, false, true), bytes[2..], 2, "UTF-16BE"), "utf-16be");
        }

        // 2. NUL bytes: UTF-16 without a BOM shows them in one parity (ASCII letters, digits, newlines);
        //    anything else with NULs is binary.
        var firstNul = bytes.IndexOf((byte)0);
        if (firstNul >= 0)
        {
            if (Utf16ByNulPattern(bytes) is { } utf16)
            {
                var (encoding, label) = utf16
                    ? (new UnicodeEncoding(bigEndian: false, false, true), "utf-16le")
                    : (new UnicodeEncoding(bigEndian: true, false, true), "utf-16be");
                if (Try(encoding, bytes) is { } text && LooksLikeJapaneseText(text))
                {
                    return new(text, label);
                }
            }

            throw Binary(name, bytes, firstNul, "a NUL byte");
        }

        // 3. Valid UTF-8 is by far the most common and cannot happen by accident in Japanese legacy text.
        if (Utf8.IsValid(bytes))
        {
            if (bytes.IndexOf((ReadOnlySpan<byte>)[0x1B, (byte)'$']) >= 0 && Try(Encoding.GetEncoding(50220, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes) is { } jis)
            {
                return new(CheckControls(name, jis), "iso-2022-jp");
            }

            return new(CheckControls(name, Encoding.UTF8.GetString(bytes)), "utf-8");
        }

        // 4. Legacy Japanese encodings. Shift_JIS decodes almost any byte soup, so a result only counts
        //    when it also looks like Japanese text (no controls, no private-use area, little half-width kana).
        var invalidAt = FirstInvalidUtf8(bytes);
        var plausible = new List<Decoded>(2);
        foreach (var (codePage, label) in new[] { (932, "shift_jis"), (51932, "euc-jp") })
        {
            var encoding = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            if (Try(encoding, codePage == 932 ? Cp932OneWayCodes.AsWritten(bytes) : bytes) is { } text && LooksLikeJapaneseText(text))
            {
                plausible.Add(new(text, label));
            }
        }

        // Both readings look like Japanese only in rare, short files: then the detector decides.
        if (plausible.Count == 2)
        {
            var detected = Detect(bytes);
            return detected is not null && detected.Contains("euc", StringComparison.OrdinalIgnoreCase) ? plausible[1] : plausible[0];
        }

        if (plausible.Count == 1)
        {
            return plausible[0];
        }

        // Most such files are Shift_JIS (or EUC-JP) with a damaged character: point at it in the file's own bytes.
        var (message, line) = LegacyEncodingErrors.Describe(bytes, invalidAt, Detect(bytes));
        throw new MinutesFormatException(name, message, line) { Code = "encoding" };
    }

    /// <summary>
    /// The common upload, told from its bytes without decoding them: UTF-8 without a byte order mark,
    /// NUL, ISO-2022-JP escape or control characters, which <see cref="Decode"/> would decode as
    /// "utf-8" without complaint (line breaks are single bytes in UTF-8, so lines can be decoded one
    /// at a time). False leaves the upload, and any error message, to <see cref="Decode"/>.
    /// </summary>
    public static bool IsPlainUtf8(ReadOnlySpan<byte> bytes) =>
        !bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        && bytes.IndexOfAnyInRange((byte)0x00, (byte)0x08) < 0 && bytes.IndexOfAnyInRange((byte)0x0E, (byte)0x1F) < 0 // tab, line breaks and form feed only
        && Utf8.IsValid(bytes) && bytes.IndexOf((ReadOnlySpan<byte>)[0x1B, (byte)'$']) < 0;

    private static string? Detect(ReadOnlySpan<byte> bytes)
    {
        // The detector only orders candidates; a sample is enough and keeps big files fast.
        var sample = bytes.Length > 64 * 1024 ? bytes[..(64 * 1024)] : bytes;
        try
        {
            return CharsetDetector.DetectFromBytes(sample.ToArray()).Detected?.EncodingName;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? Try(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Strict(string name, Encoding encoding, ReadOnlySpan<byte> bytes, int offsetBase, string label)
    {
        try
        {
            return CheckControls(name, encoding.GetString(bytes));
        }
        catch (DecoderFallbackException ex)
        {
            // .NET reports a lone high surrogate at the unit after it; find UTF-16 errors exactly.
            var index = encoding is UnicodeEncoding ? FirstInvalidUtf16(bytes, encoding.CodePage == 1201) : Math.Clamp(ex.Index, 0, bytes.Length);
            throw new MinutesFormatException(
                name,
                $"not valid {label} text: invalid byte sequence at byte offset {offsetBase + index}",
                LineBefore(encoding, bytes, index),
                ex)
            { Code = "encoding" };
        }
    }

    // C0 controls other than tab, line feed, vertical tab, form feed and carriage return.
    private static readonly SearchValues<char> BinaryControls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>Control characters other than tab, newlines and form feed mean the bytes are not a text file.</summary>
    private static string CheckControls(string name, string text)
    {
        // One search for the refused characters: a search per line break allocated on every line.
        var index = text.AsSpan().IndexOfAny(BinaryControls);
        if (index >= 0)
        {
            var line = 1 + text.AsSpan(0, index).Count('\n');
            throw new MinutesFormatException(name, $"binary data, not text: control character U+{(int)text[index]:X4} at character {index}", line)
            { Code = "encoding" };
        }

        return text;
    }

    private static bool LooksLikeJapaneseText(string text)
    {
        int nonAscii = 0, halfWidthKana = 0, japanese = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                if (c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f'))
                {
                    return false;
                }

                continue;
            }

            nonAscii++;
            if (c is (>= '\u0080' and <= '\u009F') or (>= '\uE000' and <= '\uF8FF') or '\uFFFD')
            {
                return false; // C1 controls, private use (CP932 user-defined area, unmapped bytes): not real text.
            }

            if (c is >= '\uFF61' and <= '\uFF9F')
            {
                halfWidthKana++;
            }
            else if (c is (>= '\u3000' and <= '\u30FF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uFF01' and <= '\uFF60'))
            {
                japanese++;
            }
        }

        // UTF-8 or random bytes read as Shift_JIS come out as mostly half-width katakana and rare symbols.
        return nonAscii == 0 || (halfWidthKana * 4 < nonAscii && japanese * 2 >= nonAscii);
    }

    /// <summary>true = UTF-16LE, false = UTF-16BE, null = not UTF-16 by its NUL pattern.</summary>
    private static bool? Utf16ByNulPattern(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
        {
            return null;
        }

        var sample = bytes.Length > 8192 ? bytes[..8192] : bytes;
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if (i % 2 == 0)
                {
                    evenNul++;
                }
                else
                {
                    oddNul++;
                }
            }
        }

        // Minutes written in full-width text have few ASCII characters and many ideographic spaces
        // (U+3000) or 一 (U+4E00), whose NULs fall in the other parity, so the NULs alone can point the
        // wrong way. First the byte order under which nearly every unit is a character minutes are
        // written in, while the other order is not (binary data is that in neither; ASCII-heavy text
        // swapped is kanji, so it falls through to the NULs).
        var le = WrittenShare(sample, bigEndian: false);
        var be = WrittenShare(sample, bigEndian: true);
        if (le >= 0.97 && be < 0.9)
        {
            return true;
        }

        if (be >= 0.97 && le < 0.9)
        {
            return false;
        }

        // UTF-16 text has NULs mostly in the high byte of ASCII (letters, digits, newlines); CJK characters
        // such as U+3000 or U+4E00 put a few in the other parity. Binary data has them everywhere.
        if (oddNul >= 4 && oddNul >= evenNul * 4)
        {
            return true;
        }

        if (evenNul >= 4 && evenNul >= oddNul * 4)
        {
            return false;
        }

        return null;
    }

    /// <summary>The share of the UTF-16 units of <paramref name="sample"/> that are characters minutes are written in.</summary>
    private static double WrittenShare(ReadOnlySpan<byte> sample, bool bigEndian)
    {
        var written = 0;
        var units = sample.Length / 2;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            var unit = bigEndian ? (sample[i] << 8) | sample[i + 1] : sample[i] | (sample[i + 1] << 8);
            if (unit is '\t' or '\n' or '\r' or '\f' or (>= 0x20 and <= 0x7E) or (>= 0xA0 and <= 0x24F) or (>= 0x370 and <= 0x4FF) // Latin, Greek, Cyrillic
                or (>= 0x2000 and <= 0x27BF) // punctuation, arrows, circled numbers, box drawing, shapes (○■□), ☑☐
                or (>= 0x3000 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) // CJK punctuation, kana, ㈱ ㍻, kanji
                or (>= 0xD800 and <= 0xDFFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF00 and <= 0xFFEF))
            {
                written++;
            }
        }

        return units == 0 ? 0 : (double)written / units;
    }

    private static int FirstInvalidUtf16(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            var unit = bigEndian ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8);
            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return i;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                var next = i + 3 < bytes.Length ? (bigEndian ? (bytes[i + 2] << 8) | bytes[i + 3] : bytes[i + 2] | (bytes[i + 3] << 8)) : -1;
                if (next is < 0xDC00 or > 0xDFFF)
                {
                    return i;
                }

                i += 2;
            }
        }

        return bytes.Length - (bytes.Length % 2 == 1 ? 1 : 0); // an odd trailing byte
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            var consumedTotal = 0;
            while (consumedTotal < bytes.Length)
            {
                var status = Utf8.ToUtf16(bytes[consumedTotal..], buffer, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                consumedTotal += read;
                if (status is System.Buffers.OperationStatus.InvalidData or System.Buffers.OperationStatus.NeedMoreData)
                {
                    return consumedTotal;
                }

                if (status == System.Buffers.OperationStatus.Done)
                {
                    break;
                }
            }

            return Math.Min(consumedTotal, bytes.Length - 1);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The line of a byte offset, counted in the file's own encoding (UTF-16 has 0x0A bytes inside characters).</summary>
    private static int LineBefore(Encoding encoding, ReadOnlySpan<byte> bytes, int offset)
    {
        var lenient = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        return 1 + lenient.GetString(bytes[..offset]).AsSpan().Count('\n');
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) =>
        1 + bytes[..Math.Clamp(offset, 0, bytes.Length)].Count((byte)'\n');

    private static MinutesFormatException Binary(string name, ReadOnlySpan<byte> bytes, int offset, string what) =>
        new(name, $"binary data, not text: {what} at byte offset {offset}", LineAt(bytes, offset)) { Code = "encoding" };
}
