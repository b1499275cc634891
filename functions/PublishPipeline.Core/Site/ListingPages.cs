using System.Security.Cryptography;
using System.Text;
using PublishPipeline.Model;

namespace PublishPipeline.Site;

/// <summary>
/// The pages that list one 会議体's or one 年度's minutes, hundreds each: most of the index
/// rendering, while one added minutes changes one page of each kind. A page's key is a hash of
/// everything it is rendered from — the templates, assets and site options
/// (<see cref="SiteBuilder.TemplateVersion"/>), its path and title, and the index header of each
/// minutes it lists, in order — so a page whose key is the one of the previous build (this
/// process's, or one kept by an earlier process: <see cref="Remember"/>) and whose file the site
/// still holds is not rendered again. The caller keeps the keys in a cache keyed on its format
/// (<c>IndexSummary.FormatVersion</c>, which IndexFormatTests ties to the pages' bytes).
/// </summary>
public sealed class ListingPages
{
    private readonly Lock _gate = new();
    private Dictionary<string, ListingPage> _known = new(StringComparer.Ordinal);

    /// <summary>Pages an earlier build made (<see cref="SiteIndexFiles.Pages"/>, kept by the caller).</summary>
    public void Remember(IEnumerable<ListingPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        lock (_gate)
        {
            foreach (var page in pages)
            {
                _known.TryAdd(page.Path, page);
            }
        }
    }

    /// <summary>The page as the previous build made it, when its key is the same and the site holds it; else null (render it).</summary>
    internal ListingPage? Reusable(string path, string key, Func<string, string, bool>? onSite)
    {
        lock (_gate)
        {
            return onSite is not null && _known.TryGetValue(path, out var page) && page.Key == key && onSite(page.Path, page.Sha256) ? page : null;
        }
    }

    /// <summary>Takes this build's pages as the ones the next build compares with.</summary>
    internal void Built(IEnumerable<ListingPage> pages)
    {
        lock (_gate)
        {
            _known = pages.ToDictionary(p => p.Path, StringComparer.Ordinal);
        }
    }

    /// <summary>The key of a page rendered from <paramref name="items"/> (each hashed once per build by <paramref name="itemHashes"/>).</summary>
    internal static string Key(string templateVersion, string path, string title, IEnumerable<Minutes> items, ItemHashes itemHashes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{templateVersion}\n{path}\n{title}\n"));
        foreach (var m in items)
        {
            hash.AppendData(itemHashes.Of(m));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// A hash of each minutes' index header in binary fields (<see cref="IndexHeaderCodec"/>), made
    /// once per build for every minutes (on the cores at once) and then only read, by the listing
    /// pages' keys and the catalogue's objects (<see cref="IndexLines"/>) on two threads.
    /// </summary>
    internal sealed class ItemHashes
    {
        private readonly Dictionary<Minutes, byte[]> _hashes;

        private ItemHashes(Dictionary<Minutes, byte[]> hashes) => _hashes = hashes;

        public static ItemHashes Of(IReadOnlyList<Minutes> all)
        {
            var hashes = new byte[all.Count][];
            Parallel.For(0, all.Count, () => new MemoryStream(), (i, _, buffer) =>
            {
                buffer.SetLength(0);
                using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
                {
                    IndexHeaderCodec.Write(w, SiteBuilder.IndexHeader(all[i]));
                }

                hashes[i] = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                return buffer;
            }, buffer => buffer.Dispose());
            var byMinutes = new Dictionary<Minutes, byte[]>(all.Count, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < all.Count; i++)
            {
                byMinutes[all[i]] = hashes[i];
            }

            return new ItemHashes(byMinutes);
        }

        public byte[] Of(Minutes minutes) => _hashes[minutes];
    }
}

/// <summary>A listing page of a build: its key (<see cref="ListingPages"/>), path and the SHA-256 of its bytes.</summary>
public sealed record ListingPage(string Key, string Path, string Sha256);
