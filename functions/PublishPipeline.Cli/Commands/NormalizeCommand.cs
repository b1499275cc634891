using System.CommandLine;

namespace PublishPipeline.Cli.Commands;

/// <summary>`minutes normalize` (skeleton; implemented under issue #2).</summary>
internal static class NormalizeCommand
{
    public static Command Create()
    {
        var command = new Command("normalize", "Not built yet (issue #2).");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("minutes normalize: not built yet (issue #2).");
            return 2;
        });
        return command;
    }
}
