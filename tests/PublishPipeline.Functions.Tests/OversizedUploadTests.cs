using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// Uploads over PipelineOptions.MaxUploadBytes never reach the handler through Event Grid (the
/// uploads subscription filters on data.contentLength, docs/infra.md): the nightly run is what
/// reports them, from the listing, without loading them.
/// </summary>
public sealed class OversizedUploadTests : IDisposable
{
    private readonly TempSiteStore _temp = new("pp-oversized-");

    private FileSystemObjectStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_nightly_run_quarantines_an_upload_over_the_limit_without_reading_it_and_only_once()
    {
        var small = TestUploads.PublicMinutes(461);
        var limit = small.Length;
        var big = TestUploads.PublicMinutes(460).Concat(System.Text.Encoding.UTF8.GetBytes("\n" + new string('x', limit))).ToArray();
        await Store.PutAsync(Containers.Uploads, "big.txt", big, ObjectProperties.None);
        await Store.PutAsync(Containers.Uploads, "small.txt", small, ObjectProperties.None);
        var reads = new List<string>();
        var store = new InterceptingStore(Store) { AfterGet = (container, name) => { reads.Add($"{container}/{name}"); return Task.CompletedTask; } };
        MinutesPipeline Pipeline() => new(store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions()), options: new PipelineOptions { MaxUploadBytes = limit });

        var report = await Pipeline().RerenderAsync();

        var id = MinutesId.FromSourceName("big.txt");
        Assert.DoesNotContain($"{Containers.Uploads}/big.txt", reads);
        Assert.Contains(id, report.Failed);
        Assert.DoesNotContain(id, report.Normalized);
        var stored = await Store.GetAsync(Containers.Quarantine, PipelineNames.Document(id));
        Assert.NotNull(stored);
        var quarantine = JsonSerializer.Deserialize<QuarantineReport>(stored.Content.Span, MinutesJson.Options)!;
        Assert.Equal("too-large", quarantine.Code);
        Assert.Equal("big.txt", quarantine.SourceName);
        Assert.Equal(big.Length, quarantine.Length);
        Assert.Contains($"at most {limit:N0} are read", quarantine.Reason, StringComparison.Ordinal);
        var listed = await Store.ListAsync(Containers.Uploads, "big.txt").FirstAsync(o => o.Name == "big.txt");
        Assert.Equal(listed.ETag.Trim('"'), quarantine.SourceETag);
        Assert.Null(await Store.GetAsync(Containers.Normalized, PipelineNames.Document(id)));

        // The upload within the limit was taken through as usual.
        Assert.Contains(MinutesId.FromSourceName("small.txt"), report.Normalized);

        // The report names this version of the upload: the next night leaves it alone.
        reads.Clear();
        var next = await Pipeline().RerenderAsync();
        Assert.DoesNotContain(id, next.Failed);
        Assert.DoesNotContain($"{Containers.Uploads}/big.txt", reads);
        Assert.Equal(stored.ETag, (await Store.GetAsync(Containers.Quarantine, PipelineNames.Document(id)))!.ETag);
    }
}
