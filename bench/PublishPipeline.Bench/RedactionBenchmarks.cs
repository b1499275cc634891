using BenchmarkDotNet.Attributes;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
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
    private SourceFile[] uploads = [];
    private Minutes[] normalised = [];
    private Redactor redactor = null!;
    private RedactionRequest request = null!;

    [Params(1, 16)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        uploads = BenchSamples.Uploads(Scale);
        normalised = [.. uploads.Select(MinutesNormalizer.Normalize)];
        redactor = new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        request = new RedactionRequest("bench", ConfirmedPublicVersion: true);
        _ = redactor.RedactAsync(normalised[0], request).GetAwaiter().GetResult(); // lexicon loaded outside the timing
    }

    [Benchmark(Description = "redact")]
    public int Redact()
    {
        var n = 0;
        foreach (var minutes in normalised)
        {
            n += redactor.RedactAsync(minutes, request).GetAwaiter().GetResult().Audit.Entries.Count;
        }

        return n;
    }

    [Benchmark(Description = "normalise+redact")]
    public int NormaliseAndRedact()
    {
        var n = 0;
        foreach (var upload in uploads)
        {
            n += redactor.RedactAsync(MinutesNormalizer.Normalize(upload), request).GetAwaiter().GetResult().Audit.Entries.Count;
        }

        return n;
    }
}
