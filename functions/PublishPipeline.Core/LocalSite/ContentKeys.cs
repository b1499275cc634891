using System.Security.Cryptography;
using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.LocalSite;

/// <summary>
/// What makes two inputs "the same minutes": their normalised content, leaving out what comes from
/// the file rather than the meeting (id, name, encoding, format). A Shift_JIS copy and a UTF-8 copy
/// of one set of minutes have one key. The key of each uploaded version (by the SHA-256 of its
/// bytes) is kept in the private work folder, so an input is normalised at most once per version.
/// </summary>
internal sealed class ContentKeys
{
    /// <summary>Private state in the work folder (audit container; never published).</summary>
    public const string StateName = PipelineNames.StatePrefix + "local/content-keys.json";

    private static readonly WorkFolderCodec<string> Codec = new((w, key) => w.Write(key), r => r.ReadString());

    private readonly WorkFolderCache<string> _keys;

    private ContentKeys(WorkFolderCache<string> keys) => _keys = keys;

    public static async Task<ContentKeys> LoadAsync(IObjectStore store, CancellationToken cancellationToken) =>
        new(await WorkFolderCache<string>.LoadAsync(store, StateName, Codec, cancellationToken).ConfigureAwait(false));

    public string? Get(string sourceSha256) => _keys.TryGet(sourceSha256, out var key) ? key : null;

    public void Set(string sourceSha256, string key) => _keys.Set(sourceSha256, key, string.Equals);

    /// <summary>Keeps the keys of the current inputs only and writes them if anything changed.</summary>
    public Task SaveAsync(IObjectStore store, IEnumerable<string> current, CancellationToken cancellationToken) =>
        _keys.SaveAsync(store, current, cancellationToken);

    /// <summary>
    /// The key of the normalised document made from exactly these bytes, or a key of the bytes
    /// themselves when there is none (an unreadable upload: only an identical file is the same).
    /// </summary>
    /// <param name="handOff">
    /// Where normalisation left the document it just wrote: taken from there instead of parsed
    /// (and not left there: redaction comes after every input's key, when holding every
    /// normalised document would make memory grow with the archive).
    /// </param>
    public static async Task<string> OfNormalizedAsync(IObjectStore store, string id, string sourceSha256, CancellationToken cancellationToken, StageHandOff? handOff = null)
    {
        var normalized = await store.GetAsync(Containers.Normalized, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);
        var kept = normalized is null ? null : handOff?.Take(Containers.Normalized, PipelineNames.Document(id), normalized.ETag);
        if (normalized is null || ObjectMetadata.Get(normalized.Properties.Metadata, MetadataKeys.SourceSha256) != sourceSha256)
        {
            return "bytes:" + sourceSha256;
        }

        try
        {
            // Written by this run (handed off): its stored JSON is exactly MinutesJson.Serialize of
            // it, so the key is taken from those bytes instead of serialising the document again.
            return (kept is null ? null : OfSerialized(normalized.Content.Span)) ?? Of(kept ?? MinutesJson.Deserialize(normalized.Content.Span));
        }
        catch (JsonException)
        {
            return "bytes:" + sourceSha256;
        }
    }

    /// <summary>The key of a normalised document.</summary>
    public static string Of(Minutes minutes) =>
        "minutes:" + PipelineNames.Sha256(MinutesJson.Serialize(minutes with { Id = string.Empty, Source = null }));

    /// <summary>
    /// <see cref="Of"/> from the document's JSON as <see cref="MinutesJson.Serialize"/> wrote it:
    /// the same bytes <see cref="Of"/> hashes (the id's value emptied, the source, the last
    /// property, made null) without serialising the document again; null when the JSON is not in
    /// that form. In its indented form a top-level property starts a line with two spaces, and a
    /// string value holds no raw line break, so each pattern below can only be that property.
    /// </summary>
    internal static string? OfSerialized(ReadOnlySpan<byte> json)
    {
        ReadOnlySpan<byte> idProperty = "\n  \"id\": \""u8, sourceProperty = "\n  \"source\": "u8;
        var id = json.IndexOf(idProperty);
        var source = json.LastIndexOf(sourceProperty);
        if (id < 0 || source < id || !json.EndsWith("\n}"u8))
        {
            return null;
        }

        var idStart = id + idProperty.Length;
        var idLength = json[idStart..source].IndexOf((byte)'"');
        if (idLength < 0 || json.Slice(idStart, idLength).Contains((byte)'\\'))
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(json[..idStart]);
        hash.AppendData(json[(idStart + idLength)..(source + sourceProperty.Length)]);
        hash.AppendData("null\n}"u8);
        return "minutes:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
