using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PublishPipeline.Storage;

namespace PublishPipeline.Azure.Storage;

/// <summary>
/// <see cref="IObjectStore"/> on Azure Blob Storage (and Azurite). Content-Type and Cache-Control
/// go into the blob's HTTP headers, which is what the static website endpoint serves them from;
/// conditional writes map to If-Match / If-None-Match and a lost race becomes a
/// <see cref="WriteConflictException"/>. Containers are created on first write.
/// </summary>
public sealed class BlobObjectStore : IObjectStore
{
    private readonly BlobServiceClient _service;
    private readonly string _containerPrefix;
    private readonly ConcurrentDictionary<string, BlobContainerClient> _containers = new(StringComparer.Ordinal);

    /// <param name="service">The account.</param>
    /// <param name="containerPrefix">
    /// Prepended to every container name (and <c>$web</c> becomes <c>{prefix}web</c>); empty in
    /// production. Lets tests share one Azurite account without sharing containers.
    /// </param>
    public BlobObjectStore(BlobServiceClient service, string containerPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(containerPrefix);
        _service = service;
        _containerPrefix = containerPrefix;
    }

    public BlobServiceClient Service => _service;

    /// <summary>
    /// Builds the store from the app settings of the <c>MinutesStorage</c> connection: a
    /// connection string (local, Azurite) or <c>{name}__blobServiceUri</c> with the app's managed
    /// identity (<c>{name}__clientId</c> for a user-assigned one). Makes no network call.
    /// </summary>
    public static BlobObjectStore FromSettings(Func<string, string?> setting, string connectionName = "MinutesStorage", string containerPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(setting);
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 4;
        options.Retry.Mode = RetryMode.Exponential;
        if (setting(connectionName) is { Length: > 0 } connectionString)
        {
            return new BlobObjectStore(new BlobServiceClient(connectionString, options), containerPrefix);
        }

        if (setting(connectionName + "__blobServiceUri") is { Length: > 0 } uri)
        {
            TokenCredential credential = setting(connectionName + "__clientId") is { Length: > 0 } clientId
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
                : new DefaultAzureCredential();
            return new BlobObjectStore(new BlobServiceClient(new Uri(uri), credential, options), containerPrefix);
        }

        throw new InvalidOperationException(
            $"No storage configured: set {connectionName} (a connection string, e.g. UseDevelopmentStorage=true) or {connectionName}__blobServiceUri.");
    }

    /// <summary>The real container name for one of <see cref="Containers"/>.</summary>
    public string ContainerName(string container) =>
        _containerPrefix.Length == 0 ? container : _containerPrefix + (container == Containers.Web ? "web" : container);

    public async Task<StoredObject?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = Container(container).GetBlobClient(ObjectName.Validate(name));
        try
        {
            var result = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            var details = result.Details;
            return new StoredObject(
                name,
                result.Content.ToMemory(),
                new ObjectProperties
                {
                    ContentType = details.ContentType,
                    CacheControl = details.CacheControl,
                    ContentEncoding = string.IsNullOrEmpty(details.ContentEncoding) ? null : details.ContentEncoding,
                    Metadata = new Dictionary<string, string>(details.Metadata, StringComparer.Ordinal),
                },
                Quoted(details.ETag));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<string> PutAsync(
        string container,
        string name,
        ReadOnlyMemory<byte> content,
        ObjectProperties properties,
        WriteCondition? condition = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ObjectMetadata.Validate(properties);
        if (properties.ContentSha256Key is not null)
        {
            properties = properties.WithContentSha256(Convert.ToHexStringLower(SHA256.HashData(content.Span)));
        }

        var client = Container(container);
        var blob = client.GetBlobClient(ObjectName.Validate(name));
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = properties.ContentType, CacheControl = properties.CacheControl, ContentEncoding = properties.ContentEncoding },
            Metadata = new Dictionary<string, string>(properties.Metadata, StringComparer.Ordinal),
            Conditions = condition switch
            {
                null => null,
                { IfNotExists: true } => new BlobRequestConditions { IfNoneMatch = ETag.All },
                { IfMatchETag: { } etag } => new BlobRequestConditions { IfMatch = new ETag(etag) },
                _ => null,
            },
        };

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await blob.UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false);
                return Quoted(response.Value.ETag);
            }
            catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound && attempt == 0)
            {
                await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 412 or 409 && condition is not null)
            {
                throw new WriteConflictException($"{container}/{name}: conditional write lost ({e.ErrorCode}).", e);
            }
            catch (RequestFailedException e) when (e.Status == 404 && condition?.IfMatchETag is not null)
            {
                throw new WriteConflictException($"{container}/{name}: the object to replace is gone.", e);
            }
        }
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = Container(container).GetBlobClient(ObjectName.Validate(name));
        try
        {
            return (await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = Container(container);
        var pages = client.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix }, cancellationToken).ConfigureAwait(false);
        await using var items = pages.GetAsyncEnumerator();
        while (true)
        {
            try
            {
                if (!await items.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                yield break;
            }

            var item = items.Current;
            yield return new ObjectInfo(
                item.Name,
                item.Properties.ContentLength ?? 0,
                item.Properties.ETag is { } etag ? Quoted(etag) : string.Empty,
                item.Properties.LastModified ?? DateTimeOffset.MinValue,
                new Dictionary<string, string>(item.Metadata ?? new Dictionary<string, string>(), StringComparer.Ordinal));
        }
    }

    /// <summary>Creates every container the pipeline uses (idempotent); for set-up and tests.</summary>
    public async Task EnsureContainersAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in Containers.All)
        {
            await Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes every container of this store's prefix; for tests.</summary>
    public async Task DeleteContainersAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in Containers.All)
        {
            await Container(container).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    // The service quotes ETags in headers but not in listings; one form everywhere, so callers can compare.
    private static string Quoted(ETag etag)
    {
        var text = etag.ToString();
        return text.StartsWith('"') ? text : "\"" + text + "\"";
    }

    private BlobContainerClient Container(string container)
    {
        if (!Containers.All.Contains(container))
        {
            throw new ArgumentException($"Unknown container name '{container}'.", nameof(container));
        }

        return _containers.GetOrAdd(container, c => _service.GetBlobContainerClient(ContainerName(c)));
    }
}
