using System.CommandLine;
using PublishPipeline.Cli.Commands;

// Each command lives in its own file under Commands/; this file only lists them.
var root = new RootCommand("minutes: normalise, redact and publish meeting minutes (会議録).")
{
    NormalizeCommand.Create(),
    RedactCommand.Create(),
    PublishCommand.Create(),
    ServeCommand.Create(),
    WatchCommand.Create(),
    EvalCommand.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
