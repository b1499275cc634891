using PublishPipeline.Model;

namespace PublishPipeline.Site.Tests;

/// <summary>The catalogue's objects are written again only for the minutes whose header changed, and the catalogue is a fresh build's.</summary>
public class IndexLinesTests
{
    private static readonly SiteOptions Options = new() { BaseUrl = new Uri("https://gikai.example.jp/区議会/"), SiteTitle = "テスト区 \"会議録\"" };

    private static readonly string[] Bodies = ["青葉台まちづくり協議会", "図書館運営委員会", "交通安全対策会議"];

    private static SiteIndexFiles Build(SiteBuilder builder, IReadOnlyList<Minutes> set)
    {
        var contributions = set.Select(SiteBuilder.SearchContributionOf).ToDictionary(c => c.Id, StringComparer.Ordinal);
        return builder.BuildIndexes([.. set.Select(SiteBuilder.IndexHeader)], [.. contributions.Values.Select(c => c.Summary)], id => contributions[id], (_, _) => false);
    }

    private static byte[] Catalog(IEnumerable<SiteFile> files) => files.Single(f => f.Path == SiteUrls.CatalogPath).Content.ToArray();

    [Fact]
    public void A_new_process_writes_the_objects_of_added_and_changed_minutes_only_and_the_catalogue_is_a_fresh_builds()
    {
        var set = Enumerable.Range(0, 12).Select(i => TestMinutes.Sample($"lines/{i}.txt", new DateOnly(2020, 4, 1).AddDays(i * 40), Bodies[i % Bodies.Length])).ToList();
        set.Add(TestMinutes.Sample("lines/undated.txt", new DateOnly(2021, 1, 1), Bodies[0]) with { Date = null, FiscalYear = null, Session = null });
        var before = Build(new SiteBuilder(Options), set);
        Assert.Equal(set.Count, before.Lines.Count);
        Assert.Equal(Catalog(new SiteBuilder(Options).BuildIndexes(set)), Catalog(before.Files));

        // A new process that kept the objects: one minutes added, one retitled, one withdrawn.
        var next = new SiteBuilder(Options);
        next.Lines.Remember(before.LinesTemplateVersion, next.TemplateVersion, before.Lines);
        var all = set.Where(m => m.Id != set[5].Id).ToList();
        all[2] = all[2] with { Title = "第３回 図書館運営委員会（訂正）" };
        all.Add(TestMinutes.Sample("lines/new.txt", new DateOnly(2022, 3, 31), Bodies[1]));
        var after = Build(next, all);
        Assert.Equal(Catalog(new SiteBuilder(Options).BuildIndexes(all)), Catalog(after.Files));

        // Written again: exactly the added and the retitled minutes' objects; the others are the kept bytes.
        var kept = before.Lines.ToDictionary(l => l.Id, l => l.Catalog, StringComparer.Ordinal);
        var written = after.Lines.Where(l => !ReferenceEquals(kept.GetValueOrDefault(l.Id), l.Catalog)).Select(l => l.Id).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { all[2].Id, all[^1].Id }.Order(StringComparer.Ordinal), written);

        // Objects kept under other templates or options are not used: the site title is in every page, the base URL in every object.
        var moved = new SiteBuilder(Options with { BaseUrl = new Uri("https://gikai.example.jp/kaigiroku/") });
        moved.Lines.Remember(after.LinesTemplateVersion, moved.TemplateVersion, after.Lines);
        var elsewhere = Build(moved, all);
        Assert.Equal(Catalog(new SiteBuilder(Options with { BaseUrl = new Uri("https://gikai.example.jp/kaigiroku/") }).BuildIndexes(all)), Catalog(elsewhere.Files));
        Assert.DoesNotContain(elsewhere.Lines, l => ReferenceEquals(after.Lines.First(a => a.Id == l.Id).Catalog, l.Catalog));

        // An empty archive: the array written empty, as before.
        Assert.Equal(Catalog(new SiteBuilder(Options).BuildIndexes([])), Catalog(Build(next, []).Files));
    }
}
