namespace PublishPipeline.Ingest;

/// <summary>
/// The CP932 codes Windows reads but never writes, which .NET's code page 932 rejects: the NEC-selected IBM
/// extensions (lead bytes 0xED, 0xEE: 﨑, 髙, ⅰ as older NEC-based systems wrote them), IBM's own copies of NEC
/// characters (0xFA4A–0xFA5B: Ⅰ, ￢, ㈱, №) and NEC's copies of JIS symbols (0x8790–0x879C: ≒, ∵, ∪). Each is
/// rewritten to the code .NET reads as the same character, two bytes for two, so offsets and lines stay where
/// they were. Before, one such character rejected the whole file as not Shift_JIS.
/// </summary>
internal static class Cp932OneWayCodes
{
    /// <summary>The bytes with each one-way code as the code Windows writes; the same span when there are none.</summary>
    public static ReadOnlySpan<byte> AsWritten(ReadOnlySpan<byte> bytes)
    {
        byte[]? copy = null;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            var lead = bytes[i];
            if (lead is not ((>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xFC)))
            {
                continue; // a single byte
            }

            if (lead is 0x87 or 0xED or 0xEE or 0xFA && Written(lead, bytes[i + 1]) is { } written)
            {
                copy ??= bytes.ToArray();
                copy[i] = (byte)(written >> 8);
                copy[i + 1] = (byte)written;
            }

            i++; // the trail byte
        }

        return copy ?? bytes;
    }

    private static int? Written(byte lead, byte trail)
    {
        if (trail is < 0x40 or 0x7F or > 0xFC)
        {
            return null;
        }

        // ED40–EEEC are IBM's kanji FA5C–FC4B in the same order (188 trail bytes to a lead byte).
        if (lead is 0xED or 0xEE && ((lead - 0xED) * 188) + trail - 0x40 - (trail > 0x7F ? 1 : 0) is var index && index < 360)
        {
            var target = (0xFA * 188) + (0x5C - 0x40) + index;
            var targetTrail = (target % 188) + 0x40;
            return ((target / 188) << 8) | (targetTrail >= 0x7F ? targetTrail + 1 : targetTrail);
        }

        return ((lead << 8) | trail) switch
        {
            >= 0xEEEF and <= 0xEEF8 and var code => 0xFA40 + (code - 0xEEEF), // ⅰ–ⅹ
            0xEEF9 or 0xFA54 => 0x81CA, // ￢
            >= 0xEEFA and <= 0xEEFC and var code => 0xFA55 + (code - 0xEEFA), // ￤ ＇ ＂
            >= 0xFA4A and <= 0xFA53 and var code => 0x8754 + (code - 0xFA4A), // Ⅰ–Ⅹ
            0xFA58 => 0x878A, // ㈱
            0xFA59 => 0x8782, // №
            0xFA5A => 0x8784, // ℡
            0xFA5B or 0x879A => 0x81E6, // ∵
            0x8790 => 0x81E0, // ≒
            0x8791 => 0x81DF, // ≡
            0x8792 => 0x81E7, // ∫
            0x8795 => 0x81E3, // √
            0x8796 => 0x81DB, // ⊥
            0x8797 => 0x81DA, // ∠
            0x879B => 0x81BF, // ∩
            0x879C => 0x81BE, // ∪
            _ => null,
        };
    }
}
