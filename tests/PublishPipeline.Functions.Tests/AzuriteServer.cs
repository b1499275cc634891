using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using PublishPipeline.Azure.Storage;
using PublishPipeline.Tests;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// The Azurite every Blob (and poison queue) test runs against: the one scripts/test.sh started
/// (env PUBLISHPIPELINE_AZURITE), or one this process starts from node_modules on free loopback
/// ports, so `dotnet test` alone works too. If neither is possible the tests fail with the reason;
/// they never skip. Each test gets its own containers through a name prefix.
/// </summary>
public static class AzuriteServer
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<string> Connection = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private static Process? _process;

    public static string ConnectionString => Connection.Value;

    /// <summary>A store with containers of its own (prefix), on the shared Azurite.</summary>
    public static BlobObjectStore NewStore(string? prefix = null) =>
        new(new BlobServiceClient(ConnectionString), prefix ?? "t" + Guid.NewGuid().ToString("N")[..10] + "-");

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable("PUBLISHPIPELINE_AZURITE") is { Length: > 0 } fromScript)
        {
            return fromScript;
        }

        var azurite = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException(
                $"Azurite is needed for the Blob tests: set PUBLISHPIPELINE_AZURITE (scripts/test.sh does) or run `npm ci` so {azurite} exists.");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                _process?.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        };

        // A port found free can be taken by another process before Azurite binds it (the machine
        // is shared): Azurite then exits at once, and it is started again on other ports.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var queuePort = FreePort();
            if (TryStart(azurite, port, queuePort) is { } connection)
            {
                return connection;
            }

            if (attempt == 5)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process!.ExitCode} before listening on 127.0.0.1:{port} and :{queuePort} (5 tries).");
            }
        }
    }

    private static string? TryStart(string azurite, int port, int queuePort)
    {
        string Text(int p) => p.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Blob and queue (the blob triggers' poison queue); the table service gets a port of its own too.
        var start = new ProcessStartInfo(azurite)
        {
            ArgumentList =
            {
                "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", Text(port), "--queueHost", "127.0.0.1", "--queuePort", Text(queuePort),
                "--tableHost", "127.0.0.1", "--tablePort", Text(FreePort()),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        _process?.Dispose();
        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Both services listening; a start takes seconds, the bound is for a machine under heavy load.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        foreach (var listening in new[] { port, queuePort })
        {
            while (!Listens(listening))
            {
                if (_process.HasExited)
                {
                    return null;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{listening} within 2 minutes.");
                }

                Thread.Sleep(100);
            }
        }

        return _process.HasExited ? null : $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";
    }

    private static bool Listens(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
