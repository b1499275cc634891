using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Site;
using PublishPipeline.Site.Search;

namespace PublishPipeline.Bench;

/// <summary>
/// What a search costs a citizen, measured in the browser: archives of 2,000 and 10,000 minutes
/// (variants of the five samples), the search files written and served by the preview server
/// (gzip as the static host serves them), and bench/search/measure-search.mjs driving Debian's
/// Chromium with the real search.js, a cold cache per query. Per query: requests and bytes
/// transferred, typical and worst (two common words that never share a turn, a rare word,
/// filters); per archive: index size, build time, and what adding one minutes rewrites.
/// Run: dotnet run -c Release --project bench/PublishPipeline.Bench -- search [2000,10000]
/// (needs node, npm ci and chromium, as the tests do; SEARCH_BENCH_NO_BROWSER=1 stops after the index figures).
/// </summary>
internal static class SearchTransferBench
{
    public static int Run(string[] args)
    {
        var counts = args.Length > 0
            ? args[0].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : [2000, 10000];
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";
        var repo = SiteCorpus.RepoRoot();
        var samples = SiteCorpus.Samples();
        var words = CommonWords(samples);
        Console.WriteLine($"// machine: {Environment.ProcessorCount} cores; queries chosen from the samples: {string.Join(", ", words.Select(w => w.Word))}");
        foreach (var count in counts)
        {
            RunOne(count, samples, words, chromium, repo);
        }

        return 0;
    }

    private static void RunOne(int count, IReadOnlyList<Minutes> samples, List<(string Word, int Turns)> words, string chromium, string repo)
    {
        var corpus = Vary(SiteCorpus.Generate(samples, count));
        var turns = corpus.Sum(m => m.Sections.Sum(s => s.Turns.Count));
        Console.WriteLine();
        Console.WriteLine($"## {count:N0} minutes ({turns:N0} turns)");

        var builder = new SiteBuilder(new SiteOptions { BaseUrl = new Uri("http://127.0.0.1/") });
        var clock = new Clock();
        var contributions = new SearchContribution[corpus.Count];
        Parallel.For(0, corpus.Count, i => contributions[i] = SearchContribution.Of(corpus[i]));
        var contributeTime = clock.Lap();
        var index = builder.Search.Build(contributions);
        var mergeTime = clock.Lap();
        var fragments = new IReadOnlyList<SiteFile>[corpus.Count];
        Parallel.For(0, corpus.Count, i => fragments[i] = builder.BuildSearchFragments(corpus[i]));
        var fragmentTime = clock.Lap();
        var memory = GC.GetTotalMemory(forceFullCollection: true);

        var fragmentFiles = fragments.SelectMany(f => f).ToList();
        var (shardRaw, shardStored) = Sizes(index.Shards);
        var (fragRaw, fragStored) = Sizes(fragmentFiles);
        var manifestStored = index.Manifest.StoredContent().Length;
        Console.WriteLine();
        Console.WriteLine("| index | files | plain | stored (gzip) |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| shards | {index.Shards.Count:N0} | {Mb(shardRaw)} | {Mb(shardStored)} |");
        Console.WriteLine($"| manifest (search/meta.json) | 1 | {Kb(index.Manifest.Content.Length)} | {Kb(manifestStored)} |");
        Console.WriteLine($"| fragments | {fragmentFiles.Count:N0} | {Mb(fragRaw)} | {Mb(fragStored)} |");
        Console.WriteLine();
        Console.WriteLine($"Build (wall / CPU): contributions {contributeTime}, merge {mergeTime}, fragments {fragmentTime}; managed heap after build {memory / 1048576.0:F0} MB (contributions held: {contributions.Sum(c => (long)c.Size) / 1048576.0:F0} MB).");

        // One more minutes: a new meeting (newest date) and a late upload of an old one.
        var newestDate = corpus.Max(m => m.Date!.Value);
        foreach (var (label, date) in new[] { ("a new meeting (newest 年度)", newestDate.AddDays(1)), ("a late upload of an old meeting", new DateOnly(2012, 6, 1)) })
        {
            var newcomer = Vary(SiteCorpus.Generate(samples, 1, seed: count))[0] with { Date = date, FiscalYear = JapaneseEra.FiscalYear(date) };
            clock.Lap();
            var after = builder.Search.Build([.. contributions, SearchContribution.Of(newcomer)]);
            var time = clock.Lap();
            var before = index.Shards.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            var changed = after.Shards.Where(f => !before.Contains(f.Path)).ToList();
            Console.WriteLine($"Adding {label}: merge {time}, {after.TiersRebuilt} tier(s) re-encoded; {changed.Count:N0} of {after.Shards.Count:N0} shards rewritten ({Mb(Sizes(changed).Stored)} stored) + manifest ({Kb(after.Manifest.StoredContent().Length)}) + its fragments.");
            builder.Search.Build(contributions); // back to the archive as measured
        }

        if (Environment.GetEnvironmentVariable("SEARCH_BENCH_NO_BROWSER") == "1")
        {
            return;
        }

        // Write the search files and serve them as the static host would.
        var root = Directory.CreateTempSubdirectory("search-bench-").FullName;
        try
        {
            var indexFiles = builder.BuildIndexes(corpus);
            SiteDirectory.Write(root, indexFiles.Concat(fragmentFiles));
            var queries = Queries(corpus, words, count);
            var config = Path.Combine(root, "..", Path.GetFileName(root) + ".json");
            var server = StaticSiteServer.Start(root);
            try
            {
                File.WriteAllText(config, JsonSerializer.Serialize(new { baseUrl = server.BaseUrl.AbsoluteUri, chromium, queries }));
                var (exit, stdout, stderr) = RunNode(repo, Path.Combine(repo, "bench", "search", "measure-search.mjs"), config);
                if (exit != 0)
                {
                    Console.WriteLine($"measure-search.mjs failed ({exit}):\n{stderr}");
                    return;
                }

                Print(stdout);
            }
            finally
            {
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
                File.Delete(config);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    internal static void Print(string json)
    {
        using var report = JsonDocument.Parse(json);
        Console.WriteLine();
        Console.WriteLine("| query | minutes found (shown) | requests | transferred | time |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        long worstBytes = 0;
        var worstRequests = 0;
        long pageBytes = 0;
        var pageRequests = 0;
        foreach (var q in report.RootElement.EnumerateArray())
        {
            var requests = q.GetProperty("queryRequests").GetInt32();
            var bytes = q.GetProperty("queryBytes").GetInt64();
            worstBytes = Math.Max(worstBytes, bytes);
            worstRequests = Math.Max(worstRequests, requests);
            pageBytes = q.GetProperty("pageBytes").GetInt64();
            pageRequests = q.GetProperty("pageRequests").GetInt32();
            var status = q.GetProperty("status").GetString() ?? "";
            var found = System.Text.RegularExpressions.Regex.Match(status, @"会議録は(\d+)件");
            var failed = q.GetProperty("failed").GetArrayLength();
            Console.WriteLine($"| {q.GetProperty("name").GetString()} | {(found.Success ? found.Groups[1].Value : "0")} ({q.GetProperty("shown").GetInt32()}) | {requests} | {Kb(bytes)} | {q.GetProperty("elapsedMs").GetInt32() / 1000.0:F1} s{(failed > 0 ? $" ({failed} failed requests)" : "")} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Worst case: {Kb(worstBytes)} in {worstRequests} requests for the query; the search page itself (HTML, CSS, script; cached afterwards) adds {Kb(pageBytes)} in {pageRequests} requests.");
    }

    /// <summary>The queries: typical words, two common words that never share a turn, a rare word, filters.</summary>
    internal static List<object> Queries(List<Minutes> corpus, List<(string Word, int Turns)> words, int count)
    {
        var (a, b) = NeverTogether(corpus, words);
        var common = words[0].Word;
        var together = TogetherPair(corpus, words);
        var body = corpus.GroupBy(SiteBuilder.BodyName).OrderByDescending(g => g.Count()).First().Key;
        var year = JapaneseEra.FiscalYear(corpus.Max(m => m.Date!.Value)) - 3;
        var role = corpus.SelectMany(m => m.Sections.SelectMany(s => s.Turns)).Select(SpeakerRole.Of).Where(r => r is not null)
            .GroupBy(r => r).OrderByDescending(g => g.Count()).First().Key!;
        var rare = $"文書{(count / 2) + 1}";
        return
        [
            new { name = $"typical: {common}", @params = new { q = common } },
            new { name = $"typical: {together.A} {together.B}", @params = new { q = $"{together.A} {together.B}" } },
            new { name = $"worst: {a} {b} (never in one turn)", @params = new { q = $"{a} {b}" } },
            new { name = $"worst: {a} OR {b}", @params = new { q = $"{a} OR {b}" } },
            new { name = $"rare: {rare}", @params = new { q = rare } },
            new { name = $"filter: {common} + 会議体 + 年度", @params = new { q = common, body, year = year.ToString(CultureInfo.InvariantCulture) } },
            new { name = $"filter: {together.A} + role {role}", @params = new { q = together.A, role } },
            new { name = $"filter: {common} -{together.B} + dates", @params = new { q = $"{common} -{together.B}", from = $"{year}-04-01", to = $"{year + 1}-09-30" } },
        ];
    }

    /// <summary>Frequent words of the samples: runs of 2–4 kanji or katakana, by the turns they occur in.</summary>
    internal static List<(string Word, int Turns)> CommonWords(IReadOnlyList<Minutes> samples)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var turn in samples.SelectMany(m => m.Sections.SelectMany(s => s.Turns)))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var run in Runs(SearchText.Fold(turn.Text)))
            {
                for (var length = 2; length <= 4; length++)
                {
                    for (var i = 0; i + length <= run.Length; i++)
                    {
                        seen.Add(run.Substring(i, length));
                    }
                }
            }

            foreach (var w in seen)
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }

        return [.. counts.Where(kv => kv.Value >= 8).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).Take(300)];
    }

    private static IEnumerable<string> Runs(string text)
    {
        var run = new StringBuilder();
        foreach (var c in text)
        {
            if (c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u30A1' and <= '\u30FA') or 'ー')
            {
                run.Append(c);
                continue;
            }

            if (run.Length >= 2)
            {
                yield return run.ToString();
            }

            run.Clear();
        }

        if (run.Length >= 2)
        {
            yield return run.ToString();
        }
    }

    private static List<string> Units(List<Minutes> corpus) =>
        [.. corpus.SelectMany(m => m.Sections.SelectMany(s => s.Turns)).Select(t => SearchText.Fold((t.Speaker ?? "") + "\u0001" + t.Text))];

    /// <summary>The two most frequent words (neither inside the other) that no turn of the archive holds together.</summary>
    private static (string A, string B) NeverTogether(List<Minutes> corpus, List<(string Word, int Turns)> words)
    {
        var units = Units(corpus);
        var sets = words.Take(120).Select(w => (w.Word, Turns: units.Select((u, i) => (u, i)).Where(x => x.u.Contains(w.Word, StringComparison.Ordinal)).Select(x => x.i).ToHashSet())).ToList();
        var best = (A: "", B: "", Score: -1);
        for (var i = 0; i < sets.Count; i++)
        {
            for (var j = i + 1; j < sets.Count; j++)
            {
                var (a, sa) = sets[i];
                var (b, sb) = sets[j];
                var score = Math.Min(sa.Count, sb.Count);
                if (score > best.Score && !a.Contains(b, StringComparison.Ordinal) && !b.Contains(a, StringComparison.Ordinal) && !sa.Overlaps(sb))
                {
                    best = (a, b, score);
                }
            }
        }

        return (best.A, best.B);
    }

    /// <summary>Two frequent words that do share turns (a typical two-word query).</summary>
    private static (string A, string B) TogetherPair(List<Minutes> corpus, List<(string Word, int Turns)> words)
    {
        var units = Units(corpus);
        var candidates = words.Where(w => w.Word.Length >= 3).Take(12).Select(w => w.Word).ToList();
        foreach (var a in candidates)
        {
            foreach (var b in candidates)
            {
                if (string.CompareOrdinal(a, b) < 0 && !a.Contains(b, StringComparison.Ordinal) && !b.Contains(a, StringComparison.Ordinal)
                    && units.Count(u => u.Contains(a, StringComparison.Ordinal) && u.Contains(b, StringComparison.Ordinal)) > units.Count / 100)
                {
                    return (a, b);
                }
            }
        }

        return (candidates[0], candidates[1]);
    }

    /// <summary>
    /// Varies the generated copies so postings are not perfectly periodic: about a fifth of the
    /// turns of each copy are left out (never the first, which carries the document's number).
    /// </summary>
    private static List<Minutes> Vary(List<Minutes> corpus) =>
        [.. corpus.Select((m, n) => m with
        {
            Sections = [.. m.Sections.Select((s, si) => s with
            {
                Turns = [.. s.Turns.Where((t, ti) => (si == 0 && ti == 0) || Mix(m.Id, si, ti) % 5 != 0)],
            })],
        })];

    private static uint Mix(string id, int section, int turn) =>
        SearchText.Hash($"{id}/{section}/{turn}");

    /// <summary>Wall and process CPU time since the previous lap (CPU is the steadier figure on a shared machine).</summary>
    private sealed class Clock
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public Lapse Lap()
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var lapse = new Lapse(_wall.Elapsed, cpu - _cpu);
            _wall.Restart();
            _cpu = cpu;
            return lapse;
        }
    }

    private readonly record struct Lapse(TimeSpan Wall, TimeSpan Cpu)
    {
        public override string ToString() => $"{Wall.TotalSeconds:F2} s / {Cpu.TotalSeconds:F2} s";
    }

    private static (long Plain, long Stored) Sizes(IEnumerable<SiteFile> files)
    {
        long plain = 0, stored = 0;
        foreach (var f in files)
        {
            plain += f.Content.Length;
            stored += f.StoredContent().Length;
        }

        return (plain, stored);
    }

    private static string Kb(long bytes) => $"{bytes / 1024.0:N1} KB";

    private static string Mb(long bytes) => $"{bytes / 1048576.0:N1} MB";

    internal static (int Exit, string Stdout, string Stderr) RunNode(string repo, string script, string config)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repo };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(config);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
