using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// A real store with storage faults on demand: one write (put or delete, any container) failing
/// by number, storage going down and coming back, a write whose answer is lost after it went
/// through. Faults are thrown as the exceptions storage trouble becomes (transient ones).
/// </summary>
internal sealed class FaultingStore(IObjectStore inner) : IObjectStore
{
    private int _writes;

    /// <summary>Writes (puts and deletes) made since the store was created.</summary>
    public int Writes => _writes;

    /// <summary>The write with this number (1-based) fails once, without reaching storage.</summary>
    public int FailWrite { get; set; }

    /// <summary>True while storage is unreachable: every call fails.</summary>
    public bool Down { get; set; }

    /// <summary>Storage is also unreachable while this says so (an outage that ends by a clock, not by a test thread).</summary>
    public Func<bool>? DownWhile { get; set; }

    /// <summary>The first write this accepts is carried out, then answered with this exception (an answer lost on the way back).</summary>
    public (Func<string, string, bool> Which, Exception Answer)? LoseAnswer { get; set; }

    /// <summary>Runs after each write to $web that went through, with the path.</summary>
    public Func<string, Task>? AfterWebWrite { get; set; }

    public Task<StoredObject?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.GetAsync(container, name, cancellationToken);
    }

    public async Task<string> PutAsync(string container, string name, ReadOnlyMemory<byte> content, ObjectProperties properties, WriteCondition? condition = null, CancellationToken cancellationToken = default)
    {
        BeforeWrite(container, name);
        var etag = await inner.PutAsync(container, name, content, properties, condition, cancellationToken);
        await AfterWriteAsync(container, name);
        return etag;
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        BeforeWrite(container, name);
        var deleted = await inner.DeleteAsync(container, name, cancellationToken);
        await AfterWriteAsync(container, name);
        return deleted;
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string container, string? prefix = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        await foreach (var item in inner.ListAsync(container, prefix, cancellationToken))
        {
            yield return item;
        }
    }

    private void ThrowIfDown()
    {
        if (Down || DownWhile?.Invoke() == true)
        {
            throw new IOException("storage unreachable (fault injected)");
        }
    }

    private void BeforeWrite(string container, string name)
    {
        ThrowIfDown();
        if (Interlocked.Increment(ref _writes) == FailWrite)
        {
            throw new IOException($"write {FailWrite} ({container}/{name}) failed (fault injected)");
        }
    }

    private async Task AfterWriteAsync(string container, string name)
    {
        if (LoseAnswer is { } lose && lose.Which(container, name))
        {
            LoseAnswer = null;
            throw lose.Answer;
        }

        if (container == Containers.Web && AfterWebWrite is { } hook)
        {
            await hook(name);
        }
    }
}
