using System.Text;
using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>An upload that is not minutes is quarantined with what is missing, even under the policy that publishes minutes without a 公開の可否 table.</summary>
public sealed class NotMinutesPipelineTests : IDisposable
{
    private readonly TempSiteStore _temp = new("pp-notminutes-");

    private FileSystemObjectStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_desktop_ini_is_quarantined_not_published_whatever_the_policy()
    {
        var pipeline = new MinutesPipeline(Store, new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish }), new SiteBuilder(new SiteOptions()));
        var upload = Encoding.UTF8.GetBytes("[.ShellClassInfo]\r\nIconResource=C:\\Windows\\System32\\SHELL32.dll,4\r\n");
        await Store.PutAsync(Containers.Uploads, "desktop.ini", upload, ObjectProperties.None);

        var results = await pipeline.PublishAsync("desktop.ini");

        Assert.Equal(StageOutcome.Quarantined, results[^1].Outcome);
        var id = MinutesId.FromSourceName("desktop.ini");
        var report = JsonSerializer.Deserialize<QuarantineReport>((await Store.GetAsync(Containers.Quarantine, id + ".json"))!.Content.Span, MinutesJson.Options)!;
        Assert.Equal("no-minutes", report.Code);
        Assert.Contains("no title", report.Reason, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));
        Assert.Null(await Store.GetAsync(Containers.Redacted, id + ".json"));
    }
}
