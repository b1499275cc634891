using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace PublishPipeline.Storage;

/// <summary>
/// An object opened by <see cref="IObjectStore.OpenAsync"/>: its record (properties, ETag, length
/// and the SHA-256 recorded for its content) read without its content, which is a stream of the
/// same version. Disposing it closes the stream.
/// </summary>
public sealed class OpenedObject(string name, ObjectProperties properties, string etag, long length, string contentSha256, Stream content) : IDisposable
{
    // The hash was made from exactly these bytes (an object read whole): a reader need not hash them again.
    private bool _hashed;

    public string Name { get; } = name;

    public ObjectProperties Properties { get; } = properties;

    public string ETag { get; } = etag;

    public long Length { get; } = length;

    /// <summary>The SHA-256 (lower-case hex) the store recorded for the content; what the content is checked against.</summary>
    public string ContentSha256 { get; } = contentSha256;

    /// <summary>The content, read once from the start.</summary>
    public Stream Content { get; } = content;

    /// <summary>An object read whole, opened over its bytes (the default of <see cref="IObjectStore.OpenAsync"/>).</summary>
    public static OpenedObject Of(StoredObject stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var bytes = MemoryMarshal.TryGetArray(stored.Content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(stored.Content.ToArray(), writable: false);
        var sha = stored.ContentSha256 ?? Convert.ToHexStringLower(SHA256.HashData(stored.Content.Span));
        return new OpenedObject(stored.Name, stored.Properties, stored.ETag, stored.Content.Length, sha, bytes) { _hashed = true };
    }

    /// <summary>
    /// What <paramref name="read"/> makes of the content, given it as a stream that hashes what it
    /// passes on; the rest of the content is read and hashed after it.
    /// </summary>
    /// <exception cref="InvalidDataException">The content is not what the record describes (its hash differs): what was made of it is not used.</exception>
    public T ReadVerified<T>(Func<Stream, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (_hashed)
        {
            return read(Content);
        }

        using var sha256 = SHA256.Create();
        T value;
        using (var hashing = new CryptoStream(Content, sha256, CryptoStreamMode.Read, leaveOpen: true))
        {
            // A hash algorithm as a crypto transform passes its input through unchanged.
            value = read(hashing);
            hashing.CopyTo(Stream.Null);
        }

        return Convert.ToHexStringLower(sha256.Hash!) == ContentSha256 ? value : throw Changed();
    }

    /// <summary>The whole content, checked against the record (a small object's: read whole, it is parsed fastest).</summary>
    /// <exception cref="InvalidDataException">The content is not what the record describes (its hash differs).</exception>
    public byte[] ReadAllVerified()
    {
        using var bytes = new MemoryStream(checked((int)Length));
        Content.CopyTo(bytes);
        var content = bytes.Length == bytes.Capacity ? bytes.GetBuffer() : bytes.ToArray();
        return _hashed || Convert.ToHexStringLower(SHA256.HashData(content)) == ContentSha256 ? content : throw Changed();
    }

    public void Dispose() => Content.Dispose();

    private InvalidDataException Changed() =>
        new($"{Name}: the content is not what its record describes (its hash differs); it was not used.");
}
