using System.Collections.Concurrent;
using PublishPipeline.Model;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Documents a stage has just written, for the next stage of the same batch run to take instead of
/// reading them back from JSON (a cold <c>minutes publish</c> otherwise parses every normalised
/// and redacted document right after writing it). Each is kept under the name it was written to
/// and the ETag the store gave it; the next stage still reads the stored object (its metadata and
/// hash decide what to do) and takes the kept document only when the ETag is the one it read, so
/// it works on exactly what is stored.
/// A document is kept only when its JSON reads back as the same document: JSON has no spelling for
/// a lone surrogate, which the serializer writes as <c>\uFFFD</c>, so such a document is read
/// back from the store as before.
/// </summary>
internal sealed class StageHandOff
{
    private readonly ConcurrentDictionary<string, (string ETag, Minutes Minutes)> _documents = new(StringComparer.Ordinal);

    // Uploads the folder publisher has just copied into the store, by name, with their bytes.
    private readonly ConcurrentDictionary<string, (string ETag, byte[] Content)> _uploads = new(StringComparer.Ordinal);

    // The rendered records the render stage wrote, by document id, for the site check after the batch.
    private readonly ConcurrentDictionary<string, (string ETag, RenderedRecord Record)> _rendered = new(StringComparer.Ordinal);

    // The content keys the normalise stage learnt while writing, by document name, with the hash of
    // the upload each was made from.
    private readonly ConcurrentDictionary<string, (string SourceSha256, string Key)> _contentKeys = new(StringComparer.Ordinal);

    /// <summary>
    /// Keeps <paramref name="minutes"/>, just written to <paramref name="container"/>/<paramref name="name"/>
    /// as JSON that holds <c>\uFFFD</c> or not (<paramref name="jsonHasReplacementEscape"/>, as
    /// <see cref="StreamedDocument"/> tells while writing it).
    /// </summary>
    public void Keep(string container, string name, string etag, Minutes minutes, bool jsonHasReplacementEscape)
    {
        if (!jsonHasReplacementEscape)
        {
            _documents[Key(container, name)] = (etag, minutes);
        }
        else
        {
            _documents.TryRemove(Key(container, name), out _);
        }
    }

    /// <summary>The document kept for <paramref name="container"/>/<paramref name="name"/> if the stored object read has <paramref name="etag"/>; it is no longer kept either way.</summary>
    public Minutes? Take(string container, string name, string etag) =>
        _documents.TryRemove(Key(container, name), out var kept) && kept.ETag == etag ? kept.Minutes : null;

    /// <summary>Keeps the content key of the normalised document <paramref name="name"/> just written from the upload whose hash is <paramref name="sourceSha256"/>.</summary>
    public void KeepContentKey(string name, string sourceSha256, string key) => _contentKeys[name] = (sourceSha256, key);

    /// <summary>
    /// The content key kept for the normalised document <paramref name="name"/> if it was made from
    /// the upload whose hash is <paramref name="sourceSha256"/>, else null; it is no longer kept
    /// either way. With the key, the document kept for that name is dropped too, as a key read from
    /// the store takes it: redaction comes after every input's key and reads it back.
    /// </summary>
    public string? TakeContentKey(string name, string sourceSha256)
    {
        if (!_contentKeys.TryRemove(name, out var kept) || kept.SourceSha256 != sourceSha256)
        {
            return null;
        }

        _documents.TryRemove(Key(Containers.Normalized, name), out _);
        return kept.Key;
    }

    /// <summary>Keeps the rendered record of <paramref name="id"/> just written (ETag <paramref name="etag"/>), for the site check after the batch.</summary>
    public void KeepRendered(string id, string etag, RenderedRecord record) => _rendered[id] = (etag, record);

    /// <summary>The rendered record kept for <paramref name="id"/> if the stored one has <paramref name="etag"/>; it is no longer kept either way.</summary>
    public RenderedRecord? TakeRendered(string id, string etag) =>
        _rendered.TryRemove(id, out var kept) && kept.ETag == etag ? kept.Record : null;

    /// <summary>
    /// Keeps the bytes of upload <paramref name="name"/>, just written from them as version
    /// <paramref name="etag"/>, for its normalise stage: the folder publisher hashed them to copy
    /// the input, and a second read would hold the upload twice (30 MB each for a 30 MB upload).
    /// </summary>
    public void KeepUpload(string name, string etag, byte[] content) => _uploads[name] = (etag, content);

    /// <summary>The bytes kept for upload <paramref name="name"/> and the version they were written as, or null; no longer kept either way.</summary>
    public (string ETag, byte[] Content)? TakeUpload(string name) =>
        _uploads.TryRemove(name, out var kept) ? kept : null;

    private long _largestRendered;

    /// <summary>The largest redacted document (bytes of JSON) a render stage of this run has taken: its garbage is collected before the indexes are rebuilt (<see cref="StageGarbage"/>).</summary>
    public long LargestRendered => Interlocked.Read(ref _largestRendered);

    /// <summary>Notes that a render stage took a redacted document of <paramref name="bytes"/>.</summary>
    public void NoteRendered(long bytes)
    {
        var seen = Interlocked.Read(ref _largestRendered);
        while (bytes > seen && Interlocked.CompareExchange(ref _largestRendered, bytes, seen) != seen)
        {
            seen = Interlocked.Read(ref _largestRendered);
        }
    }

    private static string Key(string container, string name) => container + "/" + name;
}
