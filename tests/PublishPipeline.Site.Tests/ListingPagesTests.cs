using PublishPipeline.Model;
using PublishPipeline.Site.Search;

namespace PublishPipeline.Site.Tests;

/// <summary>The 会議体 and 年度 listing pages are rendered again only when what they list changed.</summary>
public class ListingPagesTests
{
    private static readonly SiteOptions Options = new() { BaseUrl = new Uri("https://gikai.example.jp/") };

    private static readonly string[] Bodies = ["子ども・子育て会議", "都市計画審議会", "地域保健福祉計画推進会議"];

    /// <summary>The rebuild's way in: headers, search summaries, the postings on demand, what the site holds.</summary>
    private static SiteIndexFiles Build(SiteBuilder builder, IReadOnlyList<Minutes> set, Func<string, string, bool>? onSite)
    {
        var contributions = set.Select(SiteBuilder.SearchContributionOf).ToDictionary(c => c.Id, StringComparer.Ordinal);
        return builder.BuildIndexes([.. set.Select(SiteBuilder.IndexHeader)], [.. contributions.Values.Select(c => c.Summary)], id => contributions[id], onSite);
    }

    [Fact]
    public void A_new_process_renders_only_the_listing_pages_whose_minutes_changed_and_the_site_is_the_same()
    {
        var set = Enumerable.Range(0, 15).Select(i => TestMinutes.Sample($"list/{i}.txt", new DateOnly(2019, 4, 1).AddDays(i * 90), Bodies[i % Bodies.Length])).ToList();
        var before = Build(new SiteBuilder(Options), set, onSite: (_, _) => false); // an empty site
        var site = before.Files.ToDictionary(f => f.Path, f => f.ContentHash, StringComparer.Ordinal);
        Assert.Equal(Bodies.Length + 4, before.Pages.Count); // three 会議体, four 年度

        // A new process that kept the pages' keys and the search tiers; one new minutes of the first 会議体.
        var next = new SiteBuilder(Options);
        next.Listings.Remember(before.Pages);
        next.Search.Remember(before.Tiers);
        var all = set.Append(TestMinutes.Sample("list/new.txt", set.Max(m => m.Date!.Value).AddDays(1), Bodies[0])).ToList();
        bool OnSite(string path, string sha) => site.TryGetValue(path, out var held) && held == sha;
        var after = Build(next, all, OnSite);

        // Rendered: exactly the listing pages whose bytes a fresh build changes (its 会議体's and its 年度's).
        var fresh = new SiteBuilder(Options).BuildIndexes(all).ToDictionary(f => f.Path, f => f.ContentHash, StringComparer.Ordinal);
        var listing = after.Pages.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        var changed = listing.Where(p => !OnSite(p, fresh[p])).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, changed.Count);
        Assert.Equal(changed, after.Files.Select(f => f.Path).Where(listing.Contains).Order(StringComparer.Ordinal));

        // And the site is a fresh build's: rendered files with its bytes, kept ones already there with them.
        var made = after.Files.ToDictionary(f => f.Path, f => f.ContentHash, StringComparer.Ordinal);
        foreach (var kept in after.Kept)
        {
            Assert.True(OnSite(kept.Path, kept.Sha256), kept.Path);
            made.Add(kept.Path, kept.Sha256);
        }

        Assert.Equal(fresh.OrderBy(f => f.Key, StringComparer.Ordinal), made.OrderBy(f => f.Key, StringComparer.Ordinal));

        // Another template or option: every listing page is rendered again.
        var retitled = new SiteBuilder(Options with { SiteTitle = "区議会の会議録" });
        retitled.Listings.Remember(after.Pages);
        var all2 = Build(retitled, all, (path, sha) => made.GetValueOrDefault(path) == sha);
        Assert.Equal(listing.Order(StringComparer.Ordinal), all2.Files.Select(f => f.Path).Where(listing.Contains).Order(StringComparer.Ordinal));
    }
}
