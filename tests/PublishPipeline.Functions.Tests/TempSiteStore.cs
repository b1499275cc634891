using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// The CLI's store layout in a temporary folder: the private work folder and the site ($web) beside
/// it, deleted with the test.
/// </summary>
internal sealed class TempSiteStore : IDisposable
{
    public TempSiteStore(string prefix)
    {
        Root = Directory.CreateTempSubdirectory(prefix);
        SitePath = Path.Combine(Root.FullName, "site");
        Store = new FileSystemObjectStore(Path.Combine(Root.FullName, "work"), new Dictionary<string, string> { [Containers.Web] = SitePath });
    }

    public DirectoryInfo Root { get; }

    public string SitePath { get; }

    public FileSystemObjectStore Store { get; }

    public void Dispose() => Root.Delete(recursive: true);
}
