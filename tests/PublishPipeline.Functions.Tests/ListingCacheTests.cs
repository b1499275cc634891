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

    // Files changed just now are cacheable here (the store waits ListingCache.Settle): each change
    // below makes a new file (another inode) or waits out the clock's tick itself.
    private FileSystemObjectStore NewStore() => new(Work, new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root.FullName, "site") }) { ListingSettle = TimeSpan.Zero };

    private static ObjectProperties Version(string v) => new() { ContentType = "application/json", Metadata = new Dictionary<string, string> { ["v"] = v } };

    private string FileOf(string container, string name) =>
        Path.Combine(container == Containers.Web ? Path.Combine(_root.FullName, "site") : Path.Combine(Work, container), name.Replace('/', Path.DirectorySeparatorChar));

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

        // The cache's entry for the unchanged file is what the next listing reports: shown by
        // an entry made to say "cached" under the file's own stamp.
        var file = Path.Combine(Listings, Containers.Audit);
        var entry = ListingCache.FromBytes(await File.ReadAllBytesAsync(file))!.Entries["rendered/m1.json"];
        var doctored = entry with { Info = entry.Info with { Metadata = new Dictionary<string, string> { ["v"] = "cached" } } };
        await File.WriteAllBytesAsync(file, ListingCache.Empty.After(new(StringComparer.Ordinal) { ["rendered/m1.json"] = doctored }, (_, _) => true)!.ToBytes());
        Assert.Equal("cached", (await ListAsync(NewStore(), Containers.Audit, "rendered/")).Single().Metadata["v"]);

        // The same bytes with another record, put back with the old time and size: the file's
        // change time says it is another file.
        await PutOldAsync(store, Containers.Audit, "rendered/m1.json", "{\"x\":1}", "2");
        Assert.Equal("2", (await ListAsync(NewStore(), Containers.Audit, "rendered/")).Single().Metadata["v"]);

        // An ordinary write gives the file a new time: listed with its new record.
        await store.PutAsync(Containers.Audit, "rendered/m1.json", "{\"x\":1}"u8.ToArray(), Version("3"));
        Assert.Equal("3", (await ListAsync(NewStore(), Containers.Audit, "rendered/")).Single().Metadata["v"]);

        // A damaged cache is no cache.
        File.SetLastWriteTimeUtc(FileOf(Containers.Audit, "rendered/m1.json"), LongAgo);
        Assert.Equal("3", (await ListAsync(NewStore(), Containers.Audit, "rendered/")).Single().Metadata["v"]);
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(file, bytes);
        await PutOldAsync(store, Containers.Audit, "rendered/m1.json", "{\"x\":1}", "4");
        Assert.Equal(["1", "4"], (await ListAsync(NewStore(), Containers.Audit)).Select(i => i.Metadata["v"]));
    }

    [Fact]
    public async Task A_record_set_on_its_own_and_an_old_copy_put_back_with_its_time_are_seen()
    {
        // Linux (as CI): the store's record is an extended attribute, the change time from statx.
        var store = NewStore();
        await PutOldAsync(store, Containers.Normalized, "a.json", "{\"a\":1}", "1");
        await PutOldAsync(store, Containers.Normalized, "b.json", "{\"b\":1}", "1");
        var keep = Path.Combine(_root.FullName, "b-v1.json");
        CopyWithRecord(FileOf(Containers.Normalized, "b.json"), keep); // version 1 of b, saved aside
        await PutOldAsync(store, Containers.Normalized, "b.json", "{\"b\":2}", "2"); // same size, same old time
        Assert.Equal(["1", "2"], (await ListAsync(NewStore(), Containers.Normalized)).Select(i => i.Metadata["v"]));

        // setfattr: a's record rewritten in place (same bytes, size and last-write time), a tick
        // of the clock after its last change.
        var a = FileOf(Containers.Normalized, "a.json");
        var time = File.GetLastWriteTimeUtc(a);
        var before = FileStatus.Of(a);
        Thread.Sleep(20);
        var record = Encoding.UTF8.GetString(GetXAttr(a)).Replace("\"v\":\"1\"", "\"v\":\"9\"", StringComparison.Ordinal);
        Assert.Equal(0, SetXAttr(a, Encoding.UTF8.GetBytes(record)));
        Assert.Equal(time, File.GetLastWriteTimeUtc(a));
        Assert.NotEqual(before, FileStatus.Of(a));

        // cp -a of the old version of b: its bytes, record, size and last-write time.
        CopyWithRecord(keep, FileOf(Containers.Normalized, "b.json"));
        Assert.Equal(time, File.GetLastWriteTimeUtc(FileOf(Containers.Normalized, "b.json")));

        var cached = await ListAsync(NewStore(), Containers.Normalized);
        Directory.Delete(Listings, recursive: true);
        var uncached = await ListAsync(NewStore(), Containers.Normalized);
        Assert.Equal(["9", "1"], cached.Select(i => i.Metadata["v"]));
        Assert.Equal(uncached.Select(Describe), cached.Select(Describe));
    }

    [Theory]
    [InlineData(Containers.Normalized, true)] // private: listed from its folders' stamps while they hold
    [InlineData(Containers.Web, false)] // the site: every file stat'ed, an edit in place is seen
    public async Task A_private_container_unchanged_since_its_last_listing_is_taken_by_its_folders_stamps_and_the_site_file_by_file(string container, bool byFolder)
    {
        var store = NewStore();
        foreach (var name in new[] { "a.json", "b.json", "d/e.json" })
        {
            await PutOldAsync(store, container, name, "{\"n\":\"" + name + "\"}", "1");
        }

        var first = await ListAsync(NewStore(), container);

        // Bytes appended in place behind the store: no folder of the container changes.
        await File.AppendAllTextAsync(FileOf(container, "a.json"), " ");
        var afterEdit = await ListAsync(NewStore(), container);
        if (byFolder)
        {
            Assert.Equal(first.Select(Describe), afterEdit.Select(Describe)); // not walked: the edit is not seen
        }
        else
        {
            Assert.Equal((await UncachedListAsync(container)).Select(Describe), afterEdit.Select(Describe));
            Assert.NotEqual(first.Single(i => i.Name == "a.json").Length, afterEdit.Single(i => i.Name == "a.json").Length);
        }

        // Whatever a store (this process or another) adds, replaces or deletes changes a folder:
        // the next listing walks and lists it as a listing without the cache does.
        var other = new FileSystemObjectStore(Work, new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root.FullName, "site") });
        foreach (var change in new Func<Task>[]
                 {
                     () => PutOldAsync(other, container, "c.json", "{}", "2"),
                     () => PutOldAsync(other, container, "d/e.json", "{\"n\":\"e3\"}", "3"), // another version, in the subfolder
                     () => other.DeleteAsync(container, "b.json"),
                 })
        {
            await ListAsync(NewStore(), container); // the folders' stamps recorded again
            await change();
            var listed = await ListAsync(NewStore(), container);
            Assert.Equal((await UncachedListAsync(container)).Select(Describe), listed.Select(Describe));
        }

        Assert.Equal(["a.json", "c.json", "d/e.json"], (await ListAsync(NewStore(), container)).Select(i => i.Name));
    }

    /// <summary>A listing without the cache, the cache kept as it was.</summary>
    private async Task<List<ObjectInfo>> UncachedListAsync(string container)
    {
        var aside = Listings + "-aside";
        Directory.Move(Listings, aside);
        try
        {
            return await ListAsync(NewStore(), container);
        }
        finally
        {
            Directory.Delete(Listings, recursive: true);
            Directory.Move(aside, Listings);
        }
    }

    /// <summary>What <c>cp -a</c> does: the bytes, the record attribute and the last-write time.</summary>
    private static void CopyWithRecord(string from, string to)
    {
        var temp = to + ".copy";
        File.Copy(from, temp, overwrite: true);
        Assert.Equal(0, SetXAttr(temp, GetXAttr(from)));
        File.SetLastWriteTimeUtc(temp, File.GetLastWriteTimeUtc(from));
        File.Move(temp, to, overwrite: true);
    }

    private const string RecordAttribute = "user.minutes.object";

    private static byte[] GetXAttr(string path)
    {
        var buffer = new byte[64 * 1024];
        var read = NativeXAttr.GetXAttr(path, RecordAttribute, buffer, (nuint)buffer.Length);
        Assert.True(read > 0, "the store keeps its record in an extended attribute here");
        return buffer[..(int)read];
    }

    private static int SetXAttr(string path, byte[] value) => NativeXAttr.SetXAttr(path, RecordAttribute, value, (nuint)value.Length, 0);

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

/// <summary>getxattr(2) / setxattr(2), as <c>getfattr</c> / <c>setfattr</c> call them.</summary>
internal static class NativeXAttr
{
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getxattr", CharSet = System.Runtime.InteropServices.CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    internal static extern nint GetXAttr(string path, string name, [System.Runtime.InteropServices.Out] byte[] value, nuint size);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "setxattr", CharSet = System.Runtime.InteropServices.CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    internal static extern int SetXAttr(string path, string name, byte[] value, nuint size, int flags);
}
