using System.IO.Compression;

namespace PublishPipeline.Site;

/// <summary>
/// gzip for files stored precompressed. Azure's static website serves a blob's bytes with its
/// stored Content-Encoding and never negotiates, so only files that browsers alone fetch are
/// stored gzip (every browser accepts it): the search index and fragments (read by search.js)
/// and the CSS and script. Pages, feeds, the sitemap, robots.txt and the open-data JSON stay
/// identity, because crawlers, feed readers and data tools must read them as they are.
/// <c>minutes serve</c> sends the gzip bytes to clients that accept gzip and decompresses for
/// the rest; it compresses other text on the fly.
/// </summary>
public static class Precompression
{
    public const string Gzip = "gzip";

    /// <summary>Deterministic gzip: no name, no time, "unknown" OS, so the same input gives the same bytes on any machine with the same runtime.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, level, leaveOpen: true))
        {
            gzip.Write(content);
        }

        var bytes = buffer.ToArray();
        bytes[9] = 0xFF; // RFC 1952 OS field: the platform would otherwise show through
        return bytes;
    }

    public static byte[] Decompress(ReadOnlySpan<byte> gzip)
    {
        using var input = new MemoryStream(gzip.ToArray());
        using var stream = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>True for bytes that start like a gzip member (1F 8B 08); no text file of the site starts with U+001F.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 10 && bytes[0] == 0x1F && bytes[1] == 0x8B && bytes[2] == 8;

    /// <summary>True when an Accept-Encoding header accepts gzip (gzip or * with a non-zero q).</summary>
    public static bool Accepts(string? acceptEncoding)
    {
        if (string.IsNullOrWhiteSpace(acceptEncoding))
        {
            return false;
        }

        bool? gzip = null, any = null;
        foreach (var part in acceptEncoding.Split(','))
        {
            var pieces = part.Split(';');
            var name = pieces[0].Trim();
            var q = 1.0;
            foreach (var parameter in pieces.Skip(1))
            {
                var kv = parameter.Split('=', 2);
                if (kv.Length == 2 && kv[0].Trim().Equals("q", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(kv[1].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
                {
                    q = value;
                }
            }

            if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = q > 0;
            }
            else if (name == "*")
            {
                any = q > 0;
            }
        }

        return gzip ?? any ?? false;
    }

    /// <summary>Types worth compressing on the fly (text); images other than SVG are already compressed.</summary>
    public static bool IsCompressible(string contentType) =>
        contentType.StartsWith("text/", StringComparison.Ordinal)
        || contentType.StartsWith("application/json", StringComparison.Ordinal)
        || contentType.StartsWith("application/xml", StringComparison.Ordinal)
        || contentType.StartsWith("application/atom+xml", StringComparison.Ordinal)
        || contentType.StartsWith("image/svg+xml", StringComparison.Ordinal);
}
