using PublishPipeline.LocalSite;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>A folder none of whose uploads reaches the site (every one held) still publishes: the site check has no document to check.</summary>
public sealed class NothingRenderedTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-nothing-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task A_folder_whose_only_upload_is_held_publishes_an_empty_site()
    {
        var file = Path.Combine(_root.FullName, "closed.txt");
        await File.WriteAllBytesAsync(file, TestUploads.PublicMinutes(1, closedMinutes: true));
        var store = new FileSystemObjectStore(Path.Combine(_root.FullName, "work"), new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root.FullName, "site") });
        var publisher = new FolderPublisher(new MinutesPipeline(store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions())));

        var report = await publisher.PublishAsync(new Dictionary<string, string>(StringComparer.Ordinal) { ["closed.txt"] = file });

        Assert.Equal(DocumentOutcome.Held, Assert.Single(report.Documents).Outcome);
        Assert.Empty(report.Repaired);
        Assert.False(Directory.Exists(Path.Combine(_root.FullName, "site", "minutes", MinutesId.FromSourceName("closed.txt"))));
    }
}
