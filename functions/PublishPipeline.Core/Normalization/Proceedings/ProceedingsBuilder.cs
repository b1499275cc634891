using PublishPipeline.Model;
using PublishPipeline.Normalization.Cleanup;
using PublishPipeline.Normalization.People;
using PublishPipeline.Normalization.Proceedings.Markers;

namespace PublishPipeline.Normalization.Proceedings;

/// <summary>
/// Builds sections of turns from the proceedings' lines, one line at a time, in reading order.
/// Decisions (see docs/normalize.md): unlabelled text after a speech continues it (a new paragraph
/// after a sentence end, joined directly when a page or column break cut a sentence); unlabelled text
/// with no speech open is narrative (procedure); a speaker label with a stage direction ((情報公開課長)
/// ——— … ———, (各委員) (異議なし)) is procedure that keeps its speaker.
/// </summary>
internal sealed class ProceedingsBuilder(Action<string, string, int> warn)
{
    /// <summary>The warning of a speaker label followed by no speech: the label's line is kept in no turn, so the upload is held.</summary>
    public const string LabelWithoutSpeechCode = "label-without-speech";

    // Trim(params char[]) would allocate its array on every call.
    private static readonly char[] SpaceChars = [' ', '\u3000'];
    private static readonly char[] ColonChars = ['：', ':'];
    private static readonly char[] NewlineAndSpaceChars = ['\n', ' ', '\u3000'];

    private readonly List<Section> _sections = [];
    private List<SpeakerTurn> _turns = [];
    private string? _heading;
    private bool _sectionOpen;

    private string? _speaker;
    private PersonMention? _person;
    private TurnKind _kind;
    private readonly TurnText _text = new();
    private bool _turnOpen;

    // Set at the first marker speaker (○議長（…）): the document marks its speakers.
    private bool _markedSpeakers;

    // The input line being read, and the line where the open turn started (SpeakerTurn.Line).
    private int _line;
    private int _turnLine;

    private string? _pendingLabel;
    private int _pendingLabelLine;
    private string? _fragment;
    private int _fragmentLine;
    private readonly List<string> _fragmentText = [];
    private string? _resumeSpeaker;

    /// <summary>Whether a turn with a speaker has started: the lines before it are the header's, not a cut speech.</summary>
    private bool _spoken;

    /// <summary>The open turn is lines of no one before anyone has spoken (header lines no field took).</summary>
    private bool _headerLines;

    /// <summary>The line being read is one its writer started, not the rest of a wrapped line (<see cref="LineWrap"/>).</summary>
    private bool _ownLine;

    /// <summary>The text being read is a table row's next cell, not the rest of a wrapped line: it is set apart by a space.</summary>
    private bool _nextCell;

    /// <summary>The last line was a page header or page debris dropped as a page break.</summary>
    private bool _pageCut;

    // A rule (━━━━) came since the last line: the writer ended a part there, so the next line is never joined to the one above.
    private bool _ruled;

    // The line being read came right after a rule; and, when such a short line was appended to the open speech, where
    // it starts in the turn's text: a rule right below it makes it a caption between rules, not the speech's words.
    private bool _afterRule;
    private int _captionFrom = -1;

    /// <summary>Whether the caption is an item of the day (日程第１　…), split off when the turn closes, rule or not.</summary>
    private bool _dayItem;
    private string? _caption;
    private int _captionLine;

    private readonly HashSet<string> _pageHeaders = new(StringComparer.Ordinal);
    // One string per distinct label: a long sitting has the same few dozen speakers thousands of times.
    private readonly HashSet<string> _labels = new(StringComparer.Ordinal);

    /// <summary>Texts that, seen again in the proceedings, are a repeated page header (審議経過, the document's own title).</summary>
    public void AddPageHeader(string text) => _pageHeaders.Add(TextCleanup.RemoveSpaces(text));

    /// <summary>Whether a line is a page header met before (the running title a PDF's text repeats at each page's top).</summary>
    public bool IsPageHeader(string text) =>
        text.Length <= 80 && _pageHeaders.Count > 0 && _pageHeaders.Contains(TextCleanup.RemoveSpaces(TextCleanup.CollapseSpacedLabel(text)));

    public bool HasContent => _sections.Count > 0 || _turns.Count > 0 || _turnOpen || _sectionOpen;

    public void Heading(string heading, int line)
    {
        CloseTurn();
        _line = line;
        FlushPending();
        CloseSection();
        _heading = heading;
        _sectionOpen = true;
    }

    public void Marker(bool opens, string marker, int line)
    {
        // A marker may fall inside a speech: split the turn; the text after it resumes the same speaker.
        var speaker = _turnOpen && _kind == TurnKind.Speech ? _speaker : _resumeSpeaker;
        CloseTurn();
        FlushPending();
        _line = line;
        _turns.Add(new SpeakerTurn { Speaker = null, Text = marker, Kind = opens ? TurnKind.NonDisclosureStart : TurnKind.NonDisclosureEnd, Line = line });
        _resumeSpeaker = speaker;
    }

    /// <summary>A table row of the proceedings: a speaker cell and cells of paragraphs (002's 会長\t&lt;p&gt;…&lt;/p&gt;).</summary>
    public void Row(string speakerCell, IReadOnlyList<string> paragraphs, int line)
    {
        _line = line;
        var label = SpeakerLabels.WithoutBullet(TextCleanup.RemoveSpaces(speakerCell).TrimEnd(ColonChars));
        if (label.Length > 0 && SpeakerLabels.IsRoleLike(label))
        {
            CloseTurn();
            FlushPending();
            var texts = paragraphs.Where(p => p.Length > 0).ToList();
            if (texts.Count == 0)
            {
                _pendingLabel = label;
                _pendingLabelLine = line;
                return;
            }

            if (texts.Count == 1 && LinePatterns.IsStageDirection(texts[0]))
            {
                Add(label, texts[0], TurnKind.Procedure);
                return;
            }

            // Cell paragraphs (<p>, Word paragraphs) are paragraphs the writer made: always "\n".
            StartTurn(label, TurnKind.Speech, string.Join('\n', texts));

            return;
        }

        // No speaker cell: the cells continue what came before (a cell cut by a page break: "\tます。"). Else the row is a
        // line of its own. The cells of a row are apart all the same (陳情第３号\t…４丁目　大河内　誠一\t文教委員会 inside a
        // speech): joined with nothing, a name in one ran into the next cell's words, or the next row's.
        var cells = 0;
        if (label.Length > 0)
        {
            Paragraph(speakerCell, line, ownLine: true);
            cells++;
        }

        foreach (var p in paragraphs)
        {
            _nextCell = cells > 0;
            Paragraph(p, line);
            _nextCell = false;
            cells += p.Length > 0 ? 1 : 0;
        }
    }

    /// <summary>
    /// A row of a speaker table (<see cref="SpeakerTable"/>): a new speech when it names a role or a
    /// speaker (written 役職（発言者）), else more paragraphs of the speech above.
    /// </summary>
    public void TableRow(TableSpeech row, int line)
    {
        _line = line;
        if (row.Role is null && row.Name is null)
        {
            foreach (var p in row.Paragraphs)
            {
                if (_turnOpen && _kind == TurnKind.Speech)
                {
                    AppendParagraph(p);
                }
                else
                {
                    Paragraph(p, line);
                }
            }

            return;
        }

        CloseTurn();
        FlushPending();
        var speaker = row.Role is null ? row.Name! : row.Name is null ? row.Role : $"{row.Role}（{row.Name}）";
        // A speaker column without a role column may hold an office alone (会長, 事務局, 環境課長): it names no one.
        // Read as a name, the office went into the register, and the redactor masked 事務局 wherever it was written.
        var person = row.Role is null && SpeakerLabelParser.OfficeAlone(row.Name!) is { } office
            ? office with { Written = speaker }
            : Named(row, speaker);
        if (row.Paragraphs.Count == 1 && LinePatterns.IsStageDirection(row.Paragraphs[0]))
        {
            Add(speaker, row.Paragraphs[0], TurnKind.Procedure, person);
            return;
        }

        StartTurn(speaker, TurnKind.Speech, string.Join('\n', row.Paragraphs), person: person);
    }

    private static PersonMention Named(TableSpeech row, string speaker)
    {
        var name = row.Name is null ? (NameParts?)null : WrittenName.Read(row.Name);
        return new PersonMention
        {
            Written = speaker,
            Name = name?.Name,
            FamilyName = name?.FamilyName,
            GivenName = name?.GivenName,
            // その他 is the export's own word for "no office given", not an office.
            Role = row.Role is null or "その他" ? null : WrittenName.Compact(row.Role),
        };
    }

    /// <summary>One cleaned line of the proceedings.</summary>
    /// <summary>A line of its own (a row of a table that is no one's speech), never joined to the text around it.</summary>
    public void Line(string text, int line)
    {
        FlushPending();
        _line = line;
        Add(null, text, TurnKind.Procedure);
    }

    /// <summary>A rule between parts (━━━━, ――――): the next line starts a new paragraph, not the rest of a cut sentence.</summary>
    public void Rule()
    {
        _ruled = true;
        SplitCaption();
    }

    /// <summary>
    /// ──── / 日程第１　一般質問 / ────: a short line between two rules after a speech is a caption of the business,
    /// a procedure line of its own. Before, it was the speech's last paragraph (in the speaker's words, under their name).
    /// </summary>
    private void SplitCaption()
    {
        if (_captionFrom < 0 || _caption is null || !_turnOpen)
        {
            _captionFrom = -1;
            return;
        }

        _text.Truncate(_captionFrom);
        var caption = _caption;
        _captionFrom = -1;
        _caption = null;
        CloseTurn();
        _turns.Add(new SpeakerTurn { Speaker = null, Text = caption, Kind = TurnKind.Procedure, Line = _captionLine });
        _sectionOpen = true;
    }

    /// <summary>A line of plain text; <paramref name="ownLine"/>: its writer ended the line above (<see cref="LineWrap"/>), so it is never joined to it.</summary>
    public void Paragraph(string text, int line, bool ownLine)
    {
        // Below a page header dropped as a page break, the line goes on with the sentence the page cut.
        _ownLine = (ownLine && !_pageCut) || _ruled;
        _afterRule = _ruled;
        _pageCut = false;
        _ruled = false;
        Paragraph(text, line);
        _ownLine = false;
        _afterRule = false;
    }

    public void Paragraph(string text, int line)
    {
        if (text.Length == 0)
        {
            return;
        }

        _line = line;
        text = TextCleanup.CollapseSpacedLabel(TextCleanup.CollapseSpacedPrefix(text));
        // 審 議 経 過 again mid-text: a page header, i.e. a page break. (Page headers are short; skip the check for prose.)
        // (Spaces first: a line with none needs no spaceless copy to be looked up.)
        if (text.Length <= 80 && text.AsSpan().IndexOfAny(' ', '\u3000') < 0 && _pageHeaders.Contains(TextCleanup.RemoveSpaces(text)))
        {
            _pageCut = true;
            return;
        }

        if (LinePatterns.IsRule(text))
        {
            _ruled = true;
            SplitCaption();
            return;
        }

        if (LinePatterns.IsPageDebris(text))
        {
            _pageCut = true;
            return;
        }

        if (Marked(text, line))
        {
            return;
        }

        if (_fragment is not null)
        {
            var done = SpeakerLabels.CompleteFragment(_fragment, text);
            if (done is { } completed)
            {
                var label = completed.Speaker!;
                _fragment = null;
                // A label split by a two-column page cut the speech beside it too: its lines are joined as cut.
                _ownLine = false;
                StartTurn(label, TurnKind.Speech, "", _fragmentLine);
                foreach (var t in _fragmentText)
                {
                    AppendParagraph(t);
                }

                _fragmentText.Clear();
                if (completed.Text.Length > 0)
                {
                    AppendParagraph(completed.Text);
                }

                return;
            }

            // The second half comes within a line or two; a new label or heading means it never will.
            if (_fragmentText.Count >= 3 || SpeakerLabels.Read(text).Style != LabelStyle.None || LinePatterns.IsSectionHeading(text))
            {
                AbandonFragment(line);
                Paragraph(text, line);
                return;
            }

            _fragmentText.Add(text);
            return;
        }

        var open = SpeakerLabels.ReadOpenFragment(text);
        if (open is not null && !SpeakerLabels.IsRoleLike(open))
        {
            // The open turn stays open: if the label is never completed, the lines belong to it after all.
            FlushPending();
            _fragment = open;
            _fragmentLine = line;
            return;
        }

        if (SplitInline(text, line))
        {
            return;
        }

        var speaker = SpeakerLabels.Read(text);
        if (speaker.Style == LabelStyle.None && !_markedSpeakers && !ContinuesCutSentence() && ClosingBracketLabel.Read(text) is { } closing)
        {
            // 山岸委員長)ただ今から…: a label closed by its bracket alone.
            speaker = closing;
        }

        if (speaker.Style is LabelStyle.Space or LabelStyle.Colon && _pendingLabel is null
            && (RoleNameLine.Is(speaker.Speaker, speaker.Text, _markedSpeakers) || RoleNameLine.IsCount(speaker.Text)))
        {
            // 傍聴者　３名: a count of those present, no one's words.
            // 講師　真鍋健太郎: who had a part, a line of its own (marked minutes too); DocumentPeople reads the person.
            CloseTurn();
            Add(null, text, TurnKind.Procedure);
            return;
        }

        if (_markedSpeakers && speaker.Style is LabelStyle.Space or LabelStyle.None && !ContinuesCutSentence() && SpeakerLabels.UnmarkedNamed(text) is { } unmarked)
        {
            // 山田太郎委員　質問します。, ジョン・スミス委員　質問します。 in marked minutes: a speaker whose mark was left out
            // (a full name and a member's title, a sentence after), not text of the speech above.
            speaker = unmarked;
        }
        else if (_markedSpeakers && speaker.Style is LabelStyle.Space or LabelStyle.Alone)
        {
            // Minutes that mark their speakers (○議長（…）) mark every one: an unmarked office and a space is text,
            // such as a letter read out (茨城県議会議長　山　田　太　郎　殿), not a new speaker.
            speaker = new SpeakerLine(LabelStyle.None, null, text);
        }

        if (speaker.Style is LabelStyle.Parenthesised or LabelStyle.Colon or LabelStyle.Space or LabelStyle.Quoted)
        {
            CloseTurn();
            FlushPending();
            if (LinePatterns.IsStageDirection(speaker.Text))
            {
                Add(speaker.Speaker, speaker.Text, TurnKind.Procedure);
            }
            else
            {
                StartTurn(speaker.Speaker, TurnKind.Speech, speaker.Text);
            }

            return;
        }

        if (speaker.Style == LabelStyle.Alone)
        {
            CloseTurn();
            FlushPending();
            _pendingLabel = speaker.Speaker;
            _pendingLabelLine = line;
            return;
        }

        // 午後２時２６分開議 over the caption of the business resumed (会派代表による…質疑（続）): nothing continues a
        // time line, so the line below is not glued to it.
        // 質疑応答 alone on its line: the caption of the business below, not the start of a sentence the next line goes on
        // with (before, 質疑応答委員から… in one paragraph) nor the last words of the speech above.
        if (_pendingLabel is null && (LinePatterns.IsSittingLine(text) || LinePatterns.IsBusinessCaption(text)))
        {
            Add(null, text, TurnKind.Procedure);
            return;
        }

        if (LinePatterns.IsProcedure(text))
        {
            var who = _pendingLabel;
            _pendingLabel = null;
            CloseTurn();
            // Left open: a summary (要旨：…) cut by a page break continues on the next line.
            StartTurn(who, TurnKind.Procedure, text, who is null ? null : _pendingLabelLine);
            return;
        }

        if (_pendingLabel is null && LinePatterns.IsSectionHeading(text) && !ContinuesCutSentence())
        {
            Heading(text, line);
            return;
        }

        if (_pendingLabel is not null)
        {
            var label = _pendingLabel;
            _pendingLabel = null;
            StartTurn(label, TurnKind.Speech, text, _pendingLabelLine);
            return;
        }

        Continue(text);
    }

    /// <summary>A speaker marker line (○議長（…）　…), or a line where markers start later speeches; false for any other line.</summary>
    private bool Marked(string text, int line)
    {
        if (MarkedSpeaker.InlineStarts(text) is { } starts)
        {
            Paragraph(text[..starts[0]].TrimEnd(SpaceChars), line);
            for (var k = 0; k < starts.Count; k++)
            {
                var end = k + 1 < starts.Count ? starts[k + 1] : text.Length;
                Paragraph(text[starts[k]..end].TrimEnd(SpaceChars), line);
            }

            return true;
        }

        if (MarkedSpeaker.Read(text) is not { } marked)
        {
            if (MarkedReport.Is(text))
            {
                // ◎山根報告: a note that someone reported (the person read into its mentions), not a heading of the business.
                if (_fragment is not null)
                {
                    AbandonFragment(line);
                }

                CloseTurn();
                FlushPending();
                Add(null, text, TurnKind.Procedure);
                return true;
            }

            if (MarkedSpeaker.AgendaHeading(text))
            {
                // △日程第１　議案第１号, △散会の宣告, ◎散会の宣告: the heading of an item of the business. Before, it ran into the speech above.
                if (_fragment is not null)
                {
                    AbandonFragment(line);
                }

                Heading(text, line);
                return true;
            }

            return BareSurname(text, line);
        }

        if (_fragment is not null)
        {
            AbandonFragment(line);
        }

        CloseTurn();
        FlushPending();
        _line = line;
        _markedSpeakers = true;
        if (marked.TextLength == 0)
        {
            _pendingLabel = marked.Label;
            _pendingLabelLine = line;
        }
        else if (LinePatterns.IsStageDirection(marked.TextSpan))
        {
            Add(marked.Label, marked.Text, TurnKind.Procedure);
        }
        else
        {
            // The speech stays a range of the line until the turn closes: one string for it then.
            StartTurn(marked.Label, TurnKind.Speech, marked.Line, marked.TextStart, marked.TextLength);
        }

        return true;
    }

    /// <summary>
    /// ○宇佐木　質問です。 inside a speech of marked minutes: a turn of its own for now, kept at <see cref="Build"/> if
    /// another label names 宇佐木 as a speaker (○宇佐木委員), else put back into the speech above as it was.
    /// </summary>
    private bool BareSurname(string text, int line)
    {
        if (!_markedSpeakers || !_turnOpen || _kind != TurnKind.Speech || _speaker is null || _fragment is not null
            || MarkedSpeaker.BareWord(text) is not { } bare)
        {
            return false;
        }

        CloseTurn();
        _line = line;
        StartTurn(bare.Label, TurnKind.Speech, bare.Line, bare.TextStart, bare.TextLength);
        _barePrefix = text[..bare.TextStart];
        return true;
    }

    /// <summary>The open turn is a bare surname's (<see cref="BareSurname"/>): its line up to the speech.</summary>
    private string? _barePrefix;

    /// <summary>The turns read from bare surnames, with their lines' prefixes to put back if no label names the surname.</summary>
    private readonly Dictionary<SpeakerTurn, string> _bareTurns = new(ReferenceEqualityComparer.Instance);

    /// <summary>Keeps each bare surname's turn whose surname a label gives a speaker (宇佐木 of 宇佐木委員); the rest go back into the speech above.</summary>
    private void SettleBareSurnames()
    {
        if (_bareTurns.Count == 0)
        {
            return;
        }

        var speakers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var turn in _sections.SelectMany(s => s.Turns))
        {
            if (turn.Speaker is { } label && !_bareTurns.ContainsKey(turn) && SpeakerLabelParser.Parse(label) is { Role: not null, Name: { } name })
            {
                speakers.Add(name);
            }
        }

        for (var i = 0; i < _sections.Count; i++)
        {
            var turns = new List<SpeakerTurn>(_sections[i].Turns.Count);
            foreach (var turn in _sections[i].Turns)
            {
                if (_bareTurns.TryGetValue(turn, out var prefix) && !speakers.Contains(turn.Speaker!) && turns.Count > 0)
                {
                    turns[^1] = turns[^1] with { Text = turns[^1].Text + "\n" + prefix + turn.Text };
                    continue;
                }

                // A kept one names the person by the surname alone, as 宇佐木委員 does: the register and the redactor know them.
                turns.Add(_bareTurns.ContainsKey(turn) && turn.Person is null
                    ? turn with { Person = new PersonMention { Written = turn.Speaker!, Name = turn.Speaker, FamilyName = turn.Speaker } }
                    : turn);
            }

            _sections[i] = _sections[i] with { Turns = turns };
        }
    }

    /// <summary>Splits a line holding several turns ("[開会] 本部長： … 1. 議題 (1) … 本部長： …") and feeds the parts back.</summary>
    private bool SplitInline(string text, int line)
    {
        SortedSet<int>? found = null; // made for the few lines that hold a label: most hold none
        foreach (var (index, _) in SpeakerLabels.InlineColonLabels(text))
        {
            (found ??= []).Add(index);
        }

        if (found is not { Count: > 0 } cuts)
        {
            return false;
        }

        // Bracketed narrative ([午前10時08分 開会], [事務局： …を説明]) inside such a line is its own part.
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '[' or '〔' or '［')
            {
                var close = text.AsSpan(i + 1).IndexOfAny(']', '〕', '］');
                close = close < 0 ? -1 : close + i + 1;
                if (close > i)
                {
                    cuts.Add(i);
                    if (close + 1 < text.Length)
                    {
                        cuts.Add(close + 1);
                    }

                    // Labels inside the brackets belong to the narrative, not to a turn.
                    cuts.RemoveWhere(c => c > i && c <= close);
                    i = close;
                }
            }
        }

        var parts = new List<string>();
        var start = 0;
        foreach (var cut in cuts)
        {
            // A loop, not a lambda: a lambda over text would make a closure for every line this method sees.
            if (cut > 0 && cut < text.Length)
            {
                parts.Add(text[start..cut]);
                start = cut;
            }
        }

        parts.Add(text[start..]);
        foreach (var raw in parts)
        {
            var part = raw.Trim(SpaceChars);
            if (part.Length == 0)
            {
                continue;
            }

            var h = LinePatterns.FindInlineHeading(part);
            if (h > 0)
            {
                Paragraph(part[..h].Trim(SpaceChars), line);
                Heading(part[h..].Trim(SpaceChars), line);
            }
            else if (LinePatterns.IsSectionHeading(part) && SpeakerLabels.Read(part).Style != LabelStyle.Colon)
            {
                Heading(part, line);
            }
            else
            {
                ParagraphNoSplit(part, line);
            }
        }

        return true;
    }

    private void ParagraphNoSplit(string part, int line)
    {
        var speaker = SpeakerLabels.Read(part);
        if (speaker.Style is LabelStyle.Colon or LabelStyle.Parenthesised)
        {
            CloseTurn();
            FlushPending();
            StartTurn(speaker.Speaker, TurnKind.Speech, speaker.Text);
        }
        else if (LinePatterns.IsProcedure(part))
        {
            CloseTurn();
            Add(null, part, TurnKind.Procedure);
        }
        else
        {
            _ = line;
            Continue(part);
        }
    }

    private bool ContinuesCutSentence() => _turnOpen && !TurnEndsSentence();

    // Looks at the tail only: calling ToString() on the whole turn for every paragraph was quadratic.
    private bool TurnEndsSentence()
    {
        var i = _text.Length - 1;
        while (i >= 0 && _text[i] is ' ' or '\u3000' or '\n')
        {
            i--;
        }

        return i < 0 || TextCleanup.EndsSentence([_text[i]]);
    }

    private void Continue(string text)
    {
        if (_turnOpen)
        {
            if (_kind == TurnKind.Speech || !TurnEndsSentence())
            {
                AppendParagraph(text);
                return;
            }

            CloseTurn();
        }

        if (_resumeSpeaker is not null)
        {
            StartTurn(_resumeSpeaker, TurnKind.Speech, text);
            return;
        }

        // Text nobody is said to have spoken: narrative.
        StartTurn(null, TurnKind.Procedure, text);
        _headerLines = !_spoken;
    }

    private void AppendParagraph(string text)
    {
        // A short line without a sentence end right after a rule may be a caption; any other line ends that chance.
        _captionFrom = _afterRule && _kind == TurnKind.Speech && text.Length <= 40 && !TextCleanup.EndsSentence(text) ? _text.Length : -1;
        _dayItem = _kind == TurnKind.Speech && _turnOpen && _text.Length > 0 && LinePatterns.IsDayItemCaption(text);
        _captionFrom = _dayItem ? _text.Length : _captionFrom;
        _caption = _captionFrom >= 0 ? text : null;
        _captionLine = _line;
        if (_text.Length > 0)
        {
            // A sentence cut by a page or column break is joined as it was written; otherwise a new paragraph.
            // Before anyone has spoken, the lines are the header's (請願者　…　小野寺　光代 / 陳情第１号 …): only a
            // line that leaves a bracket open (…の開催について（資料 / あり）) was wrapped; joining any other would
            // glue a name to the next word. After that, a line of plain text whose writer ended the line above
            // (short of the wrap width: 賛成（白票）　１番…君 / 賛成　２番…, LineWrap) is its own line the same way.
            if (TurnEndsSentence() || _text[_text.Length - 1] == '\n' || ((_headerLines || _ownLine) && !LastLineLeavesBracketOpen()))
            {
                _text.Append('\n');
            }
            else if (_nextCell && _text[_text.Length - 1] is not (' ' or '\u3000'))
            {
                _text.Append('\u3000');
            }
        }

        _text.Append(text);
    }

    private bool LastLineLeavesBracketOpen()
    {
        var depth = 0;
        for (var i = _text.Length - 1; i >= 0 && _text[i] != '\n'; i--)
        {
            if (_text[i] is '（' or '(' or '「' or '『' or '【' or '〔' or '［' or '[')
            {
                if (++depth > 0)
                {
                    return true;
                }
            }
            else if (_text[i] is '）' or ')' or '」' or '』' or '】' or '〕' or '］' or ']')
            {
                depth--;
            }
        }

        return false;
    }

    private void StartTurn(string? speaker, TurnKind kind, string text, int? line = null, PersonMention? person = null) =>
        StartTurn(speaker, kind, text, 0, text.Length, line, person);

    private void StartTurn(string? speaker, TurnKind kind, string source, int start, int length, int? line = null, PersonMention? person = null)
    {
        CloseTurn();
        _turnLine = line ?? _line;
        _speaker = speaker;
        _person = person;
        _kind = kind;
        _text.Start(source, start, length);
        _turnOpen = true;
        _resumeSpeaker = null;
        _spoken |= speaker is not null;
        _headerLines = false;
    }

    private void Add(string? speaker, string text, TurnKind kind, PersonMention? person = null)
    {
        CloseTurn();
        _turns.Add(new SpeakerTurn { Speaker = Label(speaker), Text = text, Kind = kind, Line = _line, Person = person });
        _resumeSpeaker = null;
        _spoken |= speaker is not null;
        _sectionOpen = true;
    }

    private void CloseTurn()
    {
        if (!_turnOpen)
        {
            return;
        }

        _turnOpen = false;
        // 日程第１　会議録署名議員の指名 last in a speech: the caption of the next item, not the speaker's last words.
        var dayItem = _dayItem && _captionFrom > 0 ? _caption : null;
        if (dayItem is not null)
        {
            _text.Truncate(_captionFrom);
        }

        _captionFrom = -1;
        _dayItem = false;
        var text = _text.ToTrimmedString(NewlineAndSpaceChars);
        if (text.Length > 0)
        {
            var turn = new SpeakerTurn { Speaker = Label(_speaker), Text = text, Kind = _kind, Line = _turnLine, Person = _person };
            _turns.Add(turn);
            _sectionOpen = true;
            if (_barePrefix is not null)
            {
                _bareTurns.Add(turn, _barePrefix);
            }
        }

        if (dayItem is not null)
        {
            _turns.Add(new SpeakerTurn { Speaker = null, Text = dayItem, Kind = TurnKind.Procedure, Line = _captionLine });
        }

        _barePrefix = null;
    }

    private string? Label(string? speaker)
    {
        if (speaker is null)
        {
            return null;
        }

        if (_labels.TryGetValue(speaker, out var same))
        {
            return same;
        }

        _labels.Add(speaker);
        return speaker;
    }

    private void FlushPending()
    {
        if (_pendingLabel is not null)
        {
            // Warnings are published: name the office the label gives, never the label itself (it may hold a name).
            var role = SpeakerLabelParser.Parse(_pendingLabel)?.Role;
            warn(LabelWithoutSpeechCode, role is null ? "a speaker label is followed by no speech" : $"a speaker label ({role}) is followed by no speech", _pendingLabelLine);
            _pendingLabel = null;
        }

        if (_fragment is not null)
        {
            AbandonFragment(_fragmentLine);
        }
    }

    /// <summary>An unclosed "(…" that no line completes: keep it and the lines held back as ordinary text, with a warning.</summary>
    private void AbandonFragment(int line)
    {
        warn("split-label-unfinished", "a line opens a parenthesis that no following line closes (a label split by a page?); kept as text", _fragmentLine);
        var held = _fragmentText.ToList();
        var fragment = "(" + _fragment;
        _fragment = null;
        _fragmentText.Clear();
        Continue(fragment);
        foreach (var t in held)
        {
            Paragraph(t, line);
        }
    }

    private void CloseSection()
    {
        CloseTurn();
        if (_sectionOpen || _turns.Count > 0)
        {
            _sections.Add(new Section(_heading, _turns));
        }

        _turns = [];
        _heading = null;
        _sectionOpen = false;
    }

    public List<Section> Build()
    {
        CloseTurn();
        FlushPending();
        CloseTurn();
        CloseSection();
        _text.Release();
        SettleBareSurnames();
        return _sections;
    }
}
