using System.Text;
using PublishPipeline.Ingest;
using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>Builds source documents by hand (one block per call) or from text through the real reader.</summary>
internal sealed class Doc
{
    private readonly List<SourceBlock> _blocks = [];
    private int _line = 1;

    public Doc P(string text)
    {
        _blocks.Add(new ParagraphBlock(_line++, text));
        return this;
    }

    public Doc Li(string text)
    {
        _blocks.Add(new ParagraphBlock(_line++, text, ListItem: true));
        return this;
    }

    public Doc H(int level, string text)
    {
        _blocks.Add(new HeadingBlock(_line++, level, text));
        return this;
    }

    /// <summary>A row; each cell is its paragraphs separated by '¶'.</summary>
    public Doc Row(params string[] cells)
    {
        _blocks.Add(new TableRowBlock(_line++, [.. cells.Select(c => new TableCell(c.Length == 0 ? [] : c.Split('¶')))]));
        return this;
    }

    public Doc Open(string marker = "【非公開】")
    {
        _blocks.Add(new DisclosureMarkerBlock(_line++, true, marker));
        return this;
    }

    public Doc Close(string marker = "【非公開ここまで】")
    {
        _blocks.Add(new DisclosureMarkerBlock(_line++, false, marker));
        return this;
    }

    public Doc Break()
    {
        _blocks.Add(new PageBreakBlock(_line++, "----\t---"));
        return this;
    }

    public Minutes Normalize() =>
        new MinutesNormalizer().Normalize(new SourceDocument("test.txt", SourceFormat.Text, "utf-8", _blocks, new string('0', 64), 0), "m0000000000000000");

    /// <summary>Text through the real reader, as an upload would go.</summary>
    public static Minutes FromText(string text, string name = "upload.txt") =>
        MinutesNormalizer.Normalize(new SourceFile(name, Encoding.UTF8.GetBytes(text)));

    public static List<SpeakerTurn> Turns(Minutes m) => [.. m.Sections.SelectMany(s => s.Turns)];
}
