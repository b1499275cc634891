using System.CommandLine;
using PublishPipeline.Cli;
using PublishPipeline.Cli.Commands;

// Each command lives in its own file under Commands/; this file lists them and keeps the promise
// of ExitCodes: a usage mistake is one line and 2, anything unexpected one line and 1, never a
// stack trace (MINUTES_DEBUG=1 prints it for a bug report).
var root = new RootCommand("minutes: normalise, redact and publish meeting minutes (会議録), and review what is held. " + ExitCodes.Help)
{
    NormalizeCommand.Create(),
    RedactCommand.Create(),
    PublishCommand.Create(),
    HoldsCommand.Create(),
    ReviewCommands.Approve(),
    ReviewCommands.Reject(),
    ServeCommand.Create(),
    WatchCommand.Create(),
    EvalCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
    }

    var command = parse.CommandResult.Command;
    await Console.Error.WriteLineAsync($"see: minutes {(command == root ? string.Empty : command.Name + " ")}--help").ConfigureAwait(false);
    return ExitCodes.Usage;
}

try
{
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("stopped.").ConfigureAwait(false);
    return ExitCodes.Failed;
}
catch (Exception e)
{
    await Console.Error.WriteLineAsync($"error: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
    if (Environment.GetEnvironmentVariable("MINUTES_DEBUG") == "1")
    {
        await Console.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
    }

    return ExitCodes.Failed;
}
