using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// A real store that counts what the pipeline asks of it, per operation and container: reads,
/// existence checks, writes, deletes, listings and the entries the listings returned.
/// </summary>
internal sealed class CountingStore(IObjectStore inner) : IObjectStore
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>How many times <paramref name="operation"/> (get, open, opened, exists, stat, put, delete, list, listed) touched <paramref name="container"/> (null: all).</summary>
    public int Count(string operation, string? container = null) =>
        _counts.Where(kv => kv.Key.StartsWith(operation + " " + container, StringComparison.Ordinal)).Sum(kv => kv.Value);

    /// <summary>Every object read (container/name), in order.</summary>
    public ConcurrentQueue<string> Read { get; private set; } = new();

    public void Reset()
    {
        _counts.Clear();
        Read = new();
    }

    public Task<StoredObject?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        Add("get", container);
        Read.Enqueue(container + "/" + name);
        return inner.GetAsync(container, name, cancellationToken);
    }

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        Add("exists", container);
        return inner.ExistsAsync(container, name, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        Add("open", container);
        return inner.OpenReadAsync(container, name, cancellationToken);
    }

    public Task<OpenedObject?> OpenAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        Add("opened", container);
        return inner.OpenAsync(container, name, cancellationToken);
    }

    public Task<ObjectStat?> StatAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        Add("stat", container);
        return inner.StatAsync(container, name, cancellationToken);
    }

    public Task<string> PutAsync(string container, string name, ReadOnlyMemory<byte> content, ObjectProperties properties, WriteCondition? condition = null, CancellationToken cancellationToken = default)
    {
        Add("put", container);
        return inner.PutAsync(container, name, content, properties, condition, cancellationToken);
    }

    public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        Add("delete", container);
        return inner.DeleteAsync(container, name, cancellationToken);
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Add("list", container);
        await foreach (var item in inner.ListAsync(container, prefix, cancellationToken))
        {
            Add("listed", container);
            yield return item;
        }
    }

    private void Add(string operation, string container) => _counts.AddOrUpdate($"{operation} {container}", 1, (_, n) => n + 1);
}
