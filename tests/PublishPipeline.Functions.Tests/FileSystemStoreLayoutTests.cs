using System.Text;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// The store's contract on the earlier layout (a sidecar file per object under <c>.meta</c>),
/// which file systems without extended attributes still get.
/// </summary>
public sealed class FileSystemObjectStoreSidecarLayoutTests : ObjectStoreContractTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pp-fs-sidecar-" + Guid.NewGuid().ToString("N"));

    protected override Task<IObjectStore> CreateStoreAsync() =>
        Task.FromResult<IObjectStore>(new FileSystemObjectStore(Path.Combine(_root, "work"), new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root, "site") }) { RecordsInAttributes = false });

    protected override Task CleanUpAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Where the object's record (headers, metadata, name, hash) lives: in the file's extended
/// attribute, one file per object; a work folder of the earlier layout (sidecar files) is read as
/// it is and moves to the new layout object by object as they are written again.
/// </summary>
public sealed class FileSystemStoreLayoutTests : IDisposable
{
    private static readonly ObjectProperties Json = new()
    {
        ContentType = "application/json; charset=utf-8",
        CacheControl = "no-store",
        Metadata = new Dictionary<string, string> { ["sourcename"] = Uri.EscapeDataString("会議録.txt"), ["policyversion"] = "3" },
    };

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-fslayout-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Work => Path.Combine(_root.FullName, "work");

    private string Site => Path.Combine(_root.FullName, "site");

    private string Meta => Path.Combine(Work, ".meta");

    private FileSystemObjectStore NewStore(bool attributes = true) =>
        new(Work, new Dictionary<string, string> { [Containers.Web] = Site }) { RecordsInAttributes = attributes };

    /// <summary>Whether this machine's temporary folder keeps extended attributes (CI's may not).</summary>
    private bool AttributesHere()
    {
        var probe = Path.Combine(_root.FullName, "probe-" + Guid.NewGuid().ToString("N"));
        using var handle = File.OpenHandle(probe, FileMode.CreateNew, FileAccess.Write);
        return ExtendedAttributes.TrySet(handle, "{}"u8) == 0;
    }

    [Fact]
    public async Task Each_object_is_one_file_where_the_file_system_keeps_attributes_else_a_file_and_its_sidecar()
    {
        var store = NewStore();
        await store.PutAsync(Containers.Audit, "m1.json", "{}"u8.ToArray(), Json);
        await store.PutAsync(Containers.Web, "minutes/m1/index.html", "<p>x</p>"u8.ToArray(), Json);

        var files = Directory.GetFiles(_root.FullName, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_root.FullName, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("probe-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (AttributesHere())
        {
            Assert.Equal(["site/minutes/m1/index.html", "work/audit/m1.json"], files);
        }
        else
        {
            Assert.Equal(["site/minutes/m1/index.html", "work/.meta/_web/minutes/m1/index.html.props.json", "work/.meta/audit/m1.json.props.json", "work/audit/m1.json"], files);
        }

        var read = NewStore();
        var stored = await read.GetAsync(Containers.Audit, "m1.json");
        Assert.Equal("3", stored!.Properties.Metadata["policyversion"]);
        Assert.Equal("no-store", stored.Properties.CacheControl);
    }

    [Fact]
    public async Task A_work_folder_of_the_earlier_layout_is_read_with_its_records_and_the_same_etags()
    {
        var old = NewStore(attributes: false);
        var etag = await old.PutAsync(Containers.Normalized, "m1.json", "{\"a\":1}"u8.ToArray(), Json);
        var longName = new string('長', 100) + ".json"; // stored under its hash: the name is in the record only
        await old.PutAsync(Containers.Normalized, longName, "{}"u8.ToArray(), Json);
        Assert.True(Directory.Exists(Meta));

        var store = NewStore();
        var stored = await store.GetAsync(Containers.Normalized, "m1.json");
        Assert.Equal(etag, stored!.ETag);
        Assert.Equal(Uri.EscapeDataString("会議録.txt"), stored.Properties.Metadata["sourcename"]);
        var listed = await ListAsync(store, Containers.Normalized);
        Assert.Equal(["m1.json", longName], listed.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.Equal(etag, listed.Single(i => i.Name == "m1.json").ETag);
        Assert.All(listed, i => Assert.Equal("3", i.Metadata["policyversion"]));
    }

    [Fact]
    public async Task Writing_an_object_of_the_earlier_layout_again_removes_its_sidecar_and_deleting_one_removes_both()
    {
        var old = NewStore(attributes: false);
        await old.PutAsync(Containers.Audit, "a/m1.json", "{}"u8.ToArray(), Json);
        await old.PutAsync(Containers.Audit, "a/m2.json", "{}"u8.ToArray(), Json);
        var sidecar1 = Path.Combine(Meta, "audit", "a", "m1.json.props.json");
        var sidecar2 = Path.Combine(Meta, "audit", "a", "m2.json.props.json");
        Assert.True(File.Exists(sidecar1));

        var store = NewStore();
        var etag = await store.PutAsync(Containers.Audit, "a/m1.json", "{\"v\":2}"u8.ToArray(), Json);
        Assert.Equal(!AttributesHere(), File.Exists(sidecar1));
        var stored = await NewStore().GetAsync(Containers.Audit, "a/m1.json");
        Assert.Equal(etag, stored!.ETag);
        Assert.Equal("{\"v\":2}", Encoding.UTF8.GetString(stored.Content.Span));
        Assert.Equal("3", stored.Properties.Metadata["policyversion"]);

        Assert.True(await store.DeleteAsync(Containers.Audit, "a/m2.json"));
        Assert.False(File.Exists(sidecar2));
        Assert.False(File.Exists(Path.Combine(Work, "audit", "a", "m2.json")));
    }

    [Fact]
    public async Task A_record_too_large_for_an_attribute_is_kept_in_a_sidecar_beside_attribute_records()
    {
        // ext4 keeps at most one block of attributes per file: an 8 KB metadata value (a long
        // Japanese upload name, percent-encoded) does not fit, and that object's record goes to a sidecar.
        var store = NewStore();
        var large = Json with { Metadata = new Dictionary<string, string> { ["sourcename"] = Uri.EscapeDataString(new string('議', 3000)) } };
        var etag = await store.PutAsync(Containers.Normalized, "big.json", "{}"u8.ToArray(), large);
        await store.PutAsync(Containers.Normalized, "small.json", "{}"u8.ToArray(), Json);

        var read = NewStore();
        var stored = await read.GetAsync(Containers.Normalized, "big.json");
        Assert.Equal(etag, stored!.ETag);
        Assert.Equal(large.Metadata["sourcename"], stored.Properties.Metadata["sourcename"]);
        var listed = await ListAsync(read, Containers.Normalized);
        Assert.Equal(large.Metadata["sourcename"], listed.Single(i => i.Name == "big.json").Metadata["sourcename"]);
        Assert.Equal("3", listed.Single(i => i.Name == "small.json").Metadata["policyversion"]);
        Assert.True(File.Exists(Path.Combine(Meta, "normalized", "big.json.props.json")));
    }

    [Fact]
    public async Task A_streamed_write_whose_record_is_refused_keeps_it_in_a_sidecar_and_leaves_no_temporary_file()
    {
        // The streamed write keeps its temporary file open from its creation to the rename: when the
        // file system refuses the record (too large for an attribute), the same open file is committed
        // after the sidecar, whole, and nothing is left beside it.
        var store = NewStore();
        var large = Json with { Metadata = new Dictionary<string, string> { ["sourcename"] = Uri.EscapeDataString(new string('議', 3000)) } };
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"発言\": \"異議なし\"},", 9000)));
        var etag = await store.PutAsync(Containers.Redacted, "big.json", async (stream, ct) =>
        {
            for (var at = 0; at < bytes.Length; at += 5000)
            {
                await stream.WriteAsync(bytes.AsMemory(at, Math.Min(5000, bytes.Length - at)), ct);
            }
        }, large);
        var small = await store.PutAsync(Containers.Redacted, "small.json", (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), Json);

        var read = NewStore();
        var stored = await read.GetAsync(Containers.Redacted, "big.json");
        Assert.Equal(etag, stored!.ETag);
        Assert.Equal(bytes, stored.Content.ToArray());
        Assert.Equal(large.Metadata["sourcename"], stored.Properties.Metadata["sourcename"]);
        Assert.Equal(small, (await read.GetAsync(Containers.Redacted, "small.json"))!.ETag);
        Assert.True(File.Exists(Path.Combine(Meta, "redacted", "big.json.props.json")));
        Assert.Equal(["big.json", "small.json"], Directory.GetFiles(Path.Combine(Work, "redacted")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_streamed_write_whose_condition_fails_leaves_the_object_and_no_temporary_file()
    {
        var store = NewStore();
        var etag = await store.PutAsync(Containers.Redacted, "m1.json", (stream, ct) => stream.WriteAsync("{\"v\":1}"u8.ToArray(), ct).AsTask(), Json);

        await Assert.ThrowsAsync<WriteConflictException>(() => store.PutAsync(
            Containers.Redacted, "m1.json", (stream, ct) => stream.WriteAsync("{\"v\":2}"u8.ToArray(), ct).AsTask(), Json, WriteCondition.CreateOnly));

        Assert.Equal(etag, (await NewStore().GetAsync(Containers.Redacted, "m1.json"))!.ETag);
        Assert.Equal(["m1.json"], Directory.GetFiles(Path.Combine(Work, "redacted")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_object_that_is_not_there_is_answered_without_an_exception_thrown()
    {
        // A publish asks for ~8 objects per document that do not exist yet; each was a
        // FileNotFoundException thrown and caught. Misses in a folder that exists and in one that does not.
        var store = NewStore();
        await store.PutAsync(Containers.Uploads, "議事録.txt", "本文"u8.ToArray(), Json);
        var thrown = new List<Exception>();
        void Record(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception.Message.Contains(_root.FullName, StringComparison.Ordinal))
            {
                lock (thrown)
                {
                    thrown.Add(e.Exception);
                }
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Record;
        try
        {
            Assert.Null(await store.GetAsync(Containers.Uploads, "議事録.txt.review.json"));
            Assert.Null(await store.OpenAsync(Containers.Uploads, "議事録.txt.review.json"));
            Assert.Null(await store.GetAsync(Containers.Quarantine, "m1.json"));
            Assert.Null(await store.OpenAsync(Containers.Held, "m1.json"));
            Assert.Equal("本文"u8.ToArray(), (await store.GetAsync(Containers.Uploads, "議事録.txt"))!.Content.ToArray());
            using var opened = await store.OpenAsync(Containers.Uploads, "議事録.txt");
            Assert.Equal("3", opened!.Properties.Metadata["policyversion"]);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Record;
        }

        Assert.Empty(thrown);
    }

    [Fact]
    public async Task A_record_that_describes_other_bytes_is_ignored_and_get_and_list_agree_on_the_etag()
    {
        // An edit in place keeps the file and so its attribute: the record's hash and size no
        // longer match, and the object reads as a file without a record (as a stale sidecar did).
        var store = NewStore();
        await store.PutAsync(Containers.Web, "index.html", "<p>one</p>"u8.ToArray(), Json);
        var file = Path.Combine(Site, "index.html");
        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(0);
            await stream.WriteAsync("<p>edited by hand</p>"u8.ToArray());
        }

        var stored = await store.GetAsync(Containers.Web, "index.html");
        Assert.Empty(stored!.Properties.Metadata);
        Assert.Null(stored.Properties.ContentType);
        var listed = Assert.Single(await ListAsync(store, Containers.Web));
        Assert.Equal(stored.ETag, listed.ETag);
        Assert.Empty(listed.Metadata);
    }

    [Fact]
    public async Task A_write_cut_short_before_its_rename_leaves_the_old_object_with_its_record()
    {
        // What a crash between writing the temporary file and renaming it leaves: the temporary
        // file (content and attribute) beside the old object. Readers see the old one only.
        var store = NewStore();
        var etag = await store.PutAsync(Containers.Audit, "m1.json", "{\"v\":1}"u8.ToArray(), Json);
        var folder = Path.Combine(Work, "audit");
        var temp = Path.Combine(folder, ".~tmp-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(temp, "{\"v\":2, half");

        var stored = await NewStore().GetAsync(Containers.Audit, "m1.json");
        Assert.Equal(etag, stored!.ETag);
        Assert.Equal("3", stored.Properties.Metadata["policyversion"]);
        Assert.Equal(["m1.json"], (await ListAsync(NewStore(), Containers.Audit)).Select(i => i.Name));
    }

    private static async Task<List<ObjectInfo>> ListAsync(FileSystemObjectStore store, string container)
    {
        var items = new List<ObjectInfo>();
        await foreach (var item in store.ListAsync(container))
        {
            items.Add(item);
        }

        return items;
    }
}
