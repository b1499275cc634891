using System.Text.RegularExpressions;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization.Cleanup;
using PublishPipeline.Normalization.Dates;
using PublishPipeline.Normalization.Header;
using PublishPipeline.Normalization.People;
using PublishPipeline.Normalization.Proceedings;
using PublishPipeline.Normalization.Proceedings.Markers;
using PublishPipeline.Normalization.Rolls;

namespace PublishPipeline.Normalization;

/// <summary>
/// Turns an upload's blocks into one structured <see cref="Minutes"/>: the header (title, date,
/// venue, attendees, disclosure …), the proceedings as sections of turns, and the closing fields
/// (会議の結果, 提出された資料). Nothing missing stops the document: absent or unreadable fields are
/// null with a warning that carries the line. Decisions are documented in docs/normalize.md.
/// </summary>
public sealed partial class MinutesNormalizer
{
    /// <summary>Reads and normalises an upload; the id comes from its name.</summary>
    /// <exception cref="MinutesFormatException">The upload is not readable minutes, or not minutes at all (code <c>no-minutes</c>, see <see cref="NotMinutes"/>).</exception>
    public static Minutes Normalize(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        // The blocks are normalised as they are read, and the ledger takes its inventory as they pass:
        // nothing keeps them all (for a long text upload they are most of what reading makes).
        var source = MinutesReader.Open(file);
        var ledger = new Redaction.Disclosure.MarkerLedger.Inventory(source.Format);
        var info = new SourceInfo(source.Name, source.Format.ToString().ToLowerInvariant(), source.EncodingName, source.Sha256, source.Length);
        var minutes = WithUnplaced(new Run(info, Taken(source.Blocks, ledger)).Build(MinutesId.FromSourceName(file.Name)), ledger);
        if (NotMinutes.Reason(minutes) is { } reason)
        {
            throw new MinutesFormatException(source.Name, reason) { Code = "no-minutes" };
        }

        return minutes;
    }

#pragma warning disable CA1822 // instance method by contract: options may become instance state
    public Minutes Normalize(SourceDocument source, string id)
#pragma warning restore CA1822
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(id);
        var ledger = new Redaction.Disclosure.MarkerLedger.Inventory(source.Format);
        var info = new SourceInfo(source.Name, source.Format.ToString().ToLowerInvariant(), source.EncodingName, source.Sha256, source.Length);
        return WithUnplaced(new Run(info, Taken(source.Blocks, ledger)).Build(id), ledger);
    }

    private static IEnumerable<SourceBlock> Taken(IEnumerable<SourceBlock> blocks, Redaction.Disclosure.MarkerLedger.Inventory ledger)
    {
        foreach (var block in blocks)
        {
            ledger.Take(block);
            yield return block;
        }
    }

    // A marker the fields could not carry (one at the end of the 開催日時 line …) must not vanish with
    // the text it sat in: the ledger names it, and the redactor holds the document.
    private static Minutes WithUnplaced(Minutes minutes, Redaction.Disclosure.MarkerLedger.Inventory ledger) =>
        ledger.Unplaced(minutes) is { Count: > 0 } unplaced
            ? minutes with { Warnings = [.. minutes.Warnings, .. unplaced] }
            : minutes;

    /// <summary>One normalisation: the blocks, the warnings, and the builders for header and proceedings.</summary>
    private sealed class Run
    {
        private readonly SourceInfo _source;
        private readonly IEnumerable<SourceBlock> _blocks;
        private readonly List<NormalizationWarning> _warnings = [];
        private readonly HeaderBuilder _header;
        private readonly ProceedingsBuilder _proceedings;
        private readonly RollReader _rolls;
        private readonly AssemblyHeader _assemblyHeader;
        private SpeakerTable? _speakerTable;
        // References to the proceedings' texts that may hold the chair's opening words (OpeningBody);
        // joined only when the body must be inferred from them. Only those: the rest would keep every
        // line of a long upload alive until the document is built.
        private readonly List<string> _allText = [];

        private string AllText() => string.Join('\n', _allText);

        // OpeningBody matches within one text (no line break in it) and needs 第, 回 and 開催/開会/始め.
        private void KeepText(string text)
        {
            if (text.Contains('第', StringComparison.Ordinal) && text.Contains('回', StringComparison.Ordinal)
                && (text.Contains("開催", StringComparison.Ordinal) || text.Contains("開会", StringComparison.Ordinal) || text.Contains("始め", StringComparison.Ordinal)))
            {
                _allText.Add(text);
            }
        }
        private int _firstLine;

        // Plain text only: Markdown and HTML paragraphs are the writer's, their line breaks soft.
        private readonly LineWrap? _wrap;
        private bool _ownLine;
        private int _lineSeen;

        // Feeds each line of the upload, header and proceedings alike, to the wrap width once; always true.
        private bool SeeLine(in Block b)
        {
            if (_wrap is null || b.Line == _lineSeen)
            {
                return true;
            }

            _lineSeen = b.Line;
            if (b.Kind == BlockKind.Paragraph)
            {
                _ownLine = _wrap.StartsOwnLine(b.Line, b.Width, b.Indent, LineWrap.HasGap(b.Text));
            }
            else
            {
                _wrap.Break();
                _ownLine = false;
            }

            return true;
        }
        private int? _fiscalFromCaption;
        private string? _sessionFromCaption;

        public Run(SourceInfo source, IEnumerable<SourceBlock> blocks)
        {
            _source = source;
            _blocks = blocks;
            _wrap = source.Format == "text" ? new LineWrap() : null;
            _header = new HeaderBuilder((code, message, line) => Warn(code, message, line));
            _proceedings = new ProceedingsBuilder((code, message, line) => Warn(code, message, line));
            _rolls = new RollReader((code, message, line) => Warn(code, message, line));
            _assemblyHeader = new AssemblyHeader(_header, (code, message, line) => Warn(code, message, line));
            _proceedings.AddPageHeader("審議経過");
            _proceedings.AddPageHeader("会議録");
            _proceedings.AddPageHeader("発言内容");
            _proceedings.AddPageHeader("会議経過");
            _proceedings.AddPageHeader("議事経過");
        }

        /// <summary>The members a vote tally read into the results heads its columns or rows with (<see cref="Rolls.VoteTally"/>).</summary>
        private List<PersonMention>? TallyInResults()
        {
            var results = _header.Results;
            if (!results.Exists(Rolls.VoteTally.SpeaksOfVote))
            {
                return null;
            }

            return Rolls.VoteTally.Read(string.Join('\n', results), null, _rolls.Known);
        }

        private void Warn(string code, string message, int? line) => _warnings.Add(new NormalizationWarning(code, message, line));

        public Minutes Build(string id)
        {
            // One cleaned block at a time: a list of them all would be alive beside the source's blocks.
            using var blocks = Flatten(_blocks).GetEnumerator();
            var more = blocks.MoveNext();
            _firstLine = more ? blocks.Current.Line : 1;
            while (more && SeeLine(blocks.Current) && HeaderOrStamp(blocks.Current))
            {
                more = blocks.MoveNext();
            }

            // The block that ended the header is the first of the proceedings.
            var footer = HeaderField.Unknown;
            if (_undecidedStamp is var (marker, stamp))
            {
                // 【非公開】 and then the proceedings: it opens a closed passage. With nothing after it, it stamps the document.
                _undecidedStamp = null;
                if (more)
                {
                    footer = ProceedingsBlock(marker, footer);
                }
                else
                {
                    _header.Stamp(stamp, marker.Line);
                }
            }

            for (; more; more = blocks.MoveNext())
            {
                SeeLine(blocks.Current);
                footer = ProceedingsBlock(blocks.Current, footer);
            }

            return Assemble(id);
        }

        // 【非公開】 read in the header (with the stamp it says), not yet known to stamp the document or open a closed passage.
        private (Block Marker, string Stamp)? _undecidedStamp;

        /// <summary>
        /// Header phase, with <c>【非公開】</c> decided by what follows it: when the header goes on below it (the date, the
        /// venue, the roll under 【非公開】 under the title), it stamps the whole document; when the proceedings start, it
        /// opens their first closed passage. Before, it always opened a passage: the header below it became proceedings,
        /// all of them withheld, and a page with the title alone was published for minutes stamped 非公開.
        /// </summary>
        private bool HeaderOrStamp(in Block b)
        {
            if (_undecidedStamp is not var (marker, stamp) || b.Kind == BlockKind.PageBreak || (b.Kind == BlockKind.Paragraph && b.Text.Length == 0))
            {
                return HeaderBlock(b);
            }

            if (!HeaderBlock(b))
            {
                return false;
            }

            _undecidedStamp = null;
            _header.Stamp(stamp, marker.Line);
            return true;
        }

        /// <summary>Header phase: true when the block was header (or skippable), false when the proceedings start with it.</summary>
        private bool HeaderBlock(in Block b)
        {
            if (_proceedingsMarked && b.Kind != BlockKind.PageBreak)
            {
                return false;
            }

            switch (b.Kind)
            {
                case BlockKind.PageBreak when !b.Rule && _rolls.IsOpen:
                    // －３－, a form feed: a roll the page cut goes on below the page's running title (before, the roll closed
                    // and its second half was published as text).
                    return true;
                case BlockKind.PageBreak:
                    // A rule ends a roll (―――, ……… between 出席議員 and 説明員).
                    _rolls.Close();
                    return true;
                case BlockKind.Heading:
                    if (DocumentTypeLine().IsMatch(TextCleanup.RemoveSpaces(b.Text)))
                    {
                        // # 会議録: the paper's name, not the meeting's; the 会議体の名称 below is the title.
                        _proceedings.AddPageHeader(b.Text);
                        return true;
                    }

                    if (_header.Title is null && _header.FieldCount == 0 && b.Level <= 2)
                    {
                        _header.SetTitle(b.Text, b.Line);
                        _proceedings.AddPageHeader(b.Text);
                        return true;
                    }

                    // ## 出席議員（２名）: a roll's heading written as a heading opens the roll.
                    if (RollHeading.Read(b.Text) is { Group: not "署名" } && _rolls.Offer(b.Text, 0, b.Line))
                    {
                        return true;
                    }

                    var caption = TextCleanup.RemoveSpaces(b.Text);
                    if (HeaderCaption().IsMatch(caption))
                    {
                        // ## 開催概要 over a list of the header's fields (- **日時**：…): a caption, not the proceedings.
                        _rolls.Close();
                        return true;
                    }

                    if (HeaderLabels.ReadParagraph(caption) is not null)
                    {
                        // ## 議題 over its items, ## 議事の経過 over the proceedings: a header label written as a heading,
                        // read as the same label on a line of its own.
                        break;
                    }

                    return false;
                case BlockKind.Row:
                    if (_rolls.IsOpen && PeopleTable.HeadsBesideNames(b.Cells))
                    {
                        // ## 出席者 over | 区分 | 氏名 | 所属 |: the 氏名 column holds the people, read as a people table's. Before, each row
                        // was one roll line: the affiliation became the given name (相良文彦架空大学教授) and the heads a person.
                        _rolls.Close();
                    }
                    else if (_rolls.IsOpen && _rolls.Offer(RollRow(b.Cells), 0, b.Line))
                    {
                        // 出席議員（４名） over a table of | １番 | 川端　宏明 | ２番 | … |: the roll's entries.
                        return true;
                    }

                    _rolls.Close();
                    if (SpeakerTable.FromHeader(b.Cells) is { } table)
                    {
                        _speakerTable = table;
                        return true;
                    }

                    if (_speakerTable?.Read(b.Cells) is not null)
                    {
                        // The first row under a speaker table's header: the proceedings.
                        return false;
                    }

                    if (ReadPeopleTable(b, inProceedings: false))
                    {
                        return true;
                    }

                    var firstCell = b.Cells.Count > 0 ? TextCleanup.RemoveSpaces(string.Join("", b.Cells[0])) : "";
                    if (firstCell.Length > 0 && HeaderLabels.Classify(firstCell) == HeaderField.Unknown && SpeakerLabels.IsRoleLike(firstCell))
                    {
                        return false;
                    }

                    if (_header.Row(b.Cells, b.Line))
                    {
                        return true;
                    }

                    if (RowLooksLikeHeaderDebris(b))
                    {
                        // Not quoted: a row may hold a name, and warnings are published.
                        Warn("header-row-unread", $"a table row of {b.Cells.Count} cell(s) before the proceedings is not a known header field; ignored", b.Line);
                        return true;
                    }

                    return false;
                case BlockKind.Marker when b.Opens && _undecidedStamp is null && DisclosureStamp.Read(b.Text) is { } stamped:
                    _undecidedStamp = (b, stamped);
                    return true;
                case BlockKind.Marker:
                    return false;
                default:
                    break;
            }

            var text = b.Text;
            if (text.Length == 0)
            {
                return true;
            }

            // ▽日　時 / ■出席委員: the field's bullet is not part of its label.
            text = FieldBullet.Strip(text, out var bulleted);

            if (_sittingBelow != SittingBelow.None)
            {
                // <開会> over 令和７年３月７日 and １０時３０分 (<閉会> over its own): the sitting's date and times.
                var dated = DatedHeading.IsDatedHeading(text);
                if (dated || BracketedLabel.IsTimeAlone(text))
                {
                    if (_sittingBelow == SittingBelow.Opens)
                    {
                        _header.Field(dated ? HeaderField.DateTime : HeaderField.Time, null, text, [text], b.Line);
                    }
                    else if (!dated)
                    {
                        _header.EndTimeText ??= text;
                    }

                    return true;
                }

                _sittingBelow = SittingBelow.None;
            }

            if (BracketedLabel.Read(text) is { } bracketed)
            {
                // <会議場所>, <委員出欠>, <議事内容>: the label alone on its line, read as written without brackets.
                _sittingBelow = BracketedLabel.Sitting(bracketed);
                if (_sittingBelow != SittingBelow.None || RollHeading.Read(bracketed) is null)
                {
                    _rolls.Close();
                }

                if (_sittingBelow != SittingBelow.None)
                {
                    return true;
                }

                text = bracketed;
            }
            else if (_header.Title is not null && _header.DateTimeText is null && _header.Venue is null && text.Trim(' ', '\u3000') == "概要")
            {
                // 概要 under the title, over the header's fields (<開会> …): a caption, not the proceedings.
                return true;
            }

            var label = TextCleanup.CollapseSpacedLabel(text);
            if (DocumentTypeLine().IsMatch(TextCleanup.RemoveSpaces(label)))
            {
                // 会議録 / 会 議 録 on its own: the paper's name, and a page header if it repeats.
                _proceedings.AddPageHeader(label);
                return true;
            }

            if (ContactLine().IsMatch(text))
            {
                return true;
            }

            if (_rolls.IsOpen && _proceedings.IsPageHeader(text))
            {
                // The running title at the top of the page between two halves of a roll.
                return true;
            }

            if (OpeningDeclaration.IsLabel(text))
            {
                _declaring = true;
                return true;
            }

            if (OpeningDeclaration.Read(text, _declaring) is { } declared)
            {
                // 開会　令和５年３月１日　午前１０時００分　議長　山田太郎: the date, the end time and who declared them.
                _declaring = true;
                if (declared.Opens)
                {
                    _header.Field(HeaderField.DateTime, null, declared.When, [declared.When], b.Line);
                }
                else
                {
                    _header.EndTimeText ??= declared.When;
                }

                if (declared.Declarer.Length > 0)
                {
                    _rolls.AddLine("開閉会の宣告", declared.Declarer, b.Line);
                }

                return true;
            }

            _declaring = false;
            if (_rolls.Offer(text, b.Indent, b.Line))
            {
                return true;
            }

            if (MarkedField.Read(text) is { } marked)
            {
                // ○開会日　令和５年６月２８日（水）, ○閉　会　午前１０時３９分: a field of a header that bullets its fields with ○.
                if (marked.Closes)
                {
                    _header.EndTimeText ??= marked.Value;
                }
                else
                {
                    _header.Field(marked.Field, null, marked.Value, [marked.Value], b.Line, marked.Label);
                }

                return true;
            }

            if (MarkedField.LabelAlone(text) is { } markedAlone)
            {
                // 〇日時 / 〇場所 alone on the line, the value on the line below.
                _valueBelow = markedAlone.Field;
                _labelAbove = markedAlone.Label;
                return true;
            }

            if (MarkedSpeaker.Read(text) is not null)
            {
                // ○議長（…）　…: the first speaker starts the proceedings.
                return false;
            }

            if (_valueBelow is { } labelAbove)
            {
                _valueBelow = null;
                if (HeaderLabels.ReadParagraph(text) is null && ValueBelowLabel.Of(labelAbove, text) is var (below, group))
                {
                    _header.Field(below, group ?? (below == HeaderField.Disclosure ? _labelAbove : null), text, [text], b.Line, _labelAbove);
                    return true;
                }
            }

            if (DisclosureStamp.Read(text) is { } stamp)
            {
                _header.Stamp(stamp, b.Line);
                return true;
            }

            if (_header.Title is not null && _header.DateTimeText is null && DatedHeading.IsMonthDayAlone(text))
            {
                // 令和 7年議会運営委員会 over 1月24日: the sitting's day under the year's title; the 日時 below dates it.
                return true;
            }

            if (_header.Title is not null && _header.DateTimeText is null && SessionHeading.SessionAlone(text) is { } session)
            {
                // 中野区教育委員会会議録 over 令和５年第２０回定例会: the session named on a line of its own under the title.
                _sessionFromCaption ??= session;
                return true;
            }

            if (_header.Title is { } title && _header.DateTimeText is null && SessionHeading.SessionWithDay(text, title) is { } sitting)
            {
                // 令和6年度 総務委員会 over 第6回委員会 (8月18日): the sitting and its day in the title's year.
                _sessionFromCaption ??= sitting.Session;
                if (sitting.Date is { } day)
                {
                    _header.Field(HeaderField.DateTime, null, day, [day], b.Line);
                }

                return true;
            }

            if (LinePatterns.IsCaption(text))
            {
                ReadCaption(text, b.Line);
                return true;
            }

            if (JointCaption.Is(text))
            {
                // 議案及び議事内容 over <議案> and <議事内容>: names the labels below.
                _rolls.Close();
                return true;
            }

            if (!bulleted && _header.TryContinue(text, b.Line, b.ListItem, b.Indent > 0))
            {
                return true;
            }

            var field = HeaderLabels.ReadParagraph(text, bulleted);
            if (field is { Field: HeaderField.Secretariat or HeaderField.Title or HeaderField.Venue } spoken && spoken.Value.Contains('。', StringComparison.Ordinal))
            {
                // "事務局：それでは始めます。" is someone speaking, not the header naming a department.
                field = null;
            }

            if (field is { } f)
            {
                if (f.Field == HeaderField.Proceedings)
                {
                    _proceedings.AddPageHeader(f.Label);
                    // 審議経過 alone (or "別紙のとおり": elsewhere) starts the proceedings; with text after it, the text is proceedings.
                    if (f.Value.Length == 0 || f.Value.Contains("別紙", StringComparison.Ordinal))
                    {
                        _proceedingsMarked = true;
                        return true;
                    }

                    return false;
                }

                // A disclosure label says whose state it is (会議録の公開) or that a reason follows (非公開の理由);
                // alone, it has no state to read yet: its value is the paragraph below.
                if (f.Field != HeaderField.Disclosure || f.Value.Length > 0)
                {
                    _header.Field(f.Field, f.Field == HeaderField.Disclosure ? f.Label : null, f.Value, [f.Value], b.Line, f.Label);
                }

                _valueBelow = f.Value.Length == 0 && ValueBelowLabel.Takes(f.Field) ? f.Field : null;
                _labelAbove = f.Label;
                return true;
            }

            if (ValueBelowLabel.LabelAlone(text) is { } alone)
            {
                _valueBelow = alone;
                _labelAbove = TextCleanup.RemoveSpaces(text);
                return true;
            }

            if (!_assemblyHeader.Read(text, b.Indent, b.Line))
            {
                return false;
            }

            if (_header.TitleLine == b.Line)
            {
                // The heading line is the running header of every page of a PDF's text: again mid-speech, a page break.
                _proceedings.AddPageHeader(text);
            }

            return true;
        }

        private bool _proceedingsMarked;

        /// <summary>The line above was a bracketed 開会 or 閉会 (or its date): its date and time lines follow.</summary>
        private SittingBelow _sittingBelow;

        /// <summary>The line above was 開閉会日時及び宣告 or one of its declarations.</summary>
        private bool _declaring;

        private PeopleTable? _peopleTable;
        private readonly List<PeopleTable> _peopleTables = [];

        /// <summary>
        /// A row of column heads over people (順位 | 質問者 | 質問事項), or a row under one: the person
        /// is noted for the register; in the proceedings the row is a line of its own. Before the
        /// proceedings, rows that are no header field are not published, as any such row.
        /// </summary>
        private bool ReadPeopleTable(in Block b, bool inProceedings)
        {
            var first = b.Cells.Count > 0 ? string.Join("", b.Cells[0]) : "";
            if (first.Length > 0 && HeaderLabels.Classify(first) != HeaderField.Unknown)
            {
                _peopleTable = null; // 公開の可否 | 会議録 | …: the header goes on
                return false;
            }

            if (_peopleTable?.Read(b.Cells, b.Line) is { } row)
            {
                KeepText(row);
                if (inProceedings)
                {
                    _proceedings.Line(row, b.Line);
                }

                return true;
            }

            _peopleTable = PeopleTable.FromHeader(b.Cells);
            if (_peopleTable is null)
            {
                return false;
            }

            _peopleTables.Add(_peopleTable);
            if (inProceedings)
            {
                var heads = PeopleTable.Line(b.Cells);
                KeepText(heads);
                _proceedings.Line(heads, b.Line);
            }

            return true;
        }

        /// <summary>A header label read alone in its paragraph, whose value is the next paragraph.</summary>
        private HeaderField? _valueBelow;

        /// <summary>That label as written (会議録の公開 says whose state the value below is).</summary>
        private string? _labelAbove;

        /// <summary>A table row as a roll line: a cell's paragraphs apart, cells apart by a wider gap (each cell starts an entry or holds a name).</summary>
        private static string RollRow(IReadOnlyList<IReadOnlyList<string>> cells) =>
            string.Join("\u3000\u3000\u3000", cells.Where(c => c.Count > 0).Select(c => string.Join("\u3000", c).Trim()));

        private static bool RowLooksLikeHeaderDebris(in Block b)
        {
            var text = string.Join(" ", b.Cells.SelectMany(c => c)).Trim();
            return text.Length <= 30 && SpeakerLabels.InlineColonLabels(" " + text).Count == 0;
        }

        private void ReadCaption(string text, int line)
        {
            _header.Captions.Add(text);
            _fiscalFromCaption ??= JapaneseDates.FindFiscalYear(text);
            _sessionFromCaption ??= TitleParser.FindSession(text);
            _ = line;
        }

        /// <summary>Proceedings phase: one block; returns the closing field (会議の結果 / 提出された資料) being read, if any.</summary>
        private HeaderField ProceedingsBlock(in Block b, HeaderField footer)
        {
            if (b.Kind != BlockKind.Row)
            {
                _peopleTable = null;
            }

            switch (b.Kind)
            {
                case BlockKind.PageBreak:
                    // The sentence a page break cut is joined by the builder (it does not end a sentence); a rule ends the paragraph.
                    _rolls.Close();
                    if (b.Rule)
                    {
                        _proceedings.Rule();
                    }

                    return footer;
                case BlockKind.Heading:
                    if (RollHeading.Read(b.Text) is { Group: not "署名" } && _rolls.Offer(b.Text, 0, b.Line))
                    {
                        return HeaderField.Unknown;
                    }

                    _rolls.Close();
                    if (HeaderLabels.ReadParagraph(b.Text) is { Field: HeaderField.Results or HeaderField.Materials, Value.Length: 0 } closingHeading)
                    {
                        // ## 会議の結果 over its text: the closing field, not a section of speeches.
                        _header.Field(closingHeading.Field, null, "", [], b.Line);
                        return closingHeading.Field;
                    }

                    _proceedings.Heading(TextCleanup.CollapseSpacedLabel(b.Text), b.Line);
                    return HeaderField.Unknown;
                case BlockKind.Marker:
                    _proceedings.Marker(b.Opens, b.Text, b.Line);
                    return HeaderField.Unknown;
                case BlockKind.Row:
                    if (_rolls.IsOpen && _rolls.Offer(RollRow(b.Cells), 0, b.Line))
                    {
                        return HeaderField.Unknown;
                    }

                    if (SpeakerTable.FromHeader(b.Cells) is { } table)
                    {
                        _speakerTable = table;
                        return HeaderField.Unknown;
                    }

                    if (_speakerTable is { } speakers && speakers.Read(b.Cells) is { } row)
                    {
                        foreach (var p in row.Paragraphs)
                        {
                            KeepText(p);
                        }

                        _proceedings.TableRow(row, b.Line);
                        return HeaderField.Unknown;
                    }

                    if (ReadPeopleTable(b, inProceedings: true))
                    {
                        return HeaderField.Unknown;
                    }

                    var first = b.Cells.Count > 0 ? string.Join("", b.Cells[0]) : "";
                    var field = first.Length > 0 ? HeaderLabels.Classify(first) : HeaderField.Unknown;
                    if (field is HeaderField.Results or HeaderField.Materials or HeaderField.Attendees or HeaderField.Venue)
                    {
                        _header.Row(b.Cells, b.Line);
                        return field;
                    }

                    if (first.Length == 0 && footer != HeaderField.Unknown)
                    {
                        _header.Row(b.Cells, b.Line);
                        return footer;
                    }

                    foreach (var p in b.Cells.SelectMany(c => c))
                    {
                        KeepText(p);
                    }

                    _proceedings.Row(first, [.. b.Cells.Skip(1).SelectMany(c => c)], b.Line);
                    return HeaderField.Unknown;
                default:
                    break;
            }

            if (b.Text.Length == 0)
            {
                return footer;
            }

            if (footer != HeaderField.Unknown && _header.TryContinue(b.Text, b.Line))
            {
                return footer;
            }

            // Rolls after the proceedings (the signatures), or a roll the proceedings interrupt.
            // (Speech lines are long or end a sentence: only short lines and the signature line are looked at as headings.)
            if ((_rolls.IsOpen || ((b.Text.Length <= 40 || b.Text.EndsWith("署名する。", StringComparison.Ordinal)) && RollHeading.Read(b.Text) is { } head
                    && (head.Group == "署名" || !b.Text.Contains('。', StringComparison.Ordinal))))
                && _rolls.Offer(b.Text, b.Indent, b.Line))
            {
                return HeaderField.Unknown;
            }

            if (LinePatterns.IsCaption(b.Text) && !_proceedings.HasContent)
            {
                ReadCaption(b.Text, b.Line);
                return HeaderField.Unknown;
            }

            var f = ClosingLabelHint().IsMatch(b.Text) ? HeaderLabels.ReadParagraph(b.Text) : null;
            if (f is { Field: HeaderField.Results or HeaderField.Materials } closing && (b.Text.Contains('：') || closing.Value.Length == 0 || !b.Text.Contains('。')))
            {
                _header.Field(closing.Field, null, closing.Value, closing.Value.Length == 0 ? [] : [closing.Value], b.Line);
                return closing.Field;
            }

            KeepText(b.Text);
            _proceedings.Paragraph(b.Text, b.Line, _ownLine);
            return HeaderField.Unknown;
        }

        private Minutes Assemble(string id)
        {
            var proceedings = _proceedings.Build();
            // …会議録（第２号）　令和６年６月１１日: the date a heading ends with dates the sitting (below), it does not name the meeting.
            var title = _header.Title is { } heading && DatedHeading.DateAtEnd(heading) is { } dateInTitle
                ? heading[..heading.LastIndexOf(dateInTitle, StringComparison.Ordinal)].TrimEnd(' ', '\u3000')
                : _header.Title;
            TitleParts parts = title is null ? default : TitleParser.Parse(title);
            if (title is null)
            {
                Warn("title-missing", "no 会議体の名称 (meeting name) found; title is null", _firstLine);
            }

            var body = parts.Body;
            if (body is null)
            {
                body = InferBody();
            }

            var municipality = FindMunicipality(title, body);
            var rolls = new List<Roll>(_rolls.Rolls);
            if (municipality is not null)
            {
                _rolls.Known.AddPlace(municipality);
                _rolls.Known.AddPlace(municipality[..^1]);
            }

            var people = new DocumentPeople(_rolls.Known)
            {
                OnUnread = (where, line) => Warn(Rolls.UnreadEntry.WarningCode, where + " names someone whose name could not be read (not written in kanji, kana or a katakana name with ・/＝); held for review", line ?? _header.AttendeesLine ?? _firstLine),
            };
            rolls.AddRange(people.RollsOf(_header.Attendees));
            foreach (var column in _peopleTables.SelectMany(t => t.People).GroupBy(p => p.Head))
            {
                var listed = column.ToList();
                var roll = people.RollsOf([new AttendeeGroup(column.Key, [.. listed.Select(p => p.Written)])])[0];
                for (var i = 0; i < roll.Entries.Count && i < listed.Count; i++)
                {
                    if (roll.Entries[i].Name is null && UnreadNames.HasForeignLetters(roll.Entries[i].Written))
                    {
                        // | １ | John Smith | 防災について |: the column says it is a person, and no reader could read the name.
                        Warn(Rolls.UnreadEntry.WarningCode, $"a table's {column.Key} column names someone whose name could not be read (not written in kanji, kana or a katakana name with ・/＝); held for review", listed[i].Line);
                    }
                }

                rolls.Add(roll);
            }
            people.ReadInPlace(proceedings);
            var sections = proceedings;
            if (TallyInResults() is { Count: > 0 } voters)
            {
                // 議案の概要と審議結果 over a vote table headed by the members: they are people of the document (not shown as a roll).
                rolls.Add(new Roll("賛否", voters));
            }

            if (_header.DateTimeText is null && _header.Title is { } dated && DatedHeading.DateAtEnd(dated) is { } titleDate)
            {
                // No 開催日時 field or dated heading: the date the title line ends with.
                _header.Field(HeaderField.DateTime, null, titleDate, [titleDate], _header.TitleLine);
            }

            if (_header.DateTimeText is null && _header.ConvenedText is { } called)
            {
                // No 開催日時: 招集日時 (with its hour) is when the committee met.
                _header.Field(HeaderField.DateTime, null, called, [called], _header.ConvenedLine);
            }

            var (date, start, end) = _header.ReadDateTime();
            if (date is not null && (start is null || end is null))
            {
                // 開催日 without times: 〔午前１０時　０分　開議〕 … （午後３時３３分　散会） in the proceedings say them.
                var (opened, closed) = SittingTimes.Read(proceedings);
                start ??= opened;
                end ??= start is null ? null : closed;
            }

            if (_header.DateTimeText is null)
            {
                Warn("date-missing", "no 開催日時 (date and time) found; date, startTime and endTime are null", _firstLine);
            }
            else
            {
                if (date is null)
                {
                    Warn("date-unread", $"開催日時 '{_header.DateTimeText}' has no readable date", _header.DateTimeLine);
                }

                if (start is null)
                {
                    Warn("time-unread", $"開催日時 '{_header.DateTimeText}' has no readable time", _header.DateTimeLine);
                }
                else if (end is null)
                {
                    Warn("end-time-missing", $"開催日時 '{_header.DateTimeText}' has no end time", _header.DateTimeLine);
                }
            }

            var fiscal = parts.FiscalYear ?? _fiscalFromCaption ?? (date is { } d ? JapaneseEra.FiscalYear(d) : null);
            if (fiscal is null)
            {
                Warn("fiscal-year-missing", "no 年度 and no date to derive it from; fiscalYear is null", _firstLine);
            }

            var session = parts.Session ?? _sessionFromCaption;
            if (session is null)
            {
                Warn("session-missing", "no 回次 (第N回) found; session is null", _firstLine);
            }

            if (_header.Venue is null)
            {
                Warn("venue-missing", "no 開催場所 (venue) found; venue is null", _firstLine);
            }

            if (_header.Secretariat is null)
            {
                Warn("secretariat-missing", "no 事務局 (secretariat) found; secretariat is null", _firstLine);
            }

            if (!_header.DisclosureSeen)
            {
                Warn("disclosure-missing", "no 公開の可否 (disclosure) found; disclosure is unknown", _firstLine);
            }
            else if (!_header.MinutesDisclosureSeen)
            {
                Warn("disclosure-minutes-missing", "公開の可否 has no 会議録 row; the minutes' disclosure is unknown", _firstLine);
            }

            var agenda = _header.Agenda.Count > 0 ? _header.Agenda : AgendaFromSections(sections);
            if (agenda.Count == 0)
            {
                Warn("agenda-missing", "no 議題 (agenda) found", _firstLine);
            }
            else if (_header.Agenda.Count == 0)
            {
                Warn("agenda-inferred", "no 議題 field; the agenda is read from the numbered section headings", _firstLine);
            }

            // 出席者　西川委員　橋爪委員 (no 、: a roll's) over 事務局　石橋子育て健康課長　… (the header's): both are the attendees.
            // Before, the header's group alone was shown and the members read by the roll were left out of the list.
            // In the order written: the list that starts first goes first.
            var fromRolls = _rolls.AttendeeGroups.Where(g => !_header.Attendees.Exists(h => h.Group == g.Group)).ToList();
            var attendees = _header.Attendees.Count == 0 ? [.. _rolls.AttendeeGroups]
                : fromRolls.Count == 0 ? _header.Attendees
                : _rolls.AttendeeGroupsLine < _header.AttendeesLine ? [.. fromRolls, .. _header.Attendees] : [.. _header.Attendees, .. fromRolls];
            if (attendees.Count == 0)
            {
                Warn("attendees-missing", "no 出席者 (attendees) found", _firstLine);
            }

            if (sections.Count == 0 || sections.All(s => s.Turns.Count == 0))
            {
                Warn("no-proceedings", "the upload has a header but no proceedings (審議経過); the document has no turns", _firstLine);
            }

            return new Minutes
            {
                Id = id,
                Title = title,
                Body = body,
                Municipality = municipality,
                Session = session,
                Date = date,
                FiscalYear = fiscal,
                StartTime = start,
                EndTime = end,
                Venue = _header.Venue,
                Secretariat = _header.Secretariat,
                Agenda = agenda,
                Attendees = attendees,
                Rolls = rolls,
                Disclosure = _header.Disclosure,
                Sections = sections,
                Results = _header.Results,
                Materials = _header.Materials,
                Warnings = _warnings,
                Source = _source,
            };
        }

        /// <summary>
        /// Without a header, the chair usually names the body when opening: "…第1回目黒区情報公開・個人情報保護審議会を開催いたします".
        /// Read with a warning, since it is inferred.
        /// </summary>
        private string? InferBody()
        {
            var m = OpeningBody().Match(AllText());
            if (m.Success)
            {
                var body = m.Groups["body"].Value;
                Warn("body-inferred", $"body '{body}' read from the opening words, not from a header", _firstLine);
                return body;
            }

            Warn("body-missing", "no standing body (会議体) found; body is null", _firstLine);
            return null;
        }

        private string? FindMunicipality(string? title, string? body)
        {
            var found = Municipality.FindFirst(title) ?? Municipality.FindFirst(body) ?? Municipality.OfAssembly(title) ?? Municipality.OfAssembly(body)
                ?? Municipality.OfBody(body)
                ?? Municipality.FindFirst(_header.Venue) ?? Municipality.FindFirst(_header.Secretariat);
            if (found is not null)
            {
                return found;
            }

            var headerText = string.Join("\n", new[] { _header.Disclosure.MeetingReason, _header.Disclosure.Reason }
                .Concat(_header.Attendees.SelectMany(g => g.Members)).Concat(_header.Agenda).Concat(_header.Materials).Concat(_header.Captions)
                .Where(s => s is not null));
            found = Municipality.FindFirst(headerText);
            if (found is not null)
            {
                return found;
            }

            // Not guessed from places the speeches mention: a ward named in a question is not the document's.
            Warn("municipality-missing", "no municipality named in the title, body or header; municipality is null", _firstLine);
            return null;
        }

        /// <summary>
        /// Without a 議題 field, the numbered section headings are the agenda (002's 次第, 004's 会議の概要).
        /// A top-level heading with no turns of its own (4 報告) groups the (1) (2) items under it;
        /// structural headings (会議の概要, 発言内容) are not items.
        /// </summary>
        private static List<string> AgendaFromSections(IReadOnlyList<Section> sections)
        {
            var items = new List<string>();
            string? group = null;
            foreach (var s in sections)
            {
                if (s.Heading is not { } h)
                {
                    continue;
                }

                if (TopLevelItem().Match(h) is { Success: true } top)
                {
                    var name = TextCleanup.RemoveSpaces(h[top.Length..]);
                    if (StructuralHeading().IsMatch(name))
                    {
                        group = null;
                        continue;
                    }

                    if (s.Turns.Count == 0)
                    {
                        group = h;
                        continue;
                    }

                    group = null;
                    items.Add(h);
                }
                else if (NumberedItem().IsMatch(h))
                {
                    var description = s.Turns.Count == 1 && s.Turns[0].Kind == TurnKind.Procedure && s.Turns[0].Speaker is null ? " " + s.Turns[0].Text : "";
                    items.Add((group is null ? "" : group + " ") + h + description);
                }
            }

            return items;
        }
    }

    // ---- blocks, flattened and cleaned once ----

    private enum BlockKind
    {
        Paragraph,
        Heading,
        Row,
        Marker,
        PageBreak,
    }

    /// <param name="Indent">Display columns of leading space in the upload (full-width 2): fixed-width rolls align by it.</param>
    /// <param name="Rule">A page break that is a rule the writer drew between parts (━━━━), not a cut page.</param>
    /// <param name="ListItem">An item of a Markdown or HTML list (its bullet gone): 議題 over its items.</param>
    private readonly record struct Block(BlockKind Kind, int Line, string Text, IReadOnlyList<IReadOnlyList<string>> Cells, int Level = 0, bool Opens = false, int Indent = 0, int Width = 0, bool Rule = false, bool ListItem = false);

    private static readonly IReadOnlyList<IReadOnlyList<string>> NoCells = [];

    /// <summary>Cleans every block once; a paragraph holding several lines (a Markdown paragraph) becomes one block per line.</summary>
    private static IEnumerable<Block> Flatten(IEnumerable<SourceBlock> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    yield return new Block(BlockKind.Heading, h.Line, TextCleanup.CollapseSpacedLabel(TextCleanup.CleanLine(h.Text)), NoCells, h.Level);
                    break;
                case ParagraphBlock p when !p.Text.Contains('\n', StringComparison.Ordinal):
                    if (Line(p.Text, p.Line) is { } line)
                    {
                        yield return line with { ListItem = p.ListItem && line.Kind == BlockKind.Paragraph };
                    }

                    break;
                case ParagraphBlock p:
                    var lines = p.Text.Split('\n');
                    for (var k = 0; k < lines.Length; k++)
                    {
                        if (Line(lines[k], p.Line + k) is { } part)
                        {
                            // The item is the first line; Markdown joins a following unbulleted line (５　議事内容) to it lazily.
                            yield return part with { ListItem = k == 0 && p.ListItem && part.Kind == BlockKind.Paragraph };
                        }
                    }

                    break;
                case TableRowBlock r:
                    var cells = new List<IReadOnlyList<string>>(r.Cells.Count);
                    foreach (var cell in r.Cells)
                    {
                        var paragraphs = new List<string>(cell.Paragraphs.Count);
                        foreach (var paragraph in cell.Paragraphs)
                        {
                            AddCleaned(paragraphs, paragraph);
                        }

                        cells.Add(paragraphs);
                    }

                    yield return new Block(BlockKind.Row, r.Line, "", cells);
                    break;
                case DisclosureMarkerBlock m:
                    yield return new Block(BlockKind.Marker, m.Line, m.Marker.Trim(), NoCells, Opens: m.Opens);
                    break;
                case PageBreakBlock pb:
                    yield return new Block(BlockKind.PageBreak, pb.Line, "", NoCells, Rule: LinePatterns.IsRule(pb.Raw));
                    break;
                default:
                    break;
            }
        }
    }

    private static void AddCleaned(List<string> paragraphs, string paragraph)
    {
        if (!paragraph.Contains('\n', StringComparison.Ordinal))
        {
            var cleaned = TextCleanup.CleanLine(paragraph);
            if (cleaned.Length > 0)
            {
                paragraphs.Add(cleaned);
            }

            return;
        }

        foreach (var part in paragraph.Split('\n'))
        {
            AddCleaned(paragraphs, part);
        }
    }

    /// <summary>One line of a paragraph, cleaned, as the block it reads as; null when nothing is left of it.</summary>
    private static Block? Line(string raw, int line)
    {
        var text = TextCleanup.CleanLine(raw);
        if (text.Length == 0)
        {
            return null;
        }

        // Readers that do not parse Markdown still hand over "## heading" and "----\t---" lines.
        var heading = MarkdownHeading().Match(text);
        if (heading.Success)
        {
            return new Block(BlockKind.Heading, line, TextCleanup.CollapseSpacedLabel(heading.Groups["text"].Value), NoCells, heading.Groups["hashes"].Length);
        }

        if (LinePatterns.IsPageDebris(text) || raw.Contains('\f', StringComparison.Ordinal))
        {
            return new Block(BlockKind.PageBreak, line, "", NoCells, Rule: LinePatterns.IsRule(text));
        }

        var marker = MarkerLine().Match(text);
        if (marker.Success)
        {
            return new Block(BlockKind.Marker, line, text, NoCells, Opens: !marker.Groups["close"].Success);
        }

        return new Block(BlockKind.Paragraph, line, text, NoCells, Indent: IndentOf(raw), Width: LineWrap.Columns(raw));
    }

    private static int IndentOf(string raw)
    {
        var columns = 0;
        foreach (var c in raw)
        {
            if (c == '\u3000')
            {
                columns += 2;
            }
            else if (c is ' ' or '\t')
            {
                columns++;
            }
            else
            {
                break;
            }
        }

        return columns;
    }

    [GeneratedRegex(@"^(?<hashes>#{1,6})[ \u3000]+(?<text>.+?)[ \u3000#]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?:【[ \u3000]*(?:(?<close>[/／])[ \u3000]*非公開|非公開(?<close>ここまで|終わり|終了|以上))[ \u3000]*】|【[ \u3000]*非公開[ \u3000]*】|<!--[ \u3000]*(?<close>/)?[ \u3000]*非公開[ \u3000]*-->)$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerLine();

    /// <summary>A heading over the header's fields: 開催概要, 会議の開催概要, 開催情報, 会議情報, 基本情報 (not 会議概要, the proceedings).</summary>
    [GeneratedRegex(@"^(?:[0-9０-９]{1,2}[.．、]?)?(?:会議の)?(?:開催概要|開催情報|開催日時等|基本情報|会議情報)$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderCaption();

    [GeneratedRegex(@"^(?:会議録|会議要録|議事録|議事要旨|議事要録|会議要旨|会議記録|要点記録)$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentTypeLine();

    [GeneratedRegex(@"^◇|電話[ \u3000]*[:：]?[ \u3000]*\d{2,4}-\d{2,4}-\d{3,4}", RegexOptions.CultureInvariant)]
    private static partial Regex ContactLine();

    [GeneratedRegex(@"第\d{1,3}回(?:目(?=[のに、]))?(?<body>[^、。\s「」]{2,40}?(?:審議会|委員会|協議会|懇談会|推進本部|本部|会議|部会))(?:を|の)(?:開催|開会|始め)", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningBody();

    [GeneratedRegex(@"^[(（]\d{1,2}[)）]", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedItem();

    // Closing fields (会議の結果, 配付資料 …) start with one of these words, possibly spaced or numbered.
    [GeneratedRegex(@"^[\d.．\s-]{0,4}(?:会[ \u3000]?議[ \u3000]?の[ \u3000]?結|決[ \u3000]?定|提[ \u3000]?出|配[ \u3000]?[付布])", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingLabelHint();

    [GeneratedRegex(@"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:[.．、][ \u3000]*|[ \u3000]+)", RegexOptions.CultureInvariant)]
    private static partial Regex TopLevelItem();

    [GeneratedRegex(@"^(?:会議の概要|議事の概要|会議概要|発言内容|発言の記録|審議経過|議事経過|会議経過|審議内容|会議内容|議事録|会議録)$", RegexOptions.CultureInvariant)]
    private static partial Regex StructuralHeading();
}
