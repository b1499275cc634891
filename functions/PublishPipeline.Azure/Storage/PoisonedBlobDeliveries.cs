using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.Azure.Storage;

/// <summary>
/// The blob triggers' poison queue as <see cref="IFailedDeliveries"/>. After
/// <c>poisonBlobThreshold</c> failed tries the Functions host puts
/// <c>{"FunctionId","BlobType","ContainerName","BlobName","ETag"}</c> on
/// <c>webjobs-blobtrigger-poison</c> in the account of the watched container (the trigger's
/// <c>MinutesStorage</c> connection, not AzureWebJobsStorage); the recovery sweep reads it here.
/// Messages of containers the pipeline does not watch are put back untouched.
/// </summary>
public sealed class PoisonedBlobDeliveries : IFailedDeliveries
{
    public const string QueueName = "webjobs-blobtrigger-poison";

    private static readonly string[] Watched = [Containers.Uploads, Containers.Normalized, Containers.Redacted];

    private readonly QueueClient _queue;
    private readonly Dictionary<string, string> _containers;

    /// <param name="queue">The poison queue.</param>
    /// <param name="containerName">The account's name of a pipeline container (a test store prefixes them).</param>
    public PoisonedBlobDeliveries(QueueClient queue, Func<string, string>? containerName = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        _queue = queue;
        _containers = Watched.ToDictionary(c => containerName?.Invoke(c) ?? c, c => c, StringComparer.Ordinal);
    }

    public QueueClient Queue => _queue;

    /// <summary>
    /// From the app settings of the connection: a connection string with a queue endpoint (Azurite),
    /// or <c>{name}__queueServiceUri</c> with the app's identity. Without either there is no poison
    /// queue to read (the sweep still finds stuck documents by listing). Makes no network call.
    /// </summary>
    public static IFailedDeliveries FromSettings(Func<string, string?> setting, BlobObjectStore? store = null, string connectionName = "MinutesStorage")
    {
        ArgumentNullException.ThrowIfNull(setting);
        var options = new QueueClientOptions();
        options.Retry.MaxRetries = 2;
        QueueServiceClient service;
        if (setting(connectionName) is { Length: > 0 } connectionString)
        {
            try
            {
                service = new QueueServiceClient(connectionString, options);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
            {
                return NoFailedDeliveries.Instance; // a blob-only connection string
            }
        }
        else if (setting(connectionName + "__queueServiceUri") is { Length: > 0 } uri)
        {
            TokenCredential credential = setting(connectionName + "__clientId") is { Length: > 0 } clientId
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
                : new DefaultAzureCredential();
            service = new QueueServiceClient(new Uri(uri), credential, options);
        }
        else
        {
            return NoFailedDeliveries.Instance;
        }

        return new PoisonedBlobDeliveries(service.GetQueueClient(QueueName), store is null ? null : store.ContainerName);
    }

    public async Task<IReadOnlyList<FailedDelivery>> TakeAsync(int max, TimeSpan hold, CancellationToken cancellationToken = default)
    {
        var taken = new List<FailedDelivery>();
        var foreign = new List<QueueMessage>();
        try
        {
            while (taken.Count < max)
            {
                var batch = (await _queue.ReceiveMessagesAsync(Math.Clamp(max - taken.Count, 1, 32), hold, cancellationToken).ConfigureAwait(false)).Value;
                foreach (var message in batch)
                {
                    if (Read(message) is { } delivery)
                    {
                        taken.Add(delivery);
                    }
                    else
                    {
                        foreign.Add(message);
                    }
                }

                if (batch.Length == 0 || foreign.Count >= 32)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return taken; // no trigger ever failed for good: the host creates the queue on first use
        }

        foreach (var message in foreign)
        {
            // Not ours (another function of the account, or unreadable): visible again at once.
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return taken;
    }

    public async Task CompleteAsync(FailedDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var parts = delivery.Receipt.Split('\n', 2);
        try
        {
            await _queue.DeleteMessageAsync(parts[0], parts[1], cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone (another sweep completed it): nothing to do.
        }
    }

    private FailedDelivery? Read(QueueMessage message)
    {
        // The host writes the JSON base64-encoded (the queues extension's default); accept plain JSON too.
        var text = message.Body.ToString();
        if (!text.TrimStart().StartsWith('{'))
        {
            try
            {
                text = Encoding.UTF8.GetString(Convert.FromBase64String(text));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            string? container = null, name = null;
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                if (property.Name.Equals("ContainerName", StringComparison.OrdinalIgnoreCase))
                {
                    container = property.Value.GetString();
                }
                else if (property.Name.Equals("BlobName", StringComparison.OrdinalIgnoreCase))
                {
                    name = property.Value.GetString();
                }
            }

            return container is not null && name is { Length: > 0 } && _containers.TryGetValue(container, out var ours)
                ? new FailedDelivery(ours, name, message.MessageId + "\n" + message.PopReceipt)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
