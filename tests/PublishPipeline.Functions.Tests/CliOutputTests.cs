using System.Text.Json.Nodes;
using System.Xml.Linq;
using PublishPipeline.Cli;
using PublishPipeline.LocalSite;
using PublishPipeline.Review;
using PublishPipeline.Tests;
using Spectre.Console;

namespace PublishPipeline.Functions.Tests;

/// <summary>The publish summary on a terminal and in a log, and the `minutes` tool's packaging.</summary>
public sealed class CliOutputTests
{
    private const string LongReport = "/srv/minutes/a-rather-long-work-folder-name/held/m0123456789abcdef.json";

    private static FolderPublishReport Report() => new(
        [
            new DocumentResult("published.txt", "m1111111111111111", DocumentOutcome.Published, "published") { Warnings = ["line 3: municipality-missing: no municipality named"] },
            new DocumentResult("held.txt", "m0123456789abcdef", DocumentOutcome.Held, "held")
            {
                Report = "held/m0123456789abcdef.json",
                Checks = [new HoldCheck(HoldCodes.StrayClosingMarker, "a closing non-disclosure marker with no opening one") { Location = "sections[3].turns[1]", Line = 42, Excerpt = "【非公開ここまで】" }],
            },
        ],
        16,
        0);

    [Fact]
    public void On_a_terminal_the_table_fills_its_width_and_report_paths_stay_whole()
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 72;

        PublishSummary.Write(Report(), _ => LongReport, "/srv/site", "/srv/work", writer, console);

        var lines = writer.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var table = lines.TakeWhile(l => l.Length > 0 && l[0] is '┌' or '│' or '├' or '└').ToList();
        Assert.All(table, l => Assert.Equal(72, Cells(l))); // as wide as the terminal, no wider
        Assert.Contains(lines, l => l.Contains("line 42", StringComparison.Ordinal));
        Assert.Contains("  held.txt: " + LongReport, lines); // whole, on a line of its own
    }

    /// <summary>Terminal cells a line takes: CJK and full-width characters take two.</summary>
    private static int Cells(string line) => line.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);

    [Fact]
    public void Without_a_terminal_every_entry_is_whole_lines()
    {
        using var writer = new StringWriter();

        PublishSummary.Write(Report(), _ => LongReport, "/srv/site", "/srv/work", writer, terminal: null);

        var lines = writer.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("held      held.txt  m0123456789abcdef: held for review", lines);
        Assert.Contains(lines, l => l.StartsWith("    1. line 42 (sections[3].turns[1]): 「【非公開ここまで】」", StringComparison.Ordinal));
        Assert.Contains("    report: " + LongReport, lines);
        Assert.Contains("    warning: line 3: municipality-missing: no municipality named", lines);
    }

    [Fact]
    public void Minutes_unchanged_on_the_site_are_counted_and_listed_only_with_all()
    {
        var report = Report() with
        {
            Documents =
            [
                .. Report().Documents,
                new DocumentResult("old.txt", "m2222222222222222", DocumentOutcome.Published, "on the site (unchanged)") { Unchanged = true, Warnings = ["line 9: speaker-unknown: no speaker read"] },
                new DocumentResult("old-held.txt", "m3333333333333333", DocumentOutcome.Held, "held") { Unchanged = true, Report = "held/m3333333333333333.json" },
            ],
        };
        List<string> Summary(bool all)
        {
            using var writer = new StringWriter();
            PublishSummary.Write(report, _ => LongReport, "/srv/site", "/srv/work", writer, terminal: null, all);
            return [.. writer.ToString().Split('\n').Select(l => l.TrimEnd('\r'))];
        }

        var changed = Summary(all: false);
        Assert.DoesNotContain(changed, l => l.Contains("old.txt", StringComparison.Ordinal) || l.Contains("speaker-unknown", StringComparison.Ordinal));
        Assert.Contains("published published.txt  m1111111111111111", changed);
        Assert.Contains("held      old-held.txt  m3333333333333333: held for review (unchanged)", changed); // what is held stays listed
        Assert.Contains("unchanged: 1 minutes already on the site, not listed (1 of them with warnings); --all lists every input", changed);
        Assert.Contains("published: 2, held: 2, failed: 0, duplicates: 0, withdrawn: 0", changed);

        var every = Summary(all: true);
        Assert.Contains("published old.txt  m2222222222222222 (unchanged)", every);
        Assert.Contains("    warning: line 9: speaker-unknown: no speaker read", every);
        Assert.DoesNotContain(every, l => l.StartsWith("unchanged:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tool_manifest_names_the_command_the_project_packs()
    {
        var project = XDocument.Load(Path.Combine(RepoPaths.Root, "functions", "PublishPipeline.Cli", "PublishPipeline.Cli.csproj"));
        string Property(string name) => project.Descendants(name).Single().Value;
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, ".config", "dotnet-tools.json")))!;
        var tool = manifest["tools"]![Property("PackageId").ToLowerInvariant()]!;

        Assert.Equal("true", Property("PackAsTool"));
        Assert.Equal(Property("Version"), tool["version"]!.GetValue<string>());
        Assert.Equal(Property("ToolCommandName"), Assert.Single(tool["commands"]!.AsArray())!.GetValue<string>());
        Assert.Equal("minutes", Property("ToolCommandName"));
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, "scripts", "install-minutes.sh"));
        Assert.Contains("id=" + Property("PackageId"), script, StringComparison.Ordinal);
    }
}
