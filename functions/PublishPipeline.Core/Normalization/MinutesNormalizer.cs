using PublishPipeline.Ingest;
using PublishPipeline.Model;

namespace PublishPipeline.Normalization;

/// <summary>
/// Turns an upload's blocks into one structured <see cref="Minutes"/>.
/// CONTRACT (skeleton, implemented under issue #2): keep these signatures.
/// </summary>
public sealed class MinutesNormalizer
{
    /// <summary>Reads and normalises an upload; the id comes from its name.</summary>
    /// <exception cref="MinutesFormatException">The upload is not readable minutes.</exception>
    public static Minutes Normalize(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var source = MinutesReader.Read(file);
        return new MinutesNormalizer().Normalize(source, MinutesId.FromSourceName(file.Name));
    }

    #pragma warning disable CA1822 // becomes instance state (options) when implemented
    public Minutes Normalize(SourceDocument source, string id)
    {
        ArgumentNullException.ThrowIfNull(source);
        throw new NotImplementedException("normalisation: implemented under issue #2 " + id);
    }
#pragma warning restore CA1822
}
