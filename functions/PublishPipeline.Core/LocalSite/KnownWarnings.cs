using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;

namespace PublishPipeline.LocalSite;

/// <summary>
/// The warnings of each published document (<see cref="DocumentNotes.WarningsAsync"/>), kept with
/// the published version they were read from (<see cref="MinutesPipeline.PublishedVersion"/>), so
/// a re-publish reports an unchanged document's warnings without reading its documents. A cache:
/// another version, or none, and they are read again.
/// </summary>
internal sealed class KnownWarnings
{
    /// <summary>Private state in the work folder (audit container; never published).</summary>
    public const string StateName = PipelineNames.StatePrefix + "local/warnings.json";

    private static readonly WorkFolderCodec<Known> Codec = new(
        (w, k) =>
        {
            w.Write(k.Version);
            w.Write(k.Warnings.Count);
            foreach (var warning in k.Warnings)
            {
                w.Write(warning);
            }
        },
        r =>
        {
            var version = r.ReadString();
            var warnings = new string[CacheBinary.ReadCount(r)];
            for (var i = 0; i < warnings.Length; i++)
            {
                warnings[i] = r.ReadString();
            }

            return new Known(version, warnings);
        });

    private readonly WorkFolderCache<Known> _known;

    private KnownWarnings(WorkFolderCache<Known> known) => _known = known;

    public static async Task<KnownWarnings> LoadAsync(IObjectStore store, CancellationToken cancellationToken) =>
        new(await WorkFolderCache<Known>.LoadAsync(store, StateName, Codec, cancellationToken).ConfigureAwait(false));

    /// <summary>The warnings of <paramref name="id"/> at <paramref name="version"/>, read from its documents when not known.</summary>
    public async Task<IReadOnlyList<string>> GetAsync(IObjectStore store, string id, string version, CancellationToken cancellationToken)
    {
        if (_known.TryGet(id, out var known) && known.Version == version && known.Warnings is not null)
        {
            return known.Warnings;
        }

        var warnings = await DocumentNotes.WarningsAsync(store, id, cancellationToken).ConfigureAwait(false);
        Set(id, version, warnings);
        return warnings;
    }

    /// <summary>Remembers the warnings just read for <paramref name="id"/> at <paramref name="version"/>.</summary>
    public void Set(string id, string version, IReadOnlyList<string> warnings) =>
        _known.Set(id, new Known(version, warnings), static (stored, next) => stored.Version == next.Version && stored.Warnings is not null && stored.Warnings.SequenceEqual(next.Warnings));

    /// <summary>Keeps the documents in <paramref name="current"/> only and writes the cache if anything changed.</summary>
    public Task SaveAsync(IObjectStore store, IEnumerable<string> current, CancellationToken cancellationToken) =>
        _known.SaveAsync(store, current, cancellationToken);

    internal sealed record Known(string Version, IReadOnlyList<string> Warnings);
}
