using System.Diagnostics;
using System.Net.Sockets;
using Azure;
using Spectre.Console;

namespace PublishPipeline.Cli.Commands;

/// <summary>
/// How `minutes watch` lives through storage being unreachable: the failing poll stops, one clear
/// line says what is wrong and when the next try is, tries back off exponentially up to a bound,
/// and the first poll that works says how long storage was gone. Nothing is lost meanwhile: an
/// upload not processed is still new at the next poll.
/// </summary>
internal sealed class StorageOutage(TimeSpan first, TimeSpan max)
{
    private readonly Stopwatch _since = new();
    private int _failures;

    public bool IsDown => _failures > 0;

    /// <summary>Storage (or the network to it) is not answering, as opposed to a fault of one document or of the settings.</summary>
    public static bool Is(Exception exception) => exception switch
    {
        HttpRequestException or SocketException or IOException => true,
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        _ => exception.InnerException is { } inner && Is(inner),
    };

    /// <summary>Reports a failed poll and returns how long to wait before the next.</summary>
    public TimeSpan Failed(Exception exception)
    {
        if (_failures == 0)
        {
            _since.Restart();
        }

        var delay = TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks << Math.Min(_failures, 20)));
        _failures++;
        if (Is(exception))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]storage unreachable ({Reason(exception)}); down for {_since.Elapsed.TotalSeconds:0} s, next try in {delay.TotalSeconds:0.#} s[/]");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"[red]poll failed ({Reason(exception)}); next try in {delay.TotalSeconds:0.#} s[/]");
        }
        return delay;
    }

    /// <summary>A poll worked: says so once if it had been failing.</summary>
    public void Succeeded()
    {
        if (_failures > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]storage reachable again after {_since.Elapsed.TotalSeconds:0} s; watching resumes[/]");
            _failures = 0;
        }
    }

    private static string Reason(Exception exception)
    {
        var innermost = exception;
        while (innermost is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            innermost = aggregate.InnerExceptions[^1];
        }

        var text = innermost.Message.ReplaceLineEndings(" ");
        return $"{innermost.GetType().Name}: {(text.Length > 160 ? text[..160] + "…" : text)}";
    }
}
