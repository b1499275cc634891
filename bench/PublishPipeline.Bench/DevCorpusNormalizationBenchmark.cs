using BenchmarkDotNet.Attributes;
using PublishPipeline.Ingest;
using PublishPipeline.Normalization;

namespace PublishPipeline.Bench;

/// <summary>
/// Normalisation (read + normalise, as the pipeline does) of the 43 real minutes of
/// ../shared/devcorpus/uploads (3.7 MB of assembly minutes: markers, rolls, tab tables, saved pages):
/// one operation = every upload. The target for normalise + redact is ≥ 25 MB/s per core.
/// Run: dotnet run -c Release -- --filter *DevCorpus* --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DevCorpusThroughputConfig))]
public class DevCorpusNormalizationBenchmark
{
    private SourceFile[] _files = [];

    [GlobalSetup]
    public void Setup() => _files = DevCorpus.Uploads();

    [Benchmark(Description = "Normalize the dev corpus (43 uploads)")]
    public int NormalizeDevCorpus()
    {
        var turns = 0;
        foreach (var file in _files)
        {
            turns += MinutesNormalizer.Normalize(file).Sections.Sum(s => s.Turns.Count);
        }

        return turns;
    }
}
