using System.Security.Cryptography;
using System.Text;
using PublishPipeline.Unicode;

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
        var read = Open(file);
        return new SourceDocument(read.Name, read.Format, read.EncodingName, [.. read.Blocks], read.Sha256, read.Length);
    }

    /// <summary>
    /// What <see cref="Read"/> reads, with the blocks handed on as they are read where the format
    /// allows (plain UTF-8 text, a line at a time), so a consumer that keeps only what it makes of
    /// them never holds all of them. The blocks can be enumerated once; a failure while reading them
    /// is the same <see cref="MinutesFormatException"/> <see cref="Read"/> throws.
    /// </summary>
    /// <exception cref="MinutesFormatException">The bytes are not minutes text in any supported encoding or format.</exception>
    internal static SourceBlocks Open(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        // The name as the document will carry it: NFC, so both spellings of one name read alike.
        var name = string.IsNullOrEmpty(file.Name) ? "(unnamed)" : TextNormalization.ToNfc(file.Name);
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
        using var clock = ReadLimits.Start();
        try
        {
            var (format, encodingName, blocks) = ReadBlocks(name, file);
            return new SourceBlocks(name, format, encodingName, sha256, bytes.Length, blocks, ReadLimits.Remaining());
        }
        catch (Exception ex) when (Failure(name, ex) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>
    /// An exception of a reader as the upload's failure to read; null for one that is not the
    /// upload's (a bug, cancellation) or already says so (a <see cref="MinutesFormatException"/>).
    /// </summary>
    internal static MinutesFormatException? Failure(string name, Exception ex) => ex switch
    {
        // More work than any minutes need: quarantined with the limit and the place, never read on.
        ReadLimitException limit => new MinutesFormatException(name, limit.Message, limit.Line, limit) { Code = "limit" },
        // A library choked on malformed input: say so, with the file name, never crash the caller.
        InvalidOperationException or ArgumentException or FormatException or IOException or System.Xml.XmlException
            or System.IO.InvalidDataException or NotSupportedException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException
            => new MinutesFormatException(name, "cannot be read: " + ex.Message, null, ex) { Code = "format" },
        _ => null,
    };

    /// <summary>
    /// A block's text in NFC with the safe compatibility folds (<see cref="TextNormalization.ForReading"/>):
    /// text the readers produced from entities (&amp;#x3099;) or .docx runs split inside a character.
    /// Already composed text is returned as it is, so this costs one scan.
    /// </summary>
    internal static SourceBlock Composed(SourceBlock block)
    {
        static string F(string text) => TextNormalization.ForReading(text);

        // A block is copied only when its text changed: most are composed already.
        return block switch
        {
            HeadingBlock h when F(h.Text) is var t && !ReferenceEquals(t, h.Text) => h with { Text = t },
            ParagraphBlock p when F(p.Text) is var t && !ReferenceEquals(t, p.Text) => p with { Text = t },
            TableRowBlock r when !Composed(r) => new TableRowBlock(r.Line, [.. r.Cells.Select(c => new TableCell([.. c.Paragraphs.Select(F)]))]),
            DisclosureMarkerBlock m when F(m.Marker) is var t && !ReferenceEquals(t, m.Marker) => m with { Marker = t },
            var other => other,
        };
    }

    /// <summary>
    /// The blocks of the most common uploads, plain UTF-8 text or Markdown already in reading form,
    /// read from their bytes as they are asked for (text a line at a time, Markdown a part at a time):
    /// the upload's text is never decoded whole (the lines or parts are its only copy). What decides
    /// the format is at its start, so only the first 5,000 lines are decoded to tell it. Null for any
    /// other upload (another encoding, an HTML page, text that needs composing, only white space),
    /// which the general path decodes whole and reads as before.
    /// </summary>
    private static (SourceFormat Format, IEnumerable<SourceBlock> Blocks)? PlainUtf8Text(string name, ReadOnlyMemory<byte> content)
    {
        var bytes = content.Span;
        if (!SourceDecoder.IsPlainUtf8(bytes))
        {
            return null;
        }

        // Through the end of line 5,001: LooksLikeMarkdown reads 5,000 lines at most.
        var head = bytes;
        for (int lines = 0, at = 0, next; lines < 5001 && (next = bytes[at..].IndexOf((byte)'\n')) >= 0; lines++)
        {
            at += next + 1;
            head = bytes[..at];
        }

        bool markdown;
        var buffer = CharBuffers.Rent(Encoding.UTF8.GetCharCount(head));
        try
        {
            var text = buffer.AsSpan(0, Encoding.UTF8.GetChars(head, buffer));
            // A page starts with "<" (a doctype, <html>, a comment): the general path looks at it whole.
            if (HtmlPageReader.LooksLikePage(text, name) || text.TrimStart() is [] or ['<', ..])
            {
                return null;
            }

            markdown = IsMarkdown(name, text);
        }
        finally
        {
            CharBuffers.Return(buffer);
        }

        return !PlainTextReader.IsReadingText(bytes) ? null
            : markdown ? (SourceFormat.Markdown, MarkdownReader.EachUtf8(content))
            : (SourceFormat.Text, PlainTextReader.EachUtf8(content));
    }

    private static bool IsMarkdown(string name, ReadOnlySpan<char> text)
    {
        var extension = Path.GetExtension(name);
        return extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase)
            || MarkdownReader.LooksLikeMarkdown(text);
    }

    /// <summary>White space and byte-order marks only (checked in place: the text may be tens of MB).</summary>
    internal static bool OnlyWhiteSpace(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c != '\uFEFF' && !char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Composed(TableRowBlock row)
    {
        foreach (var cell in row.Cells)
        {
            foreach (var paragraph in cell.Paragraphs)
            {
                if (!ReferenceEquals(TextNormalization.ForReading(paragraph), paragraph))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Formats staff upload by mistake that would otherwise pass as "binary" or, worse, as text (RTF).</summary>
    private static string? KnownBinaryFormat(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("%PDF-"u8) ? "a PDF file"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) ? "a Word 97–2003 .doc (or other legacy Office) file"
        : bytes.StartsWith("{\\rtf"u8) ? "an RTF file"
        : null;

    private static (SourceFormat Format, string EncodingName, IEnumerable<SourceBlock> Blocks) ReadBlocks(string name, SourceFile file)
    {
        var bytes = file.Content.Span;
        if (DocxReader.LooksLikeZip(bytes) || Path.GetExtension(name).Equals(".docx", StringComparison.OrdinalIgnoreCase))
        {
            return (SourceFormat.Docx, "ooxml", DocxReader.Read(name, file.Content));
        }

        if (KnownBinaryFormat(bytes) is { } kind)
        {
            throw new MinutesFormatException(name, $"{kind}, not minutes text; upload text, Markdown, HTML or Word .docx (save it as .docx)")
            { Code = "format" };
        }

        if (PlainUtf8Text(name, file.Content) is { } plain)
        {
            return (plain.Format, "utf-8", plain.Blocks);
        }

        var decoded = SourceDecoder.Decode(name, bytes);
        if (OnlyWhiteSpace(decoded.Text))
        {
            throw new MinutesFormatException(name, $"file has only whitespace ({bytes.Length:N0} bytes, {decoded.EncodingName})")
            { Code = "empty" };
        }

        // Composed before any reader looks at it, so markers, labels and names match whatever the
        // writer's NFD or half-width spelling (an HTML entity may still decompose: see ComposedBlocks).
        var text = TextNormalization.ForReading(decoded.Text.StartsWith('\uFEFF') ? decoded.Text[1..] : decoded.Text);
        if (HtmlPageReader.LooksLikePage(text, name))
        {
            return (SourceFormat.Html, decoded.EncodingName, HtmlPageReader.Read(text));
        }

        if (IsMarkdown(name, text))
        {
            return (SourceFormat.Markdown, decoded.EncodingName, MarkdownReader.Each(text));
        }

        return (SourceFormat.Text, decoded.EncodingName, PlainTextReader.Read(text));
    }
}
