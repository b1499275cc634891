using PublishPipeline.LocalSite;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// A publish costs the same per document whatever the archive's size: the store operations of a
/// whole publish, counted on the real file-system store, grow linearly (4× the documents, at most
/// 4× the reads, writes and listed entries) and the number of listings does not grow at all.
/// </summary>
public sealed class PublishScaleTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-scale-");

    public void Dispose() => _root.Delete(recursive: true);

    private async Task<(CountingStore Store, FolderPublishReport Report, Dictionary<string, string> Inputs, string Site)> PublishAsync(int documents)
    {
        var folder = Path.Combine(_root.FullName, documents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        Directory.CreateDirectory(Path.Combine(folder, "in"));
        for (var n = 1; n <= documents; n++)
        {
            var name = $"{n:D3}.txt";
            var file = Path.Combine(folder, "in", name);
            await File.WriteAllBytesAsync(file, TestUploads.PublicMinutes(n));
            inputs[name] = file;

            // A public-version confirmation beside every upload: each document asks for its own.
            await File.WriteAllBytesAsync(file + RedactionRequest.PublicVersionSidecarSuffix, []);
            inputs[name + RedactionRequest.PublicVersionSidecarSuffix] = file + RedactionRequest.PublicVersionSidecarSuffix;
        }

        var site = Path.Combine(folder, "site");
        var store = new CountingStore(new FileSystemObjectStore(Path.Combine(folder, "work"), new Dictionary<string, string> { [Containers.Web] = site }));
        var pipeline = new MinutesPipeline(store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions()));
        var report = await new FolderPublisher(pipeline).PublishAsync(inputs);
        Assert.Equal(documents, report.Count(DocumentOutcome.Published));
        return (store, report, inputs, site);
    }

    [Fact]
    public async Task Store_operations_of_a_publish_grow_linearly_and_listings_not_at_all()
    {
        var (small, _, _, _) = await PublishAsync(6);
        var (large, _, _, _) = await PublishAsync(24);

        Assert.True(small.Count("list") == large.Count("list"), $"listings: {small.Count("list")} for 6 documents, {large.Count("list")} for 24 (a listing per document)");
        foreach (var operation in new[] { "get", "exists", "put", "delete", "listed" })
        {
            Assert.True(
                large.Count(operation) <= 4 * small.Count(operation),
                $"{operation}: {small.Count(operation)} for 6 documents, {large.Count(operation)} for 24 (more than 4×: work per document grows with the archive)");
        }
    }
}
