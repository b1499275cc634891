using System.Net;
using System.Net.Http.Headers;

namespace PublishPipeline.Site.Tests;

/// <summary>What is stored gzip, that it is stored so deterministically, and that the preview server negotiates.</summary>
public class PrecompressionTests
{
    private static readonly SiteOptions Options = new() { BaseUrl = new Uri("https://gikai.example.jp/") };

    [Fact]
    public void Search_files_css_and_script_are_stored_gzip_and_what_others_read_is_not()
    {
        var builder = new SiteBuilder(Options);
        var set = TestMinutes.Set();
        var files = builder.BuildAll(set);
        foreach (var f in files)
        {
            var browserOnly = (f.Path.StartsWith("search/", StringComparison.Ordinal) && f.Path.EndsWith(".json", StringComparison.Ordinal))
                || (f.Path.StartsWith("assets/", StringComparison.Ordinal) && (f.Path.EndsWith(".css", StringComparison.Ordinal) || f.Path.EndsWith(".js", StringComparison.Ordinal)));
            Assert.Equal(browserOnly ? "gzip" : null, f.ContentEncoding);
            var stored = f.StoredContent();
            if (browserOnly)
            {
                Assert.True(Precompression.IsGzip(stored.Span), f.Path);
                Assert.Equal(f.Content.ToArray(), Precompression.Decompress(stored.Span));
                Assert.Equal(0xFF, stored.Span[9]); // no operating system in the header: same bytes on any machine
                Assert.Equal(stored.ToArray(), f.StoredContent().ToArray());
            }
            else
            {
                Assert.Equal(f.Content.ToArray(), stored.ToArray());
            }
        }

        // The search index and the fragments really are there; pages, feed and open data are plain.
        Assert.Contains(files, f => f.Path.StartsWith("search/f/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Path == SiteUrls.SearchMetaPath && f.ContentEncoding == "gzip");
        Assert.All(files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal) || f.Path.EndsWith("minutes.json", StringComparison.Ordinal) || f.Path == SiteUrls.CatalogPath || f.Path == SiteUrls.FeedPath), f => Assert.Null(f.ContentEncoding));
    }

    [Fact]
    public void Site_directory_writes_the_stored_bytes_and_leaves_unchanged_precompressed_files_alone()
    {
        var dir = Directory.CreateTempSubdirectory("site-gzip-");
        try
        {
            var files = new SiteBuilder(Options).BuildAll(TestMinutes.Set());
            var first = SiteDirectory.Write(dir.FullName, files);
            Assert.Equal(files.Count, first.Written);
            var meta = File.ReadAllBytes(Path.Combine(dir.FullName, "search", "meta.json"));
            Assert.True(Precompression.IsGzip(meta));
            Assert.Equal(0, SiteDirectory.Write(dir.FullName, files).Written);

            // A plain copy where a gzip file belongs (or damaged bytes) is rewritten.
            File.WriteAllBytes(Path.Combine(dir.FullName, "search", "meta.json"), files.Single(f => f.Path == SiteUrls.SearchMetaPath).Content.ToArray());
            Assert.Equal(1, SiteDirectory.Write(dir.FullName, files).Written);
            Assert.True(Precompression.IsGzip(File.ReadAllBytes(Path.Combine(dir.FullName, "search", "meta.json"))));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("gzip, deflate, br", true)]
    [InlineData("br;q=1.0, gzip;q=0.5", true)]
    [InlineData("*", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("gzip;q=0, *", false)]
    [InlineData("identity", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Accept_encoding_is_read_with_its_weights(string? header, bool accepts) => Assert.Equal(accepts, Precompression.Accepts(header));

    [Fact]
    public async Task Preview_server_sends_gzip_to_clients_that_accept_it_and_plain_bytes_to_the_others()
    {
        var dir = Directory.CreateTempSubdirectory("site-serve-");
        try
        {
            var files = new SiteBuilder(new SiteOptions()).BuildAll(TestMinutes.Set());
            SiteDirectory.Write(dir.FullName, files);
            await using var server = StaticSiteServer.Start(dir.FullName);
            using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.BaseUrl };

            async Task<(HttpResponseMessage Response, byte[] Body)> Get(string path, string? accept, HttpMethod? method = null)
            {
                using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(path, UriKind.Relative));
                if (accept is not null)
                {
                    request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
                }

                var response = await http.SendAsync(request);
                return (response, await response.Content.ReadAsByteArrayAsync());
            }

            // Stored gzip: sent as is when accepted, decompressed otherwise.
            var meta = files.Single(f => f.Path == SiteUrls.SearchMetaPath);
            var (zipped, zippedBody) = await Get("/search/meta.json", "gzip, br");
            Assert.Equal(["gzip"], zipped.Content.Headers.ContentEncoding);
            Assert.Equal("application/json; charset=utf-8", zipped.Content.Headers.ContentType!.ToString());
            Assert.Contains("Accept-Encoding", zipped.Headers.Vary);
            Assert.Equal(meta.Content.ToArray(), Precompression.Decompress(zippedBody));
            var (plain, plainBody) = await Get("/search/meta.json", null);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.Equal(meta.Content.ToArray(), plainBody);
            var (refused, refusedBody) = await Get("/search/meta.json", "gzip;q=0");
            Assert.Empty(refused.Content.Headers.ContentEncoding);
            Assert.Equal(meta.Content.ToArray(), refusedBody);

            // Stored plain: a page is compressed on the fly for a client that accepts gzip.
            var home = files.Single(f => f.Path == SiteUrls.HomePath);
            var (page, pageBody) = await Get("/", "gzip");
            Assert.Equal(["gzip"], page.Content.Headers.ContentEncoding);
            Assert.Equal(home.Content.ToArray(), Precompression.Decompress(pageBody));
            var (pagePlain, pagePlainBody) = await Get("/", null);
            Assert.Empty(pagePlain.Content.Headers.ContentEncoding);
            Assert.Equal(home.Content.ToArray(), pagePlainBody);

            // HEAD gives the length of what GET would send.
            var (head, _) = await Get("/search/meta.json", "gzip", HttpMethod.Head);
            Assert.Equal(zippedBody.Length, head.Content.Headers.ContentLength);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
