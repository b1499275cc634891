using PublishPipeline.Model;
using PublishPipeline.Normalization.Cleanup;
using PublishPipeline.Normalization.Dates;

namespace PublishPipeline.Normalization.Header;

/// <summary>
/// Collects the header of the minutes (the 会議録 table, a numbered list, or a caption) field by field.
/// Rows whose first cell is empty continue the field above (出席者 → 幹事, 公開の可否 → 会議録, reasons).
/// </summary>
internal sealed partial class HeaderBuilder(Action<string, string, int?> warn)
{
    public string? Title { get; private set; }
    public int TitleLine { get; private set; }
    public string? Secretariat { get; private set; }
    public string? DateTimeText { get; private set; }
    public int DateTimeLine { get; private set; }
    public string? TimeText { get; private set; }
    /// <summary>An end time on its own line under the 日時 field (午前１１時２６分閉会).</summary>
    public string? EndTimeText { get; set; }
    /// <summary>招集日時's value: the date and hour a committee was called to, its date when no 日時 says otherwise.</summary>
    public string? ConvenedText { get; private set; }
    public int ConvenedLine { get; private set; }
    public string? Venue { get; private set; }
    public List<string> Agenda { get; } = [];
    public List<AttendeeGroup> Attendees { get; } = [];

    /// <summary>The line of the first attendee list (where a warning about its members points).</summary>
    public int? AttendeesLine { get; private set; }
    public List<string> Results { get; } = [];
    public List<string> Materials { get; } = [];
    public List<string> Captions { get; } = [];
    public int FieldCount { get; private set; }

    private DisclosureState _meeting;
    private string? _meetingReason;
    private DisclosureState _minutes;
    private string? _minutesReason;
    private bool _meetingSeen;
    private bool _minutesSeen;

    private HeaderField _lastField;
    private bool _resultsBelow;
    // How many of the results' own numbered items (１　承認, ２　原案可決) were read below their label.
    private int _resultsItems;
    private string? _lastSub;
    private string? _disclosureLabel;

    public HeaderField LastField => _lastField;

    public Disclosure Disclosure => new()
    {
        Meeting = _meeting,
        MeetingReason = _meeting is DisclosureState.Closed or DisclosureState.Partial ? _meetingReason : null,
        Minutes = _minutes,
        Reason = _minutes is DisclosureState.Closed or DisclosureState.Partial ? _minutesReason : null,
    };

    public bool DisclosureSeen => _meetingSeen || _minutesSeen;

    public bool MinutesDisclosureSeen => _minutesSeen;

    public void SetTitle(string title, int line)
    {
        if (Title is null)
        {
            Title = TitleParser.StripDocumentType(title);
            TitleLine = line;
        }
    }

    /// <summary>
    /// A header table row. Returns false when the row is not a header row (its first cell is no known
    /// label and it does not continue one), so the caller reads it as proceedings.
    /// </summary>
    public bool Row(IReadOnlyList<IReadOnlyList<string>> cells, int line)
    {
        var texts = cells.Select(c => string.Join("\n", c)).ToList();
        while (texts.Count > 0 && texts[^1].Length == 0)
        {
            texts.RemoveAt(texts.Count - 1);
        }

        if (texts.Count == 0)
        {
            return true;
        }

        if (_lastField == HeaderField.Results && _resultsBelow && texts.Count > 1
            && (HeaderLabels.Classify(texts[0]) == HeaderField.Unknown || IsBillsColumn(texts[0])))
        {
            // 議案の概要と審議結果 over a table: its rows, the heads too (議案 is the bills' column, not the agenda), are the
            // results. Before, a tab table's head row was read as an agenda and lost with the members heading its columns.
            Results.Add(string.Join(' ', texts.Select(t => t.Trim(' ', '\u3000'))));
            return true;
        }

        // Word tables often put two fields in one row: 開催日時 | … | 開催場所 | ….
        if (texts.Count >= 4 && texts[0].Length > 0 && HeaderLabels.Classify(texts[2]) is not HeaderField.Unknown
            && HeaderLabels.Classify(texts[0]) is not (HeaderField.Unknown or HeaderField.Attendees or HeaderField.Absentees or HeaderField.Disclosure))
        {
            var left = Row([cells[0], cells[1]], line);
            var right = Row([.. cells.Skip(2)], line);
            return left && right;
        }

        HeaderField field;
        int valueFrom;
        if (texts[0].Length > 0)
        {
            field = HeaderLabels.Classify(texts[0]);
            if (field == HeaderField.Unknown)
            {
                return false;
            }

            _lastField = field;
            _lastSub = null;
            valueFrom = 1;
            // "会議録の公開" as the row's own label says which disclosure it is.
            // So does 非公開の理由: its value is a reason, never a state.
            _disclosureLabel = field == HeaderField.Disclosure ? TextCleanup.RemoveSpaces(texts[0]) : null;
        }
        else
        {
            if (_lastField == HeaderField.Unknown)
            {
                return false;
            }

            field = _lastField;
            valueFrom = 1;
        }

        FieldCount++;
        var grouped = field is HeaderField.Attendees or HeaderField.Disclosure or HeaderField.Absentees;
        string? sub = null;
        var rest = texts.Skip(valueFrom).ToList();
        var restCells = cells.Skip(valueFrom).ToList();
        if (grouped && rest.Count >= 2)
        {
            sub = TextCleanup.RemoveSpaces(rest[0]);
            rest.RemoveAt(0);
            restCells.RemoveAt(0);
            if (sub.Length > 0)
            {
                _lastSub = sub;
            }
            else
            {
                sub = null;
            }
        }
        else if (grouped && rest.Count == 1 && cells.Count >= 3 && texts[0].Length == 0 && cells[1].Count > 0 && string.Join("", cells[1]).Length > 0)
        {
            // "\t説明者\t": a group with nobody listed.
            sub = TextCleanup.RemoveSpaces(rest[0]);
            rest.Clear();
            restCells.Clear();
            _lastSub = sub;
        }

        var paragraphs = restCells.SelectMany(c => c).Where(p => p.Length > 0).ToList();
        if (field is HeaderField.Attendees or HeaderField.Absentees && sub is null && paragraphs.Count > 1
            && AttendeeGroupLine.Alone(paragraphs[0]) is not null && AttendeeGroupLine.Alone(paragraphs[1]) is null)
        {
            // | 出席者 | 委員<w:br/>a、b<w:br/>事務局<w:br/>課長　c |: a group word alone on its line over its members' lines.
            // Before, the lines were one list: 長峰亘 事務局 環境政策課長　芦原道夫 was one member no reader took (held).
            string? group = null;
            var first = true;
            foreach (var p in paragraphs)
            {
                if (AttendeeGroupLine.Alone(p) is { } alone)
                {
                    group = alone;
                    first = true;
                }
                else if (first)
                {
                    AddAttendees(field, group, p, line);
                    first = false;
                }
                else
                {
                    ExtendLastGroup(HeaderLists.SplitMembers(p));
                }
            }

            return true;
        }

        if (field is HeaderField.Attendees or HeaderField.Absentees && sub is null && paragraphs.Count > 1
            && paragraphs.Skip(1).Any(p => AttendeeGroupLine.Read(p) is not null))
        {
            // | 出席者 | （委員）a、b<br>（事務局）課長　c |: a group per line of the cell (joined, the second group was one member).
            var first = Attendees.Count;
            foreach (var p in paragraphs)
            {
                if (AttendeeGroupLine.Read(p) is null && Attendees.Count > first)
                {
                    ExtendLastGroup(HeaderLists.SplitMembers(p));
                }
                else
                {
                    Field(field, null, p, [p], line);
                }
            }

            return true;
        }

        // A name, date or place is one cell; a further cell is a remark (備考), not part of it.
        var value = field is HeaderField.Title or HeaderField.Secretariat or HeaderField.DateTime or HeaderField.Time or HeaderField.Venue or HeaderField.Convened
            ? (rest.FirstOrDefault(r => r.Length > 0) ?? "").Replace('\n', ' ')
            : string.Join(" ", rest.Where(r => r.Length > 0)).Replace('\n', ' ');
        Field(field, sub, value, paragraphs, line, texts[0].Length > 0 ? texts[0] : null);
        return true;
    }

    /// <summary>The cell's lines of 開閉会日時及び宣告: the opening dates the minutes, the closing is their end; false when none reads.</summary>
    private bool Declared(IReadOnlyList<string> paragraphs, int line)
    {
        var read = false;
        foreach (var p in paragraphs)
        {
            if (OpeningDeclaration.Read(p, labelled: true) is not { } declared)
            {
                continue;
            }

            read = true;
            if (!declared.Opens)
            {
                EndTimeText ??= declared.When;
            }
            else if (DateTimeText is null)
            {
                DateTimeText = declared.When;
                DateTimeLine = line;
            }
        }

        return read;
    }

    /// <summary>A header field read from a paragraph ("1 日時 令和元年…") or continuing one.</summary>
    /// <param name="label">The field's label as written (出席委員), when the caller has it.</param>
    public void Field(HeaderField field, string? sub, string value, IReadOnlyList<string> paragraphs, int line, string? label = null)
    {
        _lastField = field;
        value = value.Trim(' ', '\u3000');
        // １１　会議の結果 alone on its line: the result is written below it.
        _resultsBelow = field == HeaderField.Results && value.Length == 0;
        _resultsItems = 0;
        switch (field)
        {
            case HeaderField.Title:
                if (Title is null && value.Length > 0)
                {
                    Title = TitleParser.StripDocumentType(value);
                    TitleLine = line;
                }

                break;
            case HeaderField.Secretariat when ValueBelowLabel.Of(field, value) is (HeaderField.Attendees, var group):
                // | 事務局 | 課長　瀬川　翔、主査　溝口　紗英 |: people, the secretariat's attendees (as below the label).
                AddAttendees(HeaderField.Attendees, group, value, line);
                _lastField = HeaderField.Attendees; // its list may go on below, as an attendee list does
                break;
            case HeaderField.Secretariat:
                Secretariat ??= value.Length > 0 ? value : null;
                break;
            case HeaderField.DateTime when label is not null && OpeningDeclaration.IsLabel(label) && Declared(paragraphs, line):
                // | 開閉会日時及び宣告 | 開会　令和５年３月２日　午前１０時　議長　…<br>散会　… |: opened and closed, read apart.
                break;
            case HeaderField.DateTime:
                if (DateTimeText is null && value.Length > 0)
                {
                    DateTimeText = value;
                    DateTimeLine = line;
                }
                else if (value.Contains('時', StringComparison.Ordinal) || value.Contains(':', StringComparison.Ordinal))
                {
                    // 開催日：令和5年9月12日 then 日　時　令和５年９月１２日　午前１０時開会: the second gives the time.
                    TimeText ??= value;
                }

                break;
            case HeaderField.Convened when label is not null && TextCleanup.RemoveSpaces(label).Contains("日時", StringComparison.Ordinal) && value.Length > 0:
                // 〇招集日時　令和6年12月12日 午前10時: a committee called to the hour it met (招集年月日 is a session's first day).
                ConvenedText ??= value;
                ConvenedLine = line;
                break;
            case HeaderField.Time:
                TimeText ??= value.Length > 0 ? value : null;
                break;
            case HeaderField.Venue:
                Venue ??= value.Length > 0 ? value : null;
                break;
            case HeaderField.Agenda:
                Agenda.AddRange(HeaderLists.SplitAgenda(paragraphs.Count > 0 ? paragraphs : [value]));
                break;
            case HeaderField.Attendees or HeaderField.Absentees:
                AddAttendees(field, sub, value, line, MemberGroup(label));
                break;
            case HeaderField.Disclosure:
                ReadDisclosure(sub ?? _lastSub ?? _disclosureLabel, value, line);
                break;
            case HeaderField.Results:
                if (value.Length > 0)
                {
                    Results.Add(value);
                }

                break;
            case HeaderField.Materials:
                foreach (var p in paragraphs.Count > 0 ? paragraphs : [value])
                {
                    Materials.AddRange(HeaderLists.SplitMaterials(p));
                }

                break;
            default:
                break;
        }
    }

    /// <summary>An agenda item read from a list of the proceedings' items (日程第１ …); <paramref name="wrapped"/> continues the last one.</summary>
    public void AgendaItem(string text, bool wrapped)
    {
        if (wrapped && Agenda.Count > 0)
        {
            Agenda[^1] += text.Trim(' ', '\u3000');
            return;
        }

        Agenda.Add(text.Trim(' ', '\u3000'));
    }

    /// <summary>A paragraph right after a header field that carries on with it (資料2 … after 配付資料, 区側：… after 出席者).</summary>
    /// <param name="listItem">The paragraph is an item of a list whose bullet the reader took off (Markdown's -, HTML's li).</param>
    /// <param name="indented">The paragraph is indented under the one above (a list wrapped at an entry).</param>
    public bool TryContinue(string text, int line, bool listItem = false, bool indented = false)
    {
        switch (_lastField)
        {
            case HeaderField.Materials when text.StartsWith('・') || text.StartsWith("資料", StringComparison.Ordinal) || text.StartsWith("参考", StringComparison.Ordinal):
                Materials.AddRange(HeaderLists.SplitMaterials(text));
                return true;
            case HeaderField.Agenda when AgendaItem().IsMatch(text) || (listItem && HeaderLabels.ReadParagraph(text) is null):
                // ８　議　題 over （１）…、（２）その他: the items below the label (４　議題 over a bulleted list: each bullet).
                Agenda.Add(text.Trim(' ', '\u3000'));
                return true;
            case HeaderField.Results when _resultsBelow && !Proceedings.Markers.MarkedSpeaker.StartsWithMarker(text)
                && Proceedings.SpeakerLabels.Read(text).Style == Proceedings.LabelStyle.None
                && (HeaderLabels.ReadParagraph(text) is not { } read || IsBillsColumn(read.Label)) && !EndsResults(text):
                // A results table's rows and its heads (議案　件名　概要　…　結果: 議案 is the bills' column, not an agenda);
                // the next numbered item of the header (３　協議・報告等) ends it, but not the results' own １, ２ … below it.
                if (NumberedItem().IsMatch(text))
                {
                    _resultsItems++;
                }

                Results.Add(text.Trim(' ', '\u3000'));
                return true;
            case HeaderField.Attendees or HeaderField.Absentees:
                if (Attendees.Count > 0 && (_listWraps || indented) && !text.Contains('。', StringComparison.Ordinal) && HeaderLabels.ReadParagraph(text) is null)
                {
                    if (_listWraps && !OpensProceedings(text))
                    {
                        // 出席委員　山田会長、佐藤委員、 over 　鈴木委員、田中委員: the list wrapped after its 、, the same group goes on.
                        // Before, the line began the proceedings and its names were left to the dictionary.
                        ExtendLastGroup(HeaderLists.SplitMembers(text));
                        _listWraps = EndsWithListComma(text);
                        return true;
                    }

                    if (indented && IndentedAttendees(text))
                    {
                        return true;
                    }
                }

                if (AttendeeGroupLine.Read(text) is { } grouped && !text.Contains('。', StringComparison.Ordinal))
                {
                    // （事務局）環境政策課長　今井　浩二 under （委員）…: the next group of the list.
                    AddAttendees(_lastField, grouped.Group, grouped.Members, line);
                    return true;
                }

                if (AttendeeGroupLine.ReadSpaced(text) is { } spaced && NamesSomeone(spaced.Members))
                {
                    // 出席者　委員　宮坂昭彦（会長）、… over 　　事務局　芦田修（都市計画課長）: the next group, written as the first.
                    // Before, the line was passed over and the secretary was in no group and no register.
                    AddAttendees(_lastField, spaced.Group, spaced.Members, line);
                    return true;
                }

                var colon = text.AsSpan().IndexOfAny('：', ':');
                // "区側：総務部長、…" names a group; "委員：質問します。" is already the proceedings.
                if (colon is > 0 and <= 12 && Proceedings.SpeakerLabels.IsRoleLike(TextCleanup.RemoveSpaces(text[..colon])) && !text[..colon].Contains('、', StringComparison.Ordinal)
                    && !text.Contains('。', StringComparison.Ordinal))
                {
                    AddAttendees(_lastField, TextCleanup.RemoveSpaces(text[..colon]), text[(colon + 1)..], line);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>出席委員 names its members' group, 委員, though a member is written without the word (真鍋　俊介（会長））.</summary>
    private static string? MemberGroup(string? label) =>
        label is not null && TextCleanup.RemoveSpaces(label).TrimEnd('：', ':') is "出席委員" ? "委員" : null;

    /// <summary>
    /// A line indented under an attendee list, as roll entries: 出席者　委員　… over 　事務局　福祉課長　寺沢綾乃 (the next group,
    /// indented as the first) or 事務局　部長　松浦幸夫、所長　河端貴子 over 　課長　嶋田武則、… (the list goes on). A first word
    /// ending in 長 is the first entry's post, never a group (子ども・若者支援課長　嶋田武則).
    /// </summary>
    private bool IndentedAttendees(string text)
    {
        var trimmed = text.Trim(' ', '\u3000');
        var space = trimmed.AsSpan().IndexOfAny(' ', '\u3000');
        if (space > 0 && trimmed[space - 1] != '長' && AttendeeGroupLine.IsGroupWord(trimmed[..space]))
        {
            // Members written otherwise (事務局　芦原道夫（都市計画課長）) are the group readers' below.
            if (HeaderLists.SplitMembers(trimmed[(space + 1)..]) is not { Count: > 0 } grouped || !grouped.TrueForAll(Rolls.RollEntryShapes.IsListedEntry))
            {
                return false;
            }

            Attendees.Add(new AttendeeGroup(trimmed[..space], grouped));
        }
        else if (HeaderLists.SplitMembers(trimmed) is { Count: > 0 } more && more.TrueForAll(m => Rolls.RollEntryShapes.IsListedEntry(m) || (StaffAbove() && Rolls.RollEntryShapes.IsSurnameBeforeOffice(m))))
        {
            ExtendLastGroup(more);
        }
        else
        {
            return false;
        }

        _listWraps = EndsWithListComma(text);
        return true;
    }

    /// <summary>
    /// A line no attendee list goes on with, though the list above ended with 、 (a stray one): the sitting's time
    /// (午前10時開会), a procedure or stage line, a heading, a marked speaker. Before, 午前10時開会 became a member.
    /// </summary>
    private static bool OpensProceedings(string text)
    {
        var t = text.Trim(' ', '\u3000', '\t');
        return Proceedings.Markers.MarkedSpeaker.StartsWithMarker(t) || Proceedings.LinePatterns.IsProcedure(t)
            || Proceedings.LinePatterns.IsSectionHeading(t) || Proceedings.LinePatterns.IsBusinessCaption(t);
    }

    /// <summary>
    /// The last group is a secretariat's: its list writes staff by surname and office (事務局　石橋子育て健康課長　… over an
    /// indented 　市村主査). Only there: under members, 山田委員長 alone on an indented line may be a speaker's label.
    /// </summary>
    private bool StaffAbove() => Attendees[^1].Group.Contains("事務局", StringComparison.Ordinal) || Attendees[^1].Group.Contains("職員", StringComparison.Ordinal);

    /// <summary>The last attendee group goes on with <paramref name="members"/> (a list continued on the line below).</summary>
    private void ExtendLastGroup(IEnumerable<string> members) =>
        Attendees[^1] = Attendees[^1] with { Members = [.. Attendees[^1].Members, .. members] };

    /// <summary>The last attendee list read ended with its separator (、): the next line carries it on.</summary>
    private bool _listWraps;

    private static bool EndsWithListComma(string text) => text.TrimEnd(' ', '\u3000') is [.., '、' or '，' or ','];

    private void AddAttendees(HeaderField field, string? sub, string value, int line, string? labelGroup = null)
    {
        AttendeesLine ??= line;
        _listWraps = EndsWithListComma(value);
        var members = HeaderLists.SplitMembers(value);
        var group = sub;
        if (group is null && AttendeeGroupLine.Read(value) is { } grouped)
        {
            // "（委員）a、b": the group in brackets before its members.
            group = grouped.Group;
            members = HeaderLists.SplitMembers(grouped.Members);
        }
        else if (group is null && AttendeeGroupLine.ReadApart(value) is { } apart)
        {
            // 委員　山田太郎　佐藤花子　　事務局　教育長　鈴木一郎: groups two spaces apart on one line, no 、 (before, one
            // group 出席者 whose first member was 委員　山田太郎 and whose last was 事務局　教育長　鈴木一郎).
            foreach (var (name, groupMembers) in apart)
            {
                Attendees.Add(new AttendeeGroup(Absent(field, name), groupMembers));
            }

            return;
        }
        else if (group is null && AttendeeGroupLine.ReadSpaced(value) is { } spaced && !HasWideGap(spaced.Members) && NamesSomeone(spaced.Members))
        {
            // "出席者　委員　宮坂昭彦（会長）、津田加奈子（副会長）": the group word, a space and its list (a wide gap in the
            // list opens a second group there, 委員 森本圭介、原田俊　　事務局 …, and the list stays the header's as before).
            group = spaced.Group;
            members = HeaderLists.SplitMembers(spaced.Members);
        }
        else if (group is null)
        {
            // "委員：a、b" inside the value names its own group.
            var colon = value.AsSpan().IndexOfAny('：', ':');
            if (colon is > 0 and <= 12 && !value[..colon].Contains('、', StringComparison.Ordinal))
            {
                group = TextCleanup.RemoveSpaces(value[..colon]);
                members = HeaderLists.SplitMembers(value[(colon + 1)..]);
            }
            else if (field == HeaderField.Absentees)
            {
                group = "欠席者";
            }
            else
            {
                // Only when every member is written as a 委員 is the group named so; otherwise as the header says.
                group = labelGroup ?? (members.Count > 0 && members.All(m => m.Contains("委員", StringComparison.Ordinal)) ? "委員" : "出席者");
            }
        }

        // （委員）a、b、（事務局）課長　c on one line: a member that opens with a group starts that group.
        var from = 0;
        for (var i = 1; i < members.Count; i++)
        {
            if (members[i].Length > 0 && members[i][0] is '（' or '(' or '【' or '［' or '〔' && AttendeeGroupLine.Read(members[i]) is { } next)
            {
                Attendees.Add(new AttendeeGroup(Absent(field, group), members[from..i]));
                group = next.Group;
                members[i] = next.Members;
                from = i;
            }
        }

        Attendees.Add(new AttendeeGroup(Absent(field, group), from == 0 ? members : members[from..]));
    }

    /// <summary>
    /// Whether a list after a group word is names as 敬称略 lists write them (宮坂昭彦, 芦田修（都市計画課長）): one at least
    /// reads as a name, and none has a post or role of its own (委員 山田太郎、委員長佐藤花子: 委員 is the first entry's role).
    /// </summary>
    private static bool NamesSomeone(string members)
    {
        var items = HeaderLists.SplitMembers(members);
        return items.Any(m => Rolls.RollEntryShapes.BareEntry(m, null) is not null) && !items.Any(Rolls.RollEntryShapes.LooksLikeEntries);
    }

    private static bool HasWideGap(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] is ' ' or '\u3000' && text[i - 1] is ' ' or '\u3000')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>欠席者 over 【委員】小此木　徹: the group is the absent members (欠席者（委員）), not 委員 among those present.</summary>
    private static string Absent(HeaderField field, string group) =>
        field == HeaderField.Absentees && !group.Contains("欠席", StringComparison.Ordinal) ? $"欠席者（{group}）" : group;

    private void ReadDisclosure(string? sub, string value, int line)
    {
        var target = sub switch
        {
            null => "会議",
            _ when sub.Contains("会議録", StringComparison.Ordinal) || sub.Contains("議事録", StringComparison.Ordinal) || sub.Contains("記録", StringComparison.Ordinal) => "会議録",
            // 非公開の理由 on its own line gives the reason of the state read just before it.
            _ when sub.Contains("理由", StringComparison.Ordinal) => _lastDisclosureTarget,
            _ => "会議",
        };

        var (state, problem, note) = HeaderLists.ReadDisclosure(value);
        var reasonOnly = sub?.Contains("理由", StringComparison.Ordinal) == true
            || (state == DisclosureState.Unknown && value.Contains("理由", StringComparison.Ordinal) && !value.Contains('☑', StringComparison.Ordinal)
                && !value.Contains('☐', StringComparison.Ordinal) && !value.Contains("<input", StringComparison.OrdinalIgnoreCase));
        if (reasonOnly)
        {
            SetReason(target, HeaderLists.ReadReason(value));
            return;
        }

        if (problem is not null)
        {
            warn("disclosure-unclear", $"公開の可否 ({target}): {problem}; read as unknown", line);
        }

        SetReason(target, note);
        _lastDisclosureTarget = target;
        if (target == "会議録")
        {
            // A 非公開 stamp on the document is not undone by a field below it: the stricter state stands.
            _minutes = _stamped ? DisclosureState.Closed : state;
            _minutesSeen = true;
        }
        else
        {
            _meeting = state;
            _meetingSeen = true;
        }
    }

    private string _lastDisclosureTarget = "会議";
    private bool _stamped;

    /// <summary>
    /// A stamp alone on a line of the header (非公開, 【部外秘】): the document itself says it is not for the public, so
    /// its minutes are 非公開 whatever else the header says. Before, 非公開 alone was read as a disclosure label with the
    /// title below it as its value: the title was lost and the state unknown (published under a publish-unknown policy).
    /// </summary>
    public void Stamp(string stamp, int line)
    {
        _stamped = true;
        _minutes = DisclosureState.Closed;
        _minutesSeen = true;
        _minutesReason ??= $"文書に「{stamp}」の表示";
        warn(DisclosureStamp.WarningCode, $"the document is stamped '{stamp}'; its minutes are read as 非公開", line);
    }

    private void SetReason(string target, string? reason)
    {
        if (target == "会議録")
        {
            _minutesReason ??= reason;
        }
        else
        {
            _meetingReason ??= reason;
        }
    }

    private static (DateOnly? Date, string? Start, string? End) ToTuple((string? Start, string? End) t) => (null, t.Start, t.End);

    public (DateOnly? Date, string? Start, string? End) ReadDateTime()
    {
        if (DateTimeText is null)
        {
            return TimeText is null ? (null, null, null) : ToTuple(JapaneseDates.FindTimeRange(TimeText));
        }

        // 令和二年一月二十日（月曜日）午後一時開議: kanji numerals read as digits.
        var dateTime = KanjiNumerals.ToDigits(DateTimeText);
        var d = JapaneseDates.FindDate(dateTime);
        if (d is { Problem: { } problem })
        {
            warn("date-invalid", $"開催日時: {problem}", DateTimeLine);
        }

        var (start, end) = JapaneseDates.FindTimeRange(dateTime, d?.End ?? 0);
        if (start is null && TimeText is not null)
        {
            (start, end) = JapaneseDates.FindTimeRange(KanjiNumerals.ToDigits(TimeText));
        }

        if (start is not null && end is null && EndTimeText is not null)
        {
            end = JapaneseDates.FindTimeRange(KanjiNumerals.ToDigits(EndTimeText)).Start;
        }

        return (d?.Date, start, end);
    }

    /// <summary>Under a results label, 議案 heads the bills' column of the results table, not the agenda.</summary>
    private static bool IsBillsColumn(string label) => TextCleanup.RemoveSpaces(label) == "議案";

    /// <summary>
    /// A numbered item that ends the results below their label: the header's next item (３　協議・報告等, ５　議事内容), not
    /// the results' own list numbered from １ (４　会議の結果 over １　承認 and ２　原案可決; before, those were section headings).
    /// </summary>
    private bool EndsResults(string text)
    {
        if (!NumberedItem().IsMatch(text))
        {
            return false;
        }

        var digits = text.AsSpan().TrimStart(" \u3000");
        var number = 0;
        for (var i = 0; i < digits.Length && i < 2 && char.IsDigit(digits[i]); i++)
        {
            number = (number * 10) + (int)char.GetNumericValue(digits[i]);
        }

        return number != _resultsItems + 1;
    }

    /// <summary>A numbered item of the header, a short heading with no sentence: ３　協議・報告等.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \u3000]*\d{1,2}[ \u3000]+[^ \u3000。、]{1,20}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NumberedItem();

    /// <summary>An item of a list: （１）, (1), １., ①, ・; or a board's numbered bill: 議決事項１, 報告事項２, 議案第３号, 第３号議案.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \u3000]*(?:[（(]\d{1,2}[)）]|\d{1,2}[.．)）]|[\u2460-\u2473]|[・･]|(?:議決|報告|協議|審議|承認)事項[ \u3000]*\d{1,2}(?!\d)|議案第[ \u3000]*\d{1,3}[ \u3000]*号|第[ \u3000]*\d{1,3}[ \u3000]*号議案)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AgendaItem();
}
