using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// 佐藤　花子から意見書が提出された, 斉藤　一郎外３名, 林　薫から: the way minutes print a full name
/// with no title — surname, one space, given name — in running text. The space is the name's own
/// boundary, so the dictionary only has to say the left part is a surname: the right part is masked
/// with it when it reads as a given name (registered: the pair names a person), or when it is one to
/// three kanji that are no word, place, surname or office (masked where it stands: an unsure given
/// name beside a known surname is masked, never published).
/// </summary>
public sealed partial class OfflineNameRecognizer
{
    /// <summary>What may follow a given name in the same kanji run: 外３名, 他２名, 等, or a title (佐藤　花子氏).</summary>
    private static readonly string SpacedPairTails = "外他等";

    private void RecognizeSpacedPairs(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        for (var s = t.IndexOfAny(Spaces); s >= 0; s = IndexOfAnyFrom(t, s + 1, Spaces))
        {
            if (s == 0 || s + 1 >= t.Length || !IsKanji(t[s - 1]) || !IsKanji(t[s + 1]))
            {
                continue;
            }

            var start = s;
            while (start > 0 && IsKanji(t[start - 1]) && s - start < 8)
            {
                start--;
            }

            var end = s + 1;
            while (end < t.Length && IsKanji(t[end]) && end - s < 8)
            {
                end++;
            }

            if ((start > 0 && IsKanji(t[start - 1])) || (end < t.Length && IsKanji(t[end])))
            {
                continue;
            }

            var surname = t[start..s];
            if (InSpacedLetters(t, start, s, end))
            {
                continue;
            }

            if (!IsSpacedPairSurname(surname))
            {
                // 阿子島　陽子: a surname no dictionary has before a given name it has: masked where it stands;
                // never inside a spaced layout (紀  和令 和 2 年: a signature block's cells run into a date).
                var unknownEnd = SpacedPairGivenEnd(t, s + 1, end, out var knownGiven);
                // After a phrase and a space (の任命について　宮之原　修一) the pair stands alone, not in a layout; after an
                // address (北浜町４丁目　宮之原　修一, a 陳情 table's 住所 and 氏名 cells) it is the one who lives there.
                if (unknownEnd > 0 && knownGiven && (start == 0 || !IsSpace(t[start - 1]) || (start >= 2 && IsHiragana(t[start - 2])) || AfterAddress(t, start - 1))
                    && IsUnknownSurname(surname))
                {
                    found.Add(new NameSpan(start, unknownEnd - start, "offline:spaced-given-context", 0.7));
                }

                continue;
            }

            var givenEnd = SpacedPairGivenEnd(t, s + 1, end, out var known);
            if (givenEnd > 0)
            {
                found.Add(new NameSpan(start, givenEnd - start, known ? "offline:spaced-full-name" : "offline:spaced-surname-context", known ? 0.85 : 0.7));
            }
        }
    }

    /// <summary>
    /// 山中　健太郎（会長）、川辺　みどり（副会長）, 欠席者　長谷部　公一郎委員: a surname, one space and a given
    /// name (kanji or hiragana) with a title right after it, bare or in brackets. The title says a person
    /// stands there, so a surname that is also a word (山中) and a given name no dictionary has count.
    /// </summary>
    private void RecognizeTitledSpacedPairs(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        for (var s = t.IndexOfAny(Spaces); s >= 0; s = IndexOfAnyFrom(t, s + 1, Spaces))
        {
            if (s == 0 || s + 2 >= t.Length || !IsKanji(t[s - 1]) || !(IsKanji(t[s + 1]) || IsHiragana(t[s + 1])))
            {
                continue;
            }

            var start = s;
            while (start > 0 && IsKanji(t[start - 1]) && s - start < 5)
            {
                start--;
            }

            if (start > 0 && (IsKanji(t[start - 1]) || IsHiragana(t[start - 1]) || IsKatakana(t[start - 1])))
            {
                continue;
            }

            var surname = t[start..s];
            if (!lexicon.IsSurname(surname) || RoleWords.IsRole(surname) || NotNameStart.Contains(surname[0]) || OfficeWords.Contains(surname))
            {
                continue;
            }

            var kanji = IsKanji(t[s + 1]);
            var end = s + 1;
            while (end < t.Length && end - s <= 4 && (kanji ? IsKanji(t[end]) && RoleWords.MatchAt(t, end) is null : IsHiragana(t[end]) && t[end] != 'ー'))
            {
                end++;
            }

            // 市長 真田 広志、副市長 …: an office one space before, the name ending where its script does, says it as a title after does.
            var given = t[(s + 1)..end];
            var titled = end < t.Length ? TitleFollows(t, end) || (OfficeBefore(t, start) && (kanji ? !IsKanji(t[end]) : !IsHiragana(t[end])))
                : OfficeBefore(t, start);
            if (given.IsEmpty || !titled
                || !(kanji ? IsTitledGivenName(given) : given.Length is >= 2 and <= 4 && IsHiraganaNamePart(given)))
            {
                continue;
            }

            found.Add(new NameSpan(start, end - start, "offline:spaced-name-titled", 0.85));
        }
    }

    /// <summary>
    /// A seat or office one space before the name at <paramref name="start"/> (市長 真田 広志, 教育長　上田　春香): how a chair
    /// names the 説明員 in a list. One space only: a wider gap is a roll's column (<see cref="RecognizeNameCellsAfterOffices"/>).
    /// </summary>
    private static bool OfficeBefore(ReadOnlySpan<char> t, int start)
    {
        if (start < 3 || !IsSpace(t[start - 1]) || IsSpace(t[start - 2]))
        {
            return false;
        }

        var length = RoleWords.RoleLengthEndingAt(t, start - 1);
        return length > 0 && RoleWords.MatchAt(t, start - 1 - length) is { Kind: not RoleKind.Honorific } role && role.Text.Length == length;
    }

    /// <summary>A title right after the name: a seat or honorific (委員, 君), or any role in brackets (（会長）, （課長）).</summary>
    private static bool TitleFollows(ReadOnlySpan<char> t, int at)
    {
        if (IsOpenParen(t[at]))
        {
            return RoleWords.MatchAt(t, at + 1) is { } inner && at + 1 + inner.Text.Length < t.Length && IsCloseParen(t[at + 1 + inner.Text.Length]);
        }

        return RoleWords.MatchAt(t, at) is { Kind: not RoleKind.Office };
    }

    private bool IsTitledGivenName(ReadOnlySpan<char> given)
    {
        var cps = CodePoints(given);
        return cps is >= 1 and <= 3 && !RoleWords.IsRole(given) && !OfficeWords.Contains(given)
            && (lexicon.IsGivenName(given) || (cps >= 2 && !lexicon.IsWord(given) && !lexicon.IsSurname(given) && !Morphemes.Contains(given[^1])
                && !OfficeEnds.Contains(given[^1]) && !IsCompound(given, places: true)));
    }

    private bool IsSpacedPairSurname(ReadOnlySpan<char> surname)
    {
        var cps = CodePoints(surname);
        return cps is >= 1 and <= 4 && lexicon.IsSurname(surname) && !lexicon.IsCommonWord(surname) && !OfficeWords.Contains(surname)
            && !RoleWords.IsRole(surname) && !NotNameStart.Contains(surname[0]) && (cps > 1 || !Morphemes.Contains(surname[0]));
    }

    /// <summary>
    /// Two or three kanji that are no word, office or compound and open no office (阿子島, 襲田); a
    /// place name too when it is written in surname characters only (宮之原: many surnames are places).
    /// </summary>
    private bool IsUnknownSurname(ReadOnlySpan<char> surname)
    {
        var place = lexicon.IsPlace(surname) && !lexicon.IsCommonWord(surname) && lexicon.HasOnlySurnameCharacters(surname);
        return CodePoints(surname) is 2 or 3 && !lexicon.IsSurname(surname) && (place || !lexicon.IsWord(surname)) && !OfficeWords.Contains(surname)
            && !OfficeEnds.Contains(surname[^1]) && !Morphemes.Contains(surname[^1]) && !NotNameStart.Contains(surname[0])
            && !RoleWords.IsRole(surname) && RoleWords.RoleLengthEndingAt(surname, surname.Length) == 0 && !IsCompound(surname, places: !place);
    }

    /// <summary>An address's numbered end right before the space at <paramref name="space"/>: ４丁目, 12番地, ３番, 5号.</summary>
    private static bool AfterAddress(ReadOnlySpan<char> t, int space)
    {
        var before = t[..space];
        var end = before.EndsWith("丁目", StringComparison.Ordinal) || before.EndsWith("番地", StringComparison.Ordinal) ? 2
            : before.EndsWith("番", StringComparison.Ordinal) || before.EndsWith("号", StringComparison.Ordinal) ? 1 : 0;
        return end > 0 && before.Length > end && (char.IsDigit(before[^(end + 1)]) || CountDigits.Contains(before[^(end + 1)]));
    }

    /// <summary>
    /// A single character with more spaced kanji beyond it (議　事　日　程, 大井川　和　彦): a fixed-width
    /// layout the spaced-roll reader and the register read whole, not a pair.
    /// </summary>
    private static bool InSpacedLetters(ReadOnlySpan<char> t, int start, int space, int end) =>
        (CodePoints(t[start..space]) == 1 && start >= 2 && IsSpace(t[start - 1]) && IsKanji(t[start - 2]))
        || (CodePoints(t[(space + 1)..end]) == 1 && end + 1 < t.Length && IsSpace(t[end]) && IsKanji(t[end + 1]));

    /// <summary>Where the given name after the space ends (0 if it is none); <paramref name="known"/> when the dictionary has it.</summary>
    private int SpacedPairGivenEnd(ReadOnlySpan<char> t, int from, int runEnd, out bool known)
    {
        known = true;
        for (var e = Math.Min(runEnd, from + 4); e > from; e--)
        {
            // The run may go on with 外３名 or a title (斉藤　一郎外３名, 佐藤　花子氏).
            if (char.IsLowSurrogate(t[e - 1]) && e - 1 > from
                || (e < runEnd && !SpacedPairTails.Contains(t[e], StringComparison.Ordinal) && RoleWords.MatchAt(t, e) is null))
            {
                continue;
            }

            var given = t[from..e];
            var cps = CodePoints(given);
            if (cps <= 3 && !RoleWords.IsRole(given) && (cps > 1 || !Morphemes.Contains(given[0]))
                && lexicon.IsGivenName(given) && (!lexicon.IsCommonWord(given) || GivenNameEndings.Contains(given[^1])))
            {
                return e;
            }
        }

        // A known surname, a space, then kanji that are no word, place, surname or office (佐藤　凜花): unsure, masked.
        known = false;
        var rest = t[from..runEnd];
        return CodePoints(rest) is >= 2 and <= 3 && !lexicon.IsWord(rest) && !lexicon.IsSurname(rest) && !Morphemes.Contains(rest[^1]) && !EndsWithCommonWord(rest)
            && !OfficeEnds.Contains(rest[^1]) && !OfficeWords.Contains(rest) && !RoleWords.IsRole(rest) && !IsCompound(rest, places: true)
            ? runEnd
            : 0;
    }

    /// <summary>
    /// 教育長　　　吉　田　由美子　　　総務部長, 市民部長　　佐々木　　　健, ３番　　長谷川　和　夫: a fixed-width roll cell after an
    /// office or a seat number, its name padded to the column's width with spaces wherever they fit (between single characters and beside
    /// multi-character pieces alike). Read when the pieces up to the next office or the line's end are two to four runs of
    /// kanji, one of them a single character, two to six characters in all, and together no word, office or compound.
    /// Before, a 説明員 roll the structure did not read was published with such names: the spaced-roll rule wants single
    /// characters throughout, the spaced pair one space between surname and given name.
    /// </summary>
    private void RecognizeNameCellsAfterOffices(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        Span<int> starts = stackalloc int[4];
        Span<int> ends = stackalloc int[4];
        Span<char> joined = stackalloc char[12];
        for (var s = t.IndexOfAny(Spaces); s >= 0; s = IndexOfAnyFrom(t, s + 1, Spaces))
        {
            // After an office (教育長, or spaced out: 委　員) or a seat number (３番).
            var seat = s >= 2 && t[s - 1] == '番' && char.IsDigit(t[s - 2]);
            if (s < 2 || (!seat && (!IsKanji(t[s - 1]) || (RoleWords.RoleLengthEndingAt(t, s) == 0 && !SpacedRoleEndsAt(t, s)))))
            {
                continue;
            }

            var count = 0;
            var total = 0;
            var single = false;
            var p = s;
            while (count < starts.Length)
            {
                var q = p;
                while (q < t.Length && IsSpace(t[q]) && q - p < MaxCellGap)
                {
                    q++;
                }

                var e = q;
                while (e < t.Length && IsKanji(t[e]) && e - q < 4)
                {
                    e++;
                }

                if (q == p || e == q || (e < t.Length && !IsSpace(t[e]) && !IsOpenParen(t[e]) && t[e] is not ('\n' or '\r')) || e - q > 3
                    || (count > 0 && RoleWords.RoleLengthEndingAt(t, e) > 0))
                {
                    break;
                }

                starts[count] = q;
                ends[count] = e;
                count++;
                total += e - q;
                single |= e - q == 1;
                p = e;
                if (e >= t.Length || t[e] is '\n' or '\r' || IsOpenParen(t[e]))
                {
                    break;
                }
            }

            if (count < 2 || !single || total is < 2 or > 6 || !CellEnds(t, ends[count - 1]))
            {
                continue;
            }

            var n = 0;
            for (var k = 0; k < count; k++)
            {
                t[starts[k]..ends[k]].CopyTo(joined[n..]);
                n += ends[k] - starts[k];
            }

            var name = joined[..n];
            if (IsCompound(name, places: false) || RoleWords.IsRole(name) || lexicon.IsWord(name))
            {
                continue;
            }

            found.Add(new NameSpan(starts[0], ends[count - 1] - starts[0], "offline:spaced-cell-after-office", 0.75));
        }
    }

    /// <summary>委　員, 会　長, 副　会　長: single characters one space apart that spell a role, ending at <paramref name="end"/>.</summary>
    private static bool SpacedRoleEndsAt(ReadOnlySpan<char> t, int end)
    {
        Span<char> role = stackalloc char[6];
        var n = 0;
        var p = end - 1;
        while (p >= 0 && n < role.Length && IsKanji(t[p]) && !char.IsSurrogate(t[p]) && (p == 0 || !IsKanji(t[p - 1])))
        {
            role[role.Length - 1 - n++] = t[p];
            if (p < 2 || !IsSpace(t[p - 1]) || IsSpace(t[p - 2]))
            {
                break;
            }

            p -= 2;
        }

        return n >= 2 && RoleWords.IsRole(role[(role.Length - n)..]);
    }

    /// <summary>The cell ends at the line's end, a gap of two spaces or more (the next column) or a bracketed note (（市民クラブ）).</summary>
    private static bool CellEnds(ReadOnlySpan<char> t, int end) =>
        end >= t.Length || t[end] is '\n' or '\r' || IsOpenParen(t[end]) || (end + 1 < t.Length && IsSpace(t[end]) && IsSpace(t[end + 1]));
}
