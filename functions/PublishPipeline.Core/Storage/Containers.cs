namespace PublishPipeline.Storage;

/// <summary>The containers the pipeline uses. All are private except <see cref="Web"/>.</summary>
public static class Containers
{
    /// <summary>What ward staff upload; never modified by the pipeline.</summary>
    public const string Uploads = "uploads";

    /// <summary>Normalised documents (JSON), private.</summary>
    public const string Normalized = "normalized";

    /// <summary>Redacted documents ready to render (JSON), private until rendered.</summary>
    public const string Redacted = "redacted";

    /// <summary>Redaction and withdrawal audit records, private, never published.</summary>
    public const string Audit = "audit";

    /// <summary>Hold reports: documents that must not be published without a person's review.</summary>
    public const string Held = "held";

    /// <summary>Failure reports: uploads that could not be processed (bad encoding, broken .docx, a bug).</summary>
    public const string Quarantine = "quarantine";

    /// <summary>The public static website.</summary>
    public const string Web = "$web";

    public static IReadOnlyList<string> All { get; } = [Uploads, Normalized, Redacted, Audit, Held, Quarantine, Web];
}
