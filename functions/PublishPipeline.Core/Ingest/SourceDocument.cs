namespace PublishPipeline.Ingest;

/// <summary>
/// The upload after decoding and format reading, before any interpretation: a flat sequence of
/// blocks in reading order, whatever the format (text, Markdown, HTML, .docx). Like Markdig's
/// syntax tree, it records what the file says, not what it means; normalisation reads meaning.
/// </summary>
public sealed record SourceDocument(
    string Name,
    SourceFormat Format,
    string EncodingName,
    IReadOnlyList<SourceBlock> Blocks,
    string Sha256,
    long Length);

public enum SourceFormat
{
    /// <summary>Plain text, possibly with tab tables and inline HTML fragments.</summary>
    Text,
    /// <summary>Markdown (headings, lists, tables).</summary>
    Markdown,
    /// <summary>A whole HTML page, e.g. saved from a minutes search system.</summary>
    Html,
    /// <summary>Word .docx.</summary>
    Docx,
}

/// <summary>One block of the upload. <see cref="Line"/> is the 1-based line (or paragraph number for .docx) where it starts.</summary>
public abstract record SourceBlock(int Line);

/// <summary>A heading (Markdown #, HTML h1–h6, a Word heading style). Level 1–6.</summary>
public sealed record HeadingBlock(int Line, int Level, string Text) : SourceBlock(Line);

/// <summary>A paragraph or a plain line of text. Inline markup is already reduced to text.</summary>
/// <param name="ListItem">True when it was a list item (Markdown "- ", HTML li, Word numbering).</param>
public sealed record ParagraphBlock(int Line, string Text, bool ListItem = false) : SourceBlock(Line);

/// <summary>
/// A table row: tab-separated text lines, HTML tr, Word table rows, Markdown table rows.
/// Each cell is a list of paragraphs (HTML &lt;p&gt; inside a cell, Word paragraphs in a cell).
/// Checkboxes are rendered as ☑ (checked) and ☐ (unchecked) followed by their label.
/// </summary>
public sealed record TableRowBlock(int Line, IReadOnlyList<TableCell> Cells) : SourceBlock(Line)
{
    // Value equality over the cells (a record compares list references by default).
    public bool Equals(TableRowBlock? other) =>
        other is not null && Line == other.Line && Cells.SequenceEqual(other.Cells);

    public override int GetHashCode() => HashCode.Combine(Line, Cells.Count);
}

public sealed record TableCell(IReadOnlyList<string> Paragraphs)
{
    public string Text => string.Join('\n', Paragraphs);

    // Value equality over the paragraphs (a record compares list references by default).
    public bool Equals(TableCell? other) => other is not null && Paragraphs.SequenceEqual(other.Paragraphs, StringComparer.Ordinal);

    public override int GetHashCode() => Paragraphs.Count == 0 ? 0 : HashCode.Combine(Paragraphs.Count, Paragraphs[0]);
}

/// <summary>
/// A non-disclosure marker typed by staff in any format: 【非公開】/【非公開ここまで】/【/非公開】 lines,
/// or the comment pair &lt;!-- 非公開 --&gt; / &lt;!-- /非公開 --&gt;. Comments would otherwise vanish in
/// HTML parsing, so readers keep them as blocks.
/// </summary>
public sealed record DisclosureMarkerBlock(int Line, bool Opens, string Marker) : SourceBlock(Line);

/// <summary>A page break or page-break debris (----\t---, form feed); kept so clean-up can rejoin broken sentences.</summary>
public sealed record PageBreakBlock(int Line, string Raw) : SourceBlock(Line);
