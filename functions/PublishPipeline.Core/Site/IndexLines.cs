namespace PublishPipeline.Site;

/// <summary>
/// Each minutes' object of the catalogue (<c>data/catalog.json</c>) as the previous build wrote it,
/// so a re-publish that adds one minutes writes one object and copies the other thousands. An
/// object is reused only for the same minutes with the same index header (its hash, the one the
/// listing pages' keys are made of: <see cref="ListingPages.ItemHashes"/>) under the same templates
/// and site options (<see cref="SiteBuilder.TemplateVersion"/>, which covers the base URL and the
/// site title); the caller keeps them in the index summary, whose format version IndexFormatTests
/// ties to these bytes, so a change of how an object is written cannot reuse the old ones.
/// </summary>
public sealed class IndexLines
{
    private readonly Lock _gate = new();
    private Dictionary<string, IndexLine> _known = new(StringComparer.Ordinal);

    /// <summary>Objects an earlier build wrote under <paramref name="templateVersion"/> (<see cref="SiteIndexFiles.Lines"/>, kept by the caller).</summary>
    public void Remember(string templateVersion, string currentTemplateVersion, IEnumerable<IndexLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (templateVersion != currentTemplateVersion)
        {
            return; // written under other templates or options: every object is written again
        }

        lock (_gate)
        {
            foreach (var line in lines)
            {
                _known.TryAdd(line.Id, line);
            }
        }
    }

    /// <summary>The catalogue object the previous build wrote for this minutes and header, or null (write it).</summary>
    internal byte[]? Reusable(string id, byte[] headerHash)
    {
        lock (_gate)
        {
            return _known.TryGetValue(id, out var line) && line.HeaderHash.AsSpan().SequenceEqual(headerHash) ? line.Catalog : null;
        }
    }

    /// <summary>Takes this build's objects as the ones the next build reuses.</summary>
    internal void Built(IReadOnlyList<IndexLine> lines)
    {
        var known = new Dictionary<string, IndexLine>(lines.Count, StringComparer.Ordinal);
        foreach (var line in lines)
        {
            known[line.Id] = line;
        }

        lock (_gate)
        {
            _known = known;
        }
    }
}

/// <summary>
/// One minutes' catalogue object as the catalogue holds it: the UTF-8 bytes from the line break
/// before its <c>{</c> to its <c>}</c>, indented at its depth (the comma between two objects is not part of it).
/// </summary>
public sealed record IndexLine(string Id, byte[] HeaderHash, byte[] Catalog);
