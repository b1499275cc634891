using System.Text;
using PublishPipeline.LocalSite;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>The local door's caches in the work folder: spread over parts, only a changed part written, the earlier one-file layout read.</summary>
public sealed class WorkFolderCacheTests : IDisposable
{
    private const string Name = "_pipeline/local/test-cache.json";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-wfcache-");

    public void Dispose() => _root.Delete(recursive: true);

    private FileSystemObjectStore NewStore() => new(_root.FullName);

    [Fact]
    public async Task One_changed_entry_rewrites_one_part_and_every_entry_reads_back()
    {
        var store = new CountingStore(NewStore());
        var cache = await WorkFolderCache<string>.LoadAsync(store, Name, default);
        var keys = Enumerable.Range(0, 200).Select(i => $"id-{i}").ToList();
        foreach (var key in keys)
        {
            cache.Set(key, "v1", string.Equals);
        }

        await cache.SaveAsync(store, keys, default);
        Assert.Equal(WorkFolderCache<string>.Parts, store.Count("put"));

        store.Reset();
        var again = await WorkFolderCache<string>.LoadAsync(store, Name, default);
        Assert.All(keys, k => Assert.True(again.TryGet(k, out var v) && v == "v1"));
        again.Set("id-7", "v1", string.Equals); // the same value: no change
        await again.SaveAsync(store, keys, default);
        Assert.Equal(0, store.Count("put"));

        again.Set("id-7", "v2", string.Equals);
        await again.SaveAsync(store, keys.Where(k => k != "id-7").Append("id-7"), default);
        Assert.Equal(1, store.Count("put"));
        var third = await WorkFolderCache<string>.LoadAsync(NewStore(), Name, default);
        Assert.True(third.TryGet("id-7", out var changed) && changed == "v2");
        Assert.True(third.TryGet("id-8", out var kept) && kept == "v1");

        // A key no longer current leaves the cache.
        store.Reset();
        await third.SaveAsync(store, keys.Skip(1), default);
        Assert.Equal(1, store.Count("put"));
        Assert.False((await WorkFolderCache<string>.LoadAsync(NewStore(), Name, default)).TryGet("id-0", out _));
    }

    [Fact]
    public async Task A_cache_of_the_earlier_one_file_layout_is_read_and_moved_into_parts()
    {
        var store = NewStore();
        await store.PutAsync(Containers.Audit, Name, Encoding.UTF8.GetBytes("{\"a\":\"1\",\"b\":\"2\"}"), ObjectProperties.None);
        var cache = await WorkFolderCache<string>.LoadAsync(store, Name, default);
        Assert.True(cache.TryGet("b", out var b) && b == "2");

        await cache.SaveAsync(store, ["a", "b"], default);
        Assert.Null(await store.GetAsync(Containers.Audit, Name));
        var parts = await WorkFolderCache<string>.LoadAsync(store, Name, default);
        Assert.True(parts.TryGet("a", out var a) && a == "1");
        Assert.True(parts.TryGet("b", out b) && b == "2");
    }
}
