using BenchmarkDotNet.Configs;
using PublishPipeline.Ingest;

namespace PublishPipeline.Bench;

/// <summary>
/// The dev corpus uploads, found beside the repository (../shared/devcorpus/uploads), or where
/// MINUTES_DEVCORPUS says (a worktree is not beside the corpus).
/// </summary>
internal static class DevCorpus
{
    private static readonly Lazy<string> Folder = new(() => Environment.GetEnvironmentVariable("MINUTES_DEVCORPUS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(Path.GetDirectoryName(BenchSamples.Folder)!, "..", "shared", "devcorpus", "uploads"));

    public static SourceFile[] Uploads() =>
        Directory.Exists(Folder.Value)
            ? [.. Directory.GetFiles(Folder.Value).Order(StringComparer.Ordinal).Select(f => new SourceFile(Path.GetFileName(f), File.ReadAllBytes(f)))]
            : throw new DirectoryNotFoundException($"{Folder.Value}: the dev corpus is not beside the repository");

    public static long Bytes(int scale) => Uploads().Sum(u => (long)u.Content.Length) * scale;
}

/// <summary>An MB/s column over the dev corpus' bytes (mean time of one operation, one thread).</summary>
internal sealed class DevCorpusThroughputConfig : ManualConfig
{
    public DevCorpusThroughputConfig() => AddColumn(new SampleThroughputConfig.MegabytesPerSecondColumn(DevCorpus.Bytes));
}
