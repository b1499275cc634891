using System.CommandLine;
using PublishPipeline.Azure.Storage;
using PublishPipeline.Storage;

namespace PublishPipeline.Cli;

/// <summary>
/// Where the review commands find the private work area: a local work folder (as given to
/// `minutes publish`) or an Azure Storage account (`--storage`, as `minutes watch` takes it).
/// Both are the same containers, so the same commands work on both.
/// </summary>
internal sealed class ReviewStore
{
    private readonly Option<string?> _work = new("--work") { Description = "The private work folder given to minutes publish." };
    private readonly Option<string?> _site = new("--site") { Description = "The site folder given to minutes publish, when it used the default work folder (.minutes-work beside the site)." };
    private readonly Option<string?> _storage = new("--storage") { Description = "An Azure Storage connection string instead of a work folder (e.g. UseDevelopmentStorage=true for Azurite)." };
    private readonly Option<string> _prefix = new("--container-prefix") { Description = "With --storage: the prefix of every container name (as for minutes watch).", DefaultValueFactory = _ => string.Empty };

    public void AddTo(Command command)
    {
        command.Options.Add(_work);
        command.Options.Add(_site);
        command.Options.Add(_storage);
        command.Options.Add(_prefix);
    }

    /// <summary>The store, how to show where an object is, and whether it is local; or a usage problem.</summary>
    public (IObjectStore? Store, Func<string, string> Where, bool Local, string? Problem) Open(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var work = parse.GetValue(_work);
        var site = parse.GetValue(_site);
        var storage = parse.GetValue(_storage);
        if (storage is not null)
        {
            if (work is not null || site is not null)
            {
                return (null, x => x, false, "--storage: give either --storage or a work folder (--work/--site), not both.");
            }

            BlobObjectStore blob;
            try
            {
                blob = BlobObjectStore.FromSettings(key => key == "MinutesStorage" ? storage : null, containerPrefix: parse.GetValue(_prefix) ?? string.Empty);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                return (null, x => x, false, $"--storage: not a usable connection string ({e.Message}); expected e.g. UseDevelopmentStorage=true or DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…");
            }

            return (blob, path => Where(blob, path), false, null);
        }

        if (work is null && site is null)
        {
            return (null, x => x, false, "say where the private work area is: --work DIR (as given to minutes publish), --site DIR (when publish used the default work folder), or --storage CONNECTION.");
        }

        var folder = Path.GetFullPath(work ?? DefaultWork(site!));
        if (!Directory.Exists(folder))
        {
            return (null, x => x, false, $"--work: {folder}: no such folder; it is made by minutes publish.");
        }

        var store = new FileSystemObjectStore(folder);
        return (store, path => Where(store, path), true, null);
    }

    /// <summary>The work folder `minutes publish` uses when none is given: .minutes-work beside the site folder.</summary>
    public static string DefaultWork(string site)
    {
        var full = Path.GetFullPath(site);
        return Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(full)) ?? ".", ".minutes-work");
    }

    /// <summary>"held/x.json" as a file path in the work folder.</summary>
    public static string Where(FileSystemObjectStore store, string path)
    {
        ArgumentNullException.ThrowIfNull(store);
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? path : Path.Combine(store.ContainerFolder(path[..slash]), path[(slash + 1)..].Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>"held/x.json" as container/blob in the account (with the container prefix).</summary>
    public static string Where(BlobObjectStore store, string path)
    {
        ArgumentNullException.ThrowIfNull(store);
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? path : $"{store.ContainerName(path[..slash])}/{path[(slash + 1)..]}";
    }
}
