using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
using PublishPipeline.Tests;

namespace PublishPipeline.Normalization.Tests;

/// <summary>The five real samples, read by the real reader and normalised once for all sample tests.</summary>
public sealed class SampleFixture
{
    private readonly Dictionary<string, Minutes> _byPrefix = new(StringComparer.Ordinal);

    public SampleFixture()
    {
        foreach (var path in RepoPaths.SampleFiles)
        {
            var file = new SourceFile("samples/" + Path.GetFileName(path), File.ReadAllBytes(path));
            _byPrefix[Path.GetFileName(path)[..3]] = MinutesNormalizer.Normalize(file);
        }
    }

    public Minutes this[string prefix] => _byPrefix[prefix];

    public IEnumerable<Minutes> All => _byPrefix.Values;
}
