using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Hostile.Tests;

/// <summary>
/// The CLI's composition (file-system store, $web mapped to a site folder, the work folder beside it)
/// in-process, so a test can publish many uploads and then read every byte that reached the site.
/// </summary>
internal sealed class LocalSite : IDisposable
{
    public static readonly DateTimeOffset FixedTime = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public LocalSite(bool publishUnknownDisclosure = true)
    {
        // site and work sit two levels down, and Root one more in a folder of this site's own, so a
        // write that escapes either lands somewhere a test can see, and no other process writes there.
        Outer = Path.Combine(Path.GetTempPath(), "hostile-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Outer, "root");
        SitePath = Path.Combine(Root, "jail", "site");
        WorkPath = Path.Combine(Root, "jail", "work");
        Store = new FileSystemObjectStore(WorkPath, new Dictionary<string, string> { [Containers.Web] = SitePath });
        var policy = new RedactionPolicy
        {
            UnknownDisclosure = publishUnknownDisclosure ? UnknownDisclosureHandling.Publish : UnknownDisclosureHandling.Hold,
            Clock = () => FixedTime,
        };
        Pipeline = new MinutesPipeline(Store, new Redactor(policy), new SiteBuilder(new SiteOptions()));
    }

    /// <summary>The folder that holds <see cref="Root"/> and nothing else.</summary>
    public string Outer { get; }

    public string Root { get; }

    public string SitePath { get; }

    public string WorkPath { get; }

    public FileSystemObjectStore Store { get; }

    public MinutesPipeline Pipeline { get; }

    public async Task<IReadOnlyList<StageResult>> PublishAsync(string name, byte[] bytes, bool updateIndexes = true)
    {
        await Store.PutAsync(Containers.Uploads, name, bytes, new ObjectProperties());
        return await Pipeline.PublishAsync(name, updateIndexes);
    }

    /// <summary>A site file's bytes as a browser reads them: files stored precompressed (gzip) are decoded, so checks see their text.</summary>
    public static byte[] Read(string file)
    {
        var bytes = File.ReadAllBytes(file);
        return Precompression.IsGzip(bytes) ? Precompression.Decompress(bytes) : bytes;
    }

    /// <summary>Every file in the site folder: relative path → bytes.</summary>
    public SortedDictionary<string, byte[]> SiteFiles()
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (Directory.Exists(SitePath))
        {
            foreach (var file in Directory.EnumerateFiles(SitePath, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(SitePath, file).Replace('\\', '/')] = Read(file);
            }
        }

        return files;
    }

    /// <summary>The bytes of a private object (held report, quarantine report …), or null.</summary>
    public async Task<byte[]?> PrivateAsync(string container, string name) =>
        (await Store.GetAsync(container, name))?.Content.ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Outer, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
