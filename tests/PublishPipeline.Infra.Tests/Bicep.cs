using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PublishPipeline.Infra.Tests;

/// <summary>The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64).</summary>
internal static partial class Bicep
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static string ExecutablePath => Executable.Value;

    /// <summary>Runs bicep with the given arguments; diagnostics are the lines it writes to stderr.</summary>
    public static BicepResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} ran over 5 minutes");
        }

        return new BicepResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        // Set at build time from the package's $(BicepPath); the NuGet cache path is the fallback.
        var fromBuild = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPath")?.Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string?[] candidates =
        [
            fromBuild,
            Path.Combine(packages, "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep"),
        ];
        var path = candidates.Where(c => !string.IsNullOrEmpty(c)).Select(c => Path.GetFullPath(c!)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                "The bicep executable was not found; restore the package Azure.Bicep.CommandLine.linux-x64. Looked at: "
                + string.Join(", ", candidates));

        // NuGet extraction does not always keep the executable bit.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        return path;
    }
}

internal sealed partial record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Every non-empty line on stderr: bicep writes nothing there for a clean file.</summary>
    public IReadOnlyList<string> Diagnostics =>
        [.. StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Diagnostic codes (BCP037, no-unused-params …) found on stderr.</summary>
    public IReadOnlyList<string> Codes =>
        [.. Diagnostics.Select(d => DiagnosticLine().Match(d)).Where(m => m.Success).Select(m => m.Groups["code"].Value)];

    [GeneratedRegex(@"\) : (Error|Warning|Info) (?<code>[^:]+):")]
    private static partial Regex DiagnosticLine();
}
