using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// A large document's audit record is serialised into the store as it is made, never one array first
/// (3.5 MB of JSON for a 30 MB upload's, written while its document and redaction are live: it set the
/// held upload's peak, docs/scale.md); a small one's is written as bytes, as before. The same report
/// again leaves the stored one alone either way.
/// </summary>
public sealed class StreamedAuditTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-audit-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task A_large_documents_audit_is_written_as_it_is_serialised_and_the_same_report_again_is_left_alone()
    {
        var store = new WriteRecorder(new FileSystemObjectStore(Path.Combine(_root.FullName, "work"), new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root.FullName, "site") }));
        await store.PutAsync(Containers.Uploads, "long.txt", LongMinutes(), new ObjectProperties());
        await store.PutAsync(Containers.Uploads, "short.txt", TestUploads.PublicMinutes(3), new ObjectProperties());
        var pipeline = new MinutesPipeline(store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions()));
        var longId = (await pipeline.NormalizeAsync("long.txt")).Id!;
        var shortId = (await pipeline.NormalizeAsync("short.txt")).Id!;
        using (var normalized = await store.OpenAsync(Containers.Normalized, PipelineNames.Document(longId)))
        {
            Assert.True(normalized!.Length > MinutesPipeline.WholeReadLimit); // large, as the stages judge it
        }

        Assert.Equal(StageOutcome.Done, (await pipeline.RedactAsync(PipelineNames.Document(longId))).Outcome);
        Assert.Equal(StageOutcome.Done, (await pipeline.RedactAsync(PipelineNames.Document(shortId))).Outcome);
        Assert.Equal("streamed", store.Writes[$"{Containers.Audit}/{PipelineNames.Document(longId)}"].Single());
        Assert.Equal("bytes", store.Writes[$"{Containers.Audit}/{PipelineNames.Document(shortId)}"].Single());

        // Written whole, its hash recorded from the same pass, and readable as the audit it is.
        var audit = (await store.GetAsync(Containers.Audit, PipelineNames.Document(longId)))!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(audit.Content.Span)), ObjectMetadata.Get(audit.Properties.Metadata, MetadataKeys.ContentSha256));
        Assert.Contains("\"entries\"", Encoding.UTF8.GetString(audit.Content.Span), StringComparison.Ordinal);

        // Redacted again (its output gone): the same report, hashed and found stored, is not written again.
        await store.DeleteAsync(Containers.Redacted, PipelineNames.Document(longId));
        Assert.Equal(StageOutcome.Done, (await pipeline.RedactAsync(PipelineNames.Document(longId))).Outcome);
        Assert.Single(store.Writes[$"{Containers.Audit}/{PipelineNames.Document(longId)}"]);
        Assert.Equal(audit.ETag, (await store.GetAsync(Containers.Audit, PipelineNames.Document(longId)))!.ETag);
    }

    /// <summary>Public minutes of a few thousand turns: over 4 MB of normalised JSON.</summary>
    private static byte[] LongMinutes()
    {
        var text = Encoding.UTF8.GetString(TestUploads.PublicMinutes(5));
        var turns = new StringBuilder();
        for (var n = 0; n < 9_000; n++)
        {
            turns.Append("会長\t第").Append(n).Append("の案件について、事務局から資料に沿って説明をお願いします。質問のある方は挙手をお願いします。\n\n")
                .Append("総務課長\t資料").Append(n).Append("をご覧ください。前回の意見を受けて、案の表現を直した箇所を示しています。\n\n");
        }

        return Encoding.UTF8.GetBytes(text.Replace("会長\t以上で閉会します。", turns + "会長\t以上で閉会します。", StringComparison.Ordinal));
    }

    /// <summary>A real store that records, per object, how each write came: as bytes or as a stream the writer fills.</summary>
    private sealed class WriteRecorder(IObjectStore inner) : IObjectStore
    {
        public ConcurrentDictionary<string, ConcurrentQueue<string>> Writes { get; } = new(StringComparer.Ordinal);

        public Task<StoredObject?> GetAsync(string container, string name, CancellationToken cancellationToken = default) =>
            inner.GetAsync(container, name, cancellationToken);

        public Task<OpenedObject?> OpenAsync(string container, string name, CancellationToken cancellationToken = default) =>
            inner.OpenAsync(container, name, cancellationToken);

        public Task<string> PutAsync(string container, string name, ReadOnlyMemory<byte> content, ObjectProperties properties, WriteCondition? condition = null, CancellationToken cancellationToken = default)
        {
            Record(container, name, "bytes");
            return inner.PutAsync(container, name, content, properties, condition, cancellationToken);
        }

        public Task<string> PutAsync(string container, string name, ReadOnlyMemory<byte> content, string contentSha256, ObjectProperties properties, WriteCondition? condition = null, CancellationToken cancellationToken = default)
        {
            Record(container, name, "bytes");
            return inner.PutAsync(container, name, content, contentSha256, properties, condition, cancellationToken);
        }

        public Task<string> PutAsync(string container, string name, Func<Stream, CancellationToken, Task> writeContent, ObjectProperties properties, WriteCondition? condition = null, CancellationToken cancellationToken = default)
        {
            Record(container, name, "streamed");
            return inner.PutAsync(container, name, writeContent, properties, condition, cancellationToken);
        }

        public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(container, name, cancellationToken);

        public IAsyncEnumerable<ObjectInfo> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default) =>
            inner.ListAsync(container, prefix, cancellationToken);

        private void Record(string container, string name, string how) =>
            Writes.GetOrAdd($"{container}/{name}", _ => new()).Enqueue(how);
    }
}
