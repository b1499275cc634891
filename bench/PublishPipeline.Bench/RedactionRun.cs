using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
using PublishPipeline.Redaction;

namespace PublishPipeline.Bench;

/// <summary>
/// One set of uploads, normalised once, and the redactor the benchmarks time on them (offline
/// recogniser; minutes without a 公開の可否 table published, so every document is redacted whole).
/// </summary>
internal sealed class RedactionRun
{
    private readonly SourceFile[] _uploads;
    private readonly Minutes[] _normalised;
    private readonly Redactor _redactor = new(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
    private readonly RedactionRequest _request;

    public RedactionRun(SourceFile[] uploads, RedactionRequest request)
    {
        _uploads = uploads;
        _request = request;
        _normalised = [.. uploads.Select(MinutesNormalizer.Normalize)];
        _ = Redact(_normalised[0]); // lexicon loaded outside the timing
    }

    /// <summary>Redaction alone, on the normalised documents; the number of redactions.</summary>
    public int RedactAll() => _normalised.Sum(Redact);

    /// <summary>Normalise + redact from the upload bytes; the number of redactions.</summary>
    public int NormaliseAndRedactAll() => _uploads.Sum(upload => Redact(MinutesNormalizer.Normalize(upload)));

    private int Redact(Minutes minutes) => _redactor.RedactAsync(minutes, _request).GetAwaiter().GetResult().Audit.Entries.Count;
}
