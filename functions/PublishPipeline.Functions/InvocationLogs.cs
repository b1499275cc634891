namespace PublishPipeline.Functions;

/// <summary>
/// Collects the log lines written during one invocation so they can go back to the host in the
/// response's <c>Logs</c> array (the host writes them to that invocation's function log).
/// </summary>
internal sealed class InvocationLogs : ILoggerProvider
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    /// <summary>Starts collecting for the current async flow (one request).</summary>
    public static List<string> Begin()
    {
        var lines = new List<string>();
        Current.Value = lines;
        return lines;
    }

    public ILogger CreateLogger(string categoryName) => new Collector();

    public void Dispose()
    {
    }

    private sealed class Collector : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && Current.Value is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Current.Value is not { } lines || logLevel < LogLevel.Information)
            {
                return;
            }

            var line = $"[{logLevel}] {formatter(state, exception)}" + (exception is null ? string.Empty : $" ({exception.GetType().Name}: {exception.Message})");
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}
