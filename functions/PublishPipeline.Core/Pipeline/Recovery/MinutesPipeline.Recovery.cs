using Microsoft.Extensions.Logging;
using PublishPipeline.Storage;

namespace PublishPipeline.Pipeline;

/// <summary>
/// The recovery sweep: every few minutes, the nightly catch-up on a small budget. It retries
/// documents whose stages failed on transient trouble (their input is older than
/// <see cref="PipelineOptions.RecoveryGrace"/> and their output is missing or stale) and those the
/// host gave up on (<see cref="IFailedDeliveries"/>, taken at once), finishes each one's chain in the
/// same run, brings the indexes up to date and removes public files whose takedown was interrupted.
/// What is current is only compared, never redone.
/// </summary>
public sealed partial class MinutesPipeline
{
    /// <summary>Where the recovery sweep's reports go (only runs that did or left something write one).</summary>
    public const string RecoveryReportPrefix = PipelineNames.StatePrefix + "recovery/";

    public async Task<RerenderReport> RecoverAsync(IFailedDeliveries? failedDeliveries = null, CancellationToken cancellationToken = default)
    {
        failedDeliveries ??= NoFailedDeliveries.Instance;
        IReadOnlyList<FailedDelivery> deliveries;
        try
        {
            // Hidden for longer than the run, so an unfinished one is back for the next run.
            deliveries = await failedDeliveries.TakeAsync(_options.RecoveryMaxDocuments, _options.RecoveryBudget + TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (_options.IsTransient(e) && e is not OperationCanceledException)
        {
            // The sweep still finds stuck documents by listing; the deliveries wait for the next run.
            LogDeliveriesUnreadable(_logger, e.Message);
            deliveries = [];
        }

        var named = deliveries.Select(d => d.DocumentId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var sweep = new SweepScope
        {
            Stage = Stages.Recover,
            ReportPrefix = RecoveryReportPrefix,
            StopAt = _time.GetUtcNow() + _options.RecoveryBudget,
            MaxDocuments = _options.RecoveryMaxDocuments,
            Grace = _options.RecoveryGrace,
            Named = named,
        };
        var report = await SweepAsync(sweep, cancellationToken).ConfigureAwait(false);

        var completed = 0;
        foreach (var delivery in deliveries)
        {
            if (delivery.DocumentId is { } id && (sweep.LeftIds.Contains(id) || (report.Failed.Contains(id) && !await IsQuarantinedAsync(id, cancellationToken).ConfigureAwait(false))))
            {
                continue; // still stuck: the delivery comes back for the next run
            }

            await failedDeliveries.CompleteAsync(delivery, cancellationToken).ConfigureAwait(false);
            completed++;
        }

        if (deliveries.Count > 0)
        {
            LogDeliveries(_logger, deliveries.Count, completed);
        }

        return report;
    }

    /// <summary>A failure the stage recorded for good (a quarantine report), not one worth another try.</summary>
    private async Task<bool> IsQuarantinedAsync(string id, CancellationToken cancellationToken) =>
        await ExistsAsync(Containers.Quarantine, PipelineNames.Document(id), cancellationToken).ConfigureAwait(false);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery: {Taken} failed deliveries taken, {Completed} completed (the rest come back for the next run)")]
    private static partial void LogDeliveries(ILogger logger, int taken, int completed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery: the failed deliveries could not be read ({Reason}); stuck documents are still found by listing")]
    private static partial void LogDeliveriesUnreadable(ILogger logger, string reason);
}
