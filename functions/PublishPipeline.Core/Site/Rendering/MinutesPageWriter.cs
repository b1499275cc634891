using System.Globalization;
using System.Text;
using PublishPipeline.Model;

namespace PublishPipeline.Site.Rendering;

/// <summary>
/// The built-in <c>minutes.sbn</c> written by code: a walk of <see cref="Minutes"/> writing the
/// characters Scriban writes for that template from <c>SiteBuilder.MinutesModel</c>, without
/// building the page model or evaluating the template (the render stage's largest cost after the
/// text itself). Used only while the minutes template in force is the built-in one
/// (<see cref="CompiledTemplates"/>); a ward's own template goes through Scriban. Each literal is
/// the template's text between two tags, newlines included (its <c>{{~</c> tags start their lines
/// and trim nothing).
/// </summary>
internal static class MinutesPageWriter
{
    /// <param name="drain">
    /// Called after each turn with what is written so far: a caller that streams the page takes it
    /// out of <paramref name="sb"/> there, so a large document's page is never whole in memory.
    /// </param>
    public static void Write(StringBuilder sb, Minutes m, SiteUrls urls, Action<StringBuilder>? drain = null)
    {
        // The model's checks first, as MinutesModel makes them: a turn kind that cannot be
        // published throws before anything is written; the notice count comes before the turns.
        var notices = 0;
        var hasHeadings = false;
        foreach (var section in m.Sections)
        {
            hasHeadings |= SiteBuilder.Clean(section.Heading) is not null;
            foreach (var turn in section.Turns)
            {
                if (turn.Kind is not (TurnKind.Speech or TurnKind.Procedure or TurnKind.Notice))
                {
                    throw new InvalidOperationException($"Minutes {m.Id}: turn kind {turn.Kind} cannot be published.");
                }

                notices += turn.Kind == TurnKind.Notice ? 1 : 0;
            }
        }

        var body = SiteBuilder.BodyName(m);
        var year = SiteBuilder.FiscalYearOf(m);
        sb.Append("<article class=\"minutes\" aria-labelledby=\"minutes-title\">\n<header class=\"minutes-header\">\n<h1 id=\"minutes-title\">");
        Markup.Append(sb, SiteBuilder.DisplayTitle(m));
        sb.Append("</h1>\n<dl class=\"facts\">\n<div><dt>会議体</dt><dd><a href=\"");
        Markup.Append(sb, urls.Url(SiteUrls.BodyPagePath(urls.BodySlug(body))));
        sb.Append("\">");
        Markup.Append(sb, body);
        sb.Append("</a></dd></div>\n");
        Fact(sb, "回次", SiteBuilder.Clean(m.Session));
        sb.Append("<div><dt>開催日</dt><dd>");
        if (m.Date is DateOnly date)
        {
            OpenDate(sb, date);
            sb.Append('（');
            Markup.Append(sb, SiteBuilder.Weekdays[(int)date.DayOfWeek]);
            sb.Append("）</time><span class=\"western\">（西暦");
            Markup.Append(sb, SiteBuilder.WesternDate(date));
            sb.Append("）</span>");
        }
        else
        {
            sb.Append("記載なし");
        }

        sb.Append("</dd></div>\n");
        var start = SiteBuilder.Clean(m.StartTime);
        var end = SiteBuilder.Clean(m.EndTime);
        if (start is not null || end is not null)
        {
            sb.Append("\n<div><dt>時間</dt><dd>");
            if (start is not null)
            {
                Time(sb, start);
            }

            if (end is not null)
            {
                sb.Append("から");
                Time(sb, end);
                sb.Append("まで");
            }
            else
            {
                sb.Append("から");
            }

            sb.Append("</dd></div>\n");
        }

        sb.Append('\n');
        Fact(sb, "場所", SiteBuilder.Clean(m.Venue));
        Fact(sb, "事務局", SiteBuilder.Clean(m.Secretariat));
        sb.Append("<div><dt>年度</dt><dd><a href=\"");
        Markup.Append(sb, urls.Url(SiteUrls.YearPagePath(year)));
        sb.Append("\">");
        Markup.Append(sb, SiteBuilder.YearLabel(year));
        sb.Append("</a></dd></div>\n</dl>\n</header>\n\n");

        WriteDisclosure(sb, m.Disclosure, notices);

        var agenda = SiteBuilder.CleanItems(m.Agenda);
        if (agenda.Count > 0)
        {
            sb.Append("\n<section aria-labelledby=\"agenda-heading\">\n<h2 id=\"agenda-heading\">議題</h2>\n<ol class=\"agenda");
            if (m.Agenda.All(a => SiteBuilder.OwnNumber().IsMatch(a)))
            {
                sb.Append(" own-numbers");
            }

            sb.Append("\">\n");
            Items(sb, agenda);
            sb.Append("\n</ol>\n</section>\n");
        }

        sb.Append("\n\n");
        WriteAttendees(sb, m);
        sb.Append("\n\n");
        List(sb, "results", "会議の結果", SiteBuilder.CleanItems(m.Results));
        sb.Append("\n\n");
        List(sb, "materials", "資料", SiteBuilder.CleanItems(m.Materials));
        sb.Append("\n\n<section class=\"proceedings\" aria-labelledby=\"proceedings-heading\">\n<h2 id=\"proceedings-heading\">審議経過</h2>\n");
        if (m.Sections.Count == 0)
        {
            sb.Append("\n<p>審議経過の記載はありません。</p>\n");
        }

        sb.Append('\n');
        if (hasHeadings && m.Sections.Count > 1)
        {
            WriteContents(sb, m.Sections);
        }

        sb.Append('\n');
        for (var s = 0; s < m.Sections.Count; s++)
        {
            WriteSection(sb, m.Sections[s], s + 1, drain);
        }

        sb.Append("\n</section>\n\n<aside class=\"opendata\" aria-labelledby=\"opendata-heading\">\n<h2 id=\"opendata-heading\">この会議録のデータ</h2>\n<p><a href=\"");
        Markup.Append(sb, urls.Url(SiteUrls.MinutesJsonPath(m.Id)));
        sb.Append("\">この会議録のJSON（オープンデータ）</a></p>\n</aside>\n</article>\n");
    }

    // {{~ if value }}\n<div><dt>label</dt><dd>value</dd></div>\n{{~ end }}\n
    private static void Fact(StringBuilder sb, string label, string? value)
    {
        if (value is not null)
        {
            sb.Append("\n<div><dt>").Append(label).Append("</dt><dd>");
            Markup.Append(sb, value);
            sb.Append("</dd></div>\n");
        }

        sb.Append('\n');
    }

    /// <summary><c>&lt;time datetime="2024-06-12"&gt;令和6年6月12日</c>, left open for what a page adds (the weekday) before <c>&lt;/time&gt;</c>.</summary>
    internal static void OpenDate(StringBuilder sb, DateOnly date)
    {
        sb.Append("<time datetime=\"");
        Markup.Append(sb, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        sb.Append("\">");
        Markup.Append(sb, JapaneseEra.Format(date) ?? SiteBuilder.WesternDate(date));
    }

    private static void Time(StringBuilder sb, string time)
    {
        sb.Append("<time datetime=\"");
        Markup.Append(sb, time);
        sb.Append("\">");
        Markup.Append(sb, time);
        sb.Append("</time>");
    }

    private static void WriteDisclosure(StringBuilder sb, Disclosure disclosure, int notices)
    {
        sb.Append("<section class=\"disclosure disclosure-");
        Markup.Append(sb, SiteBuilder.StateKey(disclosure.Minutes));
        sb.Append("\" aria-labelledby=\"disclosure-heading\">\n<h2 id=\"disclosure-heading\">公開の可否</h2>\n<dl class=\"facts\">\n<div><dt>会議</dt><dd>");
        State(sb, disclosure.Meeting, disclosure.MeetingReason);
        sb.Append("</dd></div>\n<div><dt>会議録</dt><dd>");
        State(sb, disclosure.Minutes, disclosure.Reason);
        sb.Append("</dd></div>\n</dl>\n");
        if (notices > 0)
        {
            sb.Append("\n<p>この会議録には非公開とされた部分があり、その箇所には「非公開」のお知らせを表示しています（")
                .Append(notices.ToString(CultureInfo.InvariantCulture))
                .Append("か所）。</p>\n");
        }

        sb.Append("\n<p>個人の氏名は、公開にあたり伏せている場合があります。</p>\n</section>\n\n");
    }

    private static void State(StringBuilder sb, DisclosureState state, string? reason)
    {
        Markup.Append(sb, SiteBuilder.StateLabel(state));
        if (SiteBuilder.Clean(reason) is { } cleaned)
        {
            sb.Append("<span class=\"reason\">理由：");
            Markup.Append(sb, cleaned);
            sb.Append("</span>");
        }
    }

    // {{~ for item in items }}\n<li>{{ item }}</li>\n{{~ end }}
    private static void Items(StringBuilder sb, List<string> items)
    {
        foreach (var item in items)
        {
            sb.Append("\n<li>");
            Markup.Append(sb, item);
            sb.Append("</li>\n");
        }
    }

    private static void List(StringBuilder sb, string id, string heading, List<string> items)
    {
        if (items.Count > 0)
        {
            sb.Append("\n<section aria-labelledby=\"").Append(id).Append("-heading\">\n<h2 id=\"").Append(id).Append("-heading\">")
                .Append(heading).Append("</h2>\n<ul>\n");
            Items(sb, items);
            sb.Append("\n</ul>\n</section>\n");
        }
    }

    private static void WriteAttendees(StringBuilder sb, Minutes m)
    {
        var wroteHeader = false;
        foreach (var group in m.Attendees)
        {
            var members = SiteBuilder.CleanItems(group.Members);
            var label = SiteBuilder.Clean(group.Group);
            if (members.Count == 0 && label is null)
            {
                continue;
            }

            if (!wroteHeader)
            {
                sb.Append("\n<section aria-labelledby=\"attendees-heading\">\n<h2 id=\"attendees-heading\">出席者</h2>\n<table class=\"data attendees\">\n<caption class=\"visually-hidden\">出席者の区分と氏名・役職</caption>\n<thead><tr><th scope=\"col\">区分</th><th scope=\"col\">出席者</th></tr></thead>\n<tbody>\n");
                wroteHeader = true;
            }

            sb.Append("\n<tr><th scope=\"row\">");
            Markup.Append(sb, label ?? "出席者");
            sb.Append("</th><td>");
            for (var i = 0; i < members.Count; i++)
            {
                Markup.Append(sb, members[i]);
                if (i < members.Count - 1)
                {
                    sb.Append('、');
                }
            }

            sb.Append("</td></tr>\n");
        }

        if (wroteHeader)
        {
            sb.Append("\n</tbody>\n</table>\n</section>\n");
        }
    }

    private static void WriteContents(StringBuilder sb, IReadOnlyList<Section> sections)
    {
        sb.Append("\n<nav class=\"toc\" aria-labelledby=\"toc-heading\">\n<h3 id=\"toc-heading\">目次</h3>\n<ol>\n");
        for (var s = 0; s < sections.Count; s++)
        {
            sb.Append('\n');
            if (SiteBuilder.Clean(sections[s].Heading) is { } heading)
            {
                sb.Append("\n<li><a href=\"#s").Append((s + 1).ToString(CultureInfo.InvariantCulture)).Append("\">");
                Markup.Append(sb, heading);
                sb.Append("</a></li>\n");
            }

            sb.Append('\n');
        }

        sb.Append("\n</ol>\n</nav>\n");
    }

    private static void WriteSection(StringBuilder sb, Section section, int number, Action<StringBuilder>? drain)
    {
        var anchor = "s" + number.ToString(CultureInfo.InvariantCulture);
        var heading = SiteBuilder.Clean(section.Heading);
        sb.Append("\n<section class=\"section\" id=\"").Append(anchor).Append('"');
        if (heading is not null)
        {
            sb.Append(" aria-labelledby=\"").Append(anchor).Append("-h\"");
        }

        sb.Append(">\n");
        if (heading is not null)
        {
            sb.Append("\n<h3 id=\"").Append(anchor).Append("-h\">");
            Markup.Append(sb, heading);
            sb.Append("</h3>\n");
        }

        sb.Append('\n');
        for (var t = 0; t < section.Turns.Count; t++)
        {
            WriteTurn(sb, section.Turns[t], anchor, number, t + 1);
            drain?.Invoke(sb);
        }

        sb.Append("\n</section>\n");
    }

    private static void WriteTurn(StringBuilder sb, SpeakerTurn turn, string sectionAnchor, int section, int number)
    {
        var anchor = sectionAnchor + "-t" + number.ToString(CultureInfo.InvariantCulture);
        var label = section.ToString(CultureInfo.InvariantCulture) + "-" + number.ToString(CultureInfo.InvariantCulture);
        var speaker = SiteBuilder.Clean(turn.Speaker);
        sb.Append('\n');
        string link;
        switch (turn.Kind)
        {
            case TurnKind.Speech:
                sb.Append("\n<div class=\"turn speech\" id=\"").Append(anchor).Append("\">\n");
                Speaker(sb, speaker);
                sb.Append("\n<div class=\"utterance\">\n");
                Paragraphs(sb, turn.Text);
                sb.Append("\n</div>\n");
                link = "この発言へのリンク ";
                break;
            case TurnKind.Procedure:
                sb.Append("\n<div class=\"turn procedure\" id=\"").Append(anchor).Append("\">\n");
                Speaker(sb, speaker);
                sb.Append('\n');
                Paragraphs(sb, turn.Text);
                sb.Append('\n');
                link = "この記録へのリンク ";
                break;
            default:
                sb.Append("\n<div class=\"turn notice\" id=\"").Append(anchor).Append("\" role=\"note\">\n<p class=\"notice-label\">非公開部分</p>\n");
                Paragraphs(sb, turn.Text);
                sb.Append('\n');
                link = "このお知らせへのリンク ";
                break;
        }

        sb.Append("<a class=\"permalink\" href=\"#").Append(anchor).Append("\"><span class=\"visually-hidden\">").Append(link)
            .Append("</span>").Append(label).Append("</a>\n</div>\n");
        sb.Append('\n');
    }

    private static void Speaker(StringBuilder sb, string? speaker)
    {
        if (speaker is not null)
        {
            sb.Append("\n<p class=\"speaker\">");
            Markup.Append(sb, speaker);
            sb.Append("</p>\n");
        }
    }

    // The turn's lines that are not blank, trimmed: the paragraphs of MinutesModel.
    private static void Paragraphs(StringBuilder sb, string? text)
    {
        var all = (text ?? string.Empty).AsSpan();
        foreach (var range in all.Split('\n'))
        {
            var line = all[range];
            if (!line.IsWhiteSpace())
            {
                sb.Append("\n<p>");
                Markup.Append(sb, line.Trim().ToString());
                sb.Append("</p>\n");
            }
        }
    }
}
