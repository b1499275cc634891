using PublishPipeline.Site.Search;

namespace PublishPipeline.Site;

/// <summary>What <see cref="SiteBuilder.BuildIndexes(IReadOnlyList{Model.Minutes}, IReadOnlyList{SearchSummary}, Func{string, SearchContribution}, Func{string, string, bool}?)"/> made.</summary>
/// <param name="Files">The index files with their bytes.</param>
/// <param name="Kept">Search shards of reused tiers that the site holds already (path, SHA-256): part of the index, not to be written.</param>
/// <param name="Tiers">The search tiers of this build, to keep for the next run.</param>
public sealed record SiteIndexFiles(IReadOnlyList<SiteFile> Files, IReadOnlyList<SearchShard> Kept, IReadOnlyList<SearchTier> Tiers);
