namespace PublishPipeline.Pipeline;

/// <summary>Limits and timings of the pipeline; the defaults suit both the CLI and the Functions host.</summary>
public sealed record PipelineOptions
{
    /// <summary>
    /// Uploads larger than this are quarantined before they are even loaded into the reader. The
    /// default is the reader's own limit, so there is one number for "too large", not two.
    /// </summary>
    public long MaxUploadBytes { get; init; } = Ingest.MinutesReader.MaxBytes;

    /// <summary>How long the index lock is held before others may take it over (a crashed holder).</summary>
    public TimeSpan IndexLease { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How long the nightly re-render works on documents before it stops and leaves the rest for
    /// the next run (below host.json's 30-minute functionTimeout, so the index rebuild and the
    /// report still fit).
    /// </summary>
    public TimeSpan RerenderBudget { get; init; } = TimeSpan.FromMinutes(25);

    /// <summary>How long one run of the recovery sweep takes documents through stages before it leaves the rest for the next run.</summary>
    public TimeSpan RecoveryBudget { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>At most this many documents per recovery sweep, so a run stays short even after a long outage.</summary>
    public int RecoveryMaxDocuments { get; init; } = 50;

    /// <summary>
    /// The recovery sweep leaves alone what changed less than this long ago: the triggers are
    /// probably still on it (host retries come within seconds). Documents a failed delivery names
    /// are taken at once.
    /// </summary>
    public TimeSpan RecoveryGrace { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a render waits for the indexes to include its document before failing (and being retried).</summary>
    public TimeSpan IndexWaitTimeout { get; init; } = TimeSpan.FromMinutes(8);

    /// <summary>
    /// Decides which exceptions are worth a retry (storage or network trouble). Everything else
    /// from reading, redacting or rendering a document is permanent: it is quarantined with a
    /// report instead of burning the host's retries.
    /// </summary>
    public Func<Exception, bool> IsTransient { get; init; } = DefaultIsTransient;

    public static bool DefaultIsTransient(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is IOException or Redaction.NameRecognitionException { IsTransient: true } or HttpRequestException or TimeoutException or OperationCanceledException
            or Storage.WriteConflictException
            || exception.GetType().FullName is "Azure.RequestFailedException" or "Azure.Identity.AuthenticationFailedException"
            || (exception.InnerException is { } inner && DefaultIsTransient(inner));
    }
}
