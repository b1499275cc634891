namespace PublishPipeline.Ingest;

/// <summary>
/// Entry point of ingest: detects encoding and format and returns the upload's blocks.
/// CONTRACT (skeleton, implemented under issue #2): keep this signature.
/// </summary>
public static class MinutesReader
{
    /// <exception cref="MinutesFormatException">The bytes are not minutes text in any supported encoding or format.</exception>
    public static SourceDocument Read(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        throw new NotImplementedException("ingest: implemented under issue #2");
    }
}
