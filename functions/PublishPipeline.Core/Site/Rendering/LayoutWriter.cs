using System.Text;
using Scriban.Runtime;

namespace PublishPipeline.Site.Rendering;

/// <summary>
/// The built-in <c>layout.sbn</c> written by code: the same characters Scriban writes for it, from
/// the same page globals (<c>SiteBuilder.Globals</c>). Used only while the layout in force is the
/// built-in one (<see cref="CompiledTemplates"/>); a ward's own layout goes through Scriban.
/// Each literal below is the template's text between two tags, newlines included: the template's
/// <c>{{~</c> tags start their lines, so they trim nothing.
/// </summary>
internal static class LayoutWriter
{
    /// <summary>Everything before <c>{{ content }}</c>.</summary>
    public static void WriteStart(StringBuilder sb, ScriptObject page)
    {
        var siteTitle = Text(page, "site_title");
        var pageTitle = Text(page, "page_title");
        sb.Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        if (Text(page, "page_path") != SiteUrls.HomePath)
        {
            Markup.Append(sb, pageTitle);
            sb.Append(" | ");
        }

        Markup.Append(sb, siteTitle);
        sb.Append("</title>\n<meta name=\"description\" content=\"");
        Markup.Append(sb, Text(page, "description"));
        sb.Append("\">\n");
        if (Text(page, "canonical_url") is { } canonical)
        {
            sb.Append("\n<link rel=\"canonical\" href=\"");
            Markup.Append(sb, canonical);
            sb.Append("\">\n");
        }

        sb.Append("\n<link rel=\"icon\" type=\"image/svg+xml\" href=\"");
        Markup.Append(sb, Text(page, "icon_url"));
        sb.Append("\">\n<link rel=\"stylesheet\" href=\"");
        Markup.Append(sb, Text(page, "css_url"));
        sb.Append("\">\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"");
        Markup.Append(sb, siteTitle);
        sb.Append("（新着）\" href=\"");
        Markup.Append(sb, Text(page, "feed_url"));
        sb.Append("\">\n");
        if (page["is_search"] is true || page["is_minutes"] is true)
        {
            sb.Append("\n<script src=\"");
            Markup.Append(sb, Text(page, "js_url"));
            sb.Append("\" defer></script>\n");
        }

        var nav = Text(page, "nav");
        sb.Append("\n</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">本文へ移動</a>\n<header class=\"site-header\">\n<div class=\"wrap\">\n<p class=\"site-title\"><a href=\"");
        Markup.Append(sb, Text(page, "home_url"));
        sb.Append("\">");
        Markup.Append(sb, siteTitle);
        sb.Append("</a></p>\n<nav class=\"site-nav\" aria-label=\"サイト内の案内\">\n<ul>\n");
        NavItem(sb, page, "home_url", nav == "home", "ホーム");
        NavItem(sb, page, "bodies_url", nav == "bodies", "会議体一覧");
        NavItem(sb, page, "years_url", nav == "years", "年度一覧");
        NavItem(sb, page, "search_url", nav == "search", "検索");
        sb.Append("</ul>\n</nav>\n</div>\n</header>\n");
        if (page["breadcrumbs"] is ScriptArray { Count: > 0 } crumbs)
        {
            sb.Append("\n<nav class=\"breadcrumbs wrap\" aria-label=\"現在位置\">\n<ol>\n");
            foreach (var item in crumbs)
            {
                var crumb = (ScriptObject)item!;
                sb.Append("\n<li><a href=\"");
                Markup.Append(sb, Text(crumb, "url"));
                sb.Append("\">");
                Markup.Append(sb, Text(crumb, "label"));
                sb.Append("</a></li>\n");
            }

            sb.Append("\n<li><span aria-current=\"page\">");
            Markup.Append(sb, pageTitle);
            sb.Append("</span></li>\n</ol>\n</nav>\n");
        }

        sb.Append("\n<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n");
    }

    /// <summary>Everything after <c>{{ content }}</c>.</summary>
    public static void WriteEnd(StringBuilder sb, ScriptObject page)
    {
        sb.Append("\n</main>\n<footer class=\"site-footer\">\n<div class=\"wrap\">\n<ul>\n<li><a href=\"");
        Markup.Append(sb, Text(page, "feed_url"));
        sb.Append("\">新着情報（Atomフィード）</a></li>\n<li><a href=\"");
        Markup.Append(sb, Text(page, "catalog_url"));
        sb.Append("\">オープンデータ（会議録一覧のJSON）</a></li>\n</ul>\n<p>個人の氏名や非公開の部分は、公開前に伏せています。</p>\n</div>\n</footer>\n</body>\n</html>\n");
    }

    private static void NavItem(StringBuilder sb, ScriptObject page, string urlKey, bool current, string label)
    {
        sb.Append("<li><a href=\"");
        Markup.Append(sb, Text(page, urlKey));
        sb.Append(current ? "\" aria-current=\"page\">" : "\">").Append(label).Append("</a></li>\n");
    }

    private static string? Text(ScriptObject o, string key) => (string?)o[key];
}
