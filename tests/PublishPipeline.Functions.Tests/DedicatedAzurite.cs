using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PublishPipeline.Tests;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// An Azurite of one test's own (blob and queue, kept on disk) that the test may stop and start
/// again on the same ports and data: a storage outage, without disturbing the Azurite every other
/// test shares.
/// </summary>
internal sealed class DedicatedAzurite : IAsyncDisposable
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pp-azurite-");
    private readonly int _blobPort = FreePort();
    private readonly int _queuePort = FreePort();
    private readonly int _tablePort = FreePort();
    private Process? _process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queuePort}/devstoreaccount1;";

    public static async Task<DedicatedAzurite> StartAsync()
    {
        var azurite = new DedicatedAzurite();
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>Starts Azurite (again) on the same ports and folder and waits until both services listen.</summary>
    public async Task StartAgainAsync()
    {
        var program = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "azurite");
        Assert.True(File.Exists(program), $"{program} is missing: run `npm ci` (scripts/test.sh does)");
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in new[]
        {
            "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--location", _folder.FullName,
            "--blobHost", "127.0.0.1", "--blobPort", Text(_blobPort), "--queueHost", "127.0.0.1", "--queuePort", Text(_queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Text(_tablePort),
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in new[] { _blobPort, _queuePort })
        {
            while (!await ListensAsync(port))
            {
                if (_process.HasExited)
                {
                    Assert.Fail($"Azurite exited with code {_process.ExitCode}");
                }

                Assert.True(DateTime.UtcNow < deadline, $"Azurite did not listen on 127.0.0.1:{port}");
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Stops Azurite as an outage would (SIGTERM: it saves its data and closes its ports), escalating after 10 s.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", Text(process.Id)]))
        {
            await kill.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        _folder.Delete(recursive: true);
    }

    private static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
