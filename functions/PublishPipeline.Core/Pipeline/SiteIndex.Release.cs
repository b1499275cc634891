using Microsoft.Extensions.Logging;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Giving the index lock back on every failure path. A holder that fails (storage gone, the
/// invocation cancelled, an index template throwing) releases the lock as soon as storage answers
/// again, so the next caller rebuilds at once; only a holder that dies outright leaves the lock
/// to its lease.
/// </summary>
public sealed partial class SiteIndex
{
    /// <summary>
    /// Tries to take the lock. If the write fails without an answer (the connection dropped, the
    /// call was cancelled), it may still have gone through: the lock is then handed back before
    /// the failure is passed on, so nobody waits for a lease that no one is using.
    /// </summary>
    private async Task<bool> TryAcquireAsync(IndexState taken, string? etag, CancellationToken cancellationToken)
    {
        try
        {
            return await TryWriteStateAsync(taken, etag, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            await ReleaseAfterFailureAsync(taken.Holder!, failure).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Releases the lock if it is still <paramref name="holder"/>'s; never hides <paramref name="failure"/>.</summary>
    private async Task ReleaseAfterFailureAsync(string holder, Exception failure)
    {
        try
        {
            await ChangeStateSurelyAsync(s => s.Holder == holder ? s with { Holder = null, LeaseUntil = null } : s).ConfigureAwait(false);
            LogReleasedAfterFailure(_logger, failure.GetType().Name, failure.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Storage did not come back within a lease: the lease runs out on its own.
            LogReleaseFailed(_logger, e.Message, failure.Message);
        }
    }

    /// <summary>
    /// A state change that must happen even if the caller was cancelled or storage is briefly
    /// gone: retried with back-off while storage or the network fails, for at most one lease
    /// (by then a lock would have run out anyway), then the last failure is thrown.
    /// </summary>
    private async Task ChangeStateSurelyAsync(Func<IndexState, IndexState> change)
    {
        var giveUpAt = _time.GetUtcNow() + _options.IndexLease;
        var waiting = false;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await ChangeStateAsync(change, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (_options.IsTransient(e) && _time.GetUtcNow() < giveUpAt)
            {
                if (!waiting)
                {
                    LogStateUnreachable(_logger, e.Message);
                    waiting = true;
                }

                await Task.Delay(Backoff(attempt), _time, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>100 ms doubling to 5 s, with jitter: quick to notice storage is back, light while it is not.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * (1 << Math.Min(attempt, 6))) * (0.75 + (Random.Shared.NextDouble() / 2)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index rebuild failed ({Error}: {Reason}); the lock was handed back for the next caller")]
    private static partial void LogReleasedAfterFailure(ILogger logger, string error, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The index lock could not be handed back ({Reason}) after the rebuild failed ({Failure}); it is free when its lease runs out")]
    private static partial void LogReleaseFailed(ILogger logger, string reason, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index state is unreachable ({Reason}); retrying until storage answers again")]
    private static partial void LogStateUnreachable(ILogger logger, string reason);
}
