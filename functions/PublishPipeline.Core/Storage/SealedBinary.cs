using System.Security.Cryptography;
using System.Text;

namespace PublishPipeline.Storage;

/// <summary>
/// The envelope of the pipeline's own binary caches (the index summary, the store's listing
/// caches): a magic, a format version, the body, then the SHA-256 of all that. A file that is
/// truncated, damaged, of another kind or of another version reads as null and its owner makes it
/// again: these are caches, never records.
/// </summary>
internal static class SealedBinary
{
    public static byte[] Write(ReadOnlySpan<byte> magic, int version, Action<BinaryWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(magic);
            w.Write(version);
            body(w);
        }

        buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        return buffer.ToArray();
    }

    /// <summary>What <paramref name="body"/> reads from a sealed file; null when the file is not whole, not of this kind and version, or the body does not end where the file does.</summary>
    public static T? Read<T>(byte[] bytes, ReadOnlySpan<byte> magic, int version, Func<BinaryReader, T?> body)
        where T : class
    {
        var end = bytes.Length - SHA256.HashSizeInBytes;
        if (end < magic.Length ||
            !bytes.AsSpan(0, magic.Length).SequenceEqual(magic) ||
            !SHA256.HashData(bytes.AsSpan(0, end)).AsSpan().SequenceEqual(bytes.AsSpan(end)))
        {
            return null;
        }

        using var buffer = new MemoryStream(bytes, magic.Length, end - magic.Length);
        using var r = new BinaryReader(buffer, Encoding.UTF8);
        try
        {
            if (r.ReadInt32() != version)
            {
                return null;
            }

            var read = body(r);
            return buffer.Position == buffer.Length ? read : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }
    }
}
