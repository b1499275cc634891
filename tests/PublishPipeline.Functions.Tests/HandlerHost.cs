using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublishPipeline.Azure.Storage;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// The real handler (HandlerApp, Kestrel on 127.0.0.1, a free port) over a given store, and an
/// HTTP client that posts exactly what the Functions host posts (custom-handlers.md §4).
/// </summary>
public sealed class HandlerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HandlerHost(WebApplication app, HttpClient client, BlobObjectStore store)
    {
        _app = app;
        Client = client;
        Store = store;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public BlobObjectStore Store { get; }

    /// <param name="settings">App settings as "KEY=value", passed as the host would set them.</param>
    public static Task<HandlerHost> StartAsync(BlobObjectStore store, SiteOptions? site = null, RedactionPolicy? policy = null, params string[] settings) =>
        StartAsync(store, site, policy, null, settings);

    /// <param name="options">The pipeline's limits and timings, when a test needs others than the defaults.</param>
    public static async Task<HandlerHost> StartAsync(BlobObjectStore store, SiteOptions? site, RedactionPolicy? policy, PipelineOptions? options, params string[] settings)
    {
        var app = HandlerApp.Build(["--urls", "http://127.0.0.1:0", .. settings.Select(s => "--" + s)], builder =>
        {
            builder.Services.AddSingleton<IObjectStore>(store);
            if (options is not null)
            {
                builder.Services.AddSingleton(options);
            }

            if (site is not null)
            {
                builder.Services.AddSingleton(site);
            }

            if (policy is not null)
            {
                builder.Services.AddSingleton(policy);
            }

            // Quiet console; the invocation's Logs array still gets every Information line.
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(level => level >= LogLevel.Warning);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        return new HandlerHost(app, client, store);
    }

    /// <summary>The blob-trigger invocation for <paramref name="container"/>/<paramref name="name"/>, as the host builds it.</summary>
    public async Task<InvocationResponse> BlobTriggerAsync(string function, string binding, string container, string name)
    {
        var stored = await Store.GetAsync(container, name);
        var content = stored?.Content.ToArray() ?? [];
        var blobUri = new Uri(Store.Service.Uri, Store.ContainerName(container) + "/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString)));
        var body = new JsonObject
        {
            ["Data"] = new JsonObject { [binding] = Convert.ToBase64String(content) },
            ["Metadata"] = new JsonObject
            {
                ["name"] = JsonSerializer.Serialize(name),
                ["Uri"] = JsonSerializer.Serialize(blobUri.AbsoluteUri),
                ["Properties"] = new JsonObject
                {
                    ["ContentType"] = stored?.Properties.ContentType ?? "application/octet-stream",
                    ["ContentLength"] = content.Length,
                    ["ETag"] = stored?.ETag,
                    ["Metadata"] = new JsonObject(),
                },
                ["Metadata"] = new JsonObject(),
                ["sys"] = Sys(function),
            },
        };
        return await PostAsync(function, body.ToJsonString());
    }

    /// <summary>The timer invocation (TimerInfo as a JSON object; ScheduleStatus may be null) of the nightly run, or of <paramref name="function"/>.</summary>
    public Task<InvocationResponse> TimerAsync(bool pastDue = false, string function = HandlerApp.RerenderSite) => PostAsync(
        function,
        new JsonObject
        {
            ["Data"] = new JsonObject
            {
                ["timer"] = new JsonObject
                {
                    ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                    ["ScheduleStatus"] = null,
                    ["IsPastDue"] = pastDue,
                },
            },
            ["Metadata"] = new JsonObject { ["sys"] = Sys(function) },
        }.ToJsonString());

    /// <summary>An Event Grid BlobDeleted event for an upload, encoded as the host might send it.</summary>
    public Task<InvocationResponse> BlobDeletedAsync(string name, EventEncoding encoding = EventEncoding.JsonObject, string? eventId = null)
    {
        var account = Store.Service.AccountName;
        var url = new Uri(Store.Service.Uri, Store.ContainerName(Containers.Uploads) + "/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString))).AbsoluteUri;
        var subject = $"/blobServices/default/containers/{Store.ContainerName(Containers.Uploads)}/blobs/{name}";
        JsonNode ev = encoding == EventEncoding.CloudEvent
            ? new JsonObject
            {
                ["id"] = eventId ?? Guid.NewGuid().ToString(),
                ["source"] = $"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/{account}",
                ["specversion"] = "1.0",
                ["type"] = "Microsoft.Storage.BlobDeleted",
                ["subject"] = subject,
                ["time"] = "2025-06-30T01:02:03.456Z",
                ["data"] = new JsonObject { ["api"] = "DeleteBlob", ["url"] = url, ["blobType"] = "BlockBlob" },
            }
            : new JsonObject
            {
                ["id"] = eventId ?? Guid.NewGuid().ToString(),
                ["topic"] = $"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/{account}",
                ["subject"] = subject,
                ["eventType"] = "Microsoft.Storage.BlobDeleted",
                ["eventTime"] = "2025-06-30T01:02:03.456Z",
                ["dataVersion"] = "",
                ["metadataVersion"] = "1",
                ["data"] = new JsonObject { ["api"] = "DeleteBlob", ["url"] = url, ["contentType"] = "text/plain", ["blobType"] = "BlockBlob" },
            };
        JsonNode value = encoding switch
        {
            EventEncoding.JsonText => JsonValue.Create(ev.ToJsonString())!,
            EventEncoding.DoubleEncodedJsonText => JsonValue.Create(JsonSerializer.Serialize(ev.ToJsonString()))!,
            _ => ev,
        };
        return PostAsync(HandlerApp.WithdrawUpload, new JsonObject
        {
            ["Data"] = new JsonObject { ["event"] = value },
            ["Metadata"] = new JsonObject { ["sys"] = Sys(HandlerApp.WithdrawUpload) },
        }.ToJsonString());
    }

    public async Task<InvocationResponse> PostAsync(string function, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1036.1.23224");
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Azure-Functions-Host", "4.1036.1.23224"));
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new InvocationResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }

    private static JsonObject Sys(string function) => new()
    {
        ["MethodName"] = function,
        ["UtcNow"] = "2025-06-30T01:02:05.123Z",
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public enum EventEncoding
{
    JsonObject,
    JsonText,
    DoubleEncodedJsonText,
    CloudEvent,
}

/// <summary>The handler's answer, with the invocation-response shape checked.</summary>
public sealed record InvocationResponse(int Status, string? MediaType, string Body)
{
    public IReadOnlyList<string> Logs
    {
        get
        {
            var json = JsonNode.Parse(Body)!.AsObject();
            return [.. json[nameof(Logs)]!.AsArray().Select(l => l!.GetValue<string>())];
        }
    }

    /// <summary>Asserts a 2xx application/json invocation response: {"Outputs":{},"Logs":[…],"ReturnValue":null}.</summary>
    public InvocationResponse AssertOk()
    {
        Assert.True(Status is >= 200 and < 300, $"status {Status}: {Body}");
        return AssertShape();
    }

    public InvocationResponse AssertShape()
    {
        Assert.Equal("application/json", MediaType);
        var json = JsonNode.Parse(Body)!.AsObject();
        Assert.Equal(JsonValueKind.Object, json["Outputs"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Array, json[nameof(Logs)]!.GetValueKind());
        Assert.True(json.ContainsKey("ReturnValue"));
        Assert.Null(json["ReturnValue"]);
        return this;
    }
}
