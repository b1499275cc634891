using PublishPipeline.Model;
using PublishPipeline.Normalization.People;

namespace PublishPipeline.Normalization.Rolls;

/// <summary>
/// A line under an open roll that has an entry's shape but a name part no reader can read: a seat
/// number, an office or a repeat mark, then a short run with letters a name may hold and no word of
/// grammar (<c>町長　　John Smith</c>, <c>３番　Ａ．ＢＥＬＬ</c>). Rolls list people and nothing else, so such a
/// line is a person whose name would be published unmasked: the roll keeps it as an entry without a
/// name, stays open for the entries after it (they were being read as speeches), and the document is
/// held for review (<c>name-unread</c>). Speech under a roll has kana of grammar (<c>議長　開会します</c>) and is
/// not taken.
/// </summary>
internal static class UnreadEntry
{
    public const string WarningCode = "name-unread";

    public static PersonMention? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim(' ', '\u3000', '\t');
        if (IsSpacedOut(text))
        {
            // 事 務 局 長 田 伏 智: a line whose spacing was lost (every character apart, evenly), and
            // where the office ends (事務局 or 事務局長) or one name ends cannot be told.
            return new PersonMention { Written = text };
        }

        if (IsRunTogether(text))
        {
            // 町      長  山 本   正木原大輔教 育 長…: entries run together, their spacing partly lost.
            return new PersonMention { Written = text };
        }

        var space = text.AsSpan().IndexOfAny(" \u3000\t");
        if (space <= 0 || text.Length > 60)
        {
            return null;
        }

        var head = text[..space];
        var seat = OfficeWords.SeatNumber(head);
        string? number = null;
        string? role = null;
        if (seat is { } s && s.Length == head.Length)
        {
            number = s.Number;
            role = "議員";
        }
        else if (OfficeWords.IsOfficeWord(head) || (head.Length == 1 && RollEntryShapes.IsRepeatMark(head[0])))
        {
            role = RollEntryShapes.IsRepeatMark(head[0]) ? null : head;
        }
        else
        {
            return null;
        }

        var rest = WrittenName.Compact(text[space..]);
        if (rest.Length is 0 or > 24 || !MayHoldAName(rest))
        {
            return null;
        }

        return new PersonMention { Written = text, Role = role, Number = number };
    }

    /// <summary>
    /// A spaced-out line read as one office and one name when exactly one split of it gives an office
    /// followed by a name of two to five characters (<c>副 市 長 清 水 幸 雄</c> → <c>副市長　　清水幸雄</c>); null
    /// when none or several do (<c>事 務 局 長 田 伏 智</c>: 事務局 or 事務局長), or the line is not spaced out.
    /// </summary>
    public static string? SpacedOutOfficeAndName(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim(' ', '\u3000', '\t');
        if (!IsSpacedOut(text))
        {
            return null;
        }

        var packed = WrittenName.Compact(text);
        string? found = null;
        for (var n = 2; n <= packed.Length - 2; n++)
        {
            if (packed.Length - n <= 5 && OfficeWords.IsOfficeWord(packed.AsSpan(0, n)))
            {
                if (found is not null)
                {
                    return null;
                }

                found = packed[..n] + "\u3000\u3000" + packed[n..];
            }
        }

        return found;
    }

    /// <summary>
    /// Entries run together on one line with their spacing partly or wholly lost (<c>町      長  山 本   正木原大輔教 育 長  堀江　 剛</c>,
    /// <c>町長水野玲奈副町長小田切誠</c>, <c>栗 原 悠斗宮坂千尋</c>: a roll whose lines were joined into one paragraph): only kanji,
    /// katakana and spaces, and more than one name can be (after an office, when one comes first). Where one entry ends and the next begins cannot be told, so no
    /// reader splits it; read as an unread entry, the document is held rather than its names published as text.
    /// </summary>
    public static bool IsRunTogether(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hasSpace = text.AsSpan().IndexOfAny(" \u3000\t") >= 0;
        foreach (var c in text)
        {
            if (c is not (' ' or '\u3000' or '\t') && !NameScript.IsKanji(c) && !NameScript.IsKatakana(c))
            {
                return false;
            }
        }

        var packed = WrittenName.Compact(text);
        var office = LeadingOffice(packed);
        if (office == 0)
        {
            // 栗 原 悠斗宮坂千尋葛 西 信吾 under 出席議員: names only, more than one name can be, spaced unevenly.
            // 野々村　純一委員 is one spaced name and its title: a title ends it after no more than a name.
            return hasSpace && packed.Length >= 7 && packed.Length <= 60 && !IsOneNameAndTitle(packed);
        }

        // What is left after the office is longer than a name (two to five characters); with no space left at all
        // (町長水野玲奈副町長小田切誠…), only when another office stands after a name (町長提案理由説明 is a heading).
        return packed.Length - office > 5 && (hasSpace || HoldsAnotherEntry(packed));
    }

    private static bool IsOneNameAndTitle(string packed) =>
        OfficeWords.TitleAtEnd(packed) is { } title && OfficeWords.IsPersonTitle(title) && packed.Length - title.Length is >= 2 and <= 6;

    /// <summary>
    /// An office, a name and another office packed together (町長水野玲奈副町長小田切誠総務課長, as a roll reader takes
    /// the offices of entries run together for one entry's office): after the office it starts with, a title
    /// stands after two characters or more and has a name after it.
    /// </summary>
    public static bool HoldsAnotherEntry(string packed)
    {
        ArgumentNullException.ThrowIfNull(packed);
        var office = LeadingOffice(packed);
        if (office <= 0)
        {
            return false;
        }

        var rest = packed.AsSpan(office);
        for (var k = 3; k <= rest.Length - 2; k++)
        {
            if (OfficeWords.TitleAtEnd(rest[..k]) is { } title && (title.Length >= 2 || title == "長") && MayBeAName(rest[..(k - title.Length)]))
            {
                return true;
            }
        }

        return false;
    }

    // Between two offices, a name: two to five characters, not a joint office's 兼 (参事兼選挙管理委員会事務局長) nor a unit (部, 課, 局, 会 …).
    private static bool MayBeAName(ReadOnlySpan<char> between) =>
        between.Length is >= 2 and <= 5 && between.IndexOfAny(NotInAName) < 0;

    private static readonly System.Buffers.SearchValues<char> NotInAName = System.Buffers.SearchValues.Create("兼併部課局室係所署会庁院館園校");

    // The length of the longest office (up to eight characters) the packed text starts with; 0 when none.
    private static int LeadingOffice(string packed)
    {
        for (var n = Math.Min(8, packed.Length - 1); n >= 2; n--)
        {
            if (OfficeWords.IsOfficeWord(packed.AsSpan(0, n)))
            {
                return n;
            }
        }

        return 0;
    }

    /// <summary>Six or more words of one to three kanji or katakana, evenly spaced with one space: no gap a column would leave.</summary>
    public static bool IsSpacedOut(string text)
    {
        if (text.Length > 60)
        {
            return false;
        }

        var words = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && text[i] is not (' ' or '\u3000' or '\t'))
            {
                if (!NameScript.IsKanji(text[i]) && !NameScript.IsKatakana(text[i]))
                {
                    return false;
                }

                i++;
            }

            if (i - start is 0 or > 3)
            {
                return false;
            }

            words++;
            if (i < text.Length && (i + 1 >= text.Length || text[i + 1] is ' ' or '\u3000' or '\t'))
            {
                return false;
            }

            i++;
        }

        return words >= 6;
    }

    /// <summary>Letters, katakana, kanji and the marks between them; at least one letter, katakana or mark (else the roll's own reader would have read it); no hiragana, digits or punctuation of a sentence.</summary>
    public static bool MayHoldAName(string rest)
    {
        var foreign = false;
        foreach (var c in rest)
        {
            if (char.IsAsciiLetter(c) || NameScript.IsKatakana(c) || NameScript.IsJoiningMark(c) || c is '.' or '．' or '-' or '\'')
            {
                foreign = true;
            }
            else if (!NameScript.IsKanji(c))
            {
                return false;
            }
        }

        return foreign;
    }
}
