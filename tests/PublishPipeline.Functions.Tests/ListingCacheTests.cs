using System.Text;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// The file-system store's listing cache (<see cref="ListingCache"/>): a listing takes an
/// unchanged file's record from the cache, and sees every file added, deleted or written behind
/// the store's back as a listing without the cache does.
/// </summary>
public sealed class ListingCacheTests : IDisposable
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddHours(-1);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-listcache-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Work => Path.Combine(_root.FullName, "work");

    private string Listings => Path.Combine(Work, ".listings");

    private FileSystemObjectStore NewStore() => new(Work, new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root.FullName, "site") });

    private static ObjectProperties Version(string v) => new() { ContentType = "application/json", Metadata = new Dictionary<string, string> { ["v"] = v } };

    private string FileOf(string container, string name) => Path.Combine(Work, container, name.Replace('/', Path.DirectorySeparatorChar));

    private async Task PutOldAsync(FileSystemObjectStore store, string container, string name, string content, string v)
    {
        await store.PutAsync(container, name, Encoding.UTF8.GetBytes(content), Version(v));
        File.SetLastWriteTimeUtc(FileOf(container, name), LongAgo); // older than the settling time: cacheable
    }

    [Fact]
    public async Task A_listing_sees_files_added_deleted_and_changed_behind_the_store_as_a_listing_without_the_cache_does()
    {
        var store = NewStore();
        foreach (var name in new[] { "a.json", "b.json", "c.json", "d/e.json" })
        {
            await PutOldAsync(store, Containers.Normalized, name, "{\"n\":\"" + name + "\"}", "1");
        }

        await ListAsync(NewStore(), Containers.Normalized);
        Assert.True(File.Exists(Path.Combine(Listings, Containers.Normalized)));

        // Behind the store's back (another process, an editor, a shell):
        File.Delete(FileOf(Containers.Normalized, "b.json"));
        await File.AppendAllTextAsync(FileOf(Containers.Normalized, "c.json"), " "); // edited in place: no longer its record's bytes
        await new FileSystemObjectStore(Work).PutAsync(Containers.Normalized, "f.json", "{}"u8.ToArray(), Version("2"));
        await PutOldAsync(new FileSystemObjectStore(Work), Containers.Normalized, "d/e.json", "{\"n\":\"e2\"}", "2"); // another version, old time, other size

        var cached = await ListAsync(NewStore(), Containers.Normalized);
        Directory.Delete(Listings, recursive: true);
        var uncached = await ListAsync(NewStore(), Containers.Normalized);

        Assert.Equal(["a.json", "c.json", "d/e.json", "f.json"], cached.Select(i => i.Name));
        Assert.Equal(uncached.Select(Describe), cached.Select(Describe));
        Assert.Equal("2", cached.Single(i => i.Name == "d/e.json").Metadata["v"]);
        Assert.Empty(cached.Single(i => i.Name == "c.json").Metadata); // no record for its bytes
    }

    [Fact]
    public async Task An_unchanged_file_is_listed_from_the_cache_and_a_write_by_the_store_replaces_its_entry()
    {
        var store = NewStore();
        await PutOldAsync(store, Containers.Audit, "rendered/m1.json", "{\"x\":1}", "1");
        await PutOldAsync(store, Containers.Audit, "other.json", "{}", "1");
        Assert.Equal("1", (await ListAsync(NewStore(), Containers.Audit, "rendered/")).Single().Metadata["v"]);

        // The same bytes with another record, put back with the old time: only the cache can
        // still say "1" (the one case the cache does not see, by design: see ListingCache).
        await PutOldAsync(store, Containers.Audit, "rendered/m1.json", "{\"x\":1}", "2");
        Assert.Equal("1", (await ListAsync(NewStore(), Containers.Audit, "rendered/")).Single().Metadata["v"]);

        // An ordinary write gives the file a new time: listed with its new record.
        await store.PutAsync(Containers.Audit, "rendered/m1.json", "{\"x\":1}"u8.ToArray(), Version("3"));
        Assert.Equal("3", (await ListAsync(NewStore(), Containers.Audit, "rendered/")).Single().Metadata["v"]);

        // A damaged cache is no cache.
        File.SetLastWriteTimeUtc(FileOf(Containers.Audit, "rendered/m1.json"), LongAgo);
        Assert.Equal("3", (await ListAsync(NewStore(), Containers.Audit, "rendered/")).Single().Metadata["v"]);
        var file = Path.Combine(Listings, Containers.Audit);
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(file, bytes);
        await PutOldAsync(store, Containers.Audit, "rendered/m1.json", "{\"x\":1}", "4");
        Assert.Equal(["1", "4"], (await ListAsync(NewStore(), Containers.Audit)).Select(i => i.Metadata["v"]));
    }

    private static string Describe(ObjectInfo i) =>
        $"{i.Name} {i.Length} {i.ETag} {i.LastModified.UtcTicks} {string.Join(",", i.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Key + "=" + m.Value))}";

    private static async Task<List<ObjectInfo>> ListAsync(FileSystemObjectStore store, string container, string? prefix = null)
    {
        var items = new List<ObjectInfo>();
        await foreach (var item in store.ListAsync(container, prefix))
        {
            items.Add(item);
        }

        return items;
    }
}
