using PublishPipeline.Model;
using PublishPipeline.Normalization.People;

namespace PublishPipeline.Normalization.Rolls;

/// <summary>
/// Reads the entries of one roll line, however many columns it holds: <c>１番　入　　江　　啓　　太</c>,
/// <c>１番　田　村　規　子　議　員　　２番　平　井　和　樹　議　員</c>, <c>市長　濱　田　剛　史　　副市長　山　本　政　行</c>,
/// <c>委員長　迫川　高行　　委員　川端　宏明</c>, <c>山田太郎君　鈴木一郎君</c>. A seat number or an office
/// starts an entry, 君 ends one, and a member word after the name (議　員) is the entry's role; the name
/// keeps its spacing so a fixed-width layout splits it (<see cref="WrittenName"/>). Null when the line
/// is not roll entries (prose, a heading, an agenda item): every entry must have a seat number, an
/// office, an honorific, or a spaced name.
/// </summary>
internal static class RollEntries
{
    private static readonly HashSet<string> SpacedTitles = new(StringComparer.Ordinal)
    {
        "議員", "委員", "議長", "副議長", "委員長", "副委員長", "会長", "副会長", "市長", "町長", "村長", "区長", "知事", "幹事", "理事", "参与", "書記", "局長",
    };

    private readonly record struct Word(int Start, int End, int Column, string Text);

    private sealed class Entry
    {
        public string? Number;
        public string? Role;
        public int From = -1;
        public int Column;
        public int To;
        public int NameFrom = -1;
        public int NameTo;
        public int NamePieces;
        public bool Honorific;
        public bool Repeat;
        public bool Listed;
        public PersonMention? Person;

        public bool HasName => NamePieces > 0;
    }

    public static List<PersonMention>? Read(string line, KnownPeople? known = null) => Read(line, known, null);

    /// <summary>The entries of the line and, in <paramref name="columns"/>, the display column where each starts (after <c>indent</c>).</summary>
    public static List<PersonMention>? Read(string line, KnownPeople? known, List<int>? columns, int indent = 0)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = Words(line);
        if (words.Count == 0)
        {
            return null;
        }

        var entries = new List<Entry>();
        var cur = new Entry();
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            var text = word.Text;

            // 1 番　菅 原　悟 君: a seat number typed apart from its 番.
            if (w + 1 < words.Count && words[w + 1].Text == "番" && OfficeWords.SeatNumber(text + "番") is { } apart)
            {
                StartSeat(word);
                cur.Number = apart.Number;
                cur.To = words[w + 1].End;
                w++;
                continue;
            }

            var (joined, used) = JoinSpacedTitle(words, w);
            if (used == 1 && !cur.HasName && cur.Role is null && JoinSpacedOffice(words, w) is { } office)
            {
                (joined, used) = office;
            }

            if (used > 1)
            {
                text = joined;
            }

            // 〃佐藤花子: the repeat mark gives the role of the entry above.
            if (used == 1 && RollEntryShapes.IsRepeatMark(text[0]))
            {
                if (cur.From >= 0)
                {
                    Close();
                }

                cur.Role = entries.Count > 0 ? entries[^1].Role : null;
                cur.Repeat = true;
                cur.From = word.Start;
                cur.Column = word.Column;
                cur.To = word.End;
                var rest = text.TrimStart('〃', '″');
                if (rest.Length > 0)
                {
                    var bare = RollEntryShapes.WithoutHonorific(rest);
                    if (!SpeakerLabelParser.AllNameChars(bare))
                    {
                        return null;
                    }

                    AddName(word.End - rest.Length, word.End - rest.Length + bare.Length, bare);
                    cur.Honorific = bare.Length < rest.Length;
                    cur.To = word.End;
                }

                continue;
            }

            // 委員山田太郎, 委員長山本次郎様: a role written against the name.
            if (used == 1 && RollEntryShapes.RolePrefix(text) is > 0 and var prefix)
            {
                if (cur.HasName)
                {
                    Close();
                }

                if (cur.From < 0)
                {
                    cur.From = word.Start;
                    cur.Column = word.Column;
                }

                cur.Role = text[..prefix];
                var bare = RollEntryShapes.WithoutHonorific(text[prefix..]);
                AddName(word.Start + prefix, word.Start + prefix + bare.Length, bare);
                cur.Honorific = bare.Length < text.Length - prefix;
                cur.To = word.End;
                Close();
                continue;
            }

            // 委員長野口 有信君, 局長山手  斉君: an office against the surname, the given name the next word.
            if (used == 1 && !cur.HasName && w + 1 < words.Count && RollEntryShapes.OfficeBeforeSurname(text, words[w + 1].Text) is > 0 and var officeLength)
            {
                if (cur.From < 0)
                {
                    cur.From = word.Start;
                    cur.Column = word.Column;
                }

                cur.Role = cur.Role is null ? text[..officeLength] : cur.Role + text[..officeLength];
                AddName(word.Start + officeLength, word.End, text[officeLength..]);
                cur.To = word.End;
                continue;
            }

            if (OfficeWords.SeatNumber(text) is { } seat)
            {
                StartSeat(word);
                cur.Number = seat.Number;
                cur.To = word.Start + seat.Length;
                if (seat.Length < text.Length)
                {
                    AddName(word.Start + seat.Length, word.End, text[seat.Length..]);
                }

                continue;
            }

            if (text.EndsWith('君') && text.Length > 1 && used == 1)
            {
                AddName(word.Start, word.End - 1, text[..^1]);
                cur.Honorific = true;
                cur.To = word.End;
                Close();
                continue;
            }

            // 小林明美さん, 鈴木一郎様, 中村正氏: an honorific ends the entry as 君 does.
            if (used == 1 && RollEntryShapes.WithoutHonorific(text) is var plain && plain.Length < text.Length && !OfficeWords.IsOfficeWord(plain))
            {
                AddName(word.Start, word.Start + plain.Length, plain);
                cur.Honorific = true;
                cur.To = word.End;
                Close();
                continue;
            }

            // 出席者　山田委員　佐藤委員: a name and a person's title in one word is an entry of its own.
            if (used == 1 && !cur.HasName && cur.Role is null && OfficeWords.TitleAtEnd(text) is { } title && OfficeWords.IsPersonTitle(title)
                && SpeakerLabelParser.Parse(text, known) is { Name: not null } member)
            {
                entries.Add(new Entry
                {
                    Number = cur.Number,
                    From = cur.From >= 0 ? cur.From : word.Start,
                    Column = cur.From >= 0 ? cur.Column : word.Column,
                    To = word.End,
                    NamePieces = 1,
                    Role = member.Role,
                    Person = member,
                });
                cur = new Entry();
                continue;
            }

            // 野々村　純一委員: the given name and a person's title in one word after the surname end the entry.
            if (used == 1 && cur.HasName && cur.NamePieces == 1 && cur.Role is null && OfficeWords.TitleAtEnd(text) is { } memberTitle
                && OfficeWords.IsPersonTitle(memberTitle) && text.Length - memberTitle.Length is >= 1 and <= 3
                && SpeakerLabelParser.AllNameChars(text.AsSpan(0, text.Length - memberTitle.Length)) && GivenName(text.AsSpan(0, text.Length - memberTitle.Length)))
            {
                AddName(word.Start, word.End - memberTitle.Length, text[..^memberTitle.Length]);
                cur.Role = memberTitle;
                cur.To = word.End;
                Close();
                continue;
            }

            if (used > 1 || OfficeWords.IsOfficeWord(text) || (!cur.HasName && RollEntryShapes.IsOfficeWithNote(text)))
            {
                var end = words[w + used - 1].End;
                if (cur.HasName)
                {
                    if (cur.Role is null && text is "議員" or "委員")
                    {
                        // 田　村　規　子　議　員: the member word after the name.
                        cur.Role = text;
                        cur.To = end;
                        Close();
                        w += used - 1;
                        continue;
                    }

                    Close();
                }

                cur.Role = cur.Role is null ? text : cur.Role + text;
                if (cur.From < 0)
                {
                    cur.From = word.Start;
                    cur.Column = word.Column;
                }

                cur.To = end;
                w += used - 1;
                continue;
            }

            if (text == "君" && cur.HasName)
            {
                cur.Honorific = true;
                cur.To = word.End;
                Close();
                continue;
            }

            // 山田太郎（欠席）, 佐藤花子（企画課長）: a note in parentheses after the name is not part of it.
            if (used == 1 && RollEntryShapes.WithoutNote(text) is { } noted)
            {
                AddName(word.Start, word.Start + noted.Length, noted);
                cur.To = word.End;
                continue;
            }

            // 山　田　太　郎（午後欠席）, 奥　村　健　（遅刻）: a note after a spaced name ends its entry.
            if (used == 1 && cur.HasName && RollEntryShapes.NoteAfterSpacedName(text) is { } before)
            {
                if (before > 0)
                {
                    AddName(word.Start, word.Start + before, text[..before]);
                }

                cur.To = word.End;
                Close();
                continue;
            }

            if (!SpeakerLabelParser.AllNameChars(text))
            {
                return null;
            }

            // 山田太郎　佐藤花子 (a table cell with two names), 委　員　　大西　勇　　　　小田切　洋子 (two columns of
            // names, a gap wider than any inside the name before it): two entries with the same role.
            if (cur.HasName && ((cur.NamePieces == 1 && RollEntryShapes.AreTwoNames(line[cur.NameFrom..cur.NameTo], text))
                || NextColumnsName(words, w, cur.NameFrom)))
            {
                var role = cur.Role;
                cur.Listed = true;
                Close();
                cur.Role = role;
                cur.Listed = true;
            }

            AddName(word.Start, word.End, text);
        }

        if (cur.From >= 0)
        {
            Close();
        }

        if (entries.Count == 0 || entries.Any(e => !e.HasName || (e.Number is null && e.Role is null && !e.Honorific && !e.Repeat && !e.Listed && e.NamePieces < 2)))
        {
            return null;
        }

        // The columns are given only with the entries: a line refused half-way adds none.
        var result = new List<PersonMention>(entries.Count);
        var given = columns?.Count ?? 0;
        foreach (var e in entries)
        {
            if (e.Person is { } person)
            {
                columns?.Add(indent + e.Column);
                result.Add(person with { Written = line[e.From..e.To].Trim(' ', '\u3000'), Number = e.Number ?? person.Number });
                continue;
            }

            var parts = WrittenName.Read(line[e.NameFrom..e.NameTo], known);
            if (e.NamePieces == 1 && e.Number is null && !e.Honorific && IsWordNotName(parts.Name))
            {
                // 議事録署名委員　指名: an agenda heading after the roll (an office word, then an ordinary word), no entry.
                columns?.RemoveRange(given, columns.Count - given);
                return null;
            }

            // ジャン＝ピエール・ルロワ: a foreign name's parts make it longer than a Japanese one.
            if (parts.Name.Length > (parts.Name.AsSpan().IndexOfAny("・＝=･゠") >= 0 ? 24 : 10))
            {
                columns?.RemoveRange(given, columns.Count - given);
                return null;
            }

            columns?.Add(indent + e.Column);
            result.Add(new PersonMention
            {
                Written = line[e.From..e.To].Trim(' ', '\u3000'),
                Name = parts.Name,
                FamilyName = parts.FamilyName,
                GivenName = parts.GivenName,
                Role = e.Role ?? (e.Number is null ? null : "議員"),
                Number = e.Number,
            });
        }

        return result;

        void AddName(int start, int end, string text)
        {
            if (cur.From < 0)
            {
                cur.From = start;
                cur.Column = ColumnAt(start);
            }

            if (cur.NameFrom < 0)
            {
                cur.NameFrom = start;
            }

            cur.NameTo = end;
            cur.To = end;
            cur.NamePieces++;
            _ = text;
        }

        int ColumnAt(int index)
        {
            foreach (var w in words)
            {
                if (w.Start <= index && index < w.End)
                {
                    return w.Column + (index - w.Start) * 2;
                }
            }

            return 0;
        }

        // A seat number starts an entry, unless it follows an office with no name yet (会　長　　３番　宇佐見　房　雄　君,
        // a 農業委員会's roll): the office and the seat are the same person's.
        void StartSeat(Word at)
        {
            if (cur.From >= 0 && (cur.HasName || cur.Number is not null || cur.Role is null))
            {
                Close();
            }

            if (cur.From < 0)
            {
                cur.From = at.Start;
                cur.Column = at.Column;
            }
        }

        void Close()
        {
            if (cur.From >= 0)
            {
                entries.Add(cur);
            }

            cur = new Entry();
        }
    }

    // A short word the dictionary knows as an ordinary noun (指名, 選出, 報告) and never as a surname or a given name.
    private static bool IsWordNotName(string name)
    {
        var lexicon = Redaction.Names.NameLexicon.Default;
        return name.Length is 2 or 3 && lexicon.IsCommonWord(name) && !lexicon.IsSurname(name) && !lexicon.IsGivenName(name);
    }

    private static readonly HashSet<string> ColumnHeads = new(StringComparer.Ordinal)
    {
        "番号", "議席", "議席番号", "氏名", "名前", "職名", "役職", "職", "職氏名", "役職名", "所属", "会派", "備考", "出欠",
    };

    /// <summary>True for a line of a table's column heads only (番号　氏名, 職名　氏名): no entries, nothing to read.</summary>
    /// <summary>A given name before a title (純一委員), not an office (総務委員): a known given name, or no word that opens an office.</summary>
    private static bool GivenName(ReadOnlySpan<char> text) =>
        Redaction.Names.NameLexicon.Default.IsGivenName(text) || !OfficeWords.StartsOffice(text);

    public static bool IsColumnHeads(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        return words.Count > 0 && words.All(w => ColumnHeads.Contains(w.Text));
    }

    /// <summary>True for "なし" however it is spaced or bracketed: a roll with nobody on it.</summary>
    public static bool IsNone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = Cleanup.TextCleanup.RemoveSpaces(text).Trim('（', '）', '(', ')', '。', '〔', '〕');
        return t is "なし" or "無し" or "なし。" or "該当なし" or "0名" or "0人";
    }

    /// <summary>
    /// A line of offices only (<c>教育推進室長</c>; <c>参事　…　主幹</c> in two columns; <c>（公共施設・庁舎担当）</c>): the
    /// wrapped ends of the offices of the entries above, each with the display column it starts at.
    /// Null when any word is not an office.
    /// </summary>
    public static List<(string Office, int Column)>? OfficeContinuation(string line, int indent)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = Words(line);
        if (words.Count == 0 || words.Count > 4)
        {
            return null;
        }

        var offices = new List<(string, int)>(words.Count);
        foreach (var w in words)
        {
            var t = w.Text;
            var bare = t.Trim('（', '）', '(', ')').Replace("・", "", StringComparison.Ordinal);
            var note = t.Length > 2 && t[0] is '（' or '(' && t[^1] is '）' or ')';
            if (t.Length is < 2 or > 30 || !SpeakerLabelParser.AllNameChars(bare) || !(note || OfficeWords.IsOfficeWord(t) || OfficeWords.StartsOffice(t)))
            {
                return null;
            }

            offices.Add((t, indent + w.Column));
        }

        return offices;
    }

    /// <summary>
    /// True when word <paramref name="at"/> starts a second name in its own column: the gap before it is four columns (two
    /// full-width spaces) or more and wider than every gap inside the name begun at <paramref name="nameFrom"/>, and both read as full names
    /// (<see cref="RollEntryShapes.AreTwoNames"/>), so the surname and given name of one spaced name (山　田　　　太　郎) stay one.
    /// </summary>
    private static bool NextColumnsName(List<Word> words, int at, int nameFrom)
    {
        var gap = Gap(words, at);
        if (gap < 4)
        {
            return false;
        }

        var first = "";
        for (var k = at - 1; k >= 0 && words[k].End > nameFrom; k--)
        {
            first = words[k].Text[Math.Max(0, nameFrom - words[k].Start)..] + first;
            if (words[k].Start > nameFrom && Gap(words, k) >= gap)
            {
                return false;
            }
        }

        // The next name ends at the next gap of two full-width spaces (a third column follows), or of three when the name
        // itself is spaced out that wide (山　田　　太　郎 in a column after a gap of three).
        return RollEntryShapes.AreTwoNames(first, NameFrom(words, at, 4))
            || (gap >= 6 && RollEntryShapes.AreTwoNames(first, NameFrom(words, at, 6)));
    }

    /// <summary>The name chars of the words from <paramref name="at"/> up to 君, a word that is no name, or a gap of <paramref name="endGap"/> columns.</summary>
    private static string NameFrom(List<Word> words, int at, int endGap)
    {
        var next = "";
        for (var k = at; k < words.Count && (k == at || Gap(words, k) < endGap); k++)
        {
            var t = words[k].Text;
            var bare = t.EndsWith('君') ? t[..^1] : t;
            if (!SpeakerLabelParser.AllNameChars(bare) || OfficeWords.IsOfficeWord(bare))
            {
                break;
            }

            next += bare;
            if (bare.Length < t.Length)
            {
                break;
            }
        }

        return next;
    }

    /// <summary>The display columns between word <paramref name="at"/> and the one before it.</summary>
    private static int Gap(List<Word> words, int at) =>
        at == 0 ? 0 : words[at].Column - words[at - 1].Column - Width(words[at - 1].Text);

    private static (string Text, int Used) JoinSpacedTitle(List<Word> words, int at)
    {
        if (words[at].Text.Length != 1)
        {
            return (words[at].Text, 1);
        }

        for (var n = Math.Min(4, words.Count - at); n >= 2; n--)
        {
            var ok = true;
            var s = "";
            for (var k = 0; k < n && ok; k++)
            {
                ok = words[at + k].Text.Length == 1;
                s += words[at + k].Text;
            }

            if (ok && SpacedTitles.Contains(s))
            {
                return (s, n);
            }
        }

        return (words[at].Text, 1);
    }

    /// <summary>
    /// An office typed with a space between its characters at the start of an entry (<c>副  市  長</c>,
    /// <c>会 計 管 理 者</c>, <c>企 画 部 長</c>), followed by a name of two to six characters: the longest run
    /// of single characters that reads as an office and leaves such a name, with a gap of two columns
    /// or more after it (in <c>市 長  中 里 長 門 君</c>, 市長中里長 leaves no name and 市長 does).
    /// </summary>
    private static (string Text, int Used)? JoinSpacedOffice(List<Word> words, int at)
    {
        var run = 0;
        while (at + run < words.Count && words[at + run].Text.Length == 1 && run < 10)
        {
            run++;
        }

        // The run's characters joined on the stack (each word is one, ten at most): a string only for the office returned.
        Span<char> buffer = stackalloc char[10];
        for (var n = run; n >= 2; n--)
        {
            var last = words[at + n - 1];
            if (at + n >= words.Count || words[at + n].Column - last.Column - Width(last.Text) < 2)
            {
                continue;
            }

            var joined = buffer[..n];
            for (var k = 0; k < n; k++)
            {
                joined[k] = words[at + k].Text[0];
            }

            if (!OfficeWords.IsOfficeWord(joined))
            {
                continue;
            }

            // The name after it: its words up to 君, a wide gap or the end.
            var name = 0;
            for (var k = at + n; k < words.Count; k++)
            {
                var t = words[k].Text;
                if (t == "君" || (k > at + n && words[k].Column - words[k - 1].Column - Width(words[k - 1].Text) >= 8))
                {
                    break;
                }

                var bare = t.EndsWith('君') ? t[..^1] : t;
                if (!SpeakerLabelParser.AllNameChars(bare))
                {
                    name = 0;
                    break;
                }

                name += bare.Length;
                if (bare.Length < t.Length)
                {
                    break;
                }
            }

            if (name is >= 2 and <= 6)
            {
                return (joined.ToString(), n);
            }
        }

        return null;
    }

    private static int Width(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += c < '\u1100' ? 1 : 2;
        }

        return width;
    }

    /// <summary>Runs of characters between spaces, with their place in the line.</summary>
    private static List<Word> Words(string line)
    {
        // Sized to the line's words first: a roll line's dozen words grew the list three times.
        var count = 0;
        for (var i0 = 0; i0 < line.Length; i0++)
        {
            if (line[i0] is not (' ' or '\u3000' or '\t') && (i0 == 0 || line[i0 - 1] is ' ' or '\u3000' or '\t'))
            {
                count++;
            }
        }

        var words = new List<Word>(count);
        var column = 0;
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] is ' ' or '\u3000' or '\t')
            {
                column += line[i] == '\u3000' ? 2 : 1;
                i++;
                continue;
            }

            var start = i;
            var startColumn = column;
            while (i < line.Length && line[i] is not (' ' or '\u3000' or '\t'))
            {
                column += line[i] < '\u1100' ? 1 : 2;
                i++;
            }

            words.Add(new Word(start, i, startColumn, line[start..i]));
        }

        return words;
    }
}
