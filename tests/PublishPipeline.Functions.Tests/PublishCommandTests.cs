using System.CommandLine;
using System.Text.Json.Nodes;
using PublishPipeline.Cli.Commands;
using PublishPipeline.Model;
using PublishPipeline.Site;
using PublishPipeline.Tests;

namespace PublishPipeline.Functions.Tests;

/// <summary>`minutes publish` on the local file system: the same stages, the site folder holds only the site.</summary>
public sealed class PublishCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-cli-");

    private string Site => Path.Combine(_root.FullName, "out", "site");

    private string Work => Path.Combine(_root.FullName, "out", "work");

    public void Dispose() => _root.Delete(recursive: true);

    private static Task<int> RunAsync(params string[] args) =>
        new RootCommand { PublishCommand.Create() }.Parse(args).InvokeAsync();

    [Fact]
    public async Task Publishing_the_samples_writes_the_site_and_keeps_private_artefacts_out_of_it()
    {
        var inputs = Path.Combine(_root.FullName, "in");
        Directory.CreateDirectory(Path.Combine(inputs, "extra"));
        foreach (var sample in RepoPaths.SampleFiles)
        {
            File.Copy(sample, Path.Combine(inputs, Path.GetFileName(sample)));
        }

        await File.WriteAllBytesAsync(Path.Combine(inputs, "extra", "public.txt"), TestUploads.PublicMinutes(7));

        var status = await RunAsync("publish", inputs, "--site", Site, "--work", Work);

        Assert.Equal(3, status); // samples 001–004 are held, nothing failed (exit codes: README)
        var publicId = MinutesId.FromSourceName("extra/public.txt");
        Assert.True(File.Exists(Path.Combine(Site, SiteUrls.MinutesPagePath(publicId))));
        Assert.True(File.Exists(Path.Combine(Site, SiteUrls.HomePath)));
        var catalog = JsonNode.Parse(await File.ReadAllBytesAsync(Path.Combine(Site, SiteUrls.CatalogPath)))!;
        Assert.Contains(publicId, catalog["minutes"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));

        // Nothing private in the site folder: no audit, no normalised JSON, no sidecars, no temp files.
        var siteFiles = Directory.GetFiles(Site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Site, f)).ToList();
        Assert.DoesNotContain(siteFiles, f => f.Contains(".props.json", StringComparison.Ordinal) || f.Contains(".~tmp", StringComparison.Ordinal) || f.StartsWith('.'));
        Assert.True(Directory.Exists(Path.Combine(Work, "audit")));
        Assert.True(Directory.Exists(Path.Combine(Work, "normalized")));

        // Every sample is published or held with a report; nothing failed.
        foreach (var sample in RepoPaths.SampleFiles)
        {
            var id = MinutesId.FromSourceName(Path.GetFileName(sample));
            Assert.True(
                File.Exists(Path.Combine(Site, SiteUrls.MinutesPagePath(id))) ^ File.Exists(Path.Combine(Work, "held", id + ".json")),
                $"{sample}: published xor held");
        }

        // A second run over the same inputs rewrites nothing in the site.
        var before = siteFiles.ToDictionary(f => f, f => File.GetLastWriteTimeUtc(Path.Combine(Site, f)));
        Assert.Equal(3, await RunAsync("publish", inputs, "--site", Site, "--work", Work));
        Assert.All(before, kv => Assert.Equal(kv.Value, File.GetLastWriteTimeUtc(Path.Combine(Site, kv.Key))));
    }

    [Fact]
    public async Task A_broken_input_is_reported_and_fails_the_run_while_the_others_publish()
    {
        var inputs = Path.Combine(_root.FullName, "in");
        Directory.CreateDirectory(inputs);
        await File.WriteAllBytesAsync(Path.Combine(inputs, "good.txt"), TestUploads.PublicMinutes(8));
        await File.WriteAllBytesAsync(Path.Combine(inputs, "broken.docx"), TestUploads.Poison());

        var status = await RunAsync("publish", inputs, "--site", Site);

        Assert.Equal(1, status);
        Assert.True(File.Exists(Path.Combine(Site, SiteUrls.MinutesPagePath(MinutesId.FromSourceName("good.txt")))));
        var defaultWork = Path.Combine(_root.FullName, "out", ".minutes-work");
        var report = JsonNode.Parse(await File.ReadAllBytesAsync(Path.Combine(defaultWork, "quarantine", MinutesId.FromSourceName("broken.docx") + ".json")))!;
        Assert.Equal("broken.docx", report["sourceName"]!.GetValue<string>());
        Assert.Equal(TestUploads.Poison(), await File.ReadAllBytesAsync(Path.Combine(inputs, "broken.docx")));
    }

    [Fact]
    public async Task A_work_folder_inside_the_site_is_refused()
    {
        Assert.Equal(2, await RunAsync("publish", RepoPaths.Samples, "--site", Site, "--work", Path.Combine(Site, "private")));
        Assert.False(Directory.Exists(Path.Combine(Site, "private")));
    }
}

/// <summary>`minutes watch` on Azurite: the same stages, driven by polling instead of Event Grid.</summary>
public sealed class WatchCommandTests
{
    [Fact]
    public async Task Watch_once_publishes_what_is_in_the_uploads_container()
    {
        var store = AzuriteServer.NewStore();
        await store.PutAsync(Storage.Containers.Uploads, "watched/public.txt", TestUploads.PublicMinutes(9), Storage.ObjectProperties.None);

        var status = await new RootCommand { WatchCommand.Create() }.Parse(["watch", "--storage", AzuriteServer.ConnectionString, "--once", "--container-prefix", store.ContainerName(Storage.Containers.Uploads)[..^Storage.Containers.Uploads.Length]]).InvokeAsync();

        Assert.Equal(0, status);
        var id = MinutesId.FromSourceName("watched/public.txt");
        var page = await store.GetAsync(Storage.Containers.Web, SiteUrls.MinutesPagePath(id));
        Assert.NotNull(page);
        Assert.StartsWith("text/html", page.Properties.ContentType, StringComparison.Ordinal);
        await store.DeleteContainersAsync();
    }
}
