using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

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
        var (temp, handle) = CreateTemporary(Path.GetDirectoryName(file)!);
        var committed = false;
        try
        {
            // The file made is the file written, given its record and renamed: one open, not one
            // for each (three opens and their locks for every streamed document before).
            using var content = new FileStream(handle, FileAccess.Write, bufferSize: 64 * 1024);
            string sha;
            long length;
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
                var etag = Commit(container, name, file, sidecar, sha, length, properties.WithContentSha256(sha), (path, durable, attribute) => MoveIntoPlace(content, temp, path, durable, attribute));
                committed = true;
                return etag;
            }
            finally
            {
                gate.Release();
            }
        }
        finally
        {
            handle.Dispose(); // closed already once committed
            if (!committed)
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>A new temporary file in the folder, open to write, made again if a concurrent prune removed the folder meanwhile.</summary>
    private (string Path, SafeFileHandle Handle) CreateTemporary(string folder)
    {
        EnsureKnownFolder(folder);
        var temp = Path.Combine(folder, TempPrefix + Guid.NewGuid().ToString("N"));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return (temp, File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None));
            }
            catch (DirectoryNotFoundException) when (attempt < 5)
            {
                EnsureFolder(folder);
            }
        }
    }

    /// <summary>
    /// The written temporary file, still open, given the record as its attribute when given, closed and
    /// renamed into place (else 0 or the refusal's errno, as WriteOnce; the file is left open then, for
    /// the sidecar layout's write next).
    /// </summary>
    private static int MoveIntoPlace(FileStream content, string temp, string path, bool durable, byte[]? attribute)
    {
        var handle = content.SafeFileHandle;
        if (attribute is not null && ExtendedAttributes.TrySet(handle, attribute) is var refused and not 0)
        {
            return refused;
        }

        if (durable)
        {
            RandomAccess.FlushToDisk(handle);
        }

        content.Dispose(); // closed before the rename, as a write of bytes is
        File.Move(temp, path, overwrite: true);
        return 0;
    }
}
