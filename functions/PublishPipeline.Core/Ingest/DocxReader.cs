namespace PublishPipeline.Ingest;

/// <summary>Word .docx via DocumentFormat.OpenXml.</summary>
internal static class DocxReader
{
    /// <summary>A zip local-file header: .docx, or some other zip that is not minutes.</summary>
    public static bool LooksLikeZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    public static List<SourceBlock> Read(string name, ReadOnlyMemory<byte> content)
    {
        _ = content;
        throw new MinutesFormatException(name, ".docx reading is not available yet") { Code = "docx" };
    }
}
