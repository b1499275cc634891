using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublishPipeline.Azure.Storage;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>The host ⇄ handler protocol: requests exactly as the Functions host sends them, to the real handler.</summary>
public sealed class HandlerContractTests : IAsyncLifetime
{
    private BlobObjectStore _store = null!;
    private HandlerHost _host = null!;

    public async Task InitializeAsync()
    {
        _store = AzuriteServer.NewStore();
        await _store.EnsureContainersAsync();
        _host = await HandlerHost.StartAsync(_store);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _store.DeleteContainersAsync();
    }

    [Fact]
    public async Task Readiness_probe_gets_an_answer()
    {
        using var response = await _host.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Blob_trigger_with_base64_data_and_double_encoded_metadata_reads_the_blob_by_name()
    {
        await _store.PutAsync(Containers.Uploads, "2023/第1回.txt", TestUploads.Poison(), ObjectProperties.None);

        var response = (await _host.BlobTriggerAsync(HandlerApp.NormalizeUpload, "upload", Containers.Uploads, "2023/第1回.txt")).AssertOk();

        // Poison is a permanent input error: recorded, answered 2xx so the host does not retry it.
        var id = MinutesId.FromSourceName("2023/第1回.txt");
        var report = await _store.GetAsync(Containers.Quarantine, id + ".json");
        Assert.NotNull(report);
        Assert.Contains(response.Logs, l => l.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Name_only_single_encoded_still_works()
    {
        await _store.PutAsync(Containers.Uploads, "plain.txt", TestUploads.Poison(), ObjectProperties.None);
        var body = """{"Data":{"upload":"AAAA"},"Metadata":{"name":"plain.txt","sys":{"MethodName":"NormalizeUpload"}}}""";

        (await _host.PostAsync(HandlerApp.NormalizeUpload, body)).AssertOk();

        Assert.NotNull(await _store.GetAsync(Containers.Quarantine, MinutesId.FromSourceName("plain.txt") + ".json"));
    }

    [Fact]
    public async Task Uri_only_gives_the_whole_nested_name()
    {
        await _store.PutAsync(Containers.Uploads, "区/委員会 2023/a b.txt", TestUploads.Poison(), ObjectProperties.None);
        var uri = new Uri(_store.Service.Uri, _store.ContainerName(Containers.Uploads) + "/" + Uri.EscapeDataString("区") + "/" + Uri.EscapeDataString("委員会 2023") + "/a%20b.txt").AbsoluteUri;
        var body = new JsonObject
        {
            ["Data"] = new JsonObject { ["upload"] = "AAAA" },
            ["Metadata"] = new JsonObject { ["Uri"] = JsonSerializer.Serialize(uri), ["name"] = "\"a b.txt\"", ["sys"] = new JsonObject() },
        }.ToJsonString();

        (await _host.PostAsync(HandlerApp.NormalizeUpload, body)).AssertOk();

        Assert.NotNull(await _store.GetAsync(Containers.Quarantine, MinutesId.FromSourceName("区/委員会 2023/a b.txt") + ".json"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"Data":{},"Metadata":{"sys":{}}}""")]
    [InlineData("[1,2,3]")]
    public async Task Unreadable_requests_are_answered_2xx_and_change_nothing(string body)
    {
        (await _host.PostAsync(HandlerApp.NormalizeUpload, body)).AssertOk();
        await foreach (var item in _store.ListAsync(Containers.Quarantine))
        {
            Assert.Fail("nothing may be written: " + item.Name);
        }
    }

    [Fact]
    public async Task Hostile_names_from_the_trigger_are_quarantined_and_never_reach_web()
    {
        foreach (var name in new[] { "../$web/index.html", "a/../../index.html", "bad\u0001name.txt", "x/./y.txt" })
        {
            var body = new JsonObject
            {
                ["Data"] = new JsonObject { ["upload"] = "AAAA" },
                ["Metadata"] = new JsonObject { ["name"] = JsonSerializer.Serialize(name), ["sys"] = new JsonObject() },
            }.ToJsonString();
            (await _host.PostAsync(HandlerApp.NormalizeUpload, body)).AssertOk();

            var report = await _store.GetAsync(Containers.Quarantine, MinutesId.FromSourceName(name) + ".json");
            Assert.NotNull(report);
            var json = JsonNode.Parse(report.Content.Span)!;
            Assert.Equal(name, json["sourceName"]!.GetValue<string>());
            Assert.Equal("name", json["code"]!.GetValue<string>());
        }

        await foreach (var item in _store.ListAsync(Containers.Web))
        {
            Assert.Fail("nothing may reach $web: " + item.Name);
        }
    }

    [Theory]
    [InlineData(EventEncoding.JsonObject)]
    [InlineData(EventEncoding.JsonText)]
    [InlineData(EventEncoding.DoubleEncodedJsonText)]
    [InlineData(EventEncoding.CloudEvent)]
    public async Task BlobDeleted_event_in_any_encoding_withdraws_and_audits(EventEncoding encoding)
    {
        var name = $"gone-{encoding}/会議録.txt";
        var response = (await _host.BlobDeletedAsync(name, encoding, eventId: "evt-1")).AssertOk();

        var id = MinutesId.FromSourceName(name);
        var audit = await _store.GetAsync(Containers.Audit, PipelineNames.Withdrawal(id));
        Assert.NotNull(audit);
        var json = JsonNode.Parse(audit.Content.Span)!;
        Assert.Equal(name, json["sourceName"]!.GetValue<string>());
        Assert.Equal("evt-1", json["eventId"]!.GetValue<string>());
        Assert.Contains(response.Logs, l => l.Contains("withdraw", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Other_event_types_are_ignored()
    {
        var body = """{"Data":{"event":{"id":"1","eventType":"Microsoft.Storage.BlobCreated","subject":"/blobServices/default/containers/uploads/blobs/a.txt","data":{}}},"Metadata":{"sys":{}}}""";
        (await _host.PostAsync(HandlerApp.WithdrawUpload, body)).AssertOk();
        await foreach (var item in _store.ListAsync(Containers.Audit))
        {
            Assert.Fail("nothing may be written: " + item.Name);
        }
    }

    [Fact]
    public async Task Timer_with_null_schedule_status_runs_the_rerender()
    {
        var response = (await _host.TimerAsync(pastDue: true)).AssertOk();
        Assert.Contains(response.Logs, l => l.Contains("re-render", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_20_MB_upload_fits_in_one_request()
    {
        var big = new byte[20 * 1024 * 1024];
        new Random(1).NextBytes(big);
        await _store.PutAsync(Containers.Uploads, "big.bin", big, ObjectProperties.None);

        (await _host.BlobTriggerAsync(HandlerApp.NormalizeUpload, "upload", Containers.Uploads, "big.bin")).AssertOk();

        Assert.NotNull(await _store.GetAsync(Containers.Quarantine, MinutesId.FromSourceName("big.bin") + ".json"));
    }

    [Fact]
    public async Task Storage_trouble_is_a_retryable_failure()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(2);
        var unreachable = new BlobObjectStore(new BlobServiceClient(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;",
            options));
        await using var host = await HandlerHost.StartAsync(unreachable);
        var body = """{"Data":{"upload":"AAAA"},"Metadata":{"name":"\"a.txt\"","sys":{}}}""";

        var response = await host.PostAsync(HandlerApp.NormalizeUpload, body);

        Assert.Equal(500, response.Status);
        response.AssertShape();
        Assert.Contains(response.Logs, l => l.Contains("retry", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Failures of the handler's own making: retried (500) with the reason in Logs, never answered 200.</summary>
public sealed class HandlerFailureTests : IAsyncLifetime
{
    private BlobObjectStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = AzuriteServer.NewStore();
        await _store.EnsureContainersAsync();
    }

    public async Task DisposeAsync() => await _store.DeleteContainersAsync();

    [Fact]
    public async Task Unreadable_stored_state_is_a_retry_not_a_swallowed_bad_request()
    {
        await using var host = await HandlerHost.StartAsync(_store);
        await _store.PutAsync(Containers.Audit, PipelineNames.SiteIndexState, "{ damaged"u8.ToArray(), ObjectProperties.None);

        var response = await host.BlobDeletedAsync("gone.txt", eventId: "evt-json");

        Assert.Equal(500, response.Status);
        response.AssertShape();
        Assert.Contains(response.Logs, l => l.Contains("JsonException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_site_settings_value_is_a_500_with_the_reason_in_logs()
    {
        await using var host = await HandlerHost.StartAsync(_store, settings: "SITE_SETTINGS={ not settings");
        await _store.PutAsync(Containers.Uploads, "s.txt", TestUploads.PublicMinutes(500), ObjectProperties.None);

        var response = await host.BlobTriggerAsync(HandlerApp.NormalizeUpload, "upload", Containers.Uploads, "s.txt");

        Assert.Equal(500, response.Status);
        response.AssertShape();
        Assert.Contains(response.Logs, l => l.Contains("SITE_SETTINGS", StringComparison.Ordinal));
        Assert.Null(await _store.GetAsync(Containers.Normalized, MinutesId.FromSourceName("s.txt") + ".json"));
    }

    [Fact]
    public async Task Missing_storage_settings_are_a_500_with_the_reason_in_logs()
    {
        // The real composition: no store given, and no MinutesStorage setting in this process.
        Assert.Null(Environment.GetEnvironmentVariable("MinutesStorage"));
        await using var app = HandlerApp.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var response = await client.PostAsync(
            new Uri("/" + HandlerApp.NormalizeUpload, UriKind.Relative),
            new StringContent("""{"Data":{"upload":"AAAA"},"Metadata":{"name":"\"a.txt\"","sys":{}}}""", Encoding.UTF8, "application/json"));
        var result = new InvocationResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());

        Assert.Equal(500, result.Status);
        result.AssertShape();
        Assert.Contains(result.Logs, l => l.Contains("MinutesStorage", StringComparison.Ordinal));
        await app.StopAsync();
    }

    [Fact]
    public async Task Kestrel_sets_no_body_limit_of_its_own()
    {
        await using var host = await HandlerHost.StartAsync(_store);
        Assert.Null(host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
    }

    [Fact]
    public async Task A_bad_rerender_schedule_is_logged_at_start_up()
    {
        var lines = new List<string>();
        await using var app = HandlerApp.Build(["--urls", "http://127.0.0.1:0", "--RERENDER_SCHEDULE=every night"], builder =>
            builder.Logging.AddProvider(new RecordingLogs(lines)));

        Assert.Contains(lines, l => l.Contains("RERENDER_SCHEDULE", StringComparison.Ordinal) && l.Contains("every night", StringComparison.Ordinal));
    }

    private sealed class RecordingLogs(List<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Recorder(lines);

        public void Dispose()
        {
        }

        private sealed class Recorder(List<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (lines)
                {
                    lines.Add(formatter(state, exception));
                }
            }
        }
    }
}

/// <summary>Envelope parsing on its own: every tolerated form.</summary>
public sealed class FunctionEnvelopeTests
{
    [Theory]
    [InlineData("""{"Data":{},"Metadata":{"name":"\"a.txt\""}}""", "a.txt")]
    [InlineData("""{"Data":{},"Metadata":{"name":"a.txt"}}""", "a.txt")]
    [InlineData("""{"data":{},"metadata":{"Name":"\"\\\"a.txt\\\"\""}}""", "a.txt")]
    [InlineData("""{"Data":{},"Metadata":{"Uri":"\"https://acct.blob.core.windows.net/uploads/x/%E4%BC%9A.txt\"","name":"\"ignored\""}}""", "x/会.txt")]
    [InlineData("""{"Data":{},"Metadata":{"Uri":"\"http://127.0.0.1:10000/devstoreaccount1/uploads/a%2Fb.txt\""}}""", "a/b.txt")]
    [InlineData("""{"Data":{},"Metadata":{"Uri":"\"http://127.0.0.1:10000/devstoreaccount1/uploads/a\\\\..\\\\b.txt\"","name":"\"a\\\\..\\\\b.txt\""}}""", "a\\..\\b.txt")]
    [InlineData("""{"Data":{},"Metadata":{"Uri":"\"https://acct.blob.core.windows.net/uploads/x/../y.txt?sv=1\""}}""", "x/../y.txt")]
    [InlineData("""{"Data":{},"Metadata":{"Uri":"\"https://acct.blob.core.windows.net/other/a.txt\"","name":"\"a.txt\""}}""", "a.txt")]
    public void Blob_name_is_found_in_every_form(string body, string expected)
    {
        Assert.Equal(expected, FunctionEnvelope.Parse(Encoding.UTF8.GetBytes(body)).BlobName("uploads"));
    }

    [Fact]
    public void Event_is_read_from_an_array_too()
    {
        var body = """{"Data":{"event":[{"id":"e","eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/uploads/blobs/a/b.txt","eventTime":"2025-01-01T00:00:00Z","data":{"url":"https://a/uploads/a/b.txt"}}]}}""";
        var ev = FunctionEnvelope.Parse(Encoding.UTF8.GetBytes(body)).Event("event");
        Assert.NotNull(ev);
        Assert.True(ev.IsBlobDeleted);
        Assert.Equal("a/b.txt", FunctionEnvelope.NameFromSubject(ev.Subject, "uploads"));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), ev.Time);
    }

    [Fact]
    public void Timer_past_due_is_read_as_bool_or_string()
    {
        Assert.True(FunctionEnvelope.Parse("""{"Data":{"timer":{"IsPastDue":true}}}"""u8).TimerPastDue("timer"));
        Assert.False(FunctionEnvelope.Parse("""{"Data":{"timer":"{\"IsPastDue\":\"false\"}"}}"""u8).TimerPastDue("timer"));
    }
}
