using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.LocalSite;

/// <summary>
/// The SHA-256 of each input file with the size and last-write time it had when it was hashed, so
/// a re-publish reads and hashes only the inputs whose stat changed; the content, not the time,
/// still decides what changed (a new stat means a new hash, and an unchanged hash means no work).
/// </summary>
/// <remarks>
/// Trusting the stat is safe because writing a file (an editor, <c>cp</c>, a new download, a
/// rename over it) gives it a new last-write time, kept to 100 ns, or a new size; a <c>touch</c>
/// alone makes the file be read and hashed once, and its unchanged hash changes nothing else.
/// Only a copy that restores an older time on purpose (<c>cp -p</c>, <c>rsync -t</c>) of other
/// bytes of the same size goes unseen; deleting this cache makes the next publish hash every input.
/// A file written less than <see cref="Settle"/> before it was hashed is not stamped (it could
/// change again within the same time stamp), so it is hashed again next time.
/// </remarks>
internal sealed class InputStamps
{
    /// <summary>Private state in the work folder (audit container; never published).</summary>
    public const string StateName = PipelineNames.StatePrefix + "local/input-stamps.json";

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private static readonly WorkFolderCodec<Stamp> Codec = new(
        (w, s) =>
        {
            w.Write(s.Length);
            w.Write(s.Ticks);
            w.Write(s.Sha256);
        },
        r => new Stamp(r.ReadInt64(), r.ReadInt64(), r.ReadString()));

    private readonly WorkFolderCache<Stamp> _stamps;

    private InputStamps(WorkFolderCache<Stamp> stamps) => _stamps = stamps;

    public static async Task<InputStamps> LoadAsync(IObjectStore store, CancellationToken cancellationToken) =>
        new(await WorkFolderCache<Stamp>.LoadAsync(store, StateName, Codec, cancellationToken).ConfigureAwait(false));

    /// <summary>The input's hash and, when it had to be read, its bytes.</summary>
    public async Task<(string Sha256, byte[]? Bytes)> HashAsync(string name, string file, CancellationToken cancellationToken)
    {
        var info = FileStatus.Of(file); // one statx per input: an archive has ~14,000
        if (info is { } now && _stamps.TryGet(name, out var stamp) && stamp.Length == now.Length && stamp.Ticks == now.LastWriteTicks)
        {
            return (stamp.Sha256, null);
        }

        var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        var sha = PipelineNames.Sha256(bytes);
        if (info is { } read && read.Length == bytes.Length && DateTime.UtcNow - read.LastWriteUtc > Settle)
        {
            _stamps.Set(name, new Stamp(read.Length, read.LastWriteTicks, sha), static (a, b) => a == b);
        }

        return (sha, bytes);
    }

    /// <summary>Keeps the stamps of the current inputs only and writes them if anything changed.</summary>
    public Task SaveAsync(IObjectStore store, IEnumerable<string> current, CancellationToken cancellationToken) =>
        _stamps.SaveAsync(store, current, cancellationToken);

    internal sealed record Stamp(long Length, long Ticks, string Sha256);
}
