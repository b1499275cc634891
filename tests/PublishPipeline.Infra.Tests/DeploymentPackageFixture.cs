using System.Diagnostics;
using System.IO.Compression;

namespace PublishPipeline.Infra.Tests;

/// <summary>
/// Builds the deployment zip once per test run with the same script azd runs
/// (scripts/package-functions.sh: a self-contained linux-x64 publish, about a minute).
/// </summary>
public sealed class DeploymentPackageFixture : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("functionapp-package-");
    private readonly Lazy<string> _zip;

    public DeploymentPackageFixture() => _zip = new Lazy<string>(Build);

    public string ZipPath => _zip.Value;

    internal ZipArchive Open() => ZipFile.OpenRead(ZipPath);

    public void Dispose() => _work.Delete(recursive: true);

    private string Build()
    {
        var zip = Path.Combine(_work.FullName, "functionapp.zip");
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = InfraPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(InfraPaths.Root, "scripts", "package-functions.sh"));
        start.ArgumentList.Add(zip);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("scripts/package-functions.sh ran over 20 minutes");
        }

        if (process.ExitCode != 0 || !File.Exists(zip))
        {
            throw new InvalidOperationException(
                $"scripts/package-functions.sh exited {process.ExitCode}:\n{stderr.GetAwaiter().GetResult()}");
        }

        // The script prints the zip's path on stdout for callers.
        Assert.Equal(zip, stdout.GetAwaiter().GetResult().Trim());
        return zip;
    }
}
