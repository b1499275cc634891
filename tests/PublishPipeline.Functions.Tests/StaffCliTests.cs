using System.Text;
using System.Text.Json.Nodes;
using PublishPipeline.Model;
using PublishPipeline.Site;
using PublishPipeline.Tests;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// The staff's side through the real `minutes` program (a process, as staff run it) in a temporary
/// folder: the review queue, a site that follows its input folder, and honest output and exit
/// codes. Each test is one scenario, so the program is started as few times as the story needs.
/// </summary>
public sealed class StaffCliTests : IDisposable
{
    private const string BaseUrl = "https://minutes.example.test/";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-staff-");

    public void Dispose() => _root.Delete(recursive: true);

    private string In => Path.Combine(_root.FullName, "in");

    private string Site => Path.Combine(_root.FullName, "site");

    private string Work => Path.Combine(_root.FullName, "work");

    private static string Id(string upload) => MinutesId.FromSourceName(upload);

    private string Page(string upload, string? site = null) => Path.Combine(site ?? Site, SiteUrls.MinutesPagePath(Id(upload)));

    private void Input(string name, byte[] bytes)
    {
        Directory.CreateDirectory(In);
        File.WriteAllBytes(Path.Combine(In, name), bytes);
    }

    private static (int ExitCode, string Stdout, string Stderr) Minutes(params string[] args) => MinutesProcess.Run(args);

    /// <summary>Site files (relative path → bytes).</summary>
    private static Dictionary<string, byte[]> Files(string site) =>
        Directory.GetFiles(site, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(site, f), File.ReadAllBytes);

    /// <summary>Site files that mention <paramref name="text"/> anywhere (page, catalogue, sitemap, feed, search index …).</summary>
    private static List<string> Mentioning(string site, string text) =>
        [.. Files(site).Where(f => Encoding.UTF8.GetString(f.Value).Contains(text, StringComparison.Ordinal)).Select(f => f.Key)];

    [Fact]
    public void Held_minutes_are_approved_or_rejected_by_a_reviewer_and_the_next_publish_obeys()
    {
        Input("unknown.txt", TestUploads.Sample("002"));
        Input("changed.txt", TestUploads.Sample("004"));
        Input("closed.txt", TestUploads.PublicMinutes(31, closedMinutes: true));
        Input("draft.txt", TestUploads.PublicMinutes(32));

        var first = Minutes("publish", In, "--site", Site, "--work", Work);

        Assert.True(first.ExitCode == 3, first.Stdout + first.Stderr); // held, nothing failed
        Assert.Contains("warning: no base URL", first.Stderr, StringComparison.Ordinal);
        var lines = first.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.StartsWith("held", StringComparison.Ordinal) && l.Contains("unknown.txt", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("published", StringComparison.Ordinal) && l.Contains("draft.txt", StringComparison.Ordinal));
        Assert.Contains("    report: " + Path.Combine(Work, "held", Id("unknown.txt") + ".json"), lines); // whole, on a line of its own
        Assert.Contains(lines, l => l.Contains("warning: ", StringComparison.Ordinal) && l.Contains("disclosure-missing", StringComparison.Ordinal));

        var queue = Minutes("holds", "--work", Work);
        Assert.Equal(0, queue.ExitCode);
        foreach (var held in new[] { "unknown.txt", "changed.txt", "closed.txt" })
        {
            Assert.Contains(held, queue.Stdout, StringComparison.Ordinal);
            Assert.Contains("report: " + Path.Combine(Work, "held", Id(held) + ".json"), queue.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("[no approval can overrule this]", queue.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("draft.txt", queue.Stdout, StringComparison.Ordinal);

        var approved = Minutes("approve", Path.Combine("in", "unknown.txt"), "--work", Work, "--reviewer", "審査担当A", "--note", "table checked with the secretariat");
        Assert.True(approved.ExitCode == 0, approved.Stderr);
        Assert.Equal(0, Minutes("approve", "changed.txt", "--work", Work, "--reviewer", "審査担当A").ExitCode);
        var closed = Minutes("approve", "closed.txt", "--work", Work, "--reviewer", "審査担当A");
        Assert.Equal(1, closed.ExitCode);
        Assert.Contains("非公開", closed.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Minutes("reject", Id("draft.txt"), "--work", Work, "--reviewer", "審査担当B", "--reason", "an early draft").ExitCode);
        File.AppendAllText(Path.Combine(In, "changed.txt"), "\n追記：訂正があります。\n");

        var second = Minutes("publish", In, "--site", Site, "--work", Work, "--base-url", BaseUrl);

        Assert.True(second.ExitCode == 3, second.Stdout + second.Stderr);
        Assert.True(File.Exists(Page("unknown.txt")), "approved: published");
        var audit = JsonNode.Parse(File.ReadAllBytes(Path.Combine(Work, "audit", Id("unknown.txt") + ".json")))!;
        Assert.Equal("審査担当A", audit["review"]!["reviewer"]!.GetValue<string>());
        Assert.Equal("approved", audit["review"]!["verdict"]!.GetValue<string>());
        Assert.Empty(Mentioning(Site, "審査担当A")); // who reviewed is private

        Assert.False(File.Exists(Page("draft.txt")), "rejected: taken off the site");
        Assert.Empty(Mentioning(Site, Id("draft.txt")));

        Assert.False(File.Exists(Page("changed.txt")), "changed after approval: held again");
        var changed = JsonNode.Parse(File.ReadAllBytes(Path.Combine(Work, "held", Id("changed.txt") + ".json")))!;
        Assert.Contains("other content", changed["reviewNote"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.False(File.Exists(Page("closed.txt")), "非公開 minutes are never published");
    }

    [Fact]
    public void The_site_follows_its_input_folder_and_the_work_folder_is_only_a_cache()
    {
        var minutes = TestUploads.PublicMinutes(41);
        Input("a.txt", minutes);
        Input("b.txt", minutes);
        Input("c.txt", TestUploads.Sample("000"));
        Input("c-sjis.txt", TestUploads.ShiftJis("000")); // other bytes, the same minutes
        Input("p.txt", TestUploads.Sample("001"));
        Input("p.txt.public-version", []);

        var first = Minutes("publish", In, "--site", Site, "--work", Work, "--base-url", BaseUrl);

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.True(File.Exists(Page("a.txt")));
        Assert.False(File.Exists(Page("b.txt")), "b.txt is the same file as a.txt: one page");
        Assert.True(File.Exists(Page("c.txt")) ^ File.Exists(Page("c-sjis.txt")), "a Shift_JIS copy is the same minutes: one page");
        Assert.True(File.Exists(Page("p.txt")), "confirmed as the public version by its sidecar");
        var lines = first.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.StartsWith("duplicate", StringComparison.Ordinal) && l.Contains("b.txt", StringComparison.Ordinal) && l.Contains("a.txt", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("warning: duplicate: b.txt", StringComparison.Ordinal) && l.Contains("a.txt", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("p.txt.public-version", StringComparison.Ordinal)); // a sidecar is no row
        Assert.Contains("duplicates: 2", first.Stdout, StringComparison.Ordinal);

        File.Delete(Path.Combine(In, "a.txt"));
        var removed = Minutes("publish", In, "--site", Site, "--work", Work, "--base-url", BaseUrl);

        Assert.Equal(0, removed.ExitCode);
        Assert.Empty(Mentioning(Site, Id("a.txt"))); // the page, catalogue, sitemap, feed, search: all gone
        Assert.True(File.Exists(Path.Combine(Work, "audit", Id("a.txt") + ".withdrawal.json")));
        Assert.True(File.Exists(Page("b.txt")), "with a.txt gone, b.txt is that minutes' only file");
        Assert.Contains(removed.Stdout.Split('\n'), l => l.StartsWith("withdrawn", StringComparison.Ordinal) && l.Contains("a.txt", StringComparison.Ordinal));
        var whole = Files(Site);

        Directory.Delete(Site, recursive: true);
        Assert.Equal(0, Minutes("publish", In, "--site", Site, "--work", Work, "--base-url", BaseUrl).ExitCode);
        Assert.Equal(whole.Keys.Order(), Files(Site).Keys.Order());

        var other = Path.Combine(_root.FullName, "site2");
        Assert.Equal(0, Minutes("publish", In, "--site", other, "--work", Work, "--base-url", BaseUrl).ExitCode);
        var copy = Files(other);
        Assert.Equal(whole.Keys.Order(), copy.Keys.Order());
        Assert.All(whole, f => Assert.Equal(f.Value, copy[f.Key]));
    }

    [Fact]
    public async Task Inputs_that_leave_nothing_to_publish_change_nothing()
    {
        Input("a.txt", TestUploads.PublicMinutes(61));
        static Task<int> Publish(params string[] args) => new System.CommandLine.RootCommand { Cli.Commands.PublishCommand.Create() }.Parse(["publish", .. args]).InvokeAsync();
        Assert.Equal(0, await Publish(In, "--site", Site, "--work", Work, "--base-url", BaseUrl));

        // A mistyped folder, or one with nothing usable in it, must not withdraw the site.
        Assert.Equal(2, await Publish(Path.Combine(_root.FullName, "no-such-folder"), "--site", Site, "--work", Work, "--base-url", BaseUrl));
        var empty = Directory.CreateDirectory(Path.Combine(_root.FullName, "empty")).FullName;
        Assert.Equal(2, await Publish(empty, "--site", Site, "--work", Work, "--base-url", BaseUrl));
        Assert.True(File.Exists(Page("a.txt")));
    }

    [Fact]
    public void Mistakes_are_one_clear_line_and_exit_codes_say_what_happened()
    {
        var settings = Path.Combine(_root.FullName, "settings.json");
        File.WriteAllText(settings, """{ "siteTitle": "会議録", "baseUrl": "example.com" }""");
        Input("good.txt", TestUploads.PublicMinutes(51));

        var badSettings = Minutes("publish", In, "--site", Site, "--settings", settings);
        Assert.Equal(2, badSettings.ExitCode);
        var message = Assert.Single(badSettings.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("baseUrl", message, StringComparison.Ordinal);
        Assert.Contains("example.com", message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Site));

        var badOption = Minutes("publish", In, "--site", Site, "--base-url", "example.com");
        Assert.Equal(2, badOption.ExitCode);
        Assert.Contains("--base-url", Assert.Single(badOption.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

        var unknown = Minutes("publish", In, "--site", Site, "--bogus");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--bogus", unknown.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" at PublishPipeline", badSettings.Stderr + badOption.Stderr + unknown.Stderr, StringComparison.Ordinal);

        Input("broken.docx", TestUploads.Poison());
        var failed = Minutes("publish", In, "--site", Site, "--work", Work, "--base-url", BaseUrl);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains(failed.Stdout.Split('\n'), l => l.StartsWith("failed", StringComparison.Ordinal) && l.Contains("broken.docx", StringComparison.Ordinal));
        Assert.Contains("report: " + Path.Combine(Work, "quarantine", Id("broken.docx") + ".json"), failed.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Page("good.txt")));

        var help = Minutes("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Exit codes: 0", help.Stdout, StringComparison.Ordinal);
        foreach (var command in new[] { "publish", "holds", "approve", "reject" })
        {
            Assert.Contains(command, help.Stdout, StringComparison.Ordinal);
        }
    }
}
