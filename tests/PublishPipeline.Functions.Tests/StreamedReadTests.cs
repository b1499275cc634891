using System.Text;
using PublishPipeline.Ingest;
using PublishPipeline.LocalSite;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;
using PublishPipeline.Tests;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// What <c>minutes publish</c> learns of a normalised document without reading it back whole: its
/// content key, hashed as the normalise stage writes the JSON (<see cref="ContentKeyHash"/>), and its
/// warnings, read from the stored JSON as a stream (<see cref="DocumentNotes"/>).
/// </summary>
public sealed class StreamedReadTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-streamed-");

    public void Dispose() => _root.Delete(recursive: true);

    // A sample's document, its proceedings repeated so that its JSON is several of the hash's and
    // the reader's 64 KB windows long, with many warnings (a warnings array longer than the reader's first block).
    private static Minutes LongDocument(int warnings)
    {
        var sample = RepoPaths.Sample("004");
        var minutes = MinutesNormalizer.Normalize(new SourceFile(Path.GetFileName(sample), File.ReadAllBytes(sample)));
        return minutes with
        {
            Id = "m0123456789abcdef",
            Sections = [.. Enumerable.Repeat(minutes.Sections, 12).SelectMany(s => s)],
            Warnings = [.. Enumerable.Range(1, warnings).Select(n => new NormalizationWarning("made-up", $"警告その{n}：「架空市議会　山河太郎」の行は読めない", n % 3 == 0 ? null : n))],
        };
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64 * 1024)]
    [InlineData((64 * 1024) + 3)]
    [InlineData(1 << 30)]
    public void The_content_key_hashed_in_pieces_is_the_key_of_the_document(int piece)
    {
        foreach (var minutes in new[] { LongDocument(3), LongDocument(0) with { Source = null }, LongDocument(0) with { Sections = [] } })
        {
            var json = MinutesJson.Serialize(minutes);
            Assert.True(minutes.Sections.Count == 0 || json.Length > 4 * 64 * 1024, $"{json.Length} bytes");
            using var key = new ContentKeyHash();
            for (var at = 0; at < json.Length; at += piece)
            {
                key.Append(json.AsSpan(at, Math.Min(piece, json.Length - at)));
            }

            Assert.Equal(ContentKeys.Of(minutes), key.Finish());
        }
    }

    [Fact]
    public void No_content_key_comes_from_JSON_in_another_form()
    {
        using var key = new ContentKeyHash();
        key.Append(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(LongDocument(1), MinutesJson.Compact));
        Assert.Null(key.Finish());
    }

    [Fact]
    public async Task The_warnings_read_as_a_stream_are_the_documents()
    {
        var store = new FileSystemObjectStore(Path.Combine(_root.FullName, "work"), new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root.FullName, "site") });
        var minutes = LongDocument(3000);
        var json = MinutesJson.Serialize(minutes);
        Assert.True(json.Length > 4 * 64 * 1024);
        await store.PutAsync(Containers.Normalized, PipelineNames.Document(minutes.Id), json, ObjectProperties.None);

        var expected = minutes.Warnings.Select(w => (w.Line is { } line ? $"line {line}: " : string.Empty) + $"{w.Code}: {w.Message}").ToList();
        Assert.Equal(expected, await DocumentNotes.WarningsAsync(store, minutes.Id));

        // Read a few bytes at a time, every token and the warnings array cut between blocks.
        using (var trickle = new TrickleStream(json, 5))
        {
            var read = await DocumentNotes.WarningsOfAsync(trickle, CancellationToken.None);
            Assert.Equal(minutes.Warnings.Select(w => w.Message), read!.Select(w => w.GetProperty("message").GetString()));
        }

        // Not an object, text after it, or cut short: no warnings, as a whole read finds.
        foreach (var broken in new[] { "[]", "{\"warnings\": [{\"code\": \"a\"}]} x", "{\"warnings\": [{\"code\": \"a\"}]", string.Empty })
        {
            await store.PutAsync(Containers.Normalized, PipelineNames.Document("m0000000000000001"), Encoding.UTF8.GetBytes(broken), ObjectProperties.None);
            Assert.Empty(await DocumentNotes.WarningsAsync(store, "m0000000000000001"));
        }

        await store.PutAsync(Containers.Normalized, PipelineNames.Document("m0000000000000001"), "{\"warnings\": [{\"code\": \"a\", \"message\": \"b\"}], \"x\": {\"warnings\": 1}, \"warnings\": [{\"code\": \"c\", \"message\": \"d\"}]}"u8.ToArray(), ObjectProperties.None);
        Assert.Equal(["c: d"], await DocumentNotes.WarningsAsync(store, "m0000000000000001"));
    }

    [Fact]
    public async Task A_large_document_is_parsed_as_it_is_read_into_the_document_a_whole_read_gives()
    {
        var store = new FileSystemObjectStore(Path.Combine(_root.FullName, "work"), new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root.FullName, "site") });
        var small = LongDocument(3);
        var large = small with { Sections = [.. Enumerable.Repeat(small.Sections, 8).SelectMany(s => s)] };
        foreach (var minutes in new[] { small, large })
        {
            var json = MinutesJson.Serialize(minutes);
            await store.PutAsync(Containers.Normalized, PipelineNames.Document(minutes.Id), json, ObjectProperties.None);
            using var opened = await store.OpenAsync(Containers.Normalized, PipelineNames.Document(minutes.Id));
            Assert.Equal(minutes == large, opened!.Length > MinutesPipeline.WholeReadLimit);
            Assert.Equal(json, MinutesJson.Serialize(MinutesPipeline.ReadDocument(opened)));
        }
    }

    [Fact]
    public async Task A_normalised_document_changed_after_it_was_written_is_not_redacted()
    {
        // Its record says what the stage wrote; another hand changed the bytes (same length). Read
        // as a stream, the change is found at its end: the document is quarantined, never published.
        var work = Path.Combine(_root.FullName, "work");
        var store = new FileSystemObjectStore(work, new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root.FullName, "site") });
        var pipeline = new MinutesPipeline(store, new PublishPipeline.Redaction.Redactor(new PublishPipeline.Redaction.RedactionPolicy { UnknownDisclosure = PublishPipeline.Redaction.UnknownDisclosureHandling.Publish }), new PublishPipeline.Site.SiteBuilder(new PublishPipeline.Site.SiteOptions()));
        var minutes = LongDocument(0) with { Sections = [.. Enumerable.Repeat(LongDocument(0).Sections, 8).SelectMany(s => s)] };
        await store.PutAsync(Containers.Uploads, "a.txt", "x"u8.ToArray(), ObjectProperties.None);
        await store.PutAsync(Containers.Normalized, PipelineNames.Document(minutes.Id), MinutesJson.Serialize(minutes), new ObjectProperties { Metadata = new Dictionary<string, string> { [MetadataKeys.SourceName] = "a.txt" } });
        var file = Path.Combine(work, "normalized", PipelineNames.Document(minutes.Id));
        var indent = File.ReadAllBytes(file).AsSpan().LastIndexOf("\n  \""u8) + 1;
        using (var changed = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            changed.Position = indent;
            changed.WriteByte((byte)'\t'); // still JSON, and the same document
        }

        var result = await pipeline.RedactAsync(PipelineNames.Document(minutes.Id));
        Assert.Equal(StageOutcome.Quarantined, result.Outcome);
        Assert.Null(await store.GetAsync(Containers.Redacted, PipelineNames.Document(minutes.Id)));
    }

    /// <summary>A stream that gives at most a few bytes a read, as a slow network might.</summary>
    private sealed class TrickleStream(byte[] content, int most) : MemoryStream(content, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, most));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, most)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, most)], cancellationToken);
    }
}
