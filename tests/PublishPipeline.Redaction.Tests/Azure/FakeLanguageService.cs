using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublishPipeline.Redaction.Tests.Azure;

/// <summary>A request as the fake service received it.</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, JsonNode Body);

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener, free port) that answers
/// <c>POST /language/:analyze-text</c> the way the Language REST API documents: 200 with
/// results.documents / results.errors, entities with UTF-16 offsets for the Person names it knows,
/// an error for documents over 5,120 text elements or more than 5 documents. Tests can queue
/// failures (429 with Retry-After, 500, malformed JSON, a dropped document).
/// </summary>
public sealed class FakeLanguageService : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly Task loop;
    private readonly CancellationTokenSource stop = new();

    public FakeLanguageService(params string[] personNames)
    {
        PersonNames = personNames;

        // HttpListener cannot bind port 0, so a free port is found first; another process on the
        // machine may take it before the listener binds it: then another port is tried.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var candidate = new HttpListener();
            candidate.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                candidate.Start();
                listener = candidate;
                Endpoint = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                candidate.Close();
            }
        }

        loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<string> PersonNames { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Canned answers used before the normal one, one per request: (status, headers, body).</summary>
    public ConcurrentQueue<(int Status, Dictionary<string, string> Headers, string Body)> Canned { get; } = new();

    /// <summary>Document texts containing this string get a per-document error.</summary>
    public string? FailDocumentsContaining { get; set; }

    /// <summary>Document texts containing this string are left out of the answer entirely.</summary>
    public string? DropDocumentsContaining { get; set; }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            try
            {
                await HandleAsync(context);
            }
            catch (Exception e)
            {
                await WriteAsync(context.Response, 599, [], "fake service failed: " + e);
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var body = JsonNode.Parse(raw)!;
        Requests.Enqueue(new ReceivedRequest(context.Request.HttpMethod, context.Request.RawUrl!, headers, body));

        if (Canned.TryDequeue(out var canned))
        {
            await WriteAsync(context.Response, canned.Status, canned.Headers, canned.Body);
            return;
        }

        if (context.Request.RawUrl != "/language/:analyze-text?api-version=2024-11-01")
        {
            await WriteAsync(context.Response, 404, new() { ["x-ms-error-code"] = "NotFound" }, """{"error":{"code":"404","message":"Resource not found"}}""");
            return;
        }

        var documents = body["analysisInput"]!["documents"]!.AsArray();
        if (documents.Count > 5)
        {
            await WriteAsync(context.Response, 400, new() { ["x-ms-error-code"] = "InvalidArgument" },
                """{"error":{"code":"InvalidArgument","message":"Batch request contains too many records. Max 5 records are permitted."}}""");
            return;
        }

        var results = new JsonArray();
        var errors = new JsonArray();
        foreach (var document in documents)
        {
            var id = document!["id"]!.GetValue<string>();
            var text = document["text"]!.GetValue<string>();
            if (DropDocumentsContaining is { } drop && text.Contains(drop, StringComparison.Ordinal))
            {
                continue;
            }

            if (new System.Globalization.StringInfo(text).LengthInTextElements > 5120
                || (FailDocumentsContaining is { } fail && text.Contains(fail, StringComparison.Ordinal)))
            {
                errors.Add(new JsonObject
                {
                    ["id"] = id,
                    ["error"] = new JsonObject
                    {
                        ["code"] = "InvalidArgument",
                        ["message"] = "Invalid Document in request.",
                        ["innererror"] = new JsonObject { ["code"] = "InvalidDocument", ["message"] = "A document within the request was too large to be processed." },
                    },
                });
                continue;
            }

            var entities = new JsonArray();
            foreach (var name in PersonNames)
            {
                for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
                {
                    entities.Add(new JsonObject { ["text"] = name, ["category"] = "Person", ["offset"] = at, ["length"] = name.Length, ["confidenceScore"] = 0.93 });
                }
            }

            // A role is reported as PersonType; the recogniser must ignore it.
            var role = text.IndexOf("委員", StringComparison.Ordinal);
            if (role >= 0)
            {
                entities.Add(new JsonObject { ["text"] = "委員", ["category"] = "PersonType", ["offset"] = role, ["length"] = 2, ["confidenceScore"] = 0.8 });
            }

            results.Add(new JsonObject { ["id"] = id, ["redactedText"] = text, ["entities"] = entities, ["warnings"] = new JsonArray() });
        }

        var answer = new JsonObject
        {
            ["kind"] = "PiiEntityRecognitionResults",
            ["results"] = new JsonObject { ["documents"] = results, ["errors"] = errors, ["modelVersion"] = "2024-04-15" },
        };
        await WriteAsync(context.Response, 200, [], answer.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, Dictionary<string, string> headers, string body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        foreach (var (k, v) in headers)
        {
            response.Headers[k] = v;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        // Close alone: on Unix, Stop then Close removes the listener twice, and the second removal
        // binds the port again for a moment ("Address already in use" when another test took it).
        listener.Close();
        try
        {
            await loop;
        }
        catch (ObjectDisposedException)
        {
        }

        stop.Dispose();
    }
}
