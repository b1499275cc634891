using System.Security.Cryptography;
using System.Text;

namespace PublishPipeline.Model;

/// <summary>
/// Ids are derived from the upload's name (its path inside the upload container), not its bytes:
/// a corrected re-upload under the same name replaces the same page, and a deleted upload maps
/// back to the page to withdraw. The id is ASCII so it can be a URL segment as it is.
/// </summary>
public static class MinutesId
{
    /// <summary>"m" + the first 16 hex digits of SHA-256 over the normalised upload name.</summary>
    public static string FromSourceName(string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        // NFC by our own tables: string.Normalize does nothing under invariant globalization, and the
        // NFD spelling of a name (macOS) must be the same document as the NFC one.
        var normalized = Unicode.TextNormalization.ToNfc(sourceName.Replace('\\', '/').Trim('/'));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalized), hash);
        return "m" + Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>True for strings this class could have produced; guards paths built from ids.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: 17 } && id[0] == 'm' && !id.AsSpan(1).ContainsAnyExcept(LowerHex);

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");
}
