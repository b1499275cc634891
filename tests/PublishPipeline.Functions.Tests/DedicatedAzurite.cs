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
    private int _blobPort;
    private int _queuePort;
    private int _tablePort;
    private Process? _process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queuePort}/devstoreaccount1;";

    public static async Task<DedicatedAzurite> StartAsync()
    {
        var azurite = new DedicatedAzurite();
        for (var attempt = 1; ; attempt++)
        {
            (azurite._blobPort, azurite._queuePort, azurite._tablePort) = FreePorts();

            // A port found free can still be taken before Azurite binds it (other test processes
            // share the machine): then Azurite exits at once, and new ports are tried.
            if (await azurite.TryStartAsync() || attempt == 5)
            {
                break;
            }
        }

        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>Starts Azurite (again) on the same ports and folder and waits until both services listen.</summary>
    public async Task StartAgainAsync()
    {
        if (!await TryStartAsync())
        {
            Assert.Fail($"Azurite exited with code {_process!.ExitCode} before listening on 127.0.0.1:{_blobPort} and :{_queuePort}");
        }
    }

    /// <summary>False if Azurite exited before it listened (a port was taken).</summary>
    private async Task<bool> TryStartAsync()
    {
        if (_process is { HasExited: false })
        {
            return true;
        }

        _process?.Dispose();
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
        var deadline = DateTime.UtcNow.AddMinutes(2); // a start takes seconds; only a hang reaches this
        foreach (var port in new[] { _blobPort, _queuePort })
        {
            while (!await ListensAsync(port))
            {
                if (_process.HasExited)
                {
                    return false;
                }

                Assert.True(DateTime.UtcNow < deadline, $"Azurite did not listen on 127.0.0.1:{port}");
                await Task.Delay(100);
            }
        }

        return !_process.HasExited;
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

    /// <summary>
    /// Three free loopback ports below the range the kernel hands out for outgoing connections and
    /// for port 0 (ip_local_port_range). Azurite is stopped and started again on the same ports:
    /// while it is down, an ephemeral port could be given to any new connection on this shared
    /// machine, even to one of our own clients' reconnects (which then connects to itself), and
    /// Azurite could not come back. A port outside that range is only taken by an explicit bind.
    /// </summary>
    private static (int Blob, int Queue, int Table) FreePorts()
    {
        var below = 32768;
        if (File.Exists("/proc/sys/net/ipv4/ip_local_port_range") &&
            int.TryParse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low))
        {
            below = low;
        }

        var ports = new List<int>();
        for (var tries = 0; ports.Count < 3; tries++)
        {
            Assert.True(tries < 1000, $"no three free loopback ports below {below}");
            var port = below > 12_000 ? Random.Shared.Next(10_000, below) : Random.Shared.Next(below, 60_000);
            if (!ports.Contains(port) && IsFree(port))
            {
                ports.Add(port);
            }
        }

        return (ports[0], ports[1], ports[2]);
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
