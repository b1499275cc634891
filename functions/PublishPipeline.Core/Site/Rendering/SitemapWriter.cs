using System.Text;

namespace PublishPipeline.Site.Rendering;

/// <summary>
/// The sitemap as the built-in <c>sitemap.sbn</c> renders it, written by code: one line per page,
/// 10,000 and more for a ward's archive, which through Scriban was a third of an index rebuild's
/// rendering. Used only while that template is the one in force (<see cref="CompiledTemplates"/>);
/// <c>CompiledRendererTests</c> compares the bytes with Scriban's.
/// </summary>
internal static class SitemapWriter
{
    public static byte[] Write(IReadOnlyList<(string Loc, string? LastModified)> urls)
    {
        var text = new StringBuilder(128 + (urls.Count * 96));
        text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        foreach (var (loc, lastModified) in urls)
        {
            text.Append("\n\n<url><loc>").Append(Markup.Encode(loc)).Append("</loc>");
            if (!string.IsNullOrEmpty(lastModified))
            {
                text.Append("<lastmod>").Append(Markup.Encode(lastModified)).Append("</lastmod>");
            }

            text.Append("</url>");
        }

        text.Append("\n\n</urlset>\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
