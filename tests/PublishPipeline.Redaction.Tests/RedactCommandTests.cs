using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PublishPipeline.Tests;

namespace PublishPipeline.Redaction.Tests;

/// <summary>`minutes redact` run as the real program.</summary>
public sealed class RedactCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("minutes-redact-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static (int ExitCode, string Stdout, string Stderr) Minutes(params string[] args) => MinutesProcess.Run(args);

    private string Copy(string prefix)
    {
        var source = RepoPaths.Sample(prefix);
        var path = Path.Combine(root, Path.GetFileName(source));
        File.Copy(source, path);
        return path;
    }

    [Fact]
    public void Publishable_upload_prints_the_redacted_json_and_writes_the_audit()
    {
        var upload = Copy("004");
        var audit = Path.Combine(root, "audit.json");
        var (exit, stdout, stderr) = Minutes("redact", upload, "--unknown-disclosure", "Publish", "--audit", audit);

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("〇〇委員(会長)", doc.RootElement.GetProperty("attendees")[0].GetProperty("members")[0].GetString());
        Assert.DoesNotContain("阿子島", stdout);
        Assert.Contains("publishable", stderr);
        Assert.Contains("阿子島", File.ReadAllText(audit));
    }

    [Fact]
    public void Held_upload_prints_the_hold_report_with_exit_3_and_the_sidecar_releases_it()
    {
        var upload = Copy("003");
        var (exit, stdout, stderr) = Minutes("redact", upload);
        Assert.Equal(3, exit);
        using (var hold = JsonDocument.Parse(stdout))
        {
            Assert.Contains("一部非公開", hold.RootElement.GetProperty("reasons")[0].GetString());
        }

        Assert.Contains("HELD", stderr);

        File.WriteAllText(upload + ".public-version", "");
        var (exit2, stdout2, _) = Minutes("redact", upload);
        Assert.Equal(0, exit2);
        Assert.DoesNotContain("齊藤", stdout2);
        Assert.Contains("〇〇副区長", stdout2);
    }

    [Fact]
    public void Pseudonyms_option_and_missing_file()
    {
        var upload = Copy("004");
        var (exit, stdout, _) = Minutes("redact", upload, "--unknown-disclosure", "Publish", "--pseudonyms");
        Assert.Equal(0, exit);
        Assert.Contains("A委員(会長)", stdout);

        var (missing, _, stderr) = Minutes("redact", Path.Combine(root, "nothing.txt"));
        Assert.Equal(2, missing);
        Assert.Contains("no such file", stderr);
    }
}
