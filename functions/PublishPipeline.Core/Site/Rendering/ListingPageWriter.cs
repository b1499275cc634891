using System.Globalization;
using System.Text;
using PublishPipeline.Model;

namespace PublishPipeline.Site.Rendering;

/// <summary>
/// The built-in <c>body.sbn</c> and <c>year.sbn</c>, with the <c>_minutes_list.sbn</c> they
/// include, written by code: the characters Scriban writes for those templates from the page
/// models <c>SiteBuilder</c> gives them, without a <c>ScriptObject</c> per listed minutes or the
/// templates' evaluation (a 会議体's page lists hundreds: one added upload renders one 会議体 and
/// one 年度 page, most of the listing pages' time). Used only while all three templates in force
/// are the built-in ones (<see cref="CompiledTemplates"/>); a ward's own goes through Scriban.
/// Each literal is the template's text between two tags, newlines included (the <c>{{~</c> tags
/// start their lines and trim nothing; the list's leading comment ends in <c>~}}</c>, which
/// trims its own line break).
/// </summary>
internal static class ListingPageWriter
{
    /// <summary><c>body.sbn</c>: one 会議体's minutes (<paramref name="items"/>, newest first) and links to its 年度 (<paramref name="years"/>: label, URL).</summary>
    public static void WriteBody(StringBuilder sb, string body, IReadOnlyList<Minutes> items, IReadOnlyList<(string Label, string Url)> years, SiteUrls urls)
    {
        sb.Append("<h1>");
        Markup.Append(sb, body);
        sb.Append("</h1>\n<p>");
        Markup.Append(sb, body);
        sb.Append("の会議録です（");
        sb.Append(items.Count.ToString(CultureInfo.InvariantCulture));
        sb.Append("件、新しい順）。</p>\n");
        if (years.Count > 1)
        {
            sb.Append("\n<nav class=\"inline-nav\" aria-label=\"年度で絞り込む（年度別一覧へ）\">\n<ul>\n");
            foreach (var (label, url) in years)
            {
                sb.Append("\n<li><a href=\"");
                Markup.Append(sb, url);
                sb.Append("\">");
                Markup.Append(sb, label);
                sb.Append("</a></li>\n");
            }

            sb.Append("\n</ul>\n</nav>\n");
        }

        sb.Append("\n<h2>会議録の一覧</h2>\n");
        WriteList(sb, items, urls);
        sb.Append('\n');
    }

    /// <summary><c>year.sbn</c>: one 年度's minutes (<paramref name="items"/>, newest first).</summary>
    public static void WriteYear(StringBuilder sb, string yearLabel, IReadOnlyList<Minutes> items, SiteUrls urls)
    {
        sb.Append("<h1>");
        Markup.Append(sb, yearLabel);
        sb.Append("の会議録</h1>\n<p>");
        Markup.Append(sb, yearLabel);
        sb.Append("に開かれた会議の会議録です（");
        sb.Append(items.Count.ToString(CultureInfo.InvariantCulture));
        sb.Append("件、新しい順）。</p>\n<h2>会議録の一覧</h2>\n");
        WriteList(sb, items, urls);
        sb.Append('\n');
    }

    // _minutes_list.sbn, from the fields SiteBuilder.MinutesModel gives an item (not detailed).
    private static void WriteList(StringBuilder sb, IReadOnlyList<Minutes> items, SiteUrls urls)
    {
        sb.Append("<ul class=\"minutes-list\">\n");
        foreach (var m in items)
        {
            sb.Append("\n<li>\n<a href=\"");
            Markup.Append(sb, urls.Url(SiteUrls.MinutesPagePath(m.Id)));
            sb.Append("\">");
            Markup.Append(sb, SiteBuilder.DisplayTitle(m));
            sb.Append("</a>\n<p class=\"meta\">");
            if (m.Date is DateOnly date)
            {
                MinutesPageWriter.OpenDate(sb, date);
                sb.Append("</time>");
            }
            else
            {
                sb.Append("開催日の記載なし");
            }

            sb.Append("<span class=\"sep\" aria-hidden=\"true\"> ・ </span><span class=\"visually-hidden\">、</span>");
            Markup.Append(sb, SiteBuilder.BodyName(m));
            if (SiteBuilder.Clean(m.Session) is { } session)
            {
                sb.Append("<span class=\"sep\" aria-hidden=\"true\"> ・ </span><span class=\"visually-hidden\">、</span>");
                Markup.Append(sb, session);
            }

            sb.Append("</p>\n</li>\n");
        }

        sb.Append("\n</ul>\n");
    }
}
