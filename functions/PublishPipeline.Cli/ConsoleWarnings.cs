using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace PublishPipeline.Cli;

/// <summary>
/// The pipeline's warnings and errors on the console, for the long-running `minutes watch`: what the
/// Functions host would send to its log. Without it a watcher waiting on storage inside the index
/// lock's hand-back (up to one lease) said nothing for minutes.
/// </summary>
internal sealed class ConsoleWarnings : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var (colour, word) = logLevel == LogLevel.Warning ? ("yellow", "warning") : ("red", "error");
        AnsiConsole.MarkupLineInterpolated($"[{colour}]{word}: {formatter(state, exception)}[/]");
    }
}
