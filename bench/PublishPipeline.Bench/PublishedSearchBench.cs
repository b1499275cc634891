using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Site;

namespace PublishPipeline.Bench;

/// <summary>
/// Search transfer on a site `minutes publish` wrote (bench/publish-bench.sh): the queries
/// <see cref="SearchTransferBench"/> chooses (typical, two common words never in one turn, a rare
/// word, filters), picked from the published (redacted) documents in the work folder, and measured
/// by bench/search/measure-search.mjs in Chromium against the site folder served as the static
/// host serves it. Usage: search-site SITE_DIR WORK_DIR.
/// </summary>
internal static class PublishedSearchBench
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: search-site SITE_DIR WORK_DIR");
            return 2;
        }

        var (site, work) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]));
        var corpus = Directory.EnumerateFiles(Path.Combine(work, "redacted"), "*.json")
            .Select(f => MinutesJson.Deserialize(File.ReadAllBytes(f)))
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
        var words = SearchTransferBench.CommonWords(SiteCorpus.Samples());
        // The queries are chosen from the dated minutes (two samples carry no 開催日時).
        var queries = SearchTransferBench.Queries([.. corpus.Where(m => m.Date is not null)], words, corpus.Count);
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";
        var repo = SiteCorpus.RepoRoot();
        var config = Path.Combine(Path.GetTempPath(), $"search-site-{Environment.ProcessId}.json");
        var server = StaticSiteServer.Start(site);
        try
        {
            File.WriteAllText(config, JsonSerializer.Serialize(new { baseUrl = server.BaseUrl.AbsoluteUri, chromium, queries }));
            var (exit, stdout, stderr) = SearchTransferBench.RunNode(repo, Path.Combine(repo, "bench", "search", "measure-search.mjs"), config);
            if (exit != 0)
            {
                Console.Error.WriteLine($"measure-search.mjs failed ({exit}):\n{stderr}");
                return 1;
            }

            SearchTransferBench.Print(stdout);
            return 0;
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            File.Delete(config);
        }
    }
}
