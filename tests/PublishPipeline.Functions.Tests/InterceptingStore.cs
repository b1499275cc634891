using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>A real store with hooks that let a test make something happen at an exact point of a stage (a race).</summary>
internal sealed class InterceptingStore(IObjectStore inner) : IObjectStore
{
    /// <summary>Runs after each write or delete in $web.</summary>
    public Func<Task>? AfterWebWrite { get; set; }

    /// <summary>Runs after each read, with the container and name read.</summary>
    public Func<string, string, Task>? AfterGet { get; set; }

    public bool Busy { get; set; }

    public async Task<StoredObject?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var stored = await inner.GetAsync(container, name, cancellationToken);
        if (AfterGet is { } hook)
        {
            await hook(container, name);
        }

        return stored;
    }

    public async Task<string> PutAsync(string container, string name, ReadOnlyMemory<byte> content, ObjectProperties properties, WriteCondition? condition = null, CancellationToken cancellationToken = default)
    {
        var etag = await inner.PutAsync(container, name, content, properties, condition, cancellationToken);
        if (container == Containers.Web && AfterWebWrite is { } hook)
        {
            await hook();
        }

        return etag;
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var deleted = await inner.DeleteAsync(container, name, cancellationToken);
        if (container == Containers.Web && AfterWebWrite is { } hook)
        {
            await hook();
        }

        return deleted;
    }

    public IAsyncEnumerable<ObjectInfo> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default) =>
        inner.ListAsync(container, prefix, cancellationToken);
}
