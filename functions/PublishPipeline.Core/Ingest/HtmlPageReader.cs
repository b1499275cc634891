using AngleSharp.Dom;

namespace PublishPipeline.Ingest;

/// <summary>
/// A whole HTML page saved from a minutes search system: the minutes are in main/article/body; the
/// page chrome (scripts, styles, navigation, header, footer, search forms) is dropped.
/// </summary>
internal static class HtmlPageReader
{
    /// <summary>A page rather than a fragment: starts (after whitespace, BOM, comments) with a doctype or &lt;html&gt;.</summary>
    public static bool LooksLikePage(ReadOnlySpan<char> text, string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".xhtml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var span = text.TrimStart();
        while (span.StartsWith("<!--", StringComparison.Ordinal) || span.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            var end = span.StartsWith("<!--", StringComparison.Ordinal) ? span.IndexOf("-->", StringComparison.Ordinal) : span.IndexOf("?>", StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }

            span = span[(end + (span[1] == '!' ? 3 : 2))..].TrimStart();
        }

        return span.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || span.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    public static List<SourceBlock> Read(string text)
    {
        HtmlBlocks.CheckSourceNesting(text);
        return SavedPages.PageChrome.DropNavigationLinks(SavedPages.StreamedPage.TryRead(text) ?? ReadTree(text));
    }

    /// <summary>The page through AngleSharp's DOM: any page, at about fifteen bytes per byte of HTML.</summary>
    internal static List<SourceBlock> ReadTree(string text)
    {
        var parser = HtmlBlocks.CreateParser(keepSourceReferences: true);
        var document = parser.ParseDocument(text);
        if (SavedPages.SearchSystemPage.TryRead(document) is { } saved)
        {
            return saved;
        }

        var root = ContentRoot(document);
        SavedPages.PageChrome.Remove(root);
        SavedPages.SpeakerMarkup.Separate(root);

        // Forms on a saved page are search boxes, except when a server framework wrapped the whole page
        // in one (ASP.NET WebForms): keep a form that holds most of the text.
        var total = root.TextContent.Length;
        foreach (var form in root.QuerySelectorAll("form").ToList())
        {
            if (form.TextContent.Length * 2 < total)
            {
                form.Remove();
            }
        }

        return HtmlBlocks.Read(root, HtmlBlocks.SourceLine);
    }

    private static IElement ContentRoot(IDocument document)
    {
        // One main or article holds the minutes; several articles (a result list) means use the body.
        var main = document.QuerySelectorAll("main, [role=main]");
        if (main.Length == 1)
        {
            return main[0];
        }

        var articles = document.QuerySelectorAll("article");
        if (articles.Length == 1)
        {
            return articles[0];
        }

        return document.Body ?? document.DocumentElement;
    }
}
