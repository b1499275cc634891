using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The order of a takedown: the rendered record goes (no rebuild lists the document any more),
/// the indexes are rebuilt, and only then are the page and its JSON deleted, so at no moment does
/// an index link to a page that is gone. If the rebuild fails on storage trouble the files stay
/// for the retry (or the recovery sweep) to remove after the indexes; if it fails for good (a
/// broken template or stored document) they are removed anyway: a page that must come down is
/// worth more than a link that works.
/// </summary>
public sealed partial class MinutesPipeline
{
    private async Task UpdateIndexesBeforeRemovingAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        try
        {
            await Index.UpdateAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!_options.IsTransient(e))
        {
            await DeletePublicFilesAsync(paths, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<IReadOnlyList<string>> DeletePublicFilesAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var path in paths)
        {
            if (await _store.DeleteAsync(Containers.Web, path, cancellationToken).ConfigureAwait(false))
            {
                removed.Add(path);
            }
        }

        return removed;
    }

    /// <summary>True while anything of the document is public or recorded as rendered.</summary>
    private async Task<bool> IsPublishedAsync(string id, CancellationToken cancellationToken) =>
        await ExistsAsync(Containers.Audit, PipelineNames.Rendered(id), cancellationToken).ConfigureAwait(false) ||
        await ExistsAsync(Containers.Web, SiteUrls.MinutesPagePath(id), cancellationToken).ConfigureAwait(false);
}
