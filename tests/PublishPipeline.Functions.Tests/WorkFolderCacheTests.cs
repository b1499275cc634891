using System.Text;
using PublishPipeline.LocalSite;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>The local door's caches in the work folder: spread over binary parts, only a changed part written, a damaged part made again, the earlier layouts read.</summary>
public sealed class WorkFolderCacheTests : IDisposable
{
    private const string Name = "_pipeline/local/test-cache.json";

    private static readonly WorkFolderCodec<string> Codec = new((w, v) => w.Write(v), r => r.ReadString());

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-wfcache-");

    public void Dispose() => _root.Delete(recursive: true);

    private FileSystemObjectStore NewStore() => new(_root.FullName);

    [Fact]
    public async Task One_changed_entry_rewrites_one_part_and_every_entry_reads_back()
    {
        var store = new CountingStore(NewStore());
        var cache = await WorkFolderCache<string>.LoadAsync(store, Name, Codec, default);
        var keys = Enumerable.Range(0, 200).Select(i => $"id-{i}").ToList();
        foreach (var key in keys)
        {
            cache.Set(key, "v1", string.Equals);
        }

        await cache.SaveAsync(store, keys, default);
        Assert.Equal(WorkFolderCache<string>.Parts, store.Count("put"));

        store.Reset();
        var again = await WorkFolderCache<string>.LoadAsync(store, Name, Codec, default);
        Assert.All(keys, k => Assert.True(again.TryGet(k, out var v) && v == "v1"));
        again.Set("id-7", "v1", string.Equals); // the same value: no change
        await again.SaveAsync(store, keys, default);
        Assert.Equal(0, store.Count("put"));

        again.Set("id-7", "v2", string.Equals);
        await again.SaveAsync(store, keys.Where(k => k != "id-7").Append("id-7"), default);
        Assert.Equal(1, store.Count("put"));
        var third = await WorkFolderCache<string>.LoadAsync(NewStore(), Name, Codec, default);
        Assert.True(third.TryGet("id-7", out var changed) && changed == "v2");
        Assert.True(third.TryGet("id-8", out var kept) && kept == "v1");

        // A key no longer current leaves the cache.
        store.Reset();
        await third.SaveAsync(store, keys.Skip(1), default);
        Assert.Equal(1, store.Count("put"));
        Assert.False((await WorkFolderCache<string>.LoadAsync(NewStore(), Name, Codec, default)).TryGet("id-0", out _));
    }

    [Fact]
    public async Task A_cache_of_the_earlier_one_file_layout_is_read_and_moved_into_parts()
    {
        var store = NewStore();
        await store.PutAsync(Containers.Audit, Name, Encoding.UTF8.GetBytes("{\"a\":\"1\",\"b\":\"2\"}"), ObjectProperties.None);
        var cache = await WorkFolderCache<string>.LoadAsync(store, Name, Codec, default);
        Assert.True(cache.TryGet("b", out var b) && b == "2");

        await cache.SaveAsync(store, ["a", "b"], default);
        Assert.Null(await store.GetAsync(Containers.Audit, Name));
        var parts = await WorkFolderCache<string>.LoadAsync(store, Name, Codec, default);
        Assert.True(parts.TryGet("a", out var a) && a == "1");
        Assert.True(parts.TryGet("b", out b) && b == "2");
    }

    [Fact]
    public async Task A_cache_of_the_earlier_json_parts_is_read_and_moved_into_binary_parts()
    {
        var store = NewStore();
        var json0 = WorkFolderCache<string>.PartName(Name, 0, "json");
        var json5 = WorkFolderCache<string>.PartName(Name, 5, "json");
        await store.PutAsync(Containers.Audit, json0, Encoding.UTF8.GetBytes("{\"a\":\"1\"}"), ObjectProperties.None);
        await store.PutAsync(Containers.Audit, json5, Encoding.UTF8.GetBytes("{\"b\":\"2\"}"), ObjectProperties.None);
        var cache = await WorkFolderCache<string>.LoadAsync(store, Name, Codec, default);
        Assert.True(cache.TryGet("a", out var a) && a == "1");

        await cache.SaveAsync(store, ["a", "b"], default);
        Assert.Null(await store.GetAsync(Containers.Audit, json0));
        Assert.Null(await store.GetAsync(Containers.Audit, json5));
        Assert.NotNull(await store.GetAsync(Containers.Audit, WorkFolderCache<string>.PartName(Name, 0)));
        var parts = await WorkFolderCache<string>.LoadAsync(store, Name, Codec, default);
        Assert.True(parts.TryGet("a", out a) && a == "1");
        Assert.True(parts.TryGet("b", out var b) && b == "2");
    }

    [Fact]
    public async Task A_damaged_or_truncated_part_reads_as_empty_and_the_other_parts_stay()
    {
        var store = NewStore();
        var cache = await WorkFolderCache<string>.LoadAsync(store, Name, Codec, default);
        var keys = Enumerable.Range(0, 200).Select(i => $"id-{i}").ToList();
        foreach (var key in keys)
        {
            cache.Set(key, "value-" + key, string.Equals);
        }

        await cache.SaveAsync(store, keys, default);
        var (flipped, truncated) = (WorkFolderCache<string>.PartName(Name, 3), WorkFolderCache<string>.PartName(Name, 9));
        var bytes = (await store.GetAsync(Containers.Audit, flipped))!.Content.ToArray();
        bytes[bytes.Length / 2] ^= 0x01;
        await store.PutAsync(Containers.Audit, flipped, bytes, ObjectProperties.None);
        bytes = (await store.GetAsync(Containers.Audit, truncated))!.Content.ToArray();
        await store.PutAsync(Containers.Audit, truncated, bytes.AsMemory(0, bytes.Length - 1), ObjectProperties.None);

        var read = await WorkFolderCache<string>.LoadAsync(store, Name, Codec, default);
        var kept = keys.Count(k => read.TryGet(k, out var v) && v == "value-" + k);
        Assert.InRange(kept, 1, keys.Count - 2); // two parts lost, the others whole
        Assert.All(keys.Where(k => read.TryGet(k, out _)), k => Assert.True(read.TryGet(k, out var v) && v == "value-" + k));
    }
}
