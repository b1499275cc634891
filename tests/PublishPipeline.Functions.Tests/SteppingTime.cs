namespace PublishPipeline.Functions.Tests;

/// <summary>
/// A virtual clock for code that waits through a <see cref="TimeProvider"/>: every wait ends at
/// once and moves the clock on by its length. A test then sees exactly how long the code would
/// have waited (back-offs, leases, deadlines), without waiting and whatever the machine's speed.
/// Meant for one flow of waits at a time: waits that overlap each move the clock.
/// </summary>
internal sealed class SteppingTime(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Step(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class Step(SteppingTime time, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
            {
                throw new NotSupportedException("SteppingTime has one-shot timers only.");
            }

            if (_disposed || dueTime == Timeout.InfiniteTimeSpan)
            {
                return !_disposed;
            }

            Interlocked.Add(ref time._ticks, dueTime.Ticks);

            // Never on the caller's stack: Task.Delay sets itself up after creating its timer.
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (!_disposed)
                {
                    callback(state);
                }
            });
            return true;
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
