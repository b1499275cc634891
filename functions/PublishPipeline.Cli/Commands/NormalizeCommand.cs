using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;

namespace PublishPipeline.Cli.Commands;

/// <summary>
/// `minutes normalize FILE` prints one normalised document; `minutes normalize DIR --out DIR` writes
/// `&lt;input file name&gt;.json` per input plus `summary.json`. Errors go to stderr as "name:line: message";
/// the exit code is 0 when every input was normalised, 1 when any failed, 2 for a usage error.
/// </summary>
internal static class NormalizeCommand
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int UsageError = 2;

    private static readonly JsonSerializerOptions SummaryJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        NewLine = "\n",
    };

    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A minutes file (text, Markdown, HTML, .docx) or a folder of them." };
        var output = new Option<string?>("--out", "-o") { Description = "Folder for <input file name>.json and summary.json (required for a folder)." };
        var command = new Command("normalize", "Read minutes uploads and write the normalised JSON document (会議録).")
        {
            input,
            output,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(input)!,
            parseResult.GetValue(output),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string input, string? outDirectory, TextWriter stdout, TextWriter stderr)
    {
        if (Directory.Exists(input))
        {
            if (string.IsNullOrWhiteSpace(outDirectory))
            {
                stderr.WriteLine($"minutes normalize: {input} is a folder; give --out DIR for the JSON files.");
                return UsageError;
            }

            return RunDirectory(Path.GetFullPath(input), Path.GetFullPath(outDirectory), stderr);
        }

        if (!File.Exists(input))
        {
            stderr.WriteLine($"minutes normalize: {input}: no such file or folder.");
            return UsageError;
        }

        var name = Path.GetFileName(input);
        var result = Normalize(input, name);
        if (result.Error is not null)
        {
            stderr.WriteLine(result.Error.Display);
            return SomeFailed;
        }

        if (outDirectory is null)
        {
            stdout.Write(Encoding.UTF8.GetString(result.Json!));
            stdout.WriteLine();
            return Ok;
        }

        var target = Path.Combine(Path.GetFullPath(outDirectory), name + ".json");
        if (SamePath(target, Path.GetFullPath(input)))
        {
            stderr.WriteLine($"{name}: refusing to overwrite the input with its JSON.");
            return SomeFailed;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        WriteAtomically(target, result.Json!);
        return Ok;
    }

    private static int RunDirectory(string inputRoot, string outRoot, TextWriter stderr)
    {
        // Inputs are listed before anything is written, so outputs never become inputs of this run.
        var skipped = new List<string>();
        var inputs = InputFiles.Enumerate(inputRoot, skipped)
            .Where(path => !IsUnder(path, outRoot) || SamePath(inputRoot, outRoot))
            .ToList();
        foreach (var skip in skipped)
        {
            stderr.WriteLine($"skipped: {skip}");
        }

        var inputSet = new HashSet<string>(inputs, StringComparer.Ordinal);
        var ok = new List<SummaryOk>();
        var failed = new List<SummaryFailed>();
        Directory.CreateDirectory(outRoot);

        foreach (var path in inputs)
        {
            var relative = Path.GetRelativePath(inputRoot, path).Replace('\\', '/');
            var outputRelative = relative + ".json";
            var target = Path.Combine(outRoot, outputRelative);
            if (inputSet.Contains(target) || (relative == "summary.json" && SamePath(inputRoot, outRoot)))
            {
                var reason = new FileError(relative, "overwrite", null, "the output would overwrite an input file; choose another --out folder");
                stderr.WriteLine(reason.Display);
                failed.Add(new SummaryFailed(relative, reason.Code, reason.Line, reason.Message));
                continue;
            }

            var result = Normalize(path, relative);
            if (result.Error is { } error)
            {
                stderr.WriteLine(error.Display);
                failed.Add(new SummaryFailed(relative, error.Code, error.Line, error.Message));
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            WriteAtomically(target, result.Json!);
            ok.Add(new SummaryOk(relative, outputRelative, result.Minutes!.Id, result.Minutes.Warnings.Count));
        }

        var summaryPath = Path.Combine(outRoot, "summary.json");
        if (inputSet.Contains(summaryPath))
        {
            stderr.WriteLine("summary.json: not written, it would overwrite an input file.");
            return SomeFailed;
        }

        var summary = new Summary(inputRoot, inputs.Count, ok.Count, failed.Count, ok, failed);
        WriteAtomically(summaryPath, JsonSerializer.SerializeToUtf8Bytes(summary, SummaryJson));
        stderr.WriteLine($"minutes normalize: {ok.Count} normalised, {failed.Count} failed → {outRoot}");
        return failed.Count == 0 ? Ok : SomeFailed;
    }

    private static FileResult Normalize(string path, string name)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MinutesReader.MaxBytes)
            {
                // Do not load a huge file just to reject it.
                return new(null, null, new FileError(name, "too-large", null, $"file is {length:N0} bytes; the limit is {MinutesReader.MaxBytes:N0} bytes"));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(null, null, new FileError(name, "io", null, "cannot read: " + ex.Message));
        }

        try
        {
            var minutes = MinutesNormalizer.Normalize(new SourceFile(name, bytes));
            return new(minutes, MinutesJson.Serialize(minutes), null);
        }
        catch (MinutesFormatException ex)
        {
            return new(null, null, new FileError(ex.SourceName ?? name, ex.Code, ex.Line, ex.Message));
        }
#pragma warning disable CA1031 // One broken upload must not stop a batch; the failure is reported, not hidden.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new(null, null, new FileError(name, "internal", null, $"internal error ({ex.GetType().Name}): {ex.Message}"));
        }
    }

    /// <summary>Write next to the target, then rename: a reader never sees half a JSON file.</summary>
    private static void WriteAtomically(string target, byte[] content)
    {
        var temporary = target + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, target, overwrite: true);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private sealed record FileResult(Minutes? Minutes, byte[]? Json, FileError? Error);

    private sealed record FileError(string Name, string Code, int? Line, string Message)
    {
        public string Display => Line is int line ? $"{Name}:{line}: {Message}" : $"{Name}: {Message}";
    }

    private sealed record Summary(string Input, int Total, int Normalized, int Failed, IReadOnlyList<SummaryOk> Ok, IReadOnlyList<SummaryFailed> Failures);

    private sealed record SummaryOk(string File, string Output, string Id, int Warnings);

    private sealed record SummaryFailed(string File, string Code, int? Line, string Reason);
}
