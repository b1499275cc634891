using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W14 = DocumentFormat.OpenXml.Office2010.Word;

namespace PublishPipeline.Ingest;

/// <summary>
/// Word .docx via DocumentFormat.OpenXml: body paragraphs and tables in reading order. Heading styles
/// (Heading 1–6 / 見出し 1–6 / outline level) become headings, numbered paragraphs list items, and
/// checkbox content controls, legacy form checkboxes and box glyphs ☑/☐. Line = paragraph ordinal
/// (1-based, counting every paragraph in reading order, table cells included).
/// </summary>
internal static partial class DocxReader
{
    // Uncompressed limit: a docx of minutes is a few MiB of XML; more is a zip bomb.
    private static readonly System.Buffers.SearchValues<char> BoxChars = System.Buffers.SearchValues.Create("☒☑☐■□");

    private const long MaxUncompressedBytes = 256L * 1024 * 1024;

    /// <summary>A zip local-file header: .docx, or some other zip that is not minutes.</summary>
    public static bool LooksLikeZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    public static List<SourceBlock> Read(string name, ReadOnlyMemory<byte> content)
    {
        var array = MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? segment
            : new ArraySegment<byte>(content.ToArray());
        CheckZip(name, array);
        try
        {
            using var stream = new MemoryStream(array.Array!, array.Offset, array.Count, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxUncompressedBytes / 2 });
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new MinutesFormatException(name, "not a Word .docx: the zip has no word/document.xml body") { Code = "docx" };
            var reader = new Reader(Styles.From(document.MainDocumentPart!), new ListLabels.WordNumbering(document.MainDocumentPart!));
            reader.ReadContainer(body);
            return reader.Blocks;
        }
        catch (MinutesFormatException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or ReadLimitException))
        {
            // OpenXml and System.IO.Packaging throw many types on damaged packages; all mean the same to the uploader.
            throw new MinutesFormatException(name, "not a readable Word .docx (damaged, truncated or another kind of zip): " + ex.Message, null, ex)
            { Code = "docx" };
        }
    }

    /// <summary>
    /// The zip and its XML, checked before OpenXml reads them: OpenXml builds its tree recursively
    /// (a few thousand nested elements overflow the stack and kill the process) and trusts the sizes a
    /// zip declares. Here every XML part is streamed once without recursion, its real unpacked size
    /// counted, DTDs refused (billion laughs), depth and element count bounded.
    /// </summary>
    private static void CheckZip(string name, ArraySegment<byte> bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > ReadLimits.MaxDocxEntries)
            {
                throw new ReadLimitException($"the .docx holds {zip.Entries.Count:N0} files; Word writes a few dozen, the limit is {ReadLimits.MaxDocxEntries:N0}");
            }

            long total = 0;
            var hasDocument = false;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                hasDocument |= entry.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
                if (entry.Length > 1024 * 1024 && entry.Length > (long)ReadLimits.MaxDocxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    throw new ReadLimitException(
                        $"{entry.FullName} in the .docx expands {entry.Length / Math.Max(1, entry.CompressedLength):N0}× ({entry.CompressedLength:N0} → {entry.Length:N0} bytes); " +
                        $"Word's XML expands 5–20×, more than {ReadLimits.MaxDocxCompressionRatio}× is a zip bomb");
                }
            }

            if (total > MaxUncompressedBytes)
            {
                throw new MinutesFormatException(name, $"the .docx unpacks to {total:N0} bytes; the limit is {MaxUncompressedBytes:N0}") { Code = "too-large" };
            }

            if (!hasDocument)
            {
                throw new MinutesFormatException(name, "a zip archive but not a Word .docx (no [Content_Types].xml)") { Code = "docx" };
            }

            long xmlBytes = 0;
            long elements = 0;
            foreach (var entry in zip.Entries.Where(IsXmlPart))
            {
                ScanXml(name, entry, ref xmlBytes, ref elements);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new MinutesFormatException(name, "not a readable Word .docx (damaged or truncated zip): " + ex.Message, null, ex) { Code = "docx" };
        }
    }

    private static bool IsXmlPart(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    private static void ScanXml(string name, ZipArchiveEntry entry, ref long xmlBytes, ref long elements)
    {
        using var stream = new CountingStream(entry.Open(), entry, xmlBytes);
        var settings = new System.Xml.XmlReaderSettings
        {
            DtdProcessing = System.Xml.DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var reader = System.Xml.XmlReader.Create(stream, settings);
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != System.Xml.XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.Depth > ReadLimits.MaxDepth)
                {
                    throw new ReadLimitException($"{entry.FullName} in the .docx nests XML elements more than {ReadLimits.MaxDepth} deep (XML line {LineOf(reader)}); Word nests a few dozen");
                }

                if (++elements > ReadLimits.MaxDocxXmlElements)
                {
                    throw new ReadLimitException($"the .docx has more than {ReadLimits.MaxDocxXmlElements:N0} XML elements (in {entry.FullName}, XML line {LineOf(reader)})");
                }

                if ((elements & 0x3FF) == 0)
                {
                    ReadLimits.CheckTime("XML element", (int)elements);
                }
            }
        }
        catch (System.Xml.XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new ReadLimitException($"{entry.FullName} in the .docx declares a DTD (<!DOCTYPE …>), which Word never writes: its entities could expand without bound (billion laughs)", ex);
        }
        catch (System.Xml.XmlException ex)
        {
            throw new MinutesFormatException(name, $"not a readable Word .docx: {entry.FullName} is not well-formed XML: {ex.Message}", null, ex) { Code = "docx" };
        }

        xmlBytes = stream.Total;
    }

    private static int LineOf(System.Xml.XmlReader reader) => reader is System.Xml.IXmlLineInfo info ? info.LineNumber : 0;

    /// <summary>Counts what a zip entry really unpacks to (a zip may declare less than it holds) and stops at the limits.</summary>
    private sealed class CountingStream(Stream inner, ZipArchiveEntry entry, long before) : Stream
    {
        public long Total { get; private set; } = before;

        private long own;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            own += n;
            Total += n;
            if (own > entry.Length)
            {
                throw new ReadLimitException($"{entry.FullName} in the .docx unpacks to more than the {entry.Length:N0} bytes its zip header declares (a forged zip)");
            }

            if (Total > ReadLimits.MaxDocxXmlBytes)
            {
                throw new ReadLimitException($"the .docx unpacks to more than {ReadLimits.MaxDocxXmlBytes / (1024 * 1024)} MiB of XML (reached in {entry.FullName}); a 1,000-page minutes document has about 10 MiB");
            }

            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => own; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class Reader(Styles styles, ListLabels.WordNumbering numbering)
    {
        public List<SourceBlock> Blocks { get; } = [];

        private int ordinal;

        public void ReadContainer(OpenXmlElement container, int depth = 0)
        {
            CheckDepth(depth);
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        ReadParagraph(paragraph);
                        ReadTextBoxes(paragraph, depth);
                        break;
                    case Table table:
                        ReadTable(table);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } sdtContent:
                        ReadContainer(sdtContent, depth + 1);
                        break;
                    case CustomXmlBlock or SdtContentBlock:
                        ReadContainer(element, depth + 1);
                        break;
                }
            }
        }

        /// <summary>
        /// The text boxes anchored in a paragraph, after its text: a stamp or note (非公開, 午前10時開会) a reader
        /// sees. Word writes each box twice, as a drawing and as a VML fallback; the fallback is not read.
        /// </summary>
        private void ReadTextBoxes(Paragraph paragraph, int depth)
        {
            foreach (var box in paragraph.Descendants<TextBoxContent>())
            {
                // A box inside a box is read with the box's paragraph that holds it.
                if (!IsFallback(box) && box.Ancestors<Paragraph>().FirstOrDefault() == paragraph)
                {
                    ReadContainer(box, depth + 1);
                }
            }
        }

        private static bool IsFallback(OpenXmlElement element) => element.Ancestors<AlternateContentFallback>().Any();

        private void ReadParagraph(Paragraph paragraph)
        {
            var line = ++ordinal;
            ReadLimits.CheckTime("paragraph", line);
            var properties = paragraph.ParagraphProperties;
            if (properties?.PageBreakBefore is { } before && (before.Val is null || before.Val.Value))
            {
                Blocks.Add(new PageBreakBlock(line, "\f"));
            }

            var text = LabelledText(paragraph);
            var first = true;
            foreach (var range in text.AsSpan().Split('\f'))
            {
                if (!first)
                {
                    Blocks.Add(new PageBreakBlock(line, "\f"));
                }

                first = false;
                AddText(text[range], line, paragraph);
            }
        }

        private void AddText(string text, int line, Paragraph paragraph)
        {
            text = text.Trim('\n');
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            var special = text.Contains('\t', StringComparison.Ordinal) || HtmlBlocks.LooksLikeHtml(text);
            foreach (var piece in text.Split('\n'))
            {
                special |= SourceMarks.IsBracketMarker(piece, out _) || SourceMarks.IsPageBreakDebris(piece);
            }

            if (special)
            {
                // Tabs, markup, markers and rulers read exactly as in a text file, one line at a time.
                foreach (var piece in text.Split('\n'))
                {
                    Blocks.AddRange(PlainTextReader.Read(piece, line));
                }

                return;
            }

            if (styles.HeadingLevel(paragraph) is int level)
            {
                Blocks.Add(new HeadingBlock(line, level, text.Replace('\n', ' ').Trim()));
            }
            else
            {
                Blocks.Add(new ParagraphBlock(line, text.TrimEnd(), styles.NumberingOf(paragraph) is not null));
            }
        }

        /// <summary>The paragraph's text with its automatic number ("(1) ", "ア ") in front, counted in reading order.</summary>
        private string LabelledText(Paragraph paragraph)
        {
            var text = ParagraphText(paragraph, styles);
            if (styles.NumberingOf(paragraph) is not { } reference)
            {
                return text;
            }

            var label = numbering.Next(reference.NumId, reference.Level);
            return label + text;
        }

        private void ReadTable(Table table)
        {
            foreach (var row in table.Elements<TableRow>())
            {
                var line = ordinal + 1;
                var cells = new List<TableCell>();
                foreach (var cell in row.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>())
                {
                    var paragraphs = new List<string>();
                    // In document order a text box's paragraphs follow the one that holds it; its fallback copy is not read.
                    foreach (var paragraph in cell.Descendants<Paragraph>().Where(p => !IsFallback(p)))
                    {
                        ordinal++;
                        foreach (var piece in LabelledText(paragraph).Split('\n', '\f'))
                        {
                            paragraphs.AddRange(PlainTextReader.CellParagraphs(piece.Replace('\t', ' ')));
                        }
                    }

                    cells.Add(new TableCell(paragraphs));
                }

                if (cells.Count > 0 && cells.Any(c => c.Paragraphs.Count > 0))
                {
                    Blocks.Add(new TableRowBlock(line, cells));
                }
            }
        }
    }

    /// <summary>The visible text of a paragraph: runs, tabs, breaks (\n; page break \f), checkboxes as ☑/☐.</summary>
    internal static string ParagraphText(Paragraph paragraph) => ParagraphText(paragraph, null);

    private static string ParagraphText(Paragraph paragraph, Styles? styles)
    {
        var builder = new StringBuilder();
        Append(paragraph, builder);
        if (BoldLabel(paragraph, styles) is { } label && builder.Length > label.Length && builder.ToString(0, label.Length) == label)
        {
            builder.Insert(label.Length, '\u3000');
        }

        return NormalizeBoxGlyphs(Unicode.TextNormalization.ForReading(builder.ToString()));
    }

    /// <summary>
    /// A speaker label set in bold and run straight into the speech (<c>**事務局（芦田課長）**資料に基づき…</c>): Word shows
    /// it apart by its weight, the text did not, and no label reader took 事務局（芦田課長）資料に… for a speaker. The
    /// bold text that opens the paragraph, when short and no sentence, and plain text follows with no space between.
    /// Bold directly (<c>&lt;w:b/&gt;</c>) or by the run's character style (<c>&lt;w:rStyle w:val="発言者"/&gt;</c> whose style is bold).
    /// </summary>
    private static string? BoldLabel(Paragraph paragraph, Styles? styles)
    {
        var bold = new StringBuilder();
        foreach (var run in paragraph.Elements<Run>())
        {
            if (IsHidden(run.RunProperties))
            {
                continue;
            }

            var text = string.Concat(run.Elements<Text>().Select(t => t.Text));
            if (run.Elements<TabChar>().Any() || run.Elements<Break>().Any())
            {
                return null;
            }

            if (text.Length == 0)
            {
                continue;
            }

            if (IsBold(run.RunProperties, styles))
            {
                bold.Append(text);
                if (bold.Length > 20)
                {
                    return null;
                }

                continue;
            }

            var label = bold.ToString();
            return label.Length > 0 && !char.IsWhiteSpace(label[^1]) && !char.IsWhiteSpace(text[0]) && !label.Contains('。', StringComparison.Ordinal) ? label : null;
        }

        return null;
    }

    // A direct <w:b/> (or <w:b w:val="0"/>) decides; else the character style's, as Word shows it. Before, a label set in
    // bold by a style (Word's 強調太字, a ward's 発言者 style) ran into the speech and no speaker was read.
    private static bool IsBold(RunProperties? properties, Styles? styles) =>
        properties?.Bold is { } b ? b.Val is null || b.Val.Value : styles?.RunStyleIsBold(properties?.RunStyle?.Val?.Value) == true;

    private static void CheckDepth(int depth)
    {
        if (depth > HtmlBlocks.MaxDepth)
        {
            throw new ReadLimitException($"Word elements are nested more than {ReadLimits.MaxDepth} deep");
        }
    }

    private static void Append(OpenXmlElement element, StringBuilder builder, int depth = 0)
    {
        CheckDepth(depth);
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    builder.Append(text.Text);
                    break;
                case TabChar or PositionalTab:
                    builder.Append('\t');
                    break;
                case Break brk:
                    builder.Append(brk.Type?.Value == BreakValues.Page ? '\f' : '\n');
                    break;
                case CarriageReturn:
                    builder.Append('\n');
                    break;
                case NoBreakHyphen:
                    builder.Append('-');
                    break;
                case SymbolChar symbol:
                    builder.Append(Symbol(symbol));
                    break;
                case SdtRun sdt when sdt.SdtProperties?.GetFirstChild<W14.SdtContentCheckBox>() is { } checkBox:
                    builder.Append(IsOn(checkBox.Checked) ? '☑' : '☐');
                    break;
                case FieldChar field when field.FormFieldData?.GetFirstChild<CheckBox>() is { } legacy:
                    var state = legacy.GetFirstChild<Checked>() is { } checkedState
                        ? checkedState.Val is null || checkedState.Val.Value
                        : legacy.GetFirstChild<DefaultCheckBoxFormFieldState>()?.Val?.Value ?? false;
                    builder.Append(state ? '☑' : '☐');
                    break;
                case Run run when IsHidden(run.RunProperties):
                    // Hidden text (w:vanish) is not what a reader sees; often it is exactly what
                    // someone meant to keep out of the document, so it must never reach a page.
                    break;
                case DeletedRun or MoveFromRun or FieldCode or DeletedFieldCode or ParagraphProperties or RunProperties
                    or Drawing or Picture or EmbeddedObject or AlternateContent:
                    // Tracked deletions, field instructions and drawings are not the text a reader sees.
                    break;
                case RubyContent or RubyProperties:
                    // The ruby reading (w:rt) comes before its base: read, it ran into the name (かしわぎ柏木).
                    break;
                default:
                    Append(child, builder, depth + 1);
                    break;
            }
        }
    }

    private static bool IsHidden(RunProperties? properties) =>
        properties is not null
        && ((properties.Vanish is { } vanish && (vanish.Val is null || vanish.Val.Value))
            || (properties.SpecVanish is { } special && (special.Val is null || special.Val.Value)));

    private static bool IsOn(W14.Checked? checkedElement)
    {
        if (checkedElement is null)
        {
            return false;
        }

        var value = checkedElement.GetAttributes().FirstOrDefault(a => a.LocalName == "val").Value;
        return value is null or "1" or "true" or "on";
    }

    /// <summary>Wingdings/Webdings/MS Gothic box symbols inserted with Insert → Symbol.</summary>
    private static string Symbol(SymbolChar symbol)
    {
        if (symbol.Char?.Value is not { } hex || !int.TryParse(hex, System.Globalization.NumberStyles.HexNumber, null, out var code))
        {
            return string.Empty;
        }

        var font = symbol.Font?.Value ?? string.Empty;
        code = code >= 0xF000 ? code - 0xF000 : code;
        if (font.StartsWith("Wingdings", StringComparison.OrdinalIgnoreCase))
        {
            return code switch
            {
                0xFE or 0xFD or 0x78 => "☑",
                0xA8 or 0x6F or 0x71 => "☐",
                _ => string.Empty,
            };
        }

        return code is > 0x20 and < 0xD800 ? ((char)code).ToString() : string.Empty;
    }

    /// <summary>
    /// ☒/☑ → ☑ and ☐ always; ■/□ only in a choice list (two or more boxes in one paragraph, e.g.
    /// "□公開 ■非公開 □一部非公開"), since a lone ■ is usually a bullet.
    /// </summary>
    private static string NormalizeBoxGlyphs(string text)
    {
        if (!text.AsSpan().ContainsAny(BoxChars))
        {
            return text;
        }

        text = text.Replace('☒', '☑');
        if (BoxGlyph().Count(text) >= 2)
        {
            text = text.Replace('■', '☑').Replace('□', '☐');
        }

        return text;
    }

    [GeneratedRegex("[■□☐☑]")]
    private static partial Regex BoxGlyph();

    /// <summary>Heading and numbering facts from styles.xml, following basedOn chains.</summary>
    private sealed partial class Styles
    {
        private readonly Dictionary<string, Style> byId;

        private Styles(Dictionary<string, Style> byId) => this.byId = byId;

        public static Styles From(MainDocumentPart part)
        {
            var styles = part.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [];
            var map = new Dictionary<string, Style>(StringComparer.Ordinal);
            foreach (var style in styles)
            {
                if (style.StyleId?.Value is { } id)
                {
                    map.TryAdd(id, style);
                }
            }

            return new Styles(map);
        }

        public int? HeadingLevel(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties;
            if (properties?.OutlineLevel?.Val?.Value is int direct)
            {
                return direct is >= 0 and <= 5 ? direct + 1 : null;
            }

            foreach (var style in Chain(properties?.ParagraphStyleId?.Val?.Value))
            {
                if (style.StyleName?.Val?.Value is { } name)
                {
                    var match = HeadingName().Match(name);
                    if (match.Success)
                    {
                        return match.Groups[1].Value[0] - '0';
                    }

                    if (name.Equals("Title", StringComparison.OrdinalIgnoreCase) || name == "表題")
                    {
                        return 1;
                    }
                }

                if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is int level)
                {
                    return level is >= 0 and <= 5 ? level + 1 : null;
                }
            }

            return null;
        }

        /// <summary>The list a paragraph belongs to (w:numPr on it or its style); null when not numbered (numId 0 = removed).</summary>
        public (int NumId, int Level)? NumberingOf(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties;
            var direct = properties?.NumberingProperties;
            if (direct?.NumberingId?.Val?.Value is int id)
            {
                return id == 0 ? null : (id, direct.NumberingLevelReference?.Val?.Value ?? 0);
            }

            foreach (var style in Chain(properties?.ParagraphStyleId?.Val?.Value))
            {
                var fromStyle = style.StyleParagraphProperties?.NumberingProperties;
                if (fromStyle?.NumberingId?.Val?.Value is int styleId)
                {
                    return styleId == 0 ? null : (styleId, direct?.NumberingLevelReference?.Val?.Value ?? fromStyle.NumberingLevelReference?.Val?.Value ?? 0);
                }
            }

            return null;
        }

        /// <summary>Whether a character style (or one it is based on) sets bold: the nearest that says decides.</summary>
        public bool RunStyleIsBold(string? runStyleId)
        {
            foreach (var style in Chain(runStyleId))
            {
                if (style.StyleRunProperties?.Bold is { } b)
                {
                    return b.Val is null || b.Val.Value;
                }
            }

            return false;
        }

        private IEnumerable<Style> Chain(string? styleId)
        {
            for (var depth = 0; styleId is not null && depth < 16 && byId.TryGetValue(styleId, out var style); depth++)
            {
                yield return style;
                styleId = style.BasedOn?.Val?.Value;
            }
        }

        [GeneratedRegex(@"^(?:heading|見出し)\s*([1-6])$", RegexOptions.IgnoreCase)]
        private static partial Regex HeadingName();
    }
}
