using System.CommandLine;

namespace PublishPipeline.Cli.Commands;

/// <summary>`minutes serve` (skeleton; implemented under issue #4).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Not built yet (issue #4).");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("minutes serve: not built yet (issue #4).");
            return 2;
        });
        return command;
    }
}
