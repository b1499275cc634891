using System.CommandLine;
using PublishPipeline.Cli.Commands;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Tests;

namespace PublishPipeline.Functions.Tests;

/// <summary>The ward's settings file: read by both doors, checked strictly, and it changes what is published.</summary>
public sealed class SiteSettingsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-settings-");

    private static string Example => Path.Combine(RepoPaths.Root, "docs", "site-settings.example.json");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void The_documented_example_parses_into_a_policy_whose_version_follows_its_content()
    {
        var settings = SiteSettings.Load(Example);
        var policy = settings.ToPolicy();

        Assert.Equal(UnknownDisclosureHandling.Publish, policy.UnknownDisclosure);
        Assert.Equal("〇〇", policy.Mask);
        Assert.NotEqual(new RedactionPolicy().Version, policy.Version);
        Assert.Equal(policy.Version, SiteSettings.Load(Example).ToPolicy().Version);

        var stricter = settings with { Redaction = settings.Redaction! with { DenyList = ["山田太郎"] } };
        Assert.NotEqual(policy.Version, stricter.ToPolicy().Version);
        Assert.Equal("toshima-johoka-honbu", settings.ApplyTo(new SiteOptions()).BodySlugs["豊島区行政情報化推進本部"]);
    }

    [Fact]
    public void No_settings_means_the_fail_safe_defaults()
    {
        var policy = new SiteSettings().ToPolicy();
        Assert.Equal(new RedactionPolicy().Version, policy.Version);
        Assert.Equal(UnknownDisclosureHandling.Hold, policy.UnknownDisclosure);
    }

    [Theory]
    [InlineData("""{ "redaction": { "unknownDisclosure": "yes" } }""", "redaction.unknownDisclosure")]
    [InlineData("""{ "redaction": { "replacement": "initials" } }""", "redaction.replacement")]
    [InlineData("""{ "redaction": { "allowedNames": [] } }""", "allowedNames")]
    [InlineData("""{ "siteTitle": 3 }""", "siteTitle")]
    [InlineData("""{ "siteTitle": """, "settings.json")]
    public void A_mistake_is_reported_with_where_it_is(string json, string where)
    {
        var error = Assert.Throws<FormatException>(() => SiteSettings.Parse(json, "settings.json"));
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_with_the_example_settings_publishes_the_minutes_that_have_no_disclosure_table()
    {
        var site = Path.Combine(_root.FullName, "site");
        var work = Path.Combine(_root.FullName, "work");

        var status = await new RootCommand { PublishCommand.Create() }
            .Parse(["publish", RepoPaths.Samples, "--site", site, "--work", work, "--settings", Example]).InvokeAsync();

        Assert.Equal(3, status); // 001 and 003 stay held, nothing failed (exit codes: README)
        string Page(string prefix) => Path.Combine(site, SiteUrls.MinutesPagePath(MinutesId.FromSourceName(Path.GetFileName(RepoPaths.Sample(prefix)))));
        Assert.True(File.Exists(Page("000")));
        Assert.True(File.Exists(Page("002")), "002 has no 公開の可否 table; the settings publish such minutes");
        Assert.True(File.Exists(Page("004")), "004 has no 公開の可否 table; the settings publish such minutes");
        Assert.False(File.Exists(Page("001")), "一部非公開 with no marked passage stays held whatever the settings");
        Assert.False(File.Exists(Page("003")), "一部非公開 with no marked passage stays held whatever the settings");

        var page004 = await File.ReadAllTextAsync(Page("004"));
        foreach (var name in new[] { "柴崎", "今井", "太巻", "阿子島", "かとうぎ" })
        {
            Assert.DoesNotContain(name, page004, StringComparison.Ordinal);
        }

        Assert.Contains("〇〇委員", page004, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_settings_file_stops_the_run_before_anything_is_written()
    {
        var settings = Path.Combine(_root.FullName, "bad.json");
        await File.WriteAllTextAsync(settings, """{ "redaction": { "unknownDisclosure": "maybe" } }""");
        var site = Path.Combine(_root.FullName, "site");

        var status = await new RootCommand { PublishCommand.Create() }
            .Parse(["publish", RepoPaths.Samples, "--site", site, "--settings", settings]).InvokeAsync();

        Assert.Equal(2, status);
        Assert.False(Directory.Exists(site));
    }
}
