using System.Security.Cryptography;

namespace PublishPipeline.Storage;

/// <summary>
/// Writes from a stream: the content goes to a temporary file in the object's folder as the writer
/// writes it, hashed on the way, and is committed under the object's gate as a write of bytes is
/// (record as attribute or sidecar, then the rename). A large object (a normalised document of tens
/// of MB) is never one array in memory.
/// </summary>
public sealed partial class FileSystemObjectStore
{
    public async Task<string> PutAsync(
        string container,
        string name,
        Func<Stream, CancellationToken, Task> writeContent,
        ObjectProperties properties,
        WriteCondition? condition = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        ArgumentNullException.ThrowIfNull(properties);
        ObjectMetadata.Validate(properties);
        var (file, sidecar) = Locate(container, name);
        var temp = CreateTemporary(Path.GetDirectoryName(file)!);
        try
        {
            string sha;
            long length;
            using (var content = new FileStream(temp, FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
            using (var sha256 = SHA256.Create())
            {
                // A hash algorithm as a crypto transform passes its input through unchanged.
                using (var hashing = new CryptoStream(content, sha256, CryptoStreamMode.Write, leaveOpen: true))
                {
                    await writeContent(hashing, cancellationToken).ConfigureAwait(false);
                    if (!hashing.HasFlushedFinalBlock)
                    {
                        await hashing.FlushFinalBlockAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                await content.FlushAsync(cancellationToken).ConfigureAwait(false);
                (sha, length) = (Convert.ToHexStringLower(sha256.Hash!), content.Length);
            }

            var gate = GateOf(file);
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await CheckConditionAsync(container, name, condition, cancellationToken).ConfigureAwait(false);
                return Commit(container, name, file, sidecar, sha, length, properties.WithContentSha256(sha), (path, durable, attribute) => MoveIntoPlace(temp, path, durable, attribute));
            }
            finally
            {
                gate.Release();
            }
        }
        finally
        {
            File.Delete(temp); // gone already once committed
        }
    }

    /// <summary>An empty temporary file in the folder, made again if a concurrent prune removed the folder meanwhile.</summary>
    private string CreateTemporary(string folder)
    {
        EnsureKnownFolder(folder);
        var temp = Path.Combine(folder, TempPrefix + Guid.NewGuid().ToString("N"));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None).Dispose();
                return temp;
            }
            catch (DirectoryNotFoundException) when (attempt < 5)
            {
                EnsureFolder(folder);
            }
        }
    }

    /// <summary>The written temporary file renamed into place, with the record as its attribute when given (else 0 or the refusal's errno, as WriteOnce).</summary>
    private static int MoveIntoPlace(string temp, string path, bool durable, byte[]? attribute)
    {
        using (var handle = File.OpenHandle(temp, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            if (attribute is not null && ExtendedAttributes.TrySet(handle, attribute) is var refused and not 0)
            {
                return refused;
            }

            if (durable)
            {
                RandomAccess.FlushToDisk(handle);
            }
        }

        File.Move(temp, path, overwrite: true);
        return 0;
    }
}
