using AngleSharp.Dom;

namespace PublishPipeline.Ingest.SavedPages;

/// <summary>
/// The chrome of a page saved from a minutes search system, removed before its text is read: blocks
/// whose id or class names them as a header, navigation, menu, breadcrumb, search, pager, sidebar,
/// tool bar, page-top link or footer (<c>div#header</c>, <c>ul.global-nav</c>, <c>div.search-box</c>; never a table, since a
/// minutes header is itself often a <c>table.header</c>), and headings that
/// only name the screen (<c>文書閲覧</c>, <c>検索結果</c>). A block that holds most of the page's text is
/// kept whatever it is called: a system that wraps the whole document in <c>div.contents-main</c> must not
/// lose it.
/// </summary>
internal static class PageChrome
{
    private static readonly string[] ChromeWords =
    [
        "header", "footer", "nav", "navi", "navigation", "gnav", "globalnav", "global-nav", "menu", "breadcrumb", "breadcrumbs", "topicpath",
        "pankuzu", "search", "searchbox", "search-box", "search-form", "sidebar", "side", "sidemenu", "side-menu", "pager", "pagination",
        "pagenation", "toolbar", "tool-bar", "tools", "banner", "skip", "print", "share", "sns", "copyright", "help", "login", "utility",
        "pagetop", "page-top", "page_top", "totop", "to-top", "backtotop", "back-to-top",
    ];

    // The links a ward's CMS puts under the text (ページの先頭へ戻る, 前のページへ戻る), often with no class to name them.
    private static readonly HashSet<string> NavigationLinks = new(StringComparer.Ordinal)
    {
        "ページの先頭へ", "ページの先頭へ戻る", "ページの先頭に戻る", "このページの先頭へ", "このページの先頭へ戻る", "このページの先頭に戻る",
        "ページのトップへ", "ページのトップへ戻る", "ページトップへ", "ページトップへ戻る", "先頭へ戻る", "先頭に戻る", "トップへ戻る",
        "前のページへ戻る", "前のページに戻る", "一覧へ戻る", "一覧に戻る", "戻る", "このページを閉じる",
    };

    private static readonly HashSet<string> ScreenNames = new(StringComparer.Ordinal)
    {
        "文書閲覧", "会議録閲覧", "会議録検索", "会議録検索システム", "検索結果", "検索結果一覧", "会議録一覧", "目次", "メニュー",
        "ナビゲーション", "本文へ移動", "発言者一覧", "ヘルプ", "ダウンロード", "印刷", "文字拡大", "文字縮小",
    };

    public static void Remove(IElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var total = root.TextContent.Length;
        foreach (var element in root.QuerySelectorAll("[id], [class]").ToList())
        {
            if (element.Parent is null || !IsChrome(element) || element.TextContent.Length * 2 >= total)
            {
                continue;
            }

            element.Remove();
        }

        foreach (var heading in root.QuerySelectorAll("h1, h2, h3, h4, h5, h6, caption, legend").ToList())
        {
            if (IsScreenName(Compact(heading.TextContent)))
            {
                heading.Remove();
            }
        }
    }

    private static readonly char[] NavigationDecor = [.. "▲△↑^＾«‹<＜>＞・[]［］【】()（）"];

    /// <summary>
    /// Drops the paragraphs that are only a navigation link (▲ページの先頭へ戻る), from a page read either way:
    /// before, they were read as text and ran into the last speech.
    /// </summary>
    public static List<SourceBlock> DropNavigationLinks(List<SourceBlock> blocks)
    {
        blocks.RemoveAll(block => block is ParagraphBlock paragraph && paragraph.Text.Length <= 32
            && NavigationLinks.Contains(Compact(paragraph.Text).Trim(NavigationDecor)));
        return blocks;
    }

    private static bool IsChrome(IElement element)
    {
        // A minutes header is often a table classed "header": tables and what holds them are content.
        if (element.LocalName is "body" or "html" or "main" or "article" or "table" or "thead" or "tbody" or "tr" or "td" or "th"
            || element.QuerySelector("table") is not null)
        {
            return false;
        }

        foreach (var token in element.ClassList.Append(element.Id ?? ""))
        {
            if (IsChromeToken(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A class token or id that names chrome: word, word-…, word_…, …-word or …_word, in any case.</summary>
    internal static bool IsChromeToken(ReadOnlySpan<char> token) => ClassTokens.NamesAny(token, ChromeWords);

    /// <summary>A heading's text without white space that only names the screen (文書閲覧, 検索結果).</summary>
    internal static bool IsScreenName(string compact) => ScreenNames.Contains(compact);

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
