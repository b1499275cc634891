using System.CommandLine;
using PublishPipeline.Site;

namespace PublishPipeline.Cli.Commands;

/// <summary>
/// `minutes serve DIR [--port N]`: previews a built site on 127.0.0.1 the way the static-website
/// host serves it (index.html for folders, 404.html for misses, the site's content types).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "The built site folder (the --site of minutes publish)." };
        var port = new Option<int>("--port", "-p") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var command = new Command("serve", "Serve a built site on 127.0.0.1 for preview.") { dir, port };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(dir)!, parse.GetValue(port), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string dir, int port, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(dir))
        {
            await Console.Error.WriteLineAsync($"minutes serve: site folder '{dir}' does not exist.").ConfigureAwait(false);
            return 2;
        }

        if (port is < 0 or > 65535)
        {
            await Console.Error.WriteLineAsync($"minutes serve: port {port} is out of range (0–65535).").ConfigureAwait(false);
            return 2;
        }

        if (!File.Exists(Path.Combine(dir, "index.html")))
        {
            await Console.Error.WriteLineAsync($"minutes serve: warning: {Path.Combine(dir, "index.html")} is missing; run minutes publish first.").ConfigureAwait(false);
        }

        StaticSiteServer server;
        try
        {
            server = StaticSiteServer.Start(dir, port);
        }
        catch (System.Net.HttpListenerException e)
        {
            await Console.Error.WriteLineAsync($"minutes serve: cannot listen on 127.0.0.1:{port}: {e.Message} (try --port 0).").ConfigureAwait(false);
            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            Console.WriteLine($"Serving {Path.GetFullPath(dir)} at {server.BaseUrl} (Ctrl+C to stop)");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return 0;
    }
}
