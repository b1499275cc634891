namespace PublishPipeline.Normalization.Header;

/// <summary>
/// The unlabelled header lines of assembly minutes, read before the proceedings: the meeting's name on
/// the first line (<see cref="SessionHeading"/>), a dated heading (<see cref="DatedHeading"/>) and an end
/// time under the 日時 field, and the agenda printed as a list (<see cref="AgendaList"/>; the 本日の会議に付した事件
/// list that repeats the 議事日程 is not read twice).
/// </summary>
internal sealed class AssemblyHeader(HeaderBuilder header, Action<string, string, int?> warn)
{
    private bool _agendaOpen;
    private bool _agendaRestated;
    private int _itemIndent = -1;

    // The room was read under the date: the opening time may still follow it (議会運営委員会室 over 午前十一時三分開議).
    private bool _venueUnderDate;

    // The open list is 本日の会議に付した事件 with no 議事日程 read before it: its items may have no number.
    private bool _unnumbered;

    /// <summary>True when the line was one of these header lines.</summary>
    public bool Read(string text, int indent, int line)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_agendaOpen)
        {
            if (AgendaList.IsItem(text))
            {
                AddItem(text, indent);
                return true;
            }

            if (AgendaList.RefersToAgenda(text))
            {
                // 本日の会議に付した事件 / 議事日程のとおり: the agenda above, named again; no speech of nobody's.
                return true;
            }

            if (DatedHeading.IsDatedHeading(text) || DatedHeading.IsOpeningTime(text))
            {
                // 議事日程 / 令和５年９月１２日（火）午前１０時開会 (or 午後一時開議 on its own line) / 第　１　…: the list's own date line.
                header.Field(DatedHeading.IsOpeningTime(text) ? HeaderField.Time : HeaderField.DateTime, null, text, [text], line);
                return true;
            }

            if (_unnumbered && AgendaList.IsUnnumberedItem(text))
            {
                // 本日の会議に付した事件 over 議員の辞職について: an item without a number.
                AddItem(text, indent);
                return true;
            }

            if (_itemIndent >= 0 && indent > _itemIndent && !DatedHeading.IsDatedHeading(text) && !SessionHeading.EndsWithDocumentType(text))
            {
                // A long item wrapped onto an indented line.
                if (!_agendaRestated)
                {
                    header.AgendaItem(text, wrapped: true);
                }

                return true;
            }

            _agendaOpen = false;
        }

        if (AgendaList.IsHeading(text))
        {
            _agendaOpen = true;
            _agendaRestated = header.Agenda.Count > 0 && AgendaList.Restates(text);
            _unnumbered = !_agendaRestated && AgendaList.Restates(text);
            _itemIndent = -1;
            return true;
        }

        if ((header.Title is null && header.FieldCount == 0 && SessionHeading.IsHeading(text)) || SessionHeading.EndsWithDocumentType(text))
        {
            if (header.Title is null)
            {
                warn("title-from-heading", "the title is read from the document's heading line, not from a 会議体の名称 field", line);
            }

            header.SetTitle(text, line);
            return true;
        }

        if (DatedHeading.IsDatedHeading(text))
        {
            header.Field(HeaderField.DateTime, null, text, [text], line);
            return true;
        }

        if (header.LastField == HeaderField.DateTime && header.Venue is null && VenueAlone.Is(text))
        {
            // 令和六年二月十五日(木曜日) over 議会運営委員会室: the room, unlabelled, under the date.
            header.Field(HeaderField.Venue, null, text, [text], line);
            _venueUnderDate = true;
            return true;
        }

        if ((header.LastField == HeaderField.DateTime || (_venueUnderDate && header.LastField == HeaderField.Venue)) && DatedHeading.IsOpeningTime(text))
        {
            header.Field(HeaderField.Time, null, text, [text], line);
            return true;
        }

        if (header.LastField == HeaderField.DateTime && DatedHeading.IsClosingTime(text))
        {
            header.EndTimeText ??= text;
            return true;
        }

        if (AgendaList.IsItem(text) && text.StartsWith('日'))
        {
            // 日程第　１　… straight under the dated heading, with no heading of its own.
            _agendaOpen = true;
            _unnumbered = false;
            _agendaRestated = false;
            AddItem(text, indent);
            return true;
        }

        return false;
    }

    private void AddItem(string text, int indent)
    {
        _itemIndent = indent;
        if (!_agendaRestated)
        {
            header.AgendaItem(text, wrapped: false);
        }
    }
}
