namespace PublishPipeline.Site.Search;

/// <summary>
/// What the search index takes from one minutes besides its postings: enough to place it in a
/// tier, tell whether that tier changed (<see cref="Digest"/>), and write the manifest and the
/// role filter. A rebuild that reuses a tier needs only these for its members; the postings
/// (<see cref="SearchContribution"/>) are read only for a tier that is encoded again.
/// </summary>
/// <param name="Roles">Speaker roles with the number of turns each spoke.</param>
public sealed record SearchSummary(string Id, DateOnly? Date, string Body, string Digest, IReadOnlyList<(string Role, int Count)> Roles);

/// <summary>
/// One tier of an encoded index as it can be kept between runs: what it was made from
/// (<see cref="Fingerprint"/>: its members' keys and digests), its shard tree and content hashes
/// as the manifest lists them, and each shard file with the SHA-256 of its bytes, to check that
/// the site still holds them before the tier is reused without its bytes.
/// </summary>
public sealed record SearchTier(string Id, string Fingerprint, string Tree, string Hashes, IReadOnlyList<SearchShard> Shards);

/// <summary>A shard file of a tier: its path in the site and the lower-case hex SHA-256 of its (uncompressed) bytes.</summary>
public sealed record SearchShard(string Path, string Sha256);
