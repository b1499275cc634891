using System.Diagnostics;
using PublishPipeline.Model;

namespace PublishPipeline.Site.Tests;

/// <summary>
/// One built site for the browser and validator tests: the hand-made set, the hostile document and
/// a long one, written to a temporary folder and served by <see cref="StaticSiteServer"/> on 127.0.0.1.
/// </summary>
public sealed class BuiltSite : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("site-built-").FullName;

    public StaticSiteServer Server { get; private set; } = null!;

    public IReadOnlyList<Minutes> Minutes { get; private set; } = [];

    public SiteBuilder Builder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = StaticSiteServer.Start(Root);
        Builder = new SiteBuilder(new SiteOptions { BaseUrl = Server.BaseUrl, SiteTitle = "テスト区 会議録" });
        Minutes = [.. TestMinutes.Set(), TestMinutes.Hostile(), TestMinutes.Long(600), .. SampleMinutes.Load()];
        SiteDirectory.Write(Root, Builder.BuildAll(Minutes));
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    /// <summary>Runs a program to completion, returning exit code and both streams.</summary>
    public static (int Exit, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in {timeout}");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
