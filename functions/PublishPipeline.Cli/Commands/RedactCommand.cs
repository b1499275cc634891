using System.CommandLine;

namespace PublishPipeline.Cli.Commands;

/// <summary>`minutes redact` (skeleton; implemented under issue #3).</summary>
internal static class RedactCommand
{
    public static Command Create()
    {
        var command = new Command("redact", "Not built yet (issue #3).");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("minutes redact: not built yet (issue #3).");
            return 2;
        });
        return command;
    }
}
