namespace PublishPipeline.Ingest;

/// <summary>An uploaded file as it arrived: its name inside the upload area and its raw bytes.</summary>
/// <param name="Name">Path inside the upload container or folder, '/'-separated; untrusted.</param>
/// <param name="Content">The raw bytes, never modified.</param>
/// <param name="ContentType">The Content-Type the store reported, if any; a hint only.</param>
public sealed record SourceFile(string Name, ReadOnlyMemory<byte> Content, string? ContentType = null);
