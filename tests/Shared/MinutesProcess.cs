using System.Diagnostics;
using System.Text;

namespace PublishPipeline.Tests;

/// <summary>Runs the real `minutes` program (minutes.dll beside the test assembly) and captures what it prints.</summary>
internal static class MinutesProcess
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(CliPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Tests run offline: never reach an Azure endpoint configured on the developer's machine.
        start.Environment.Remove("LANGUAGE_ENDPOINT");
        start.Environment.Remove("SITE_BASE_URL");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A run takes seconds; the bound only turns a hang into a failure, so it is generous for a
        // machine under load, and the process does not outlive the test.
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"minutes {string.Join(' ', args)} did not finish within 10 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// The CLI's own build output, same configuration as the tests: its deps and runtimeconfig are
    /// its own, whereas a test folder may lack assemblies its host takes from a shared framework
    /// (ASP.NET Core's logging, for the Functions tests). Else the copy beside the test assembly.
    /// </summary>
    private static string CliPath()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = tfm.Parent?.Name ?? "Release";
        var own = Path.Combine(RepoPaths.Root, "functions", "PublishPipeline.Cli", "bin", configuration, tfm.Name, "minutes.dll");
        return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "minutes.dll");
    }
}
