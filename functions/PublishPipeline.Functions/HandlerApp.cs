using System.Diagnostics;
using System.Text.Json;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OpenTelemetry.Logs;
using PublishPipeline.Azure.Storage;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions;

/// <summary>
/// The custom handler: one POST endpoint per function (route = function name = folder under
/// FunctionApp/), each a thin door into <see cref="MinutesPipeline"/>. Answers 200 with
/// <c>{"Outputs":{},"Logs":[…],"ReturnValue":null}</c> when the work is done or a permanent
/// failure is recorded (quarantine/hold report), and 500 only when a retry can help.
/// Nothing touches the network before <c>Run</c>: the host gives the handler ~30 s to answer GET /.
/// </summary>
public static partial class HandlerApp
{
    public const string NormalizeUpload = nameof(NormalizeUpload);
    public const string RedactDocument = nameof(RedactDocument);
    public const string RenderDocument = nameof(RenderDocument);
    public const string RerenderSite = nameof(RerenderSite);
    public const string WithdrawUpload = nameof(WithdrawUpload);
    public const string RecoverDocuments = nameof(RecoverDocuments);

    /// <param name="args">Command-line arguments (the host passes <c>--urls http://127.0.0.1:PORT</c>).</param>
    /// <param name="overrides">Replaces services after the defaults (tests give their own store or site options).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? overrides = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) &&
            Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") is { Length: > 0 } port)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }

        // No request-size limit of our own: the handler reads blobs by name, and the pipeline's
        // PipelineOptions.MaxUploadBytes decides (with a quarantine report) what is too large. A
        // Kestrel 413 would be a failure the host retries without anyone seeing the reason.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        builder.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = null);

        ConfigureLogging(builder);
        PipelineServices.Add(builder.Services, builder.Configuration);
        overrides?.Invoke(builder);

        var app = builder.Build();

        // The host reads RERENDER_SCHEDULE and RECOVERY_SCHEDULE itself; check them here too (no
        // network) so a typo shows in our logs at start-up instead of a timer silently never firing.
        foreach (var (setting, check) in new (string, Func<IConfiguration, string>)[] { ("RERENDER_SCHEDULE", PipelineServices.RerenderSchedule), ("RECOVERY_SCHEDULE", PipelineServices.RecoverySchedule) })
        {
            try
            {
                check(app.Configuration);
            }
            catch (Exception e) when (e is Cronos.CronFormatException or FormatException or ArgumentException)
            {
                LogBadSchedule(app.Logger, setting, PipelineServices.Setting(app.Configuration, setting) ?? string.Empty, e.Message);
            }
        }

        app.MapGet("/", () => Results.Text("ready"));
        app.MapPost("/" + NormalizeUpload, (HttpContext http) =>
            InvokeAsync(http, NormalizeUpload, async (envelope, pipeline, ct) =>
                envelope.BlobName(ContainerName(http, Containers.Uploads)) is { } name
                    ? (await pipeline.NormalizeAsync(name, ct).ConfigureAwait(false)).ToString()
                    : throw new EnvelopeException("no blob name (Metadata.name or Metadata.Uri) in the request")));
        app.MapPost("/" + RedactDocument, (HttpContext http) =>
            InvokeAsync(http, RedactDocument, async (envelope, pipeline, ct) =>
                envelope.BlobName(ContainerName(http, Containers.Normalized)) is { } name
                    ? (await pipeline.RedactAsync(name, ct).ConfigureAwait(false)).ToString()
                    : throw new EnvelopeException("no blob name (Metadata.name or Metadata.Uri) in the request")));
        app.MapPost("/" + RenderDocument, (HttpContext http) =>
            InvokeAsync(http, RenderDocument, async (envelope, pipeline, ct) =>
                envelope.BlobName(ContainerName(http, Containers.Redacted)) is { } name
                    ? (await pipeline.RenderAsync(name, ct).ConfigureAwait(false)).ToString()
                    : throw new EnvelopeException("no blob name (Metadata.name or Metadata.Uri) in the request")));
        app.MapPost("/" + RerenderSite, (HttpContext http) =>
            InvokeAsync(http, RerenderSite, async (envelope, pipeline, ct) =>
            {
                var report = await pipeline.RerenderAsync(ct).ConfigureAwait(false);
                return Summary("re-render", envelope, report);
            }));
        app.MapPost("/" + RecoverDocuments, (HttpContext http) =>
            InvokeAsync(http, RecoverDocuments, async (envelope, pipeline, ct) =>
            {
                var report = await pipeline.RecoverAsync(http.RequestServices.GetRequiredService<IFailedDeliveries>(), ct).ConfigureAwait(false);
                return Summary("recovery", envelope, report);
            }));
        app.MapPost("/" + WithdrawUpload, (HttpContext http) =>
            InvokeAsync(http, WithdrawUpload, async (envelope, pipeline, ct) =>
            {
                var storageEvent = envelope.Event("event") ?? throw new EnvelopeException("no Event Grid event in Data.event");
                if (!storageEvent.IsBlobDeleted)
                {
                    return $"ignored event type {storageEvent.Type}";
                }

                var name = FunctionEnvelope.NameFromSubject(storageEvent.Subject, ContainerName(http, Containers.Uploads))
                    ?? (storageEvent.Url is { } url ? FunctionEnvelope.NameFromUrl(url, ContainerName(http, Containers.Uploads)) : null);
                if (name is null)
                {
                    return $"ignored: the deleted blob is not in {Containers.Uploads} ({storageEvent.Subject})";
                }

                return (await pipeline.WithdrawAsync(name, new WithdrawalEvent(storageEvent.Id, storageEvent.Time), ct).ConfigureAwait(false)).ToString();
            }));
        return app;
    }

    private static string Summary(string run, FunctionEnvelope envelope, RerenderReport report) =>
        $"{run}{(envelope.TimerPastDue("timer") == true ? " (past due)" : string.Empty)}: {report.Normalized.Count} normalised, " +
        $"{report.Reredacted.Count} re-redacted, {report.Rerendered.Count} re-rendered, {report.Withdrawn.Count} withdrawn, " +
        $"{report.Held.Count} held, {report.Failed.Count} failed, {report.IndexFilesWritten.Count} index files written" +
        (report.LeftForNextRun.Count > 0 ? $", {report.LeftForNextRun.Count} left for the next run (budget)" : string.Empty);

    /// <summary>The container's real name in the account (a test store may prefix it), as it appears in URIs and subjects.</summary>
    private static string ContainerName(HttpContext http, string container) =>
        http.RequestServices.GetRequiredService<IObjectStore>() is BlobObjectStore blob ? blob.ContainerName(container) : container;

    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();

        // stdout is what the host collects: one JSON object per line, scopes (document id, stage,
        // invocation id) included on every line.
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        builder.Logging.AddProvider(new InvocationLogs());
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // OpenTelemetry: the same records, scopes as attributes, to Application Insights when the
        // app has a connection string (no network until the first export).
        if (builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] is { Length: > 0 } connectionString)
        {
            builder.Logging.AddOpenTelemetry(o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
                o.AddAzureMonitorLogExporter(e =>
                {
                    e.ConnectionString = connectionString;
                    e.Credential = TelemetryCredential(builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
                });
            });
        }
    }

    /// <summary>
    /// Application Insights runs with local auth off, so exports must carry an Entra token:
    /// "ClientId=…;Authorization=AAD" names the user-assigned identity (the same one as for storage).
    /// </summary>
    internal static global::Azure.Core.TokenCredential? TelemetryCredential(string? authenticationString)
    {
        if (string.IsNullOrEmpty(authenticationString)
            || !authenticationString.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var clientId = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(kv => kv.Length == 2 && kv[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            .Select(kv => kv[1])
            .FirstOrDefault();
        return clientId is { Length: > 0 }
            ? new global::Azure.Identity.ManagedIdentityCredential(global::Azure.Identity.ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new global::Azure.Identity.ManagedIdentityCredential(global::Azure.Identity.ManagedIdentityId.SystemAssigned);
    }

    private static async Task InvokeAsync(HttpContext http, string function, Func<FunctionEnvelope, MinutesPipeline, CancellationToken, Task<string>> run)
    {
        var logs = InvocationLogs.Begin();
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("PublishPipeline.Functions." + function);
        var invocationId = http.Request.Headers["X-Azure-Functions-InvocationId"].ToString();
        using var scope = logger.BeginScope(new LogScope(("Function", function), ("InvocationId", invocationId)));
        var clock = Stopwatch.StartNew();
        int status;
        try
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted).ConfigureAwait(false);
            FunctionEnvelope envelope;
            try
            {
                envelope = FunctionEnvelope.Parse(body.GetBuffer().AsSpan(0, (int)body.Length));
            }
            catch (JsonException e)
            {
                // Only the host's envelope: a JsonException from our own stored files (index
                // state, rendered record) is storage trouble and is retried below.
                throw new EnvelopeException($"the request is not a readable invocation: {e.Message}");
            }

            // Built here, inside the try: a bad SITE_SETTINGS or a missing storage setting is a
            // 500 with the reason in Logs, not a bare error page.
            var pipeline = http.RequestServices.GetRequiredService<MinutesPipeline>();
            var summary = await run(envelope, pipeline, http.RequestAborted).ConfigureAwait(false);
            LogDone(logger, function, summary, clock.ElapsedMilliseconds);
            status = StatusCodes.Status200OK;
        }
        catch (EnvelopeException e)
        {
            // A request we cannot read will not read better on a retry: log loudly, answer 200.
            LogBadRequest(logger, function, e.Message);
            status = StatusCodes.Status200OK;
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            // Storage or network trouble (permanent document errors never get here): let the host retry.
            LogFailed(logger, function, e);
            status = StatusCodes.Status500InternalServerError;
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(http.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartObject("Outputs");
        writer.WriteEndObject();
        writer.WriteStartArray("Logs");
        lock (logs)
        {
            foreach (var line in logs)
            {
                writer.WriteStringValue(line);
            }
        }

        writer.WriteEndArray();
        writer.WriteNull("ReturnValue");
        writer.WriteEndObject();
        await writer.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function} done in {ElapsedMs} ms: {Summary}")]
    private static partial void LogDone(ILogger logger, string function, string summary, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function}: unreadable request, nothing done: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string function, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Setting} '{Schedule}' is not a valid CRON expression; its timer will not run: {Reason}")]
    private static partial void LogBadSchedule(ILogger logger, string setting, string schedule, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed; the host will retry")]
    private static partial void LogFailed(ILogger logger, string function, Exception exception);
}

/// <summary>The request lacks what the function needs (e.g. the blob name).</summary>
internal sealed class EnvelopeException(string message) : Exception(message);
