using System.CommandLine;

namespace PublishPipeline.Cli.Commands;

/// <summary>`minutes publish` (skeleton; implemented under issue #4).</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var command = new Command("publish", "Not built yet (issue #4).");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("minutes publish: not built yet (issue #4).");
            return 2;
        });
        return command;
    }
}
