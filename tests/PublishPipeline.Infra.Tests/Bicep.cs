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

/// <summary>
/// One bicep run over many files (<c>--pattern</c>): the compiler starts once instead of once a file
/// (a start and the Azure type index cost seconds of CPU each). Each diagnostic line starts with the
/// path of the file it is about, so every file still gets its own verdict; the outputs are read into
/// memory and the output folder removed at once.
/// </summary>
internal sealed class BicepBatch
{
    private readonly Dictionary<string, string> _outputs;

    private BicepBatch(BicepResult result, IReadOnlyList<string> files, Dictionary<string, string> outputs)
    {
        Result = result;
        Files = files;
        _outputs = outputs;
    }

    public BicepResult Result { get; }

    /// <summary>The files the pattern matched, full paths in ordinal order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Runs <c>bicep VERB --pattern</c> over every <c>*EXTENSION</c> file in <paramref name="directory"/>
    /// and its subfolders (build, build-params or lint); for build and build-params the outputs go to
    /// a folder of their own.
    /// </summary>
    public static BicepBatch Run(string verb, string directory, string extension)
    {
        var pattern = Path.Combine(Path.GetFullPath(directory), "**", "*" + extension);
        var files = Directory.GetFiles(directory, "*" + extension, SearchOption.AllDirectories)
            .Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (verb == "lint")
        {
            return new BicepBatch(Bicep.Run("lint", "--pattern", pattern), files, outputs);
        }

        var outdir = Directory.CreateTempSubdirectory("bicep-out-");
        try
        {
            var result = Bicep.Run(verb, "--pattern", pattern, "--outdir", outdir.FullName);
            foreach (var file in files)
            {
                // build keeps the folders under the pattern's base; build-params writes NAME.json beside the others.
                var relative = verb == "build" ? Path.GetRelativePath(Path.GetFullPath(directory), file) : Path.GetFileName(file);
                var output = Path.Combine(outdir.FullName, Path.ChangeExtension(relative, ".json"));
                if (File.Exists(output))
                {
                    outputs[file] = File.ReadAllText(output);
                }
            }

            return new BicepBatch(result, files, outputs);
        }
        finally
        {
            outdir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The diagnostics that concern <paramref name="file"/>: its own lines, and every line that names
    /// no other file of the batch (a template the file uses, or a failure of the whole run).
    /// </summary>
    public IReadOnlyList<string> DiagnosticsFor(string file)
    {
        var full = Path.GetFullPath(file);
        return [.. Result.Diagnostics.Where(d => !Files.Any(f => f != full && d.StartsWith(f + "(", StringComparison.Ordinal)))];
    }

    /// <summary>The compiled JSON of <paramref name="file"/>, null when bicep wrote none.</summary>
    public string? Output(string file) => _outputs.GetValueOrDefault(Path.GetFullPath(file));

    /// <summary>
    /// Whether the run's exit code clears <paramref name="file"/>: zero, or non-zero with an error
    /// line on another file of the batch to account for it.
    /// </summary>
    public bool ExitClears(string file) =>
        Result.ExitCode == 0 || Result.Diagnostics.Count > DiagnosticsFor(file).Count;

    /// <summary>What the run printed about <paramref name="file"/>, for a failure message.</summary>
    public string Describe(string file) =>
        $"(bicep exit {Result.ExitCode}, {Files.Count} files in the run):\n{string.Join('\n', DiagnosticsFor(file))}";
}

internal sealed partial record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Every non-empty line on stderr: bicep writes nothing there for a clean file.</summary>
    public IReadOnlyList<string> Diagnostics =>
        [.. StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The diagnostic codes (BCP037, no-unused-params …) in these stderr lines.</summary>
    public static IReadOnlyList<string> CodesOf(IEnumerable<string> diagnostics) =>
        [.. diagnostics.Select(d => DiagnosticLine().Match(d)).Where(m => m.Success).Select(m => m.Groups["code"].Value)];

    [GeneratedRegex(@"\) : (Error|Warning|Info) (?<code>[^:]+):")]
    private static partial Regex DiagnosticLine();
}

/// <summary>Every file under infra/ built once and linted once for the whole test run: every class reads these.</summary>
internal static class InfraBicep
{
    private static readonly Lazy<BicepBatch> BuildRun = new(() => BicepBatch.Run("build", InfraPaths.Infra, ".bicep"));
    private static readonly Lazy<BicepBatch> LintRun = new(() => BicepBatch.Run("lint", InfraPaths.Infra, ".bicep"));

    public static BicepBatch Build => BuildRun.Value;

    public static BicepBatch Lint => LintRun.Value;
}
