using System.Text.Json.Nodes;
using PublishPipeline.Azure.Storage;
using PublishPipeline.Model;
using PublishPipeline.Site;
using PublishPipeline.Storage;
using PublishPipeline.Tests;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// The review queue through the Azure door: the same `minutes holds/approve` commands with
/// `--storage` against Azurite record the decision next to the upload, and the Functions handler,
/// taking the upload event that record raises, publishes the approved document with its own settings.
/// </summary>
public sealed class ReviewOnAzureTests : IAsyncLifetime
{
    private readonly BlobObjectStore _store = AzuriteServer.NewStore();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _store.DeleteContainersAsync();

    private string Prefix => _store.ContainerName(Containers.Uploads)[..^Containers.Uploads.Length];

    [Fact]
    public async Task A_reviewer_approves_with_the_same_command_and_the_functions_publish_it()
    {
        const string upload = "ward/unknown-disclosure.txt";
        var id = MinutesId.FromSourceName(upload);
        await _store.PutAsync(Containers.Uploads, upload, TestUploads.Sample("002"), ObjectProperties.None);
        await using var host = await HandlerHost.StartAsync(_store);

        var normalized = await host.BlobTriggerAsync(HandlerApp.NormalizeUpload, "upload", Containers.Uploads, upload);
        normalized.AssertOk();
        Assert.Contains(normalized.Logs, l => l.Contains("[Warning]", StringComparison.Ordinal) && l.Contains("disclosure-missing", StringComparison.Ordinal)); // the document's warnings reach the invocation log
        (await host.BlobTriggerAsync(HandlerApp.RedactDocument, "normalized", Containers.Normalized, id + ".json")).AssertOk();
        Assert.NotNull(await _store.GetAsync(Containers.Held, id + ".json"));

        var queue = MinutesProcess.Run("holds", "--storage", AzuriteServer.ConnectionString, "--container-prefix", Prefix);
        Assert.True(queue.ExitCode == 0, queue.Stderr);
        Assert.Contains(upload, queue.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{Prefix}held/{id}.json", queue.Stdout, StringComparison.Ordinal);

        var approve = MinutesProcess.Run("approve", upload, "--storage", AzuriteServer.ConnectionString, "--container-prefix", Prefix, "--reviewer", "reviewer@ward", "--note", "the minutes are public");
        Assert.True(approve.ExitCode == 0, approve.Stderr);
        var record = upload + ".review.json";
        Assert.NotNull(await _store.GetAsync(Containers.Uploads, record));

        // The record's upload event, as Event Grid delivers it: the stages run again and apply the decision.
        (await host.BlobTriggerAsync(HandlerApp.NormalizeUpload, "upload", Containers.Uploads, record)).AssertOk();
        (await host.BlobTriggerAsync(HandlerApp.RedactDocument, "normalized", Containers.Normalized, id + ".json")).AssertOk();
        (await host.BlobTriggerAsync(HandlerApp.RenderDocument, "redacted", Containers.Redacted, id + ".json")).AssertOk();

        Assert.NotNull(await _store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));
        Assert.Null(await _store.GetAsync(Containers.Held, id + ".json"));
        var audit = JsonNode.Parse((await _store.GetAsync(Containers.Audit, id + ".json"))!.Content.ToArray())!;
        Assert.Equal("reviewer@ward", audit["review"]!["reviewer"]!.GetValue<string>());

        // Revoking the decision (deleting the record) takes it down again.
        await _store.DeleteAsync(Containers.Uploads, record);
        (await host.BlobDeletedAsync(record, eventId: "evt-revoke")).AssertOk();
        (await host.BlobTriggerAsync(HandlerApp.RedactDocument, "normalized", Containers.Normalized, id + ".json")).AssertOk();
        Assert.Null(await _store.GetAsync(Containers.Web, SiteUrls.MinutesPagePath(id)));
    }

    [Fact]
    public async Task Without_a_base_url_the_handler_fails_every_invocation_with_the_reason()
    {
        await using var host = await HandlerHost.StartAsync(_store, settings: "SITE_BASE_URL=");
        await _store.PutAsync(Containers.Uploads, "s.txt", TestUploads.PublicMinutes(600), ObjectProperties.None);

        var response = await host.BlobTriggerAsync(HandlerApp.NormalizeUpload, "upload", Containers.Uploads, "s.txt");

        Assert.Equal(500, response.Status);
        Assert.Contains(response.Logs, l => l.Contains("SITE_BASE_URL", StringComparison.Ordinal) && l.Contains("baseUrl", StringComparison.Ordinal));
        Assert.Null(await _store.GetAsync(Containers.Normalized, MinutesId.FromSourceName("s.txt") + ".json"));
    }
}
