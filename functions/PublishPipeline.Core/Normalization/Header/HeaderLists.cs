using System.Text.RegularExpressions;
using PublishPipeline.Model;
using PublishPipeline.Normalization.Cleanup;

namespace PublishPipeline.Normalization.Header;

/// <summary>Splits header values into items: agenda, materials, attendees, and reads the disclosure checkboxes.</summary>
internal static partial class HeaderLists
{
    /// <summary>
    /// Agenda items. A cell of &lt;p&gt; paragraphs gives one item per numbered paragraph, prefixed by the
    /// group paragraph before it (議案 / 報告事項); one line is split at (1) (2) … markers, keeping a
    /// group such as "1. 議題" in front of its items. Numbering is kept as written.
    /// </summary>
    public static List<string> SplitAgenda(IReadOnlyList<string> paragraphs)
    {
        var items = new List<string>();
        string? group = null;
        foreach (var p in paragraphs)
        {
            var text = p.Trim(' ', '\u3000');
            if (text.Length == 0)
            {
                continue;
            }

            var markers = AgendaMarker().Matches(text);
            if (markers.Count == 0)
            {
                if (paragraphs.Count > 1 && text.Length <= 12)
                {
                    group = text;
                }
                else
                {
                    items.Add(Join(group, text));
                }

                continue;
            }

            if (markers[0].Index > 0)
            {
                var lead = text[..markers[0].Index].Trim(' ', '\u3000');
                if (lead.Length > 0)
                {
                    if (lead.Length <= 12)
                    {
                        group = lead;
                    }
                    else
                    {
                        items.Add(Join(group, lead));
                    }
                }
            }

            for (var i = 0; i < markers.Count; i++)
            {
                var m = markers[i];
                var end = i + 1 < markers.Count ? markers[i + 1].Index : text.Length;
                if (m.Groups["group"].Success)
                {
                    group = Spaces().Replace(m.Groups["group"].Value.Trim(' ', '\u3000'), " ");
                }

                var body = text[(m.Groups["num"].Index + m.Groups["num"].Length)..end].Trim(' ', '\u3000');
                items.Add(Join(group, m.Groups["num"].Value + " " + body));
            }
        }

        return items;

        static string Join(string? group, string text) => group is null ? text : group + " " + text;
    }

    /// <summary>Materials: "・A ・B", "資料1 A 資料2 B", or one item per paragraph.</summary>
    public static List<string> SplitMaterials(string text)
    {
        var items = new List<string>();
        foreach (var part in MaterialStart().Split(text))
        {
            var t = part.Trim(' ', '\u3000', '・');
            if (t.Length > 0)
            {
                items.Add(t);
            }
        }

        return items;
    }

    /// <summary>
    /// Members of an attendee group, split on 、・, at bracket depth 0 so 副区長(2) and 推進室長(欠席) stay members;
    /// and at a wide gap (two spaces or more) before an office or group word, where one line lists a second
    /// group (委員 森本圭介、原田俊　　事務局 教育長 安田康之). A gap before a name (総務課長　　山田　太郎) is a
    /// fixed-width entry and stays whole.
    /// </summary>
    public static List<string> SplitMembers(string text)
    {
        var members = TextCleanup.SplitTopLevel(WithoutListCount(text), "、・,，;；");
        for (var i = members.Count - 2; i >= 0; i--)
        {
            // 松浦子ども・若者部長, 子ども・若者部長　松浦幸夫: a ・ after a word in kana that an office follows joins the office's
            // words (子ども・若者), not two members.
            if (members[i] is [.., var last] && last is >= '\u3041' and <= '\u309F' && JoinsOfficeWords(members[i], members[i + 1])
                && text.Contains(string.Concat(members[i], "・", members[i + 1]), StringComparison.Ordinal))
            {
                members[i] = string.Concat(members[i], "・", members[i + 1]);
                members.RemoveAt(i + 1);
            }
        }

        for (var i = 0; i < members.Count; i++)
        {
            // 田村　まさ子 【事務局】 課長　堀切　雄大: a cell's lines joined by a space; the group in 【】 opens the next group.
            if (GroupAfterSpace().Match(members[i]) is { Success: true, Index: > 0 } opens && members[i].Length > opens.Index + opens.Length)
            {
                members.Insert(i + 1, members[i][(opens.Index + opens.Length)..]);
                members[i] = members[i][..opens.Index];
                continue;
            }

            if (Rolls.RollEntryShapes.GluedEntries(members[i]) is { } glued)
            {
                // 石橋子育て健康課長　橋爪課長補佐: staff one space apart, each a surname glued to its office.
                members.RemoveAt(i);
                members.InsertRange(i, glued);
                i += glued.Count - 1;
                continue;
            }

            foreach (Match gap in WideGap().Matches(members[i]))
            {
                var after = members[i].AsSpan(gap.Index + gap.Length);
                var word = after.IndexOfAny(' ', '\u3000') is var end and >= 0 ? after[..end] : after;
                if (Proceedings.SpeakerLabels.IsRoleLike(word))
                {
                    members.Insert(i + 1, after.ToString());
                    members[i] = members[i][..gap.Index];
                    break;
                }
            }
        }

        return members;
    }

    /// <summary>
    /// 子ども・若者部長: the kana before ・ begins an office's words when what follows is an office beyond a title alone, not
    /// a member's surname and title (蓬田委員) or a bare title (副会長　…), and the kana is no given name. A list that puts
    /// ・ between members (森下みどり・副会長　葛西ひろと, 杉森かおり・蓬田委員) ends a name in kana before an office too:
    /// joined, its members were one entry and the names only it held were published.
    /// </summary>
    private static bool JoinsOfficeWords(string before, string after)
    {
        var word = FirstWord(after);
        if (!People.OfficeWords.IsOfficeWord(word) || People.OfficeWords.IsPersonTitle(word.ToString()) || Rolls.RollEntryShapes.IsSurnameBeforeOffice(word.ToString()))
        {
            return false;
        }

        var kana = before.Length;
        while (kana > 0 && before[kana - 1] is >= '\u3041' and <= '\u309F')
        {
            kana--;
        }

        return !Redaction.Names.NameLexicon.Default.IsGivenName(before.AsSpan(kana));
    }

    private static ReadOnlySpan<char> FirstWord(string text) => text.AsSpan(0, text.AsSpan().IndexOfAny(' ', '\u3000') is var space and >= 0 ? space : text.Length);

    /// <summary>
    /// 委員：…、石倉琢磨(7名): the list's count after its last member is no part of that name (before, 7名 was its role); the
    /// list without it. A count alone, or in a list of one, is left as written.
    /// </summary>
    public static string WithoutListCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny("、,，") > 0 && ListCount().Match(text) is { Success: true, Index: > 0 } count ? text[..count.Index] : text;
    }

    [GeneratedRegex(@"[ \u3000]*[（(][ \u3000]*\d{1,3}[ \u3000]*[名人][ \u3000]*[）)][ \u3000]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ListCount();

    /// <summary>
    /// Reads checkboxes (☑ checked, ☐ unchecked; also ■/□ and raw &lt;input type="checkbox"&gt;) and
    /// returns the state of the one checked box; Unknown when none or several are checked. Without
    /// boxes, a value that is 公開 / 非公開 / 一部非公開, alone or with a remark, is read as written (the
    /// remark of a closed state is its reason, its Note).
    /// </summary>
    public static (DisclosureState State, string? Problem, string? Note) ReadDisclosure(string value)
    {
        var text = InputChecked().Replace(value, "☑");
        text = InputUnchecked().Replace(text, "☐");
        var boxes = Box().Matches(text);
        if (boxes.Count == 0)
        {
            var plain = TextCleanup.RemoveSpaces(text);
            var state = ToState(plain);
            if (state != DisclosureState.Unknown)
            {
                return (state, null, null);
            }

            // A state word with a remark: 公開（傍聴者なし）, 非公開（理由：…）, 公開　傍聴者２名. A remark that
            // closes part of a 公開 (公開（議題２は非公開）) makes it unclear, never 公開.
            if (StateWithRemark().Match(text) is { Success: true } m)
            {
                var said = ToState(m.Groups["state"].Value);
                var remark = m.Groups["remark"].Value.Trim(' ', '\u3000');
                if (said == DisclosureState.Public && ClosesPart().IsMatch(remark))
                {
                    return (DisclosureState.Unknown, $"'{value}' says 公開 with a remark that closes part of it", null);
                }

                var note = said == DisclosureState.Public ? null : ReadReason(remark);
                return (said, null, note);
            }

            return (DisclosureState.Unknown, $"no checkbox in '{value}'", null);
        }

        var checkedStates = new List<DisclosureState>();
        foreach (Match b in boxes)
        {
            if (b.Groups["mark"].Value is "☑" or "■" or "☒" or "✓" or "✔")
            {
                checkedStates.Add(ToState(TextCleanup.RemoveSpaces(b.Groups["label"].Value)));
            }
        }

        return checkedStates.Count switch
        {
            0 => (DisclosureState.Unknown, "no box is checked", null),
            1 when checkedStates[0] != DisclosureState.Unknown => (checkedStates[0], null, null),
            1 => (DisclosureState.Unknown, "the checked box has an unknown label", null),
            _ => (DisclosureState.Unknown, $"{checkedStates.Count} boxes are checked", null),
        };
    }

    private static DisclosureState ToState(string label) => label switch
    {
        "公開" => DisclosureState.Public,
        "非公開" => DisclosureState.Closed,
        "一部非公開" or "一部公開" or "部分公開" => DisclosureState.Partial,
        _ => DisclosureState.Unknown,
    };

    /// <summary>The reason after "その理由" (or the whole text when it has no such lead); null when empty.</summary>
    public static string? ReadReason(string text)
    {
        var i = text.IndexOf("理由", StringComparison.Ordinal);
        var reason = i >= 0 ? text[(i + 2)..] : text;
        reason = reason.Trim(' ', '\u3000', '：', ':', '　');
        return reason.Length == 0 ? null : reason;
    }

    [GeneratedRegex(@"(?:(?<group>\d{1,2}[.．][ \u3000]*[^\s\d(（]{1,10})[ \u3000]*)?(?<num>[(（]\d{1,2}[)）])", RegexOptions.CultureInvariant)]
    private static partial Regex AgendaMarker();

    [GeneratedRegex(@"(?:^|(?<=\s))(?=・|資料[ \u3000]*\d)", RegexOptions.CultureInvariant)]
    private static partial Regex MaterialStart();

    [GeneratedRegex(@"<input\b[^>]*\bchecked\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InputChecked();

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InputUnchecked();

    [GeneratedRegex(@"(?<mark>[☑☐■□☒✓✔])[ \u3000]*(?<label>[^☑☐■□☒✓✔]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Box();

    [GeneratedRegex(@"[ \u3000]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    /// <summary>
    /// 公開 / 非公開 / 一部非公開 …, then a bracketed remark or one after a space, and nothing else. The remark may hold one
    /// bracket of its own (一部非公開（議題（２）は個人情報を含むため）: an agenda item's number), which before made the value unclear.
    /// </summary>
    [GeneratedRegex(@"^[ \u3000]*(?<state>一部非公開|一部公開|部分公開|非公開|公開)(?:[ \u3000]*[（(](?<remark>(?:[^（()）]|[（(][^（()）]*[）)])*)[）)][ \u3000]*|[ \u3000]+(?<remark>[^ \u3000].*))$", RegexOptions.CultureInvariant)]
    private static partial Regex StateWithRemark();

    /// <summary>A remark after 公開 that closes some of it (非公開, 非開示, 秘密会, 一部, …を除く).</summary>
    [GeneratedRegex(@"非\s*公\s*開|非開示|秘密|一部|部分|除", RegexOptions.CultureInvariant)]
    private static partial Regex ClosesPart();

    [GeneratedRegex(@"(?<=\S)[ \u3000]{2,}(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex WideGap();

    /// <summary>A space, then a group in lenticular or square brackets (【事務局】, ［委員］) with more after it.</summary>
    [GeneratedRegex(@"[ \u3000]+(?=[【［〔][^】］〕、]{1,15}[】］〕][ \u3000]*\S)", RegexOptions.CultureInvariant)]
    private static partial Regex GroupAfterSpace();
}
