using System.CommandLine;

namespace PublishPipeline.Cli.Commands;

/// <summary>`minutes watch` (skeleton; implemented under issue #5).</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var command = new Command("watch", "Not built yet (issue #5).");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("minutes watch: not built yet (issue #5).");
            return 2;
        });
        return command;
    }
}
