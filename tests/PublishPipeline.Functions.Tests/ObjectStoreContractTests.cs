using System.Text;
using PublishPipeline.Azure.Storage;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>One contract, two stores: whatever passes here behaves the same locally and on Azure.</summary>
public abstract class ObjectStoreContractTests : IAsyncLifetime
{
    protected IObjectStore Store { get; private set; } = null!;

    protected abstract Task<IObjectStore> CreateStoreAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => CleanUpAsync();

    private static readonly ObjectProperties Html = new()
    {
        ContentType = "text/html; charset=utf-8",
        CacheControl = "public, max-age=300",
        Metadata = new Dictionary<string, string> { ["contentsha256"] = "abc123", ["sourcename"] = Uri.EscapeDataString("会議録.txt") },
    };

    [Fact]
    public async Task Put_then_get_returns_the_bytes_headers_and_metadata()
    {
        var bytes = Encoding.UTF8.GetBytes("<p>会議録</p>");
        var etag = await Store.PutAsync(Containers.Web, "minutes/m1/index.html", bytes, Html);

        var stored = await Store.GetAsync(Containers.Web, "minutes/m1/index.html");

        Assert.NotNull(stored);
        Assert.Equal(bytes, stored.Content.ToArray());
        Assert.Equal("text/html; charset=utf-8", stored.Properties.ContentType);
        Assert.Equal("public, max-age=300", stored.Properties.CacheControl);
        Assert.Equal("abc123", ObjectMetadata.Get(stored.Properties.Metadata, "contentsha256"));
        Assert.Equal("会議録.txt", ObjectMetadata.Decode(ObjectMetadata.Get(stored.Properties.Metadata, "sourcename")!));
        Assert.Equal(etag, stored.ETag);
    }

    [Fact]
    public async Task A_put_with_the_content_hash_given_stores_what_a_plain_put_stores()
    {
        var bytes = Encoding.UTF8.GetBytes("<p>会議録 第1回</p>");
        var sha = PublishPipeline.Pipeline.PipelineNames.Sha256(bytes);
        var plain = await Store.PutAsync(Containers.Web, "minutes/m1/index.html", bytes, Html);
        var hashed = await Store.PutAsync(Containers.Web, "minutes/m2/index.html", bytes, sha, Html);

        var stored = await Store.GetAsync(Containers.Web, "minutes/m2/index.html");
        Assert.NotNull(stored);
        Assert.Equal(hashed, stored.ETag);
        Assert.Equal(bytes, stored.Content.ToArray());
        Assert.Equal("abc123", ObjectMetadata.Get(stored.Properties.Metadata, "contentsha256"));
        Assert.Equal(sha, PublishPipeline.Pipeline.PipelineNames.Sha256(stored));
        Assert.True(stored.ContentSha256 is null || stored.ContentSha256 == sha);
        var listed = new Dictionary<string, string>();
        await foreach (var item in Store.ListAsync(Containers.Web, "minutes/m"))
        {
            listed[item.Name] = item.ETag;
        }

        Assert.Equal(plain, listed["minutes/m1/index.html"]);
        Assert.Equal(hashed, listed["minutes/m2/index.html"]);
        if (Store is FileSystemObjectStore)
        {
            Assert.Equal(plain, hashed); // the file system's ETag is made from the content and its headers
        }
    }

    [Fact]
    public async Task A_precompressed_object_keeps_its_content_encoding()
    {
        var gzip = PublishPipeline.Site.Precompression.Compress("{\"会議\":\"録\"}"u8);
        var properties = new ObjectProperties { ContentType = "application/json; charset=utf-8", CacheControl = "public, max-age=300", ContentEncoding = "gzip" };
        var etag = await Store.PutAsync(Containers.Web, "search/meta.json", gzip, properties);

        var stored = await Store.GetAsync(Containers.Web, "search/meta.json");

        Assert.NotNull(stored);
        Assert.Equal(gzip, stored.Content.ToArray()); // stored as given: the host serves these bytes with the header
        Assert.Equal("gzip", stored.Properties.ContentEncoding);
        Assert.Equal(etag, stored.ETag);

        // The same bytes without the header are another object as a reader sees it.
        var plain = await Store.PutAsync(Containers.Web, "search/meta.json", gzip, properties with { ContentEncoding = null });
        Assert.Null((await Store.GetAsync(Containers.Web, "search/meta.json"))!.Properties.ContentEncoding);
        Assert.NotEqual(etag, plain);
    }

    [Fact]
    public async Task Get_and_delete_of_a_missing_object_say_so()
    {
        Assert.Null(await Store.GetAsync(Containers.Uploads, "nothing-here.txt"));
        Assert.False(await Store.DeleteAsync(Containers.Uploads, "nothing-here.txt"));
    }

    [Fact]
    public async Task Empty_content_is_an_object()
    {
        await Store.PutAsync(Containers.Uploads, "empty.txt", ReadOnlyMemory<byte>.Empty, ObjectProperties.None);
        var stored = await Store.GetAsync(Containers.Uploads, "empty.txt");
        Assert.NotNull(stored);
        Assert.Equal(0, stored.Content.Length);
    }

    [Fact]
    public async Task Overwrite_replaces_content_and_changes_the_etag()
    {
        var first = await Store.PutAsync(Containers.Normalized, "a.json", "1"u8.ToArray(), ObjectProperties.None);
        var second = await Store.PutAsync(Containers.Normalized, "a.json", "2"u8.ToArray(), ObjectProperties.None);

        Assert.NotEqual(first, second);
        Assert.Equal("2", Encoding.UTF8.GetString((await Store.GetAsync(Containers.Normalized, "a.json"))!.Content.Span));
    }

    [Fact]
    public async Task Delete_removes_the_object()
    {
        await Store.PutAsync(Containers.Held, "x/y.json", "{}"u8.ToArray(), ObjectProperties.None);
        Assert.True(await Store.DeleteAsync(Containers.Held, "x/y.json"));
        Assert.Null(await Store.GetAsync(Containers.Held, "x/y.json"));
        Assert.False(await Store.DeleteAsync(Containers.Held, "x/y.json"));
        Assert.Empty(await ListAsync(Containers.Held));
    }

    [Fact]
    public async Task Create_only_refuses_an_existing_object()
    {
        await Store.PutAsync(Containers.Audit, "lock.json", "a"u8.ToArray(), ObjectProperties.None, WriteCondition.CreateOnly);
        await Assert.ThrowsAsync<WriteConflictException>(() =>
            Store.PutAsync(Containers.Audit, "lock.json", "b"u8.ToArray(), ObjectProperties.None, WriteCondition.CreateOnly));
        Assert.Equal("a", Encoding.UTF8.GetString((await Store.GetAsync(Containers.Audit, "lock.json"))!.Content.Span));
    }

    [Fact]
    public async Task If_match_succeeds_only_on_the_current_etag()
    {
        var first = await Store.PutAsync(Containers.Audit, "state.json", "1"u8.ToArray(), ObjectProperties.None);
        var second = await Store.PutAsync(Containers.Audit, "state.json", "2"u8.ToArray(), ObjectProperties.None, WriteCondition.IfMatch(first));

        await Assert.ThrowsAsync<WriteConflictException>(() =>
            Store.PutAsync(Containers.Audit, "state.json", "3"u8.ToArray(), ObjectProperties.None, WriteCondition.IfMatch(first)));
        await Assert.ThrowsAsync<WriteConflictException>(() =>
            Store.PutAsync(Containers.Audit, "missing.json", "3"u8.ToArray(), ObjectProperties.None, WriteCondition.IfMatch(second)));
        Assert.Equal("2", Encoding.UTF8.GetString((await Store.GetAsync(Containers.Audit, "state.json"))!.Content.Span));
    }

    [Fact]
    public async Task Conditional_writes_serialise_concurrent_increments()
    {
        await Store.PutAsync(Containers.Audit, "counter", "0"u8.ToArray(), ObjectProperties.None);
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var current = (await Store.GetAsync(Containers.Audit, "counter"))!;
                var next = int.Parse(Encoding.UTF8.GetString(current.Content.Span), System.Globalization.CultureInfo.InvariantCulture) + 1;
                try
                {
                    await Store.PutAsync(Containers.Audit, "counter", Encoding.UTF8.GetBytes(next.ToString(System.Globalization.CultureInfo.InvariantCulture)), ObjectProperties.None, WriteCondition.IfMatch(current.ETag));
                    return;
                }
                catch (WriteConflictException)
                {
                    await Task.Delay(Random.Shared.Next(1, 10));
                }
            }
        })));

        Assert.Equal("16", Encoding.UTF8.GetString((await Store.GetAsync(Containers.Audit, "counter"))!.Content.Span));
    }

    [Fact]
    public async Task List_is_ordinal_filtered_by_prefix_and_carries_metadata_and_etags()
    {
        var names = new[] { "b/2.txt", "a.txt", "b/1.txt", "会議録/第1回.txt", "B.txt" };
        var etags = new Dictionary<string, string>();
        foreach (var name in names)
        {
            etags[name] = await Store.PutAsync(Containers.Uploads, name, Encoding.UTF8.GetBytes(name), Html);
        }

        var all = await ListAsync(Containers.Uploads);
        Assert.Equal(names.Order(StringComparer.Ordinal), all.Select(i => i.Name));
        Assert.All(all, i => Assert.Equal(etags[i.Name], i.ETag));
        Assert.All(all, i => Assert.Equal(Encoding.UTF8.GetByteCount(i.Name), i.Length));
        Assert.All(all, i => Assert.Equal("abc123", ObjectMetadata.Get(i.Metadata, "contentsha256")));

        var prefixed = await ListAsync(Containers.Uploads, "b/");
        Assert.Equal(["b/1.txt", "b/2.txt"], prefixed.Select(i => i.Name));
        Assert.Empty(await ListAsync(Containers.Quarantine));
    }

    [Fact]
    public async Task Exists_names_exactly_one_object_and_prefix_listing_finds_long_names_under_a_folder()
    {
        var longName = "b/" + new string('長', 300) + ".txt";
        foreach (var name in new[] { "a.txt", "a.txt.public-version", "b/1.txt", longName })
        {
            await Store.PutAsync(Containers.Uploads, name, "x"u8.ToArray(), ObjectProperties.None);
        }

        Assert.True(await Store.ExistsAsync(Containers.Uploads, "a.txt"));
        Assert.True(await Store.ExistsAsync(Containers.Uploads, longName));
        Assert.False(await Store.ExistsAsync(Containers.Uploads, "a"));
        Assert.False(await Store.ExistsAsync(Containers.Uploads, "b/2.txt"));
        Assert.False(await Store.ExistsAsync(Containers.Held, "a.txt"));
        Assert.Equal(["b/1.txt", longName], (await ListAsync(Containers.Uploads, "b/")).Select(i => i.Name));
        Assert.Equal([longName], (await ListAsync(Containers.Uploads, "b/長")).Select(i => i.Name));
        Assert.Equal(["a.txt", "a.txt.public-version"], (await ListAsync(Containers.Uploads, "a.txt")).Select(i => i.Name));

        Assert.True(await Store.DeleteAsync(Containers.Uploads, "a.txt"));
        Assert.False(await Store.ExistsAsync(Containers.Uploads, "a.txt"));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\..\\b")]
    [InlineData("a/./b")]
    [InlineData("a//b")]
    [InlineData("name\u0000.txt")]
    [InlineData("line\nbreak.txt")]
    [InlineData("trailing.")]
    [InlineData("")]
    public async Task Hostile_names_are_refused_everywhere(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(Containers.Web, name, "x"u8.ToArray(), ObjectProperties.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync(Containers.Web, name));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(Containers.Web, name));
        Assert.Empty(await ListAsync(Containers.Web));
    }

    [Fact]
    public async Task A_1000_character_name_stays_in_its_container_and_is_listed_by_its_name()
    {
        var name = new string('長', 997) + ".md";
        await Store.PutAsync(Containers.Uploads, name, "x"u8.ToArray(), ObjectProperties.None);

        Assert.Equal("x", Encoding.UTF8.GetString((await Store.GetAsync(Containers.Uploads, name))!.Content.Span));
        Assert.Equal([name], (await ListAsync(Containers.Uploads)).Select(i => i.Name));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(Containers.Uploads, new string('x', 1025), "x"u8.ToArray(), ObjectProperties.None));
        Assert.True(await Store.DeleteAsync(Containers.Uploads, name));
    }

    [Fact]
    public async Task Metadata_must_be_ascii_in_both_stores()
    {
        var bad = new ObjectProperties { Metadata = new Dictionary<string, string> { ["sourcename"] = "会議録" } };
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(Containers.Uploads, "a.txt", "x"u8.ToArray(), bad));
        var badKey = new ObjectProperties { Metadata = new Dictionary<string, string> { ["source-name"] = "x" } };
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(Containers.Uploads, "a.txt", "x"u8.ToArray(), badKey));
    }

    [Fact]
    public async Task Unknown_containers_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync("../uploads", "a.txt", "x"u8.ToArray(), ObjectProperties.None));
    }

    [Fact]
    public async Task A_put_from_a_stream_stores_what_a_put_of_the_same_bytes_stores()
    {
        // Written in pieces of odd sizes, as a serialiser writes: the object is their concatenation.
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 4000).Select(i => $"{{\"turn\":{i},\"text\":\"会議録\"}}")));
        var etag = await Store.PutAsync(
            Containers.Web,
            "minutes/m3/minutes.json",
            async (stream, cancellationToken) =>
            {
                for (var at = 0; at < bytes.Length; at += 777)
                {
                    await stream.WriteAsync(bytes.AsMemory(at, Math.Min(777, bytes.Length - at)), cancellationToken);
                }

                stream.WriteByte((byte)'\n');
            },
            Html);
        var plain = await Store.PutAsync(Containers.Web, "minutes/m4/minutes.json", (byte[])[.. bytes, (byte)'\n'], Html);

        var stored = await Store.GetAsync(Containers.Web, "minutes/m3/minutes.json");
        Assert.NotNull(stored);
        Assert.Equal([.. bytes, (byte)'\n'], stored.Content.ToArray());
        Assert.Equal("text/html; charset=utf-8", stored.Properties.ContentType);
        Assert.Equal("abc123", ObjectMetadata.Get(stored.Properties.Metadata, "contentsha256"));
        Assert.Equal(etag, stored.ETag);
        Assert.Equal(etag, (await ListAsync(Containers.Web, "minutes/m3/")).Single().ETag);
        if (Store is FileSystemObjectStore)
        {
            Assert.Equal(plain, etag); // made from the content and its headers, however it was written
        }
    }

    [Fact]
    public async Task A_put_from_a_stream_whose_writer_fails_writes_nothing_and_keeps_the_old_object()
    {
        var old = "<p>前の版</p>"u8.ToArray();
        var etag = await Store.PutAsync(Containers.Web, "minutes/m5/index.html", old, Html);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.PutAsync(
            Containers.Web,
            "minutes/m5/index.html",
            async (stream, cancellationToken) =>
            {
                await stream.WriteAsync("<p>半分"u8.ToArray(), cancellationToken);
                throw new InvalidOperationException("the serialiser failed");
            },
            Html));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.PutAsync(
            Containers.Web, "minutes/m6/index.html", (_, _) => throw new InvalidOperationException("nothing written"), Html));

        var stored = await Store.GetAsync(Containers.Web, "minutes/m5/index.html");
        Assert.NotNull(stored);
        Assert.Equal(old, stored.Content.ToArray());
        Assert.Equal(etag, stored.ETag);
        Assert.Null(await Store.GetAsync(Containers.Web, "minutes/m6/index.html"));
        Assert.Equal(["minutes/m5/index.html"], (await ListAsync(Containers.Web, "minutes/")).Select(i => i.Name));
    }

    [Fact]
    public async Task A_put_from_a_stream_honours_its_condition()
    {
        var first = await Store.PutAsync(Containers.Web, "minutes/m7/index.html", "<p>一</p>"u8.ToArray(), Html);
        static Func<Stream, CancellationToken, Task> Writes(byte[] bytes) => (stream, cancellationToken) => stream.WriteAsync(bytes, cancellationToken).AsTask();

        await Assert.ThrowsAsync<WriteConflictException>(() => Store.PutAsync(Containers.Web, "minutes/m7/index.html", Writes("<p>二</p>"u8.ToArray()), Html, WriteCondition.CreateOnly));
        await Assert.ThrowsAsync<WriteConflictException>(() => Store.PutAsync(Containers.Web, "minutes/m7/index.html", Writes("<p>二</p>"u8.ToArray()), Html, WriteCondition.IfMatch("\"other\"")));
        var second = await Store.PutAsync(Containers.Web, "minutes/m7/index.html", Writes("<p>三</p>"u8.ToArray()), Html, WriteCondition.IfMatch(first));

        var stored = await Store.GetAsync(Containers.Web, "minutes/m7/index.html");
        Assert.NotNull(stored);
        Assert.Equal("<p>三</p>"u8.ToArray(), stored.Content.ToArray());
        Assert.Equal(second, stored.ETag);
    }

    [Fact]
    public async Task A_put_records_the_hash_of_what_it_wrote_under_the_key_it_names()
    {
        // A streamed document's hash is known only once written; the stage's metadata needs it.
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 3000).Select(i => $"{{\"turn\":{i},\"text\":\"発言\"}}")));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var properties = new ObjectProperties
        {
            ContentType = "application/json",
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["sourcename"] = "a.txt" },
            ContentSha256Key = "contentsha256",
        };
        var streamed = await Store.PutAsync(
            Containers.Normalized,
            "m8.json",
            async (stream, cancellationToken) =>
            {
                for (var at = 0; at < bytes.Length; at += 1000)
                {
                    await stream.WriteAsync(bytes.AsMemory(at, Math.Min(1000, bytes.Length - at)), cancellationToken);
                }
            },
            properties);
        await Store.PutAsync(Containers.Normalized, "m9.json", bytes, properties);

        foreach (var (name, etag) in new[] { ("m8.json", streamed), ("m9.json", (string?)null) })
        {
            var stored = await Store.GetAsync(Containers.Normalized, name);
            Assert.NotNull(stored);
            Assert.Equal(hash, ObjectMetadata.Get(stored.Properties.Metadata, "contentsha256"));
            Assert.Equal("a.txt", ObjectMetadata.Get(stored.Properties.Metadata, "sourcename"));
            Assert.Null(stored.Properties.ContentSha256Key);
            Assert.Equal(hash, ObjectMetadata.Get((await ListAsync(Containers.Normalized, name)).Single().Metadata, "contentsha256"));
            Assert.True(etag is null || etag == stored.ETag);
        }

        Assert.False(properties.Metadata.ContainsKey("contentsha256")); // the caller's properties are left as they were
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(Containers.Normalized, "m10.json", bytes, properties with { ContentSha256Key = "content-sha" }));
    }

    [Fact]
    public async Task An_opened_object_has_the_record_a_read_has_and_its_content_as_a_stream()
    {
        // A stage decides from the record whether it has work, and reads a large document as a stream.
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{{\"turn\":{i},\"text\":\"架空の発言\"}}")));
        var properties = new ObjectProperties
        {
            ContentType = "application/json",
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["sourcename"] = "a.txt" },
            ContentSha256Key = "contentsha256",
        };
        await Store.PutAsync(Containers.Normalized, "m8.json", async (stream, cancellationToken) => await stream.WriteAsync(bytes, cancellationToken), properties);
        await Store.PutAsync(Containers.Normalized, "m9.json", bytes, properties);
        foreach (var name in new[] { "m8.json", "m9.json" })
        {
            var stored = await Store.GetAsync(Containers.Normalized, name);
            using var opened = await Store.OpenAsync(Containers.Normalized, name);
            Assert.NotNull(stored);
            Assert.NotNull(opened);
            Assert.Equal(stored.ETag, opened.ETag);
            Assert.Equal(stored.Properties.ContentType, opened.Properties.ContentType);
            Assert.Equal(stored.Properties.Metadata, opened.Properties.Metadata);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), opened.ContentSha256);
            Assert.Equal(bytes.Length, opened.Length);
            Assert.Equal(bytes, opened.ReadVerified(content =>
            {
                var copy = new MemoryStream();
                content.CopyTo(copy);
                return copy.ToArray();
            }));
        }

        // Read in part, the rest is still hashed: the record is checked against all of it.
        using (var opened = await Store.OpenAsync(Containers.Normalized, "m8.json"))
        {
            Assert.Equal((byte)'{', opened!.ReadVerified(content => (byte)content.ReadByte()));
        }

        Assert.Null(await Store.OpenAsync(Containers.Normalized, "m10.json"));
    }

    protected async Task<List<ObjectInfo>> ListAsync(string container, string? prefix = null)
    {
        var items = new List<ObjectInfo>();
        await foreach (var item in Store.ListAsync(container, prefix))
        {
            items.Add(item);
        }

        return items;
    }
}

public sealed class FileSystemObjectStoreTests : ObjectStoreContractTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pp-fs-" + Guid.NewGuid().ToString("N"));

    private string Work => Path.Combine(_root, "work");

    private string Site => Path.Combine(_root, "site");

    protected override Task<IObjectStore> CreateStoreAsync() =>
        Task.FromResult<IObjectStore>(new FileSystemObjectStore(Work, new Dictionary<string, string> { [Containers.Web] = Site }));

    protected override Task CleanUpAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_site_folder_holds_exactly_the_site_files()
    {
        await Store.PutAsync(Containers.Web, "index.html", "<p>x</p>"u8.ToArray(), new ObjectProperties { ContentType = "text/html", Metadata = new Dictionary<string, string> { ["contentsha256"] = "1" } });
        await Store.PutAsync(Containers.Web, "minutes/m1/index.html", "<p>y</p>"u8.ToArray(), ObjectProperties.None);
        await Store.PutAsync(Containers.Audit, "m1.json", "{}"u8.ToArray(), ObjectProperties.None);

        var files = Directory.GetFiles(Site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Site, f).Replace('\\', '/')).Order().ToArray();
        Assert.Equal(["index.html", "minutes/m1/index.html"], files);
        Assert.True(File.Exists(Path.Combine(Work, "audit", "m1.json")));
    }

    [Fact]
    public async Task Deleting_the_last_file_of_a_folder_removes_the_folder()
    {
        await Store.PutAsync(Containers.Web, "minutes/m1/index.html", "x"u8.ToArray(), ObjectProperties.None);
        await Store.DeleteAsync(Containers.Web, "minutes/m1/index.html");
        Assert.False(Directory.Exists(Path.Combine(Site, "minutes")));
    }

    [Fact]
    public async Task Hostile_names_write_nothing_anywhere()
    {
        foreach (var name in new[] { "../escape.txt", "a/../../escape.txt", "/tmp/escape.txt" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(Containers.Web, name, "x"u8.ToArray(), ObjectProperties.None));
        }

        Assert.False(File.Exists(Path.Combine(_root, "escape.txt")));
        Assert.False(File.Exists(Path.Combine(Work, "escape.txt")));
        Assert.False(Directory.Exists(Site) && Directory.EnumerateFileSystemEntries(Site).Any());
    }

    [Fact]
    public async Task A_file_changed_in_place_is_opened_with_its_record_but_its_content_is_refused()
    {
        // The record is trusted as a listing trusts it (its length); the content read is checked
        // against its hash, so what another hand changed is never taken for what the record says.
        await Store.PutAsync(Containers.Normalized, "m1.json", "{\"title\":\"架空市議会\"}"u8.ToArray(), new ObjectProperties { Metadata = new Dictionary<string, string> { ["sourcename"] = "a.txt" } });
        var before = await Store.GetAsync(Containers.Normalized, "m1.json");
        using (var file = new FileStream(Path.Combine(Work, "normalized", "m1.json"), FileMode.Open, FileAccess.Write))
        {
            file.Position = 2;
            file.WriteByte((byte)'T');
        }

        using var opened = await Store.OpenAsync(Containers.Normalized, "m1.json");
        Assert.Equal(before!.ETag, opened!.ETag);
        Assert.Equal("a.txt", ObjectMetadata.Get(opened.Properties.Metadata, "sourcename"));
        Assert.Throws<InvalidDataException>(() => opened.ReadVerified(content => content.ReadByte()));
    }

    [Fact]
    public async Task A_file_put_by_hand_is_opened_as_a_read_judges_it()
    {
        Directory.CreateDirectory(Site);
        await File.WriteAllTextAsync(Path.Combine(Site, "extra.html"), "hand-made");
        var stored = await Store.GetAsync(Containers.Web, "extra.html");
        using var opened = await Store.OpenAsync(Containers.Web, "extra.html");
        Assert.Equal(stored!.ETag, opened!.ETag);
        Assert.Equal("hand-made", opened.ReadVerified(content => new StreamReader(content).ReadToEnd()));
    }

    [Fact]
    public async Task A_file_put_into_the_site_folder_by_hand_is_listed_and_readable_with_the_same_etag()
    {
        Directory.CreateDirectory(Site);
        await File.WriteAllTextAsync(Path.Combine(Site, "extra.html"), "hand-made");
        var listed = Assert.Single(await ListAsync(Containers.Web));
        var stored = await Store.GetAsync(Containers.Web, "extra.html");
        Assert.Equal(listed.ETag, stored!.ETag);
    }
}

public sealed class BlobObjectStoreTests : ObjectStoreContractTests
{
    private BlobObjectStore? _blob;

    protected override Task<IObjectStore> CreateStoreAsync()
    {
        _blob = AzuriteServer.NewStore();
        return Task.FromResult<IObjectStore>(_blob);
    }

    protected override Task CleanUpAsync() => _blob?.DeleteContainersAsync() ?? Task.CompletedTask;

    [Fact]
    public async Task Web_files_carry_content_type_and_cache_control_as_blob_headers()
    {
        await Store.PutAsync(Containers.Web, "index.html", "<p>x</p>"u8.ToArray(), new ObjectProperties { ContentType = "text/html; charset=utf-8", CacheControl = "public, max-age=300" });
        var properties = (await _blob!.Service.GetBlobContainerClient(_blob.ContainerName(Containers.Web)).GetBlobClient("index.html").GetPropertiesAsync()).Value;
        Assert.Equal("text/html; charset=utf-8", properties.ContentType);
        Assert.Equal("public, max-age=300", properties.CacheControl);
    }

    [Fact]
    public async Task A_precompressed_web_file_is_a_blob_with_content_encoding_gzip()
    {
        await Store.PutAsync(Containers.Web, "search/meta.json", PublishPipeline.Site.Precompression.Compress("{}"u8), new ObjectProperties { ContentType = "application/json; charset=utf-8", CacheControl = "public, max-age=300", ContentEncoding = "gzip" });
        var properties = (await _blob!.Service.GetBlobContainerClient(_blob.ContainerName(Containers.Web)).GetBlobClient("search/meta.json").GetPropertiesAsync()).Value;
        Assert.Equal("gzip", properties.ContentEncoding);
        Assert.Equal("application/json; charset=utf-8", properties.ContentType);
    }
}
