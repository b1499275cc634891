using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PublishPipeline.Tests;

namespace PublishPipeline.Ingest.Tests;

/// <summary>`minutes normalize` run as the real program, on real files in a temporary folder.</summary>
public sealed class NormalizeCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("minutes-normalize-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static (int ExitCode, string Stdout, string Stderr) Minutes(params string[] args) => MinutesProcess.Run(args);

    private string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(p => p, p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))));

    [Fact]
    public void Bad_file_goes_to_stderr_as_name_line_message_with_exit_1()
    {
        var png = Write("scan.png", [0x89, .. "PNG\r\n\u001a\n"u8, 0, 0, 0, 0x0D, .. "IHDR"u8]);

        var (exit, stdout, stderr) = Minutes("normalize", png);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("scan.png:3: binary data, not text", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, Minutes("normalize", Path.Combine(root, "missing.txt")).ExitCode);
        var (exit, _, stderr) = Minutes("normalize", root);
        Assert.Equal(2, exit);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_reports_every_failure_in_summary_and_keeps_inputs()
    {
        var input = Path.Combine(root, "in");
        Write("in/empty.txt", []);
        Write("in/scan.png", [0x89, .. "PNG\r\n\u001a\n"u8, 0, 0, 0, 0x0D]);
        Write("in/sub/broken.docx", Variants.Docx([new ParagraphBlock(1, "会議録")])[..200]);
        Write("in/bad.txt", [.. "会議録\n議題 "u8, 0xFF, 0xFE, 0x80]);
        var before = Hashes(input);
        var output = Path.Combine(root, "out");

        var (exit, _, stderr) = Minutes("normalize", input, "--out", output);

        Assert.Equal(1, exit);
        Assert.Equal(before, Hashes(input));
        Assert.Contains("bad.txt:2: ", stderr, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        var failures = summary.RootElement.GetProperty("failures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("code").GetString());
        Assert.Equal(
            new Dictionary<string, string?> { ["bad.txt"] = "encoding", ["empty.txt"] = "empty", ["scan.png"] = "encoding", ["sub/broken.docx"] = "docx" },
            failures);
        Assert.Equal(4, summary.RootElement.GetProperty("failed").GetInt32());
        Assert.Equal(["summary.json"], Directory.GetFiles(output).Select(Path.GetFileName));
    }

    [Fact]
    public void Never_overwrites_an_input()
    {
        var input = Path.Combine(root, "in");
        Write("in/a.txt", File.ReadAllBytes(RepoPaths.Sample("000")));
        Write("in/a.txt.json", "{\"mine\": true}"u8.ToArray());
        var before = Hashes(input);

        var (exit, _, stderr) = Minutes("normalize", input, "--out", input);

        Assert.Equal(1, exit);
        Assert.Contains("a.txt: the output would overwrite an input file", stderr, StringComparison.Ordinal);
        Assert.Equal("{\"mine\": true}", File.ReadAllText(Path.Combine(input, "a.txt.json")));
        Assert.Equal(before[Path.Combine(input, "a.txt")], Hashes(input)[Path.Combine(input, "a.txt")]);
    }

    [Fact]
    public void Samples_folder_normalises_every_sample()
    {
        var output = Path.Combine(root, "out");

        var (exit, _, stderr) = Minutes("normalize", RepoPaths.Samples, "--out", output);

        Assert.True(exit == 0, stderr);
        foreach (var sample in RepoPaths.SampleFiles)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, Path.GetFileName(sample) + ".json")));
            Assert.Equal(global::PublishPipeline.Model.MinutesId.FromSourceName(Path.GetFileName(sample)), json.RootElement.GetProperty("id").GetString());
        }

        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        Assert.Equal(RepoPaths.SampleFiles.Count, summary.RootElement.GetProperty("normalized").GetInt32());
        Assert.Empty(Directory.GetFiles(output, "*.tmp-*"));
    }

    [Fact]
    public void Single_file_prints_the_json()
    {
        var (exit, stdout, stderr) = Minutes("normalize", RepoPaths.Sample("001"));

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Contains("行政情報化推進本部", json.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
