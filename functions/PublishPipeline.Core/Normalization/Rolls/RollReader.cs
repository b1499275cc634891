using PublishPipeline.Model;
using PublishPipeline.Normalization.People;

namespace PublishPipeline.Normalization.Rolls;

/// <summary>
/// Reads the rolls of a document line by line, wherever they stand (before the proceedings, or the
/// signatures after them): a heading opens a roll, entry lines fill it (several per line in a
/// two-column layout), a line holding only an office at the indentation of the entries above
/// continues that entry's office (a wrapped <c>教育委員会教育部</c> / <c>教育推進室長</c>), <c>な　し</c> leaves it
/// empty, and anything else closes it and is read as usual. A stated count that the entries do not
/// match is a warning (without names: warnings are published).
/// </summary>
internal sealed partial class RollReader(Action<string, string, int> warn)
{
    private readonly List<Roll> _rolls = [];
    private string? _group;
    /// <summary>The heading over sub-group lines (出席者 over （委員）…), once the first of them opened its roll.</summary>
    private string? _heading;
    private string? _count;
    private int _headingLine;
    private List<PersonMention> _entries = [];
    private List<int> _columns = [];
    private bool _none;

    public KnownPeople Known { get; } = new();

    public IReadOnlyList<Roll> Rolls
    {
        get
        {
            Close();
            return _rolls;
        }
    }

    public bool IsOpen => _group is not null;

    /// <summary>
    /// The rolls read from group lines under one heading (出席者 over （委員）… and （事務局）…) or under a 審議会's
    /// own 出席者 / 欠席者 heading (an assembly's rolls are 出席議員, 説明員 …): the attendee list of a 審議会's
    /// minutes, shown as its 出席者 when the header has none.
    /// </summary>
    public IReadOnlyList<AttendeeGroup> AttendeeGroups
    {
        get
        {
            Close();
            return _attendeeGroups;
        }
    }

    private readonly List<AttendeeGroup> _attendeeGroups = [];

    /// <summary>The line of the first of <see cref="AttendeeGroups"/> (whether they stand before or after the header's own list).</summary>
    public int? AttendeeGroupsLine { get; private set; }

    /// <summary>Offers a cleaned line with its indentation (display columns); true when it was part of a roll.</summary>
    public bool Offer(string text, int indent, int line)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_group == "署名" && RollEntries.Read(text, Known, _columns, indent) is { } signatures)
        {
            // 署名議員　大　西　由　紀 under the signature line is a signature, not a new roll.
            AddEntries(signatures);
            return true;
        }

        if (RollHeading.Read(text) is { } head)
        {
            if (head.Rest.AsSpan().IndexOfAny("、，,・") >= 0 && !IsSignatories(head.Group))
            {
                // 出席委員：山田委員、佐藤委員: a header's attendee list, read as attendees (and a roll from them).
                Close();
                if (Header.HeaderLabels.ReadParagraph(text) is null
                    && head.Rest.AsSpan().IndexOfAny("、，,") >= 0 && !head.Rest.Contains('。', StringComparison.Ordinal))
                {
                    return UnknownLabelList(head, line);
                }

                return false;
            }

            Close();
            _group = head.Group;
            _count = head.Count;
            _headingLine = line;
            if (head.Rest.Length > 0)
            {
                if (RollEntries.IsNone(head.Rest))
                {
                    _none = true;
                }
                else if (!IsSignatories(head.Group) && Header.AttendeeGroupLine.ReadApart(head.Rest) is { } apart)
                {
                    // 出席者：委員　山田太郎　佐藤花子　　事務局　教育長　鈴木一郎: a roll per group, as group lines below the
                    // heading give (before, one roll whose entries were 委員　山田太郎, 佐藤花子 and 事務局　教育長　鈴木一郎).
                    foreach (var (group, members) in apart)
                    {
                        SubRoll(group, string.Join('、', members), indent, line);
                    }
                }
                else if (IsSignatories(head.Group) && ListedEntries(head.Rest, _columns, line) is { } signatories)
                {
                    // ６　会議録署名委員　山田太郎委員、佐藤花子委員: people of the register, not the meeting's attendees.
                    AddEntries(signatories);
                }
                else if (!IsSignatories(head.Group) && SpaceListedEntries.Read(head.Rest, Known) is { } wholly && wholly.TrueForAll(e => e.Name is not null))
                {
                    // 1.事務局員 浜岡翔議事係長 西畑潤調査係長: every item a whole name (before, one entry of them all).
                    AddSpaced(wholly, line);
                }
                else if (RollEntries.Read(head.Rest, Known, _columns, indent + (text.Length - head.Rest.Length) * 2) is { Count: > 0 } first)
                {
                    AddEntries(first);
                }
                else if (!IsSignatories(head.Group) && SpaceListedEntries.Read(head.Rest, Known) is { } onHeading)
                {
                    // 1.出席委員 ◎山根昌子 ○肥田茂男 佐久間真和: whole names one space apart.
                    AddSpaced(onHeading, line);
                }
                else if (BareEntry(head.Rest) is { } bare)
                {
                    // 欠席者（敬称略）：野々村純一: one bare name on the heading line (a 、 list is the header's, above).
                    // Before, the roll kept no entry and the name was in neither the register nor the absent group.
                    if (Header.HeaderLabels.ReadParagraph(text) is { Field: Header.HeaderField.Attendees or Header.HeaderField.Absentees })
                    {
                        // A header label the header reads (出席者, 欠席者): its list, as with two names.
                        _group = null;
                        _count = null;
                        _columns = [];
                        return false;
                    }

                    _entries.Add(bare);
                    _columns.Add(-1);
                }
                else if (IsRecordKeeper(head.Group) && NameNoLexiconSplits(head.Rest) is { } keeper)
                {
                    // 記録者　宮之森芳江: who kept the record, by a name the lexicon does not split (a heading of one person names
                    // that person). Before, the roll kept no entry, was dropped, and the name was in no register.
                    _entries.Add(keeper);
                    _columns.Add(-1);
                }
            }

            return true;
        }

        if (_group is null)
        {
            return false;
        }

        if ((_heading is not null || _entries.Count == 0) && BracketedGroup().Match(text) is { Success: true } bracketedGroup)
        {
            // 出席者 over 【会長】, 【委員】, 【事務局】, each over its ・office　name lines: a roll per group, as group lines give.
            // Before, each group was read as a speaker's label and its people published as its speech.
            var heading = _heading ?? _group!;
            Close();
            _heading = heading;
            _group = bracketedGroup.Groups["group"].Value;
            _headingLine = line;
            _bracketGroup = true;
            return true;
        }

        if (_bracketGroup && OfficeThenName(text) is { } officer)
        {
            // ・架空市私立幼稚園協議会　伊東　聡, ・公募による市民　平野　美由紀: whatever the office, the name ends the line.
            _entries.Add(officer);
            _columns.Add(-1);
            return true;
        }

        if (_bracketGroup && text.TrimStart(' ', '\u3000').StartsWith('・'))
        {
            // A bulleted line of a bracketed group whose name cannot be told from its office: held, never published as text.
            Unread(new PersonMention { Written = text.Trim(' ', '\u3000', '\t') }, -1, line);
            return true;
        }

        if (RollEntries.IsNone(text))
        {
            _none = true;
            return true;
        }

        if (AttendanceTable.IsFurniture(text))
        {
            // 出席１０名　欠席１名, 凡例　○出席を示す…, 議席番号　氏名　出欠等の別: the roll call's count, legend and heads.
            _count ??= AttendanceTable.Stated(text) is int members ? $"{members}名" : null;
            return true;
        }

        if (AttendanceTable.AsSeatEntries(text) is { } seats)
        {
            // １　佐　藤　花　子　○　　６　中　村　和　也　△: seats, names and marks, read as seat entries.
            text = seats;
        }

        if (PostNameList.AsEntries(text) is { } pairs && ListedEntries(pairs, _columns, line) is { } paired)
        {
            // 委員長：星野健太、副委員長：安藤哲也: each post and its holder, an entry (the colon is no speaker's).
            AddEntries(paired);
            return true;
        }

        if (EachMemberList.Read(text) is { } surnames)
        {
            // 真鍋委員長、東雲、宮之森の各委員（大河内副委員長は欠席）: surnames, the chair's with its title.
            AddEntries(surnames);
            return true;
        }

        if (Header.AttendeeGroupLine.Elsewhere(text) is not null)
        {
            // 　委員（別表のとおり）: a group listed in a table further on (read there); the roll goes on below it.
            return true;
        }

        if (Header.AttendeeGroupLine.Counted(text) is { } counted)
        {
            // ３　出席者 over 委員　委員長始め３名: the group and its count, no one to enter; the roll goes on below it.
            var heading = _heading ?? _group!;
            Close();
            AttendeeGroupsLine ??= line;
            _attendeeGroups.Add(new AttendeeGroup(counted.Group, counted.Count.Length > 0 ? [counted.Count] : []));
            _group = heading;
            _heading = heading;
            _headingLine = line;
            return true;
        }

        if (Header.AttendeeGroupLine.Read(text) is { } sub && SubRoll(sub.Group, sub.Members, indent, line))
        {
            return true;
        }

        if (Header.AttendeeGroupLine.ReadSpaced(text) is { } spaced && SubRoll(spaced.Group, spaced.Members, indent, line))
        {
            // 　委員　宮坂昭彦（会長）、津田加奈子: the group word, a space and its list (with 、: a roll's office and name have none).
            return true;
        }

        if (Header.HeaderLabels.ReadParagraph(text) is { Field: not (Header.HeaderField.Attendees or Header.HeaderField.Absentees) }
            && !UnreadEntry.IsSpacedOut(text.Trim(' ', '\u3000', '\t')))
        {
            // (議 事 係 長 長谷川 朋 美 is an office and a name spaced out, read or held below, not 議事 (the agenda's label) and
            // its value: before, the line closed the roll and the name was published as an agenda item.)
            // 議事内容 / ６　会議の公開　公開 after the list: the header goes on (it was taken as a wrapped office).
            Close();
            return false;
        }

        if (_entries.Count == 0 && RollEntries.IsColumnHeads(text))
        {
            // | 番号 | 氏名 |: a table's column heads above the entries.
            return true;
        }

        // 副 市 長 清 水 幸 雄: spacing lost; read only when one split is an office and a name, else held below.
        var spacedOut = UnreadEntry.IsSpacedOut(text.Trim(' ', '\u3000', '\t'));
        if (spacedOut && UnreadEntry.SpacedOutOfficeAndName(text) is { } split)
        {
            text = split;
            spacedOut = false;
        }

        if (!spacedOut && People.UnreadNames.KatakanaWordBeforeTitle(People.WrittenName.Compact(text)))
        {
            // マクレガー委員 alone on its line: a name the lexicon knows as a surname (ジョンソン委員) is the entry's name, any
            // other is held. Before, the whole was a bare name (マクレガー委員, 委員 in it) the redactor left unmasked.
            var trimmed = text.Trim(' ', '\u3000', '\t');
            if (People.SpeakerLabelParser.Parse(trimmed, Known) is { Name: not null } member)
            {
                _entries.Add(member);
                _columns.Add(indent);
            }
            else
            {
                Unread(new PersonMention { Written = trimmed }, indent, line);
            }

            return true;
        }

        if (!spacedOut && line == _spacedLine + 1 && SpaceListedEntries.ReadWrapped(text, Known) is { } wrapped)
        {
            // 荒木知子庶務係長 alone under 1.事務局員 榎田雅朝局長 南田和彦次長 …: the list's wrapped last entry.
            AddSpaced([wrapped], line);
            return true;
        }

        if (!spacedOut && RollEntries.Read(text, Known) is not { Count: > 0 } && SpaceListedEntries.Read(text, Known) is { } spacedList)
        {
            // 駒田高行 田辺富造 清水谷謙治各委員, 榎田雅朝局長心得 南田和彦次長: whole names (a name and its office) one space apart.
            AddSpaced(spacedList, line);
            return true;
        }

        if (!spacedOut && ListedEntries(text, _columns, line) is { } listed)
        {
            AddEntries(listed);
            return true;
        }

        if (!spacedOut && AttendanceMark().Match(text.Trim(' ', '\u3000', '\t')) is { Success: true } mark
            && (BareEntry(mark.Groups["name"].Value) ?? NameNoLexiconSplits(mark.Groups["name"].Value)) is { } called)
        {
            // 宇佐見郁代（出席） / 真柴奈美子（欠席） under 委員出欠: a roll call of bare names, each with its attendance (the mark
            // is not kept, as a roll call's ○ and △). Before, only the first was an entry; the next closed the roll and read as
            // a label (出席) over the one below, and the rest fell into the header's attendees and the proceedings.
            _entries.Add(called);
            _columns.Add(indent);
            return true;
        }

        if (!spacedOut && _entries.Count == 0 && BareEntry(text) is { } alone)
        {
            // 欠席者 over 大川原俊介 (a saved page's <dt>/<dd>): one bare name, the roll's only entry so far. Before, the roll
            // closed and the name, and the header fields after it, fell into the proceedings.
            _entries.Add(alone);
            _columns.Add(indent);
            return true;
        }

        var columnsBefore = _columns.Count;
        if (!spacedOut && RollEntries.Read(text, Known, _columns, indent) is { } entries)
        {
            // 町長　水野玲奈副町長　小田切誠総務課長　戸川美帆: entries run together, read as one whose office holds
            // the others' names (published as its office). Held like a line no reader takes.
            if (entries.Any(e => e.Role is { } role && UnreadEntry.HoldsAnotherEntry(role)))
            {
                _columns.RemoveRange(columnsBefore, _columns.Count - columnsBefore);
                Unread(new PersonMention { Written = text.Trim(' ', '\u3000', '\t') }, indent, line);
                return true;
            }

            AddEntries(entries);
            return true;
        }

        if (Header.AgendaList.IsHeading(text))
        {
            // 本日の会議に付した事件 under the last entry: the agenda's heading, not a wrapped office (before, it and every
            // item below it ran on into that entry's office, and the agenda was lost).
            Close();
            return false;
        }

        if (_entries.Count > 0 && RollEntries.OfficeContinuation(text, indent) is { } offices && Continue(offices))
        {
            return true;
        }

        if (!spacedOut && NameInNameColumn(text, indent) is { } below)
        {
            // 副委員長　佐川ひろと over 　　　　　上野よしもり: the names below the last office, in its name column, are the
            // roll's other members (their office unwritten). Before, the roll closed and they were published as text.
            _entries.Add(below);
            _columns.Add(indent);
            return true;
        }

        if (!spacedOut && _entries.Count > 0 && IsUnitCaption(text))
        {
            // 政策経営部 over 部長　加賀見 実: the department its offices below belong to, in the office column; the roll goes
            // on (before, it closed and the staff below were published as text).
            return true;
        }

        // 町長　　John Smith: an entry whose name no reader can read is kept (without a name) and held
        // for review, and the roll stays open: closing it would publish this line and the entries after it as speeches.
        if (UnreadEntry.Read(text) is { } unread)
        {
            Unread(unread, indent, line);
            return true;
        }

        // （総務常任委員会）: a sub-heading inside the roll (not a time: （午前１０時開会） ends it).
        if (text.Length <= 30 && text[0] is '（' or '(' && text[^1] is '）' or ')' && !text.Any(char.IsAsciiDigit))
        {
            return true;
        }

        // Signatures are dated between the heading and the names.
        if (_group == "署名" && Dates.JapaneseDates.FindDate(text) is { } d && d.End >= text.Length - 1)
        {
            return true;
        }

        // 出席議員（２０名） with fewer entries read when a line no reader could take ends it: that line and
        // the ones after it are likely the rest of the roll, and would be published as text. Held.
        if (StatedCount(_count) is int stated && _entries.Count < stated && !_none)
        {
            warn(UnreadEntry.WarningCode, $"roll '{_group}' states {stated} people but a line ended it after {_entries.Count}; the rest may be people whose names could not be read; held for review", line);
        }

        Close();
        return false;
    }

    /// <summary>
    /// The people one line names outside a roll (開閉会の宣告's <c>議長　山田太郎</c>): a roll of <paramref name="group"/>,
    /// or that roll's entries added to when it is the last one read; an entry no reader can read is held as in a roll.
    /// </summary>
    public void AddLine(string group, string entries, int line)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Close();
        var read = RollEntries.Read(entries, Known);
        if (read is not { Count: > 0 } && BareEntry(entries) is { } bare)
        {
            read = [bare];
        }

        if (_rolls.Count > 0 && _rolls[^1].Group == group && read is { Count: > 0 })
        {
            var last = _rolls[^1];
            read.ForEach(Known.Add);
            _rolls[^1] = last with { Entries = [.. last.Entries, .. read] };
            return;
        }

        _group = group;
        _headingLine = line;
        if (read is { Count: > 0 })
        {
            AddEntries(read);
        }
        else
        {
            Unread(new PersonMention { Written = entries.Trim(' ', '\u3000', '\t') }, -1, line);
        }

        Close();
    }

    /// <summary>
    /// 委員出席者　山田太郎、佐藤花子: a 、 list after a roll heading no header label names. Read as an attendee group
    /// (its group the word before 出席者: 委員) when its items read as people; else kept as one entry without a name
    /// and held for review. The roll stays open for the list's wrapped lines. Before, the header passed over the
    /// line: the names were in no register.
    /// </summary>
    private bool UnknownLabelList(RollHead head, int line)
    {
        var columns = new List<int>();
        var entries = ListedEntries(head.Rest, columns, line);
        var attendees = head.Group.EndsWith("出席者", StringComparison.Ordinal) && head.Group.Length > 3
            ? head.Group[..^3] : head.Group;
        _group = attendees;
        _heading = attendees; // an attendee group (Close)
        _count = head.Count;
        _headingLine = line;
        if (entries is null)
        {
            Unread(new PersonMention { Written = head.Rest }, -1, line);
        }
        else
        {
            _columns.AddRange(columns);
            AddEntries(entries);
        }

        return true;
    }

    /// <summary>会議録署名議員, 署名委員, 議事録署名人: who signs the record (the closing 署名する。 line's group is 署名).</summary>
    private static bool IsSignatories(string group) => group.Contains("署名", StringComparison.Ordinal);

    private void Unread(PersonMention unread, int indent, int line)
    {
        _entries.Add(unread);
        _columns.Add(indent);
        warn(UnreadEntry.WarningCode, $"roll '{_group}': an entry whose name could not be read (not written in kanji, kana or a katakana name with ・/＝, or its spacing was lost so the name's bounds cannot be told); held for review", line);
    }

    /// <summary>
    /// A line under the heading that lists its people with 、 (a saved page's &lt;dd&gt;: 横山智子会長、佐野亮介委員,
    /// 環境課長　平野健太、環境係長　菅原理沙): each item is read as a line of its own. Null unless the line is such
    /// a list and every item reads; before, the whole line was one entry and the names after the first were its role.
    /// </summary>
    private List<PersonMention>? ListedEntries(string text, List<int> columns, int line)
    {
        if (text.AsSpan().IndexOfAny("、，,") < 0)
        {
            return null;
        }

        var items = Cleanup.TextCleanup.SplitTopLevel(Header.HeaderLists.WithoutListCount(text), "、，,");
        if (items.Count < 2)
        {
            return null;
        }

        var all = new List<PersonMention>(items.Count);
        var unread = 0;
        foreach (var item in items)
        {
            if (RollEntries.Read(item, Known) is { Count: > 0 } read)
            {
                all.AddRange(read);
                continue;
            }

            if (BareEntry(item) is { } person)
            {
                all.Add(person);
                continue;
            }

            if (SurnameBeforeOffice(item) is { } officer)
            {
                // 茶谷局長、土門議会総務課長 under 〇議会事務局出席者: a surname before its office, as a label writes it.
                all.Add(officer);
                continue;
            }

            var bare = item.Trim(' ', '\u3000');
            if (OthersCount().IsMatch(bare))
            {
                // ほか４名, 外２名: the rest of the list, counted.
                continue;
            }

            if (all.Count > 0 && all.Exists(e => e.Name is not null) && NameNoLexiconSplits(bare) is { } unsplit)
            {
                // 里中晴彦（会長）、高砂由紀子: among names, a name the lexicon cannot split is a name still (a header list reads it
                // so). Before, the whole list was unread and （委員）… fell into the proceedings as a speech.
                all.Add(unsplit);
                continue;
            }

            // 山中　健太郎、Ｊ．ブラウン、森　茂: in a list of people, an item no reader can read but that may be a
            // name (Latin or katakana letters) is a person too; kept without a name, and the document held.
            var compact = People.WrittenName.Compact(item);
            if (compact.Length is 0 or > 24 || !UnreadEntry.MayHoldAName(compact))
            {
                return null;
            }

            all.Add(new PersonMention { Written = item.Trim(' ', '\u3000') });
            unread++;
        }

        if (unread == all.Count)
        {
            return null;
        }

        if (unread > 0)
        {
            warn(UnreadEntry.WarningCode, $"roll '{_group}': {unread} entr{(unread == 1 ? "y" : "ies")} of a list whose name could not be read (not written in kanji, kana or a katakana name with ・/＝); held for review", line);
        }

        foreach (var _ in all)
        {
            columns.Add(-1);
        }

        return all;
    }

    /// <summary>
    /// 出席者 over （委員）山中　健太郎（会長）、佐々木　美和 and （事務局）環境政策課長　今井　浩二: each group line
    /// starts a roll of its own (a 欠席者 heading keeps its word: 欠席者（委員）). False, and nothing changed,
    /// when the members do not read as entries.
    /// </summary>
    private bool SubRoll(string group, string members, int indent, int line)
    {
        var heading = _heading ?? _group!;
        var columns = new List<int>();
        var entries = ListedEntries(members, columns, line) ?? RollEntries.Read(members, Known, columns, indent);
        if (entries is null && BareEntry(members) is { } one)
        {
            // 　事務局　芦田修（都市計画課長）: one bare name and its office in brackets. Before, the line was read as an
            // entry of the group above (office 事務局), and the secretary listed among the 委員.
            entries = [one];
            columns.Add(-1);
        }
        else if (entries is null && members[^1] is ')' or '）' && SpeakerLabelParser.Parse(members, Known) is { Name: not null, Role: not null } bracketed)
        {
            // 議会事務局 庶務議事課主任(塚越志保): the office and its holder's name in brackets. Before, the line closed the
            // roll and was read as a speech of 議会事務局.
            entries = [bracketed];
            columns.Add(-1);
        }

        if (entries is null)
        {
            return false;
        }

        Close();
        _heading = heading;
        // 欠席委員：久留島　誠 over 事務局：課長　寺沢　綾乃 (a list of the header's fields): the staff who ran the meeting
        // were there; an absentee list names members.
        _group = heading.Contains("欠席", StringComparison.Ordinal) && !group.StartsWith("事務局", StringComparison.Ordinal) ? $"{heading}（{group}）" : group;
        _headingLine = line;
        _columns.AddRange(columns);
        AddEntries(entries);
        return true;
    }

    /// <summary>The headings of who made the record (記録者, 会議録調製者, 議事録作成者): one person, named after it.</summary>
    private static bool IsRecordKeeper(string group) => group is "記録者" or "調製者" or "会議録調製者" or "会議録作成者" or "議事録作成者";

    /// <summary>高砂由紀子, 高砂由紀子（副会長）: two to eight name characters, no office, read whole; null otherwise.</summary>
    private PersonMention? NameNoLexiconSplits(string item)
    {
        var open = item.AsSpan().IndexOfAny('（', '(');
        var name = open > 0 ? RollEntryShapes.WithoutNote(item) : item;
        if (name is null || name.Length is < 2 or > 8 || !SpeakerLabelParser.AllNameChars(name) || OfficeWords.TitleAtEnd(name) is not null
            || OfficeWords.IsOfficeWord(name) || OfficeWords.IsNotName(name) || (open > 0 && item.Length - open > 10))
        {
            return null;
        }

        var parts = WrittenName.Read(name, Known);
        return new PersonMention { Written = item, Name = parts.Name, FamilyName = parts.FamilyName, GivenName = parts.GivenName, Role = open > 0 ? item[(open + 1)..^1] : null };
    }

    /// <summary>茶谷局長, 土門議会総務課長: a surname and an office, read as a speaker label is (the office a title or an office word); null otherwise.</summary>
    private PersonMention? SurnameBeforeOffice(string item)
    {
        var trimmed = item.Trim(' ', '\u3000');
        if (trimmed.Length is < 3 or > 16 || !SpeakerLabelParser.AllNameChars(trimmed.AsSpan(0, 1))
            || SpeakerLabelParser.Parse(trimmed, Known) is not { FamilyName: { } surname, Role: { } role, GivenName: null } parsed
            || !trimmed.StartsWith(surname, StringComparison.Ordinal) || trimmed.Length != surname.Length + role.Length)
        {
            return null;
        }

        return parsed with { Written = trimmed };
    }

    /// <summary>
    /// A name alone on its line, indented past where the last entry starts (in the column its name took), under an entry
    /// with an office and a name: a member whose office the roll leaves unwritten. Null for an office or any other word.
    /// </summary>
    private PersonMention? NameInNameColumn(string text, int indent)
    {
        var underOffice = _entries.Count > 0 && _entries[^1] is { Role: not null, Name: not null } && _columns[^1] >= 0 && indent > _columns[^1];
        if (!underOffice && (_nameColumn < 0 || indent != _nameColumn))
        {
            return null;
        }

        var bare = text.Trim(' ', '\u3000', '\t');
        var compact = People.WrittenName.Compact(bare);
        if (compact.Length is < 2 or > 10 || bare.Count(c => c is ' ' or '\u3000') > 1 || !People.SpeakerLabelParser.AllNameChars(compact)
            || People.OfficeWords.IsOfficeWord(compact) || People.OfficeWords.StartsOffice(compact))
        {
            return null;
        }

        var parts = People.WrittenName.Read(bare, Known);
        _nameColumn = indent;
        return new PersonMention { Written = bare, Name = parts.Name, FamilyName = parts.FamilyName, GivenName = parts.GivenName };
    }

    /// <summary>The open roll is a bracketed group under a heading (出席者 over 【委員】): its lines are ・office　name.</summary>
    private bool _bracketGroup;

    /// <summary>
    /// ・架空商工会議所事務局長　鈴木　夕子, 　中部大学教授　　　大河原　修: an office (any words) and then a name, a surname (known, or
    /// after a title: 課長補佐　鷹取　恭平) and a given name one space apart, or packed; null when the line's last words are no such name.
    /// </summary>
    private PersonMention? OfficeThenName(string text)
    {
        var words = text.Trim(' ', '\u3000', '\t').TrimStart('・', '･').Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 3 && words[^2].Length <= 3 && words[^1].Length <= 5 && SpeakerLabelParser.AllNameChars(words[^2] + words[^1])
            && (Redaction.Names.NameLexicon.Default.IsSurname(words[^2]) || OfficeWords.TitleAtEnd(words[^3]) is not null) && OfficeWords.TitleAtEnd(words[^1]) is null)
        {
            return new PersonMention
            {
                Written = text.Trim(' ', '\u3000', '\t'),
                Name = words[^2] + words[^1],
                FamilyName = words[^2],
                GivenName = words[^1],
                Role = string.Join('\u3000', words[..^2]),
            };
        }

        if (words.Length >= 2 && WrittenName.Packed(words[^1], Known) is { FamilyName: { } family, GivenName: { } given } packed)
        {
            return new PersonMention { Written = text.Trim(' ', '\u3000', '\t'), Name = packed.Name, FamilyName = family, GivenName = given, Role = string.Join('\u3000', words[..^1]) };
        }

        return null;
    }

    /// <summary>The column of the names read by <see cref="NameInNameColumn"/>: the names below it in that column go on.</summary>
    private int _nameColumn = -1;

    /// <summary>政策経営部, 教育委員会事務局: a unit alone on its line (no title, no name), as an office column heads its offices.</summary>
    private static bool IsUnitCaption(string text)
    {
        var bare = text.Trim(' ', '\u3000', '\t');
        return bare.Length is >= 3 and <= 16 && !bare.Any(c => c is ' ' or '\u3000') && People.OfficeWords.TitleAtEnd(bare) is null
            && People.OfficeWords.IsOfficeWord(bare);
    }

    /// <summary>山中健太郎, 宮坂昭彦（会長）: a bare name, with its role in brackets (<see cref="RollEntryShapes.BareEntry"/>).</summary>
    private PersonMention? BareEntry(string item) => RollEntryShapes.BareEntry(item, Known);

    /// <summary>The last line read as entries one space apart (<see cref="SpaceListedEntries"/>): a line below it may be its wrapped entry.</summary>
    private int _spacedLine = -2;

    private void AddSpaced(List<PersonMention> entries, int line)
    {
        _spacedLine = line;
        foreach (var e in entries)
        {
            if (e.Name is null)
            {
                Unread(e, -1, line);
            }
            else
            {
                _entries.Add(e);
                _columns.Add(-1);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<name>[^\s（(、]{2,8})[（(](?:出席|欠席|遅刻|早退|遅参)[）)]$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AttendanceMark();

    // 【委員】, 【事務局】, ［説明員］: a group word alone in square brackets (no digit: 【資料1】 is no group).
    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \u3000]*[【［\[](?<group>[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}ー・]{1,10})[】］\]][ \u3000]*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BracketedGroup();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:ほか|外|他)[\d０-９]{1,3}名$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OthersCount();

    /// <summary>Appends each wrapped office to the latest entry that starts in its column; false when a column has no entry.</summary>
    private bool Continue(List<(string Office, int Column)> offices)
    {
        var targets = new List<int>(offices.Count);
        foreach (var (_, column) in offices)
        {
            var k = _columns.LastIndexOf(column);
            if (k < 0 || _entries[k].Role is null)
            {
                return false;
            }

            targets.Add(k);
        }

        for (var i = 0; i < offices.Count; i++)
        {
            var e = _entries[targets[i]];
            _entries[targets[i]] = e with { Role = e.Role + offices[i].Office, Written = e.Written + " " + offices[i].Office };
        }

        return true;
    }

    private void AddEntries(List<PersonMention> entries)
    {
        var lineStart = _entries.Count;
        foreach (var e in entries)
        {
            var repeat = e.Written.Length > 0 && RollEntryShapes.IsRepeatMark(e.Written[0]);
            _entries.Add(repeat && RoleOfRepeat(_entries.Count, lineStart, e.Role) is { } role ? e with { Role = role } : e);
        }
    }

    /// <summary>
    /// The role a repeat mark (〃) at entry <paramref name="index"/> stands for: that of the latest
    /// entry on an earlier line in the same column (rolls in columns, where the office beside the
    /// mark belongs to another column); else the one the line gave it (the entry before it in
    /// running text); else that of the entry before it.
    /// </summary>
    private string? RoleOfRepeat(int index, int lineStart, string? onItsLine)
    {
        var above = index < _columns.Count && lineStart > 0 ? _columns.LastIndexOf(_columns[index], lineStart - 1) : -1;
        if (above >= 0)
        {
            return _entries[above].Role;
        }

        return onItsLine ?? (index > 0 ? _entries[index - 1].Role : null);
    }

    /// <summary>Ends the open roll (a heading, a rule or the proceedings came).</summary>
    public void Close()
    {
        if (_group is null)
        {
            return;
        }

        if (_entries.Count > 0 || _none || _count is not null)
        {
            var stated = StatedCount(_count);
            if (stated is int n && n != _entries.Count)
            {
                warn("roll-count", $"roll '{_group}' states {n} people but {_entries.Count} entries were read", _headingLine);
            }

            _entries = LikeMembers.Read(_entries, Known);
            foreach (var e in _entries)
            {
                Known.Add(e);
            }

            _rolls.Add(new Roll(_group, _entries));
            if (_heading is not null || _group is "出席者" or "欠席者")
            {
                AttendeeGroupsLine ??= _headingLine;
                _attendeeGroups.Add(new AttendeeGroup(_group, [.. _entries.Select(e => e.Written)]));
            }
        }

        _group = null;
        _heading = null;
        _count = null;
        _entries = [];
        _columns = [];
        _none = false;
        _nameColumn = -1;
        _bracketGroup = false;
    }

    private static int? StatedCount(string? count)
    {
        if (count is null)
        {
            return null;
        }

        var digits = count.TrimEnd('名', '人');
        return digits.Length is > 0 and <= 3 && digits.All(char.IsAsciiDigit) ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
