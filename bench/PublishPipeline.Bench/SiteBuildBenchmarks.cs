using BenchmarkDotNet.Attributes;
using PublishPipeline.Model;
using PublishPipeline.Site;

namespace PublishPipeline.Bench;

/// <summary>
/// Site build speed over 2,000 documents generated from the samples. Each benchmark reports the
/// time per minutes document (OperationsPerInvoke), so pages/s = 1 / mean.
/// FullBuild: every page, JSON, index, feed, sitemap and the search index, in memory.
/// FullBuildToDisk: the same written to an empty folder (what Hugo's timing includes).
/// Incremental: one new upload: its page + JSON, then the indexes; unchanged files not rewritten.
/// Set SITE_BENCH_CORPUS_DIR to also write the corpus as JSON for bench/hugo/hugo-bench.sh.
/// </summary>
[MemoryDiagnoser]
public class SiteBuildBenchmarks
{
    public const int DocumentCount = 2000;

    private List<Minutes> _corpus = [];
    private Minutes _newcomer = null!;
    private SiteBuilder _builder = null!;
    private string _diskRoot = "";
    private string _incrementalRoot = "";

    [GlobalSetup]
    public void Setup()
    {
        var samples = SiteCorpus.Samples();
        _corpus = SiteCorpus.Generate(samples, DocumentCount);
        _newcomer = SiteCorpus.Generate(samples, 1, seed: DocumentCount)[0];
        _builder = new SiteBuilder(new SiteOptions { BaseUrl = new Uri("https://gikai.example.jp/") });
        _diskRoot = Directory.CreateTempSubdirectory("site-bench-full-").FullName;
        _incrementalRoot = Directory.CreateTempSubdirectory("site-bench-incr-").FullName;
        SiteDirectory.Write(_incrementalRoot, _builder.BuildAll(_corpus));

        var export = Environment.GetEnvironmentVariable("SITE_BENCH_CORPUS_DIR");
        if (!string.IsNullOrEmpty(export))
        {
            Directory.CreateDirectory(export);
            foreach (var m in _corpus)
            {
                File.WriteAllBytes(Path.Combine(export, m.Id + ".json"), MinutesJson.Serialize(m));
            }
        }

        var turns = _corpus.Sum(m => m.Sections.Sum(s => s.Turns.Count));
        Console.WriteLine($"// corpus: {_corpus.Count} documents, {turns} turns, {_builder.BuildAll(_corpus).Count} files");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_diskRoot, recursive: true);
        Directory.Delete(_incrementalRoot, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = DocumentCount)]
    public int FullBuild() => _builder.BuildAll(_corpus).Count;

    [IterationSetup(Target = nameof(FullBuildToDisk))]
    public void EmptyDiskRoot()
    {
        Directory.Delete(_diskRoot, recursive: true);
        Directory.CreateDirectory(_diskRoot);
    }

    [Benchmark(OperationsPerInvoke = DocumentCount)]
    public int FullBuildToDisk() => SiteDirectory.Write(_diskRoot, _builder.BuildAll(_corpus)).Written;

    /// <summary>One new upload on top of the 2,000: its files plus the indexes over 2,001 documents.</summary>
    [Benchmark]
    public int IncrementalBuild()
    {
        var all = new List<Minutes>(_corpus) { _newcomer };
        var files = _builder.BuildMinutes(_newcomer).Concat(_builder.BuildIndexes(all));
        return SiteDirectory.Write(_incrementalRoot, files).Written;
    }
}
