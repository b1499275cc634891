using PublishPipeline.LocalSite;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// A re-publish hashes only the inputs whose size or last-write time changed since they were last
/// hashed; when the stat changed, the content decides (a touch is no change, other bytes of the
/// same size are).
/// </summary>
public sealed class InputStampTests : IDisposable
{
    private static readonly DateTime Written = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-inputs-");

    public void Dispose() => _root.Delete(recursive: true);

    private Task<FolderPublishReport> PublishAsync(Dictionary<string, string> inputs) =>
        new FolderPublisher(new MinutesPipeline(
            new FileSystemObjectStore(Path.Combine(_root.FullName, "work"), new Dictionary<string, string> { [Containers.Web] = Path.Combine(_root.FullName, "site") }),
            new Redactor(new RedactionPolicy()),
            new SiteBuilder(new SiteOptions()))).PublishAsync(inputs);

    [Fact]
    public async Task Inputs_are_hashed_again_only_when_their_stat_changed_and_then_the_content_decides()
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        Directory.CreateDirectory(Path.Combine(_root.FullName, "in"));
        foreach (var n in new[] { 1, 2, 3 })
        {
            var file = Path.Combine(_root.FullName, "in", $"{n}.txt");
            await File.WriteAllBytesAsync(file, TestUploads.PublicMinutes(n));
            File.SetLastWriteTimeUtc(file, Written); // settled: stamped when hashed
            inputs[$"{n}.txt"] = file;
        }

        Assert.Equal(3, (await PublishAsync(inputs)).Count(DocumentOutcome.Published));

        // 1: touched only. 2: other bytes of the same size, with a new time. 3: other bytes of the
        // same size with the old time put back (cp -p of another version): the stat is trusted,
        // so this one is not read — the documented limit of the shortcut, and the proof that an
        // unchanged stat means no read.
        File.SetLastWriteTimeUtc(inputs["1.txt"], Written.AddMinutes(5));
        foreach (var (name, time) in new[] { ("2.txt", Written.AddMinutes(5)), ("3.txt", Written) })
        {
            var bytes = await File.ReadAllBytesAsync(inputs[name]);
            var at = Array.LastIndexOf(bytes, (byte)'0');
            Assert.True(at >= 0, "a digit to change");
            bytes[at] = (byte)'9';
            await File.WriteAllBytesAsync(inputs[name], bytes);
            File.SetLastWriteTimeUtc(inputs[name], time);
        }

        var again = await PublishAsync(inputs);

        var byName = again.Documents.ToDictionary(d => d.SourceName, StringComparer.Ordinal);
        Assert.True(byName["1.txt"].Unchanged, "a touch is no change");
        Assert.False(byName["2.txt"].Unchanged, "other bytes with a new time: published again");
        Assert.True(byName["3.txt"].Unchanged, "the stat did not change: not read");

        // Without the cache every input is hashed again: 3.txt is found changed.
        Directory.Delete(Path.Combine(_root.FullName, "work", "audit", PipelineNames.StatePrefix + "local", "input-stamps"), recursive: true);
        var full = await PublishAsync(inputs);
        Assert.False(full.Documents.Single(d => d.SourceName == "3.txt").Unchanged);
    }
}
