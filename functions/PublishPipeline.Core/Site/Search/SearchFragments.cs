using System.Text.Json;
using PublishPipeline.Model;

namespace PublishPipeline.Site.Search;

/// <summary>
/// The text search.js shows for a result, in small files beside the index: one per chunk of a
/// minutes (<see cref="SearchLayout"/>), at a path search.js derives from the document's key and
/// fragment name. Each chunk carries the minutes' page URL, title, date and 会議体, and per unit
/// its anchor, speaker and text, so a result needs one small request and the script can confirm
/// the exact words (bigram matches that are not the phrase are never shown) and mark them.
/// They depend on the document alone, so they are written with its page and withdrawn with it.
/// </summary>
internal static class SearchFragments
{
    public static IReadOnlyList<SiteFile> Build(Minutes minutes, SiteUrls urls, string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(urls);
        var title = SiteBuilder.DisplayTitle(minutes);
        var date = minutes.Date is DateOnly d ? JapaneseEra.Format(d) ?? $"{d.Year}年{d.Month}月{d.Day}日" : string.Empty;
        var body = SiteBuilder.BodyName(minutes);
        var files = new List<SiteFile>();

        // The units one chunk at a time, not all of them first: a long document has a hundred
        // thousand (≈ 15 MB for a 30 MB upload) beside the fragments made from them.
        var chunk = new List<SearchUnit>(SearchLayout.SlotsPerChunk);
        foreach (var unit in SearchLayout.Units(minutes))
        {
            if (unit.Id % SearchLayout.SlotsPerChunk == 0 && chunk.Count > 0)
            {
                files.Add(Fragment(minutes, pageUrl, title, date, body, files.Count, chunk));
                chunk.Clear();
            }

            chunk.Add(unit);
        }

        files.Add(Fragment(minutes, pageUrl, title, date, body, files.Count, chunk));
        return files;
    }

    private static SiteFile Fragment(Minutes minutes, string pageUrl, string title, string date, string body, int c, List<SearchUnit> units)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MinutesJson.Compact.Encoder }))
        {
            w.WriteStartObject();
            w.WriteString("u", pageUrl);
            w.WriteString("t", title);
            w.WriteString("d", date);
            w.WriteString("b", body);
            // Units by slot: [anchor, speaker or null, text]; the header (slot 0 of chunk 0) as its fields.
            w.WriteStartArray("x");
            foreach (var unit in units)
            {
                if (unit.Anchor is null)
                {
                    w.WriteStartArray();
                    foreach (var field in unit.Fields)
                    {
                        w.WriteStringValue(field);
                    }

                    w.WriteEndArray();
                    continue;
                }

                w.WriteStartArray();
                w.WriteStringValue(unit.Anchor);
                if (unit.Speaker is null)
                {
                    w.WriteNullValue();
                }
                else
                {
                    w.WriteStringValue(unit.Speaker);
                }

                w.WriteStringValue(unit.Text);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return SiteFile.Create(SearchKeys.FragmentPath(minutes.Id, minutes.Date, c), buffer.ToArray());
    }
}
