using BenchmarkDotNet.Attributes;
using PublishPipeline.Redaction;

namespace PublishPipeline.Bench;

/// <summary>
/// Redaction throughput on the five samples (offline recogniser, no network): redaction alone and
/// normalise + redact together, as MB/s of upload bytes on one core. <c>Scale</c> repeats the
/// samples' text N times in one upload to show memory per byte stays flat as documents grow.
/// Run: dotnet run -c Release --project bench/PublishPipeline.Bench -- --filter *Redaction* --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SampleThroughputConfig))]
public class RedactionBenchmarks
{
    private RedactionRun run = null!;

    [Params(1, 16)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup() => run = new RedactionRun(BenchSamples.Uploads(Scale), new RedactionRequest("bench", ConfirmedPublicVersion: true));

    [Benchmark(Description = "redact")]
    public int Redact() => run.RedactAll();

    [Benchmark(Description = "normalise+redact")]
    public int NormaliseAndRedact() => run.NormaliseAndRedactAll();
}
