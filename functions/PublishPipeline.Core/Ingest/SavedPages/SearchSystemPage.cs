using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PublishPipeline.Ingest.SavedPages;

/// <summary>
/// A document page saved from DB-Search (大和速記情報センター's 会議録検索システム, <c>*.dbsr.jp</c>, used by
/// some 150 assemblies): the document's own heading is the <c>h1</c> that ends in its date
/// (<c>令和８年２月臨時会（第１号）　本文 2026-02-03</c>), and every speech is one numbered block,
/// <c>li.voice-block</c> with its text in <c>p.voice__text</c> (the current template) or
/// <c>div.page-text__voice</c> with the number in <c>span.page-text__number</c> (the older one). Only those
/// are read, in order, so nothing of the page around them (menus, the 文書閲覧 screen title, search
/// forms) reaches the minutes. Other pages (VOICES' transcript frame, plain pages) are read whole
/// after <see cref="PageChrome"/> is removed.
/// </summary>
internal static partial class SearchSystemPage
{
    /// <summary>The document's blocks when the page is a DB-Search document page; null otherwise.</summary>
    public static List<SourceBlock>? TryRead(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var voices = document.QuerySelectorAll("li.voice-block, div.page-text__voice");
        if (voices.Length == 0)
        {
            return null;
        }

        var blocks = new List<SourceBlock>();
        foreach (var h1 in document.QuerySelectorAll("h1"))
        {
            var text = HtmlBlocks.Collapse(new System.Text.StringBuilder(h1.TextContent)).Trim();
            var dated = TrailingDate().Match(text);
            if (dated.Success)
            {
                var line = HtmlBlocks.SourceLine(h1);
                blocks.Add(new HeadingBlock(line, 1, text[..dated.Index].Trim(' ', '\u3000', ':', '：')));
                blocks.Add(new ParagraphBlock(line, "開催日：" + dated.Groups["date"].Value));
                break;
            }
        }

        foreach (var voice in voices)
        {
            foreach (var number in voice.QuerySelectorAll(".page-text__number, .voice__number, .voice-block__number").ToList())
            {
                number.Remove();
            }

            var body = voice.QuerySelector(".voice__text") ?? voice;
            blocks.AddRange(HtmlBlocks.Read(body, HtmlBlocks.SourceLine));
        }

        return blocks;
    }

    [GeneratedRegex(@"[ \u3000]*[:：]?[ \u3000]*(?<date>\d{4}-\d{2}-\d{2})[ \u3000]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDate();
}
