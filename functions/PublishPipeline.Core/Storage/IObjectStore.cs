namespace PublishPipeline.Storage;

/// <summary>
/// The one storage abstraction of the pipeline: named containers of named objects with
/// content headers, user metadata and ETags. Implemented by the local file system (the CLI's
/// default) and by Azure Blob Storage; both pass the same contract tests.
/// Object names are untrusted input and are validated by <see cref="ObjectName"/>.
/// </summary>
public interface IObjectStore
{
    /// <summary>The object, or null when it does not exist.</summary>
    Task<StoredObject?> GetAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Writes the object whole (never half-written) and returns its new ETag.</summary>
    /// <exception cref="WriteConflictException">The <paramref name="condition"/> did not hold.</exception>
    Task<string> PutAsync(
        string container,
        string name,
        ReadOnlyMemory<byte> content,
        ObjectProperties properties,
        WriteCondition? condition = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="PutAsync(string, string, ReadOnlyMemory{byte}, ObjectProperties, WriteCondition?, CancellationToken)"/>
    /// for content whose SHA-256 (lower-case hex) the caller has just computed: a store that hashes
    /// what it writes takes it instead of hashing the same bytes again. By default the hash is not used.
    /// It must be the hash of exactly <paramref name="content"/>: the file-system store records it,
    /// and a read that finds other bytes than the record describes ignores the record.
    /// </summary>
    Task<string> PutAsync(
        string container,
        string name,
        ReadOnlyMemory<byte> content,
        string contentSha256,
        ObjectProperties properties,
        WriteCondition? condition = null,
        CancellationToken cancellationToken = default) =>
        PutAsync(container, name, content, properties, condition, cancellationToken);

    /// <summary>
    /// Writes the object whole from what <paramref name="writeContent"/> writes to the stream it is
    /// given (JSON serialised straight into the store, say), so a large object need not be one array
    /// in memory first. The object appears only when the writer has finished, under the same
    /// <paramref name="condition"/> as a write of bytes; if the writer throws, nothing is written. The
    /// writer is called once. By default the content is gathered in memory and written as bytes; the
    /// file-system store writes it to the object's folder as it comes. The content's hash goes into
    /// the metadata under <see cref="ObjectProperties.ContentSha256Key"/>, as with a write of bytes.
    /// </summary>
    /// <exception cref="WriteConflictException">The <paramref name="condition"/> did not hold.</exception>
    async Task<string> PutAsync(
        string container,
        string name,
        Func<Stream, CancellationToken, Task> writeContent,
        ObjectProperties properties,
        WriteCondition? condition = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        using var buffer = new MemoryStream();
        await writeContent(buffer, cancellationToken).ConfigureAwait(false);
        return await PutAsync(container, name, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), properties, condition, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The object's content as a stream to read, or null when it does not exist: for a reader that
    /// wants a part of a large object (the warnings of a normalised document, 60 MB of JSON for a
    /// 30 MB upload) without holding it whole. No properties and no ETag: a reader that must know
    /// which version it read uses <see cref="GetAsync"/>. By default the object is read whole; the
    /// file-system store opens the file.
    /// </summary>
    async Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var stored = await GetAsync(container, name, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : new MemoryStream(stored.Content.ToArray(), writable: false);
    }

    /// <summary>
    /// The object's properties, ETag and content hash with its content as a stream, all of one
    /// version of the object, or null when it does not exist: for a stage that decides from the
    /// record whether it has work, and reads a large object (a normalised document of 60 MB) as a
    /// stream if it has. The hash is the one the store recorded for the content; a reader of the
    /// content checks it (<see cref="OpenedObject.ReadVerified"/>). By default the object is read
    /// whole (<see cref="GetAsync"/>); the file-system store opens the file and reads its record.
    /// </summary>
    async Task<OpenedObject?> OpenAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var stored = await GetAsync(container, name, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : OpenedObject.Of(stored);
    }

    /// <summary>Deletes the object; false when it was not there.</summary>
    Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists objects whose names start with <paramref name="prefix"/>, in ordinal name order.</summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the object exists. By default a listing with the name as prefix (one request on
    /// Blob Storage); a store that can look a name up directly overrides it, since the pipeline
    /// asks once per document (a public-version confirmation) and a listing that walks the whole
    /// container would make a publish grow with the square of the archive.
    /// </summary>
    async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        await foreach (var item in ListAsync(container, name, cancellationToken).ConfigureAwait(false))
        {
            if (item.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The object's size and last-modified time without its content or metadata, or null when it
    /// does not exist. By default a listing with the name as prefix; the file-system store
    /// overrides it with one <c>stat</c>, so the local door can check a whole site folder against
    /// what it recorded without reading it (see <c>SiteRepair</c>).
    /// </summary>
    async Task<ObjectStat?> StatAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        await foreach (var item in ListAsync(container, name, cancellationToken).ConfigureAwait(false))
        {
            if (item.Name == name)
            {
                return new ObjectStat(item.Length, item.LastModified);
            }
        }

        return null;
    }
}

/// <summary>What a stat of an object says: its size and when it was last written.</summary>
public sealed record ObjectStat(long Length, DateTimeOffset LastModified);

/// <summary>HTTP content headers and user metadata stored with an object.</summary>
public sealed record ObjectProperties
{
    public static readonly ObjectProperties None = new();

    public string? ContentType { get; init; }

    public string? CacheControl { get; init; }

    /// <summary>How the stored bytes are encoded (e.g. <c>gzip</c>); served as the Content-Encoding header.</summary>
    public string? ContentEncoding { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// A metadata key under which the store records the SHA-256 (lower-case hex) of the content it
    /// writes, hashed as it writes it: a writer that streams its content cannot know the hash before
    /// the write, yet a listing must show it. Null: no such entry.
    /// </summary>
    public string? ContentSha256Key { get; init; }

    /// <summary>The properties to store with content of SHA-256 <paramref name="contentSha256"/>: its hash in <see cref="ContentSha256Key"/> when that is set.</summary>
    public ObjectProperties WithContentSha256(string contentSha256) =>
        ContentSha256Key is not { } key ? this
        : this with { ContentSha256Key = null, Metadata = new Dictionary<string, string>(Metadata, StringComparer.Ordinal) { [key] = contentSha256 } };
}

/// <summary>An object with its content.</summary>
public sealed record StoredObject(string Name, ReadOnlyMemory<byte> Content, ObjectProperties Properties, string ETag)
{
    /// <summary>The SHA-256 of <see cref="Content"/> (lower-case hex) when the store computed it while reading, else null.</summary>
    public string? ContentSha256 { get; init; }
}

/// <summary>An object's listing entry, without content.</summary>
public sealed record ObjectInfo(string Name, long Length, string ETag, DateTimeOffset LastModified, IReadOnlyDictionary<string, string> Metadata);

/// <summary>Optimistic concurrency for writes.</summary>
public sealed record WriteCondition
{
    private WriteCondition(string? ifMatch, bool ifNotExists)
    {
        IfMatchETag = ifMatch;
        IfNotExists = ifNotExists;
    }

    /// <summary>Write only if the object still has this ETag.</summary>
    public string? IfMatchETag { get; }

    /// <summary>Write only if no object of that name exists.</summary>
    public bool IfNotExists { get; }

    public static WriteCondition IfMatch(string etag) => new(etag, false);

    public static WriteCondition CreateOnly { get; } = new(null, true);
}

/// <summary>A conditional write lost a race: someone else wrote first.</summary>
public sealed class WriteConflictException : Exception
{
    public WriteConflictException()
    {
    }

    public WriteConflictException(string message)
        : base(message)
    {
    }

    public WriteConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
