using BenchmarkDotNet.Attributes;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
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
    private SourceFile[] uploads = [];
    private Minutes[] normalised = [];
    private Redactor redactor = null!;
    private RedactionRequest request = null!;

    [GlobalSetup]
    public void Setup()
    {
        uploads = DevCorpus.Uploads();
        normalised = [.. uploads.Select(MinutesNormalizer.Normalize)];
        redactor = new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        request = new RedactionRequest("bench");
        _ = redactor.RedactAsync(normalised[0], request).GetAwaiter().GetResult(); // lexicon loaded outside the timing
    }

    [Benchmark(Description = "devcorpus redact")]
    public int Redact()
    {
        var n = 0;
        foreach (var minutes in normalised)
        {
            n += redactor.RedactAsync(minutes, request).GetAwaiter().GetResult().Audit.Entries.Count;
        }

        return n;
    }

    [Benchmark(Description = "devcorpus normalise+redact")]
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
