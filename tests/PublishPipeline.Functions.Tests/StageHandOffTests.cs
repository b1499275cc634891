using System.Text;
using PublishPipeline.LocalSite;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;
using PublishPipeline.Tests;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// <c>minutes publish</c> hands each document a stage wrote to the next stage in memory instead of
/// parsing it back (<see cref="StageHandOff"/>): what it writes must be exactly what the stages write
/// when each reads its input from the store, as the Functions run them.
/// </summary>
public sealed class StageHandOffTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-handoff-");

    public void Dispose() => _root.Delete(recursive: true);

    private static MinutesPipeline Pipeline(IObjectStore store) =>
        new(store, new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish }), new SiteBuilder(new SiteOptions()));

    private FileSystemObjectStore Store(string name) =>
        new(Path.Combine(_root.FullName, name, "work"), new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root.FullName, name, "site") });

    [Fact]
    public async Task A_folder_publish_writes_the_same_site_and_documents_as_the_stages_reading_from_the_store()
    {
        // The samples and real minutes of each of the dev corpus's six assemblies (the first of
        // each), published when they have no 公開の可否 table.
        var devCorpus = Path.Combine(RepoPaths.Root, "..", "shared", "devcorpus", "uploads");
        Assert.True(Directory.Exists(devCorpus), $"{devCorpus} is missing (the shared folder beside the clone)");
        var firstOfEachSource = Directory.GetFiles(devCorpus)
            .GroupBy(f => Path.GetFileName(f).Split('-')[0], StringComparer.Ordinal)
            .Select(g => g.Order(StringComparer.Ordinal).First());
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in RepoPaths.SampleFiles.Concat(firstOfEachSource))
        {
            inputs[Path.GetFileName(file)] = file;
        }

        var folder = Store("folder");
        var report = await new FolderPublisher(Pipeline(folder)).PublishAsync(inputs);
        Assert.True(report.Count(DocumentOutcome.Published) >= 5, $"{report.Count(DocumentOutcome.Published)} published");

        // The same uploads, taken through the stages one by one with nothing handed over in memory.
        var staged = Store("staged");
        var pipeline = Pipeline(staged);
        foreach (var (name, file) in inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            await staged.PutAsync(Containers.Uploads, name, bytes, new ObjectProperties { Metadata = new Dictionary<string, string> { [MetadataKeys.SourceSha256] = PipelineNames.Sha256(bytes) } });
            await pipeline.PublishAsync(name, updateIndexes: false);
        }

        await pipeline.Index.UpdateAsync();

        // Hold reports carry the time they were made; what is held must be the same.
        Assert.Equal(Files(staged.ContainerFolder(Containers.Held)).Keys, Files(folder.ContainerFolder(Containers.Held)).Keys);
        foreach (var container in new[] { Containers.Web, Containers.Normalized, Containers.Redacted })
        {
            var expected = Files(staged.ContainerFolder(container));
            var actual = Files(folder.ContainerFolder(container));
            Assert.Equal(expected.Keys, actual.Keys);
            Assert.All(expected, f => Assert.True(f.Value.AsSpan().SequenceEqual(actual[f.Key]), $"{container}/{f.Key} differs"));
        }

        // The content key taken from a normalised document's stored JSON is the key of the document.
        var normalized = Files(folder.ContainerFolder(Containers.Normalized));
        Assert.All(normalized, f =>
        {
            var document = MinutesJson.Deserialize(f.Value);
            Assert.Equal(ContentKeys.Of(document), ContentKeys.OfSerialized(f.Value));
            Assert.Null(ContentKeys.OfSerialized(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document, MinutesJson.Compact)));
        });
        var withoutSource = MinutesJson.Deserialize(normalized.Values.First()) with { Source = null };
        Assert.Equal(ContentKeys.Of(withoutSource), ContentKeys.OfSerialized(MinutesJson.Serialize(withoutSource)));

        // The index rebuild's cached entries, which the render stage writes from the document it has.
        var entries = Files(Path.Combine(staged.ContainerFolder(Containers.Audit), "_pipeline", "index-entries"));
        Assert.NotEmpty(entries);
        Assert.Equal(Files(folder.ContainerFolder(Containers.Redacted)).Count, entries.Count);
        Assert.Equal(entries, Files(Path.Combine(folder.ContainerFolder(Containers.Audit), "_pipeline", "index-entries")));
    }

    [Fact]
    public void A_kept_document_is_taken_once_and_only_for_the_version_read()
    {
        var handOff = new StageHandOff();
        var minutes = new Minutes { Id = "m1", Title = "本会議" };

        handOff.Keep(Containers.Redacted, "m1.json", "\"e1\"", minutes, jsonHasReplacementEscape: false);
        Assert.Same(minutes, handOff.Take(Containers.Redacted, "m1.json", "\"e1\""));
        Assert.Null(handOff.Take(Containers.Redacted, "m1.json", "\"e1\"")); // taken: gone

        handOff.Keep(Containers.Redacted, "m1.json", "\"e1\"", minutes, jsonHasReplacementEscape: false);
        Assert.Null(handOff.Take(Containers.Normalized, "m1.json", "\"e1\"")); // another container
        Assert.Null(handOff.Take(Containers.Redacted, "m1.json", "\"e2\"")); // the stored version changed since
        Assert.Null(handOff.Take(Containers.Redacted, "m1.json", "\"e1\"")); // and it is not kept after that
    }

    [Fact]
    public async Task The_site_check_takes_the_rendered_records_this_run_wrote_and_still_finds_damage()
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        Directory.CreateDirectory(Path.Combine(_root.FullName, "in"));
        for (var n = 1; n <= 3; n++)
        {
            var file = Path.Combine(_root.FullName, "in", $"{n}.txt");
            await File.WriteAllBytesAsync(file, TestUploads.PublicMinutes(n));
            inputs[$"{n}.txt"] = file;
        }

        var store = new CountingStore(Store("counted"));
        await new FolderPublisher(Pipeline(store)).PublishAsync(inputs);

        // Each record is looked for twice by the render stage before it is written (its previous
        // version, then the same report again) and read once when the few documents rendered now
        // are stamped; the site check between the two takes the records written (else 4 each).
        var records = store.Read.Where(r => r.StartsWith(Containers.Audit + "/" + PipelineNames.RenderedPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(3 * 3, records.Count);

        // A new process keeps nothing: a page deleted from the site is found from the stored record.
        var page = Directory.EnumerateFiles(Path.Combine(_root.FullName, "counted", "site", "minutes"), "index.html", SearchOption.AllDirectories).First();
        File.Delete(page);
        store.Reset();
        var report = await new FolderPublisher(Pipeline(store)).PublishAsync(inputs);
        Assert.Single(report.Repaired);
        Assert.True(File.Exists(page));
    }

    [Fact]
    public void A_kept_rendered_record_is_taken_once_and_only_for_the_version_listed()
    {
        var handOff = new StageHandOff();
        var record = new RenderedRecord("m1", "1.txt", "ab", "v1", null, new Dictionary<string, string> { ["minutes/m1/index.html"] = "cd" });
        handOff.KeepRendered("m1", "\"e1\"", record);
        Assert.Null(handOff.TakeRendered("m1", "\"e2\"")); // written again since: read from the store
        Assert.Null(handOff.TakeRendered("m1", "\"e1\""));
        handOff.KeepRendered("m1", "\"e1\"", record);
        Assert.Same(record, handOff.TakeRendered("m1", "\"e1\""));
        Assert.Null(handOff.TakeRendered("m1", "\"e1\""));
    }

    [Fact]
    public async Task A_document_whose_json_reads_back_otherwise_is_not_kept()
    {
        // A lone surrogate has no JSON spelling: the serializer writes U+FFFD, so the stored
        // document is not the one in memory and the next stage must read the stored one. The
        // stage learns it from the JSON as it streams it to the store (StreamedDocument).
        var handOff = new StageHandOff();
        var minutes = new Minutes { Id = "m1", Title = "本会議\uD800", Body = new string('議', 40_000) };
        using var stream = new MemoryStream();
        var escaped = await StreamedDocument.WriteAsync(minutes, stream, CancellationToken.None);
        Assert.True(escaped);
        Assert.Equal(MinutesJson.Serialize(minutes), stream.ToArray()); // the same bytes, in chunks
        Assert.NotEqual(minutes.Title, MinutesJson.Deserialize(stream.ToArray()).Title);

        handOff.Keep(Containers.Normalized, "m1.json", "\"e1\"", minutes, escaped);
        Assert.Null(handOff.Take(Containers.Normalized, "m1.json", "\"e1\""));

        var clean = minutes with { Title = "本会議" };
        Assert.False(await StreamedDocument.WriteAsync(clean, Stream.Null, CancellationToken.None));
        handOff.Keep(Containers.Normalized, "m1.json", "\"e1\"", clean, jsonHasReplacementEscape: false);
        handOff.Keep(Containers.Normalized, "m1.json", "\"e2\"", minutes, escaped); // a later version that cannot be kept replaces it
        Assert.Null(handOff.Take(Containers.Normalized, "m1.json", "\"e1\""));
    }

    [Theory]
    [InlineData("\\uFFFD", true)]
    [InlineData("\\ufffd", true)]
    [InlineData("\\uFFFC", false)]
    [InlineData("\\\\uFFFD", true)] // conservative: an escaped backslash before the letters counts too, as before
    public void An_escape_cut_by_a_chunk_boundary_is_still_seen(string escape, bool found)
    {
        // Chunks go to the stream whenever the JSON writer asks for more room; the escape may span two.
        for (var cut = 0; cut <= escape.Length; cut++)
        {
            using var stream = new MemoryStream();
            using var json = new StreamedDocument(stream);
            foreach (var piece in new[] { "\"ab", escape[..cut], escape[cut..], "cd\"" })
            {
                var bytes = Encoding.ASCII.GetBytes(piece);
                bytes.CopyTo(json.GetSpan(bytes.Length));
                json.Advance(bytes.Length);
                json.Flush();
            }

            Assert.Equal(found, json.HasReplacementEscape);
            Assert.Equal("\"ab" + escape + "cd\"", Encoding.ASCII.GetString(stream.ToArray()));
        }
    }

    private static SortedDictionary<string, byte[]> Files(string folder) =>
        Directory.Exists(folder)
            ? new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal)
            : new(StringComparer.Ordinal);
}
