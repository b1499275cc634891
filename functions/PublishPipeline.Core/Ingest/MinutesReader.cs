using System.Security.Cryptography;

namespace PublishPipeline.Ingest;

/// <summary>
/// Entry point of ingest: detects encoding and format and returns the upload's blocks.
/// CONTRACT: keep this signature.
/// </summary>
public static class MinutesReader
{
    /// <summary>Uploads above this are rejected ("too-large"): minutes are text; 32 MiB is far beyond any real one.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    /// <exception cref="MinutesFormatException">The bytes are not minutes text in any supported encoding or format.</exception>
    public static SourceDocument Read(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = string.IsNullOrEmpty(file.Name) ? "(unnamed)" : file.Name;
        var bytes = file.Content.Span;
        if (bytes.Length > MaxBytes)
        {
            throw new MinutesFormatException(name, $"file is {bytes.Length:N0} bytes; the limit is {MaxBytes:N0} bytes ({MaxBytes / (1024 * 1024)} MiB)")
            { Code = "too-large" };
        }

        if (bytes.IsEmpty)
        {
            throw new MinutesFormatException(name, "file is empty (0 bytes)") { Code = "empty" };
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        try
        {
            var (format, encodingName, blocks) = ReadBlocks(name, file);
            if (blocks.Count == 0)
            {
                throw new MinutesFormatException(name, $"no text found in the {format} file") { Code = "empty" };
            }

            return new SourceDocument(name, format, encodingName, blocks, sha256, bytes.Length);
        }
        catch (MinutesFormatException)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or IOException
            or System.Xml.XmlException or System.IO.InvalidDataException or NotSupportedException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            // A library choked on malformed input: say so, with the file name, never crash the caller.
            throw new MinutesFormatException(name, "cannot be read: " + ex.Message, null, ex) { Code = "format" };
        }
    }

    private static (SourceFormat Format, string EncodingName, List<SourceBlock> Blocks) ReadBlocks(string name, SourceFile file)
    {
        var bytes = file.Content.Span;
        if (DocxReader.LooksLikeZip(bytes) || Path.GetExtension(name).Equals(".docx", StringComparison.OrdinalIgnoreCase))
        {
            return (SourceFormat.Docx, "ooxml", DocxReader.Read(name, file.Content));
        }

        var decoded = SourceDecoder.Decode(name, bytes);
        if (string.IsNullOrWhiteSpace(decoded.Text.Replace('\uFEFF', ' ')))
        {
            throw new MinutesFormatException(name, $"file has only whitespace ({bytes.Length:N0} bytes, {decoded.EncodingName})")
            { Code = "empty" };
        }

        var text = decoded.Text.StartsWith('\uFEFF') ? decoded.Text[1..] : decoded.Text;
        if (HtmlPageReader.LooksLikePage(text, name))
        {
            return (SourceFormat.Html, decoded.EncodingName, HtmlPageReader.Read(text));
        }

        var extension = Path.GetExtension(name);
        if (extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase)
            || MarkdownReader.LooksLikeMarkdown(text))
        {
            return (SourceFormat.Markdown, decoded.EncodingName, MarkdownReader.Read(text));
        }

        return (SourceFormat.Text, decoded.EncodingName, PlainTextReader.Read(text));
    }
}
