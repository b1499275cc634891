using BenchmarkDotNet.Attributes;
using PublishPipeline.Redaction;

namespace PublishPipeline.Bench;

/// <summary>
/// Normalise + redact on the real minutes of ../shared/devcorpus (43 uploads, 3.7 MB, six
/// assemblies), offline recogniser and register of people, as MB/s of upload bytes on one core; and
/// redaction alone on the normalised documents.
/// Run: dotnet run -c Release --project bench/PublishPipeline.Bench -- --filter *DevCorpus* --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DevCorpusThroughputConfig))]
public class DevCorpusRedactionBenchmarks
{
    private RedactionRun run = null!;

    [GlobalSetup]
    public void Setup() => run = new RedactionRun(DevCorpus.Uploads(), new RedactionRequest("bench"));

    [Benchmark(Description = "devcorpus redact")]
    public int Redact() => run.RedactAll();

    [Benchmark(Description = "devcorpus normalise+redact")]
    public int NormaliseAndRedact() => run.NormaliseAndRedactAll();
}
