using System.Text;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
using PublishPipeline.Redaction;
using PublishPipeline.Site.Rendering;
using PublishPipeline.Tests;

namespace PublishPipeline.Site.Tests;

/// <summary>
/// The compiled renderers of the built-in minutes page and layout write what Scriban writes for
/// those templates, and are used only while those exact templates are in force.
/// </summary>
public class CompiledRendererTests
{
    private static readonly SiteOptions Options = new() { BaseUrl = new Uri("https://gikai.example.jp/区/"), SiteTitle = "テスト区 <会議録> & \"資料\"" };

    private static readonly Lazy<IReadOnlyList<Minutes>> DevCorpus = new(LoadDevCorpus);

    [Fact]
    public void The_built_in_templates_are_the_ones_the_compiled_renderers_were_written_for()
    {
        // Fails when layout.sbn, minutes.sbn or sitemap.sbn is edited: make the writer in Site/Rendering match
        // the edit (the tests below compare it with Scriban), then put the new hash in CompiledTemplates.
        var templates = new SiteTemplates(overrideDirectory: null);
        Assert.True(templates.IsCompiled("layout.sbn"), "layout.sbn changed: update LayoutWriter and its hash in CompiledTemplates");
        Assert.True(templates.IsCompiled("minutes.sbn"), "minutes.sbn changed: update MinutesPageWriter and its hash in CompiledTemplates");
        Assert.True(templates.IsCompiled("sitemap.sbn"), "sitemap.sbn changed: update SiteBuilder.Sitemap and its hash in CompiledTemplates");
        foreach (var listing in new[] { "body.sbn", "year.sbn", "_minutes_list.sbn" })
        {
            Assert.True(templates.IsCompiled(listing), $"{listing} changed: update ListingPageWriter and its hash in CompiledTemplates");
        }

        Assert.False(templates.IsCompiled("home.sbn"));
    }

    [Fact]
    public void Minutes_pages_are_byte_identical_to_Scriban_on_the_samples_the_dev_corpus_and_hand_made_documents()
    {
        var compiled = new SiteBuilder(Options);
        var scriban = new SiteBuilder(Options, compiledRenderers: false);
        var documents = SampleMinutes.Load().Concat(DevCorpus.Value).Concat(HandMade()).ToList();
        Assert.True(documents.Count >= 5 + 43 + 5, $"only {documents.Count} documents");
        foreach (var minutes in documents)
        {
            var expected = Encoding.UTF8.GetString(scriban.BuildMinutes(minutes)[0].Content.Span);
            var actual = Encoding.UTF8.GetString(compiled.BuildMinutes(minutes)[0].Content.Span);
            Assert.True(expected == actual, $"{minutes.Source?.Name ?? minutes.Id}: first difference at {FirstDifference(expected, actual)}");
        }
    }

    [Fact]
    public void Listing_pages_in_the_compiled_layout_are_byte_identical_to_Scriban()
    {
        var documents = SampleMinutes.Load().Concat(HandMade()).ToList();
        var compiled = new SiteBuilder(Options).BuildIndexes(documents);
        var scriban = new SiteBuilder(Options, compiledRenderers: false).BuildIndexes(documents);
        Assert.Equal(scriban.Select(f => f.Path), compiled.Select(f => f.Path));
        for (var i = 0; i < scriban.Count; i++)
        {
            Assert.True(scriban[i].Content.Span.SequenceEqual(compiled[i].Content.Span), scriban[i].Path);
        }
    }

    [Fact]
    public void Body_and_year_pages_are_byte_identical_to_Scriban_on_the_dev_corpus_and_one_body_over_many_years()
    {
        // One 会議体 over several 年度 (its page links them), undated minutes, markup in the names,
        // with and without a 回次, and the dev corpus's own bodies and years.
        var sample = TestMinutes.Sample(body: "架空市<特別>委員会 & \"部会\"");
        var spread = new List<Minutes>();
        for (var i = 0; i < 12; i++)
        {
            spread.Add(sample with
            {
                Id = MinutesId.FromSourceName($"hand/spread-{i}.txt"),
                Date = i % 5 == 4 ? null : new DateOnly(2016 + (i % 4), 1 + (i * 5 % 12), 1 + i),
                FiscalYear = i == 9 ? 2030 : null,
                Session = i % 3 == 0 ? null : $"第{i}回<臨時>",
                Title = i % 2 == 0 ? null : $"第{i}回　会議 '案'",
            });
        }

        var documents = DevCorpus.Value.Concat(HandMade()).Concat(spread).ToList();
        var compiled = new SiteBuilder(Options).BuildIndexes(documents);
        var scriban = new SiteBuilder(Options, compiledRenderers: false).BuildIndexes(documents);
        Assert.Equal(scriban.Select(f => f.Path), compiled.Select(f => f.Path));
        var listings = 0;
        for (var i = 0; i < scriban.Count; i++)
        {
            var expected = Encoding.UTF8.GetString(scriban[i].Content.Span);
            var actual = Encoding.UTF8.GetString(compiled[i].Content.Span);
            Assert.True(expected == actual, $"{scriban[i].Path}: first difference at {FirstDifference(expected, actual)}");
            listings += scriban[i].Path.StartsWith("bodies/", StringComparison.Ordinal) || scriban[i].Path.StartsWith("years/", StringComparison.Ordinal) ? 1 : 0;
        }

        var spreadPage = Encoding.UTF8.GetString(compiled.Single(f => f.Path.StartsWith("bodies/", StringComparison.Ordinal) && Encoding.UTF8.GetString(f.Content.Span).Contains("<h1>架空市&lt;特別&gt;", StringComparison.Ordinal)).Content.Span);
        Assert.Contains("class=\"inline-nav\"", spreadPage, StringComparison.Ordinal);
        Assert.Contains("年度不明", spreadPage, StringComparison.Ordinal);
        Assert.True(listings >= 10, $"only {listings} listing pages");
    }

    [Fact]
    public void A_wards_own_body_year_or_list_template_is_rendered_by_Scriban()
    {
        var dir = Directory.CreateTempSubdirectory("compiled-listing-");
        try
        {
            var documents = SampleMinutes.Load().Concat(HandMade()).ToList();

            // The list both pages include, one word changed: both pages show it.
            File.WriteAllText(Path.Combine(dir.FullName, "_minutes_list.sbn"), ReadBuiltIn("_minutes_list.sbn").Replace("開催日の記載なし", "開催日不明", StringComparison.Ordinal));
            var pages = ListingPagesOf(new SiteBuilder(Options with { TemplateDirectory = dir.FullName }).BuildIndexes(documents));
            Assert.Contains(pages, p => p.Path.StartsWith("bodies/", StringComparison.Ordinal) && p.Text.Contains("開催日不明", StringComparison.Ordinal));
            Assert.Contains(pages, p => p.Path.StartsWith("years/", StringComparison.Ordinal) && p.Text.Contains("開催日不明", StringComparison.Ordinal));
            Assert.DoesNotContain(pages, p => p.Text.Contains("開催日の記載なし", StringComparison.Ordinal));

            // The year page alone overridden: its words, and the body pages still as built in.
            File.Delete(Path.Combine(dir.FullName, "_minutes_list.sbn"));
            File.WriteAllText(Path.Combine(dir.FullName, "year.sbn"), ReadBuiltIn("year.sbn").Replace("に開かれた会議の会議録です", "の会議録を掲載しています", StringComparison.Ordinal));
            pages = ListingPagesOf(new SiteBuilder(Options with { TemplateDirectory = dir.FullName }).BuildIndexes(documents));
            Assert.All(pages.Where(p => p.Path.StartsWith("years/", StringComparison.Ordinal)), p => Assert.Contains("の会議録を掲載しています", p.Text, StringComparison.Ordinal));
            Assert.Contains(pages, p => p.Path.StartsWith("bodies/", StringComparison.Ordinal) && p.Text.Contains("開催日の記載なし", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        static List<(string Path, string Text)> ListingPagesOf(IReadOnlyList<SiteFile> files) =>
            [.. files.Where(f => (f.Path.StartsWith("bodies/", StringComparison.Ordinal) || f.Path.StartsWith("years/", StringComparison.Ordinal)) && f.Path.Count(c => c == '/') == 2)
                .Select(f => (f.Path, Encoding.UTF8.GetString(f.Content.Span)))];
    }

    [Fact]
    public void A_wards_own_minutes_template_or_layout_is_rendered_by_Scriban()
    {
        var dir = Directory.CreateTempSubdirectory("compiled-renderer-");
        try
        {
            // The built-in template with one word changed: a different hash, so Scriban renders it.
            var builtIn = ReadBuiltIn("minutes.sbn");
            File.WriteAllText(Path.Combine(dir.FullName, "minutes.sbn"), builtIn.Replace("審議経過", "会議の経過", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(dir.FullName, "layout.sbn"), ReadBuiltIn("layout.sbn").Replace("本文へ移動", "本文へ", StringComparison.Ordinal));
            var custom = new SiteBuilder(Options with { TemplateDirectory = dir.FullName });
            var page = Encoding.UTF8.GetString(custom.BuildMinutes(TestMinutes.Sample())[0].Content.Span);
            Assert.Contains("<h2 id=\"proceedings-heading\">会議の経過</h2>", page, StringComparison.Ordinal);
            Assert.DoesNotContain("審議経過", page, StringComparison.Ordinal);
            Assert.Contains(">本文へ</a>", page, StringComparison.Ordinal);

            // The built-in text saved as an override (CRLF line ends included) is still the built-in template.
            File.WriteAllText(Path.Combine(dir.FullName, "minutes.sbn"), builtIn.ReplaceLineEndings("\r\n"));
            File.Delete(Path.Combine(dir.FullName, "layout.sbn"));
            var same = new SiteTemplates(dir.FullName);
            Assert.True(same.IsCompiled("minutes.sbn"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string ReadBuiltIn(string name)
    {
        using var stream = typeof(SiteTemplates).Assembly.GetManifestResourceStream("PublishPipeline.Site.Templates." + name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string FirstDifference(string expected, string actual)
    {
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
        {
            i++;
        }

        var from = Math.Max(0, i - 80);
        return $"{i}\nScriban:  {Escape(expected[from..Math.Min(expected.Length, i + 80)])}\ncompiled: {Escape(actual[from..Math.Min(actual.Length, i + 80)])}";

        static string Escape(string s) => s.Replace("\n", "\\n", StringComparison.Ordinal);
    }

    // Every branch of the templates: no date, times alone, blank and whitespace-only values,
    // markup and forbidden characters, numbered agendas, empty groups, every turn kind.
    private static IEnumerable<Minutes> HandMade()
    {
        var sample = TestMinutes.Sample();
        yield return sample;
        yield return TestMinutes.Hostile();
        yield return sample with
        {
            Id = MinutesId.FromSourceName("hand/undated.txt"),
            Title = "  ",
            Body = null,
            Session = " ",
            Date = null,
            FiscalYear = null,
            StartTime = null,
            EndTime = "16:00",
            Venue = "\u0001会議室\uFFFE<&>",
            Secretariat = null,
            Agenda = ["(1) 開会", "（２） 議事", " "],
            Attendees = [new AttendeeGroup(" ", []), new AttendeeGroup(" ", ["委員 ", " "]), new AttendeeGroup("傍聴", [])],
            Disclosure = new Disclosure { Meeting = DisclosureState.Public, Minutes = DisclosureState.Unknown, Reason = " " },
            Results = [],
            Materials = [" "],
            Sections =
            [
                new Section(null, [new SpeakerTurn { Speaker = " ", Text = " \n\n  一行目 \r\n\t\n二行目" }]),
                new Section("　", [new SpeakerTurn { Kind = TurnKind.Procedure, Text = "" }, new SpeakerTurn { Kind = TurnKind.Notice, Text = "非公開\n" }]),
            ],
        };
        yield return sample with { Id = MinutesId.FromSourceName("hand/empty.txt"), StartTime = "9:00", EndTime = null, Agenda = [], Attendees = [], Materials = [], Sections = [] };
        yield return sample with
        {
            Id = MinutesId.FromSourceName("hand/one-section.txt"),
            Date = new DateOnly(1989, 1, 7),
            Sections = [new Section("見出し", [new SpeakerTurn { Kind = TurnKind.Procedure, Speaker = "議長", Text = "開会\uD800" }])],
        };
    }

    private static List<Minutes> LoadDevCorpus()
    {
        var redactor = new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        var list = new List<Minutes>();
        var folder = Path.Combine(RepoPaths.Root, "..", "shared", "devcorpus", "uploads");
        foreach (var path in Directory.GetFiles(folder).Where(p => !p.EndsWith(".public-version", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = "devcorpus/" + Path.GetFileName(path);
            var minutes = MinutesNormalizer.Normalize(new SourceFile(name, File.ReadAllBytes(path)));
            var outcome = redactor.RedactAsync(minutes, new RedactionRequest(name, ConfirmedPublicVersion: true)).GetAwaiter().GetResult();

            // A held document is rendered too: only the page's bytes are compared here.
            list.Add(outcome.Redacted ?? outcome.ReviewCopy ?? throw new InvalidOperationException($"{name}: no redacted copy"));
        }

        return list;
    }
}
