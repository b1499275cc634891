using PublishPipeline.Site.Search;

namespace PublishPipeline.Site;

/// <summary>What <see cref="SiteBuilder.BuildIndexes(IReadOnlyList{Model.Minutes}, IReadOnlyList{SearchSummary}, Func{string, SearchContribution}, Func{string, string, bool}?)"/> made.</summary>
/// <param name="Files">The index files with their bytes.</param>
/// <param name="Kept">Files of this build that the site holds already, as they are (path, SHA-256): search shards of reused tiers and listing pages whose listing did not change; not to be written.</param>
/// <param name="Tiers">The search tiers of this build, to keep for the next run.</param>
/// <param name="Pages">The listing pages of this build (<see cref="ListingPages"/>), to keep for the next run.</param>
public sealed record SiteIndexFiles(IReadOnlyList<SiteFile> Files, IReadOnlyList<SearchShard> Kept, IReadOnlyList<SearchTier> Tiers, IReadOnlyList<ListingPage> Pages)
{
    /// <summary>Each minutes' catalogue object of this build (<see cref="IndexLines"/>), to keep for the next run; empty when the build kept nothing.</summary>
    public IReadOnlyList<IndexLine> Lines { get; init; } = [];

    /// <summary>The <see cref="SiteBuilder.TemplateVersion"/> the lines were written under.</summary>
    public string LinesTemplateVersion { get; init; } = string.Empty;
}
