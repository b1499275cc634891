using PublishPipeline.Model;
using PublishPipeline.Redaction;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Deliveries the host gave up on after its retries (for the blob triggers: the messages in the
/// poison queue). The recovery sweep takes a few each run, takes their documents through the
/// stages they lack, and completes the deliveries whose documents went through.
/// </summary>
public interface IFailedDeliveries
{
    /// <summary>Up to <paramref name="max"/> deliveries, hidden from other readers for <paramref name="hold"/>.</summary>
    Task<IReadOnlyList<FailedDelivery>> TakeAsync(int max, TimeSpan hold, CancellationToken cancellationToken = default);

    /// <summary>The delivery's document went through: forget the delivery.</summary>
    Task CompleteAsync(FailedDelivery delivery, CancellationToken cancellationToken = default);
}

/// <summary>A blob whose trigger failed for good: <paramref name="Container"/> is one of <see cref="Containers"/>.</summary>
/// <param name="Receipt">What the source needs to complete the delivery (opaque).</param>
public sealed record FailedDelivery(string Container, string Name, string Receipt)
{
    /// <summary>The minutes id the blob belongs to, or null for a blob no stage takes.</summary>
    public string? DocumentId => Container switch
    {
        // A public-version sidecar stands for its upload (normalising it normalises the upload).
        Containers.Uploads => MinutesId.FromSourceName(
            Name.EndsWith(RedactionRequest.PublicVersionSidecarSuffix, StringComparison.Ordinal) ? Name[..^RedactionRequest.PublicVersionSidecarSuffix.Length] : Name),
        Containers.Normalized or Containers.Redacted => PipelineNames.IdFromDocument(Name),
        _ => null,
    };
}

/// <summary>Where there is no poison queue (the CLI, a store without a queue endpoint).</summary>
public sealed class NoFailedDeliveries : IFailedDeliveries
{
    public static NoFailedDeliveries Instance { get; } = new();

    public Task<IReadOnlyList<FailedDelivery>> TakeAsync(int max, TimeSpan hold, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FailedDelivery>>([]);

    public Task CompleteAsync(FailedDelivery delivery, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
