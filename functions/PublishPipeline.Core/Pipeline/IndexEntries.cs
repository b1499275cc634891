using System.Buffers.Binary;
using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Site;
using PublishPipeline.Site.Search;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>
/// What the index rebuild needs of one redacted document — its header and its search
/// contribution (<see cref="SiteBuilder.ForIndexes(Minutes)"/>) — kept in the private work area,
/// one object per document, so a rebuild after one change reads that document and these small
/// entries instead of every redacted document whole.
/// A cache, never trusted blindly: an entry is used only when it was made from exactly the
/// redacted version listed (its ETag) in this format (<see cref="FormatVersion"/>); anything missing, stale or
/// unreadable is made again from the document.
/// </summary>
internal static class IndexEntries
{
    /// <summary>Kept beside the pipeline's state in the audit container; not a record (see <see cref="PipelineNames.IsDurable"/>).</summary>
    public const string Prefix = PipelineNames.StatePrefix + "index-entries/";

    private const string RedactedETagKey = "redactedetag";
    private const string FormatKey = "format";

    /// <summary>
    /// What an entry is keyed on besides the redacted version: raised whenever the bytes kept for
    /// the same document change (the layout, the header's JSON, the search contribution's
    /// algorithm or encoding); IndexFormatTests fails until it is. Entries of another format
    /// (or of the builds before it, keyed on the build) are made again. 1: the first keyed so.
    /// </summary>
    internal const int FormatVersion = 1;

    private static readonly string Format = FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Name(string id) => Prefix + id + ".bin";

    /// <summary>The entry made from redacted version <paramref name="redactedETag"/> of <paramref name="id"/>, or null when there is none that can be used.</summary>
    public static async Task<Minutes?> ReadAsync(IObjectStore store, string id, string redactedETag, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(Containers.Audit, Name(id), cancellationToken).ConfigureAwait(false);
        if (stored is null ||
            ObjectMetadata.Get(stored.Properties.Metadata, RedactedETagKey) != redactedETag.Trim('"') ||
            ObjectMetadata.Get(stored.Properties.Metadata, FormatKey) != Format)
        {
            return null;
        }

        try
        {
            var content = stored.Content.Span;
            var headerLength = BinaryPrimitives.ReadInt32LittleEndian(content);
            var header = MinutesJson.Deserialize(content.Slice(sizeof(int), headerLength));
            var contribution = SearchContribution.FromBytes(content[(sizeof(int) + headerLength)..]);
            return header.Id == id && contribution.Id == id ? SiteBuilder.ForIndexes(header, contribution) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or ArgumentOutOfRangeException or InvalidOperationException)
        {
            return null; // made again from the document
        }
    }

    /// <summary>Keeps <paramref name="forIndexes"/> (the result of <see cref="SiteBuilder.ForIndexes(Minutes)"/>) for redacted version <paramref name="redactedETag"/>.</summary>
    public static Task WriteAsync(IObjectStore store, string id, string redactedETag, Minutes forIndexes, CancellationToken cancellationToken)
    {
        var header = MinutesJson.Serialize(forIndexes);
        // Written into the entry's one array: a long document's postings are tens of MB.
        var contribution = SiteBuilder.SearchContributionOf(forIndexes);
        var content = new byte[sizeof(int) + header.Length + contribution.SerializedLength];
        BinaryPrimitives.WriteInt32LittleEndian(content, header.Length);
        header.CopyTo(content, sizeof(int));
        contribution.WriteTo(content.AsSpan(sizeof(int) + header.Length));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RedactedETagKey] = redactedETag.Trim('"'), // quotes are no part of the version
            [FormatKey] = Format,
        };
        return store.PutAsync(Containers.Audit, Name(id), content, new ObjectProperties { ContentType = "application/octet-stream", Metadata = metadata }, cancellationToken: cancellationToken);
    }
}
