using PublishPipeline.Model;
using PublishPipeline.Normalization.People;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Normalization.Rolls;

/// <summary>
/// The small conventions of one roll entry that header attendee lists use as much as assembly rolls:
/// a role written against the name (<c>委員山田太郎</c>, <c>委員長山本次郎</c>), a repeat mark for the role of
/// the entry above (<c>〃佐藤花子</c>, <c>〃　井上八郎</c>), an honorific after the name (<c>小林明美さん</c>,
/// <c>鈴木一郎様</c>, <c>中村正氏</c>), and two names in one cell (<c>山田太郎 佐藤花子</c>, a tab table's cell).
/// </summary>
internal static class RollEntryShapes
{
    /// <summary>Roles a roll writes before a name; longest first, so 委員長 wins over 委員.</summary>
    private static readonly string[] Roles =
    [
        "副委員長", "委員長", "副議長", "副会長", "説明員", "委員", "議長", "議員", "会長", "幹事", "書記", "参与", "理事", "監事",
    ];

    private static readonly System.Buffers.SearchValues<char> NotInAWord = System.Buffers.SearchValues.Create("、。，．「」（）()：:");

    private static readonly string[] Honorifics = ["さん", "君", "様", "氏", "殿"];

    /// <summary>Whether a header attendee reads as roll entries: a post or role and a name apart, a role against a name, or a repeat mark.</summary>
    public static bool LooksLikeEntries(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var t = member.AsSpan().Trim(" \u3000\t");
        if (t.IsEmpty)
        {
            return false;
        }

        if (t.IndexOfAny(" \u3000\t") > 0 || IsRepeatMark(t[0]))
        {
            return true;
        }

        var trimmed = t.ToString(); // one copy for both readers below
        return RolePrefix(trimmed) > 0 || IsNameBeforeOffice(trimmed);
    }

    /// <summary>
    /// An entry of a list carried on below its label (<c>　課長　嶋田武則、児童課長　寺岡直樹</c>): a post and a name apart, a
    /// repeat mark, or a shape <see cref="LooksLikeEntries"/> reads with no space. Stricter than that reader, which takes any
    /// two words apart: the indented line below a list may be the proceedings' first (<c>　開会　午後２時</c>,
    /// <c>　委員長　ただいまから会議を開きます</c>), and it must not become an attendee.
    /// </summary>
    public static bool IsListedEntry(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var t = member.Trim(' ', '\u3000', '\t');
        if (t.Length == 0)
        {
            return false;
        }

        var space = t.AsSpan().IndexOfAny(" \u3000\t");
        if (IsRepeatMark(t[0]) || space < 0)
        {
            return IsRepeatMark(t[0]) || RolePrefix(t) > 0 || IsNameBeforeOffice(t);
        }

        if (!OfficeWords.IsOfficeWord(t.AsSpan(0, space)))
        {
            return false;
        }

        // The name: one word, or a surname and a given name apart (嶋田　武則); of kanji or katakana alone, or after a
        // surname the dictionary knows (佐川ひろと). Prose after a title (委員長　開会します) has kana and no surname.
        var name = t.AsSpan(space + 1).TrimStart(" \u3000\t");
        var gap = name.IndexOfAny(" \u3000\t");
        if (gap >= 0)
        {
            var given = name[(gap + 1)..].TrimStart(" \u3000\t");
            return gap <= 4 && given.Length is >= 1 and <= 4 && SpeakerLabelParser.AllNameChars(name[..gap]) && SpeakerLabelParser.AllNameChars(given);
        }

        return name.Length is >= 2 and <= 6 && SpeakerLabelParser.AllNameChars(name) && !OfficeWords.IsOfficeWord(name)
            && (name.IndexOfAnyInRange('\u3041', '\u309F') < 0 || StartsWithSurname(name.ToString()));
    }

    /// <summary>
    /// 柿本輝信教育次長: a full name (surname and given name both read) glued before an office, as a list of staff
    /// writes each person. A unit or an office alone (環境政策課, 教育総務課長) reads no name.
    /// </summary>
    public static bool IsNameBeforeOffice(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Length <= 16 && SpeakerLabelParser.Parse(member.Trim(' ', '\u3000')) is { FamilyName: { Length: > 0 }, GivenName: { Length: > 0 }, Role: { } role }
            && OfficeWords.IsOfficeWord(role);
    }

    /// <summary>
    /// 松浦保育課長, 石橋子育て健康課長: a surname the dictionary knows glued before an office, as a secretariat's list
    /// writes its staff by surname alone. What follows the surname must read as an office, and the whole must not start
    /// as an office does (総務課長, 中央図書館長 name no one) by any word but the surname (石橋 is a noun too).
    /// </summary>
    public static bool IsSurnameBeforeOffice(string member) => SurnameBeforeOffice(member) > 0;

    /// <summary>The length of the surname in <see cref="IsSurnameBeforeOffice"/>'s shape (the whole trimmed of spaces), or 0.</summary>
    public static int SurnameBeforeOffice(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var t = member.Trim(' ', '\u3000');
        if (t.Length is < 3 or > 16 || t.AsSpan().IndexOfAny(NotInAWord) >= 0)
        {
            return 0;
        }

        var lexicon = NameLexicon.Default;
        for (var k = Math.Min(3, t.Length - 2); k >= 1; k--)
        {
            // Kanji on both sides of the cut: かとうぎ委員 is a name in kana before 委員, not かとう and an office ぎ委員.
            if (NameScript.IsKanji(t[k - 1]) && NameScript.IsKanji(t[k]) && lexicon.IsSurname(t.AsSpan(0, k))
                && OfficeWords.IsOfficeWord(t.AsSpan(k)) && !HoldsRole(t.Substring(0, k)) && !OfficeWords.StartsOfficeBeyond(t, k))
            {
                return k;
            }
        }

        return 0;
    }

    /// <summary>
    /// A secretariat's staff one space apart with no 、 (<c>石橋子育て健康課長　橋爪課長補佐　井上副主幹</c>,
    /// <c>渡辺(保育の質向上担当)副参事　小野寺保育課長</c>): each piece a surname (or full name) glued to its office, one entry
    /// each; null when a piece is anything else (<c>課長　山田太郎</c> is a post and its holder, one entry). Before, the line was
    /// one entry or 事務局's speech, and the surnames were published.
    /// </summary>
    public static List<string>? GluedEntries(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var t = member.Trim(' ', '\u3000');
        if (t.AsSpan().IndexOfAny(' ', '\u3000') < 0)
        {
            return null;
        }

        var pieces = t.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        return Array.TrueForAll(pieces, p => IsSurnameBeforeOffice(p) || IsNameBeforeOffice(p) || IsTaggedSurnameBeforeOffice(p)) ? [.. pieces] : null;
    }

    /// <summary>渡辺(保育の質向上担当)副参事: a surname the dictionary knows, a charge in brackets, the office after them.</summary>
    private static bool IsTaggedSurnameBeforeOffice(string piece) =>
        piece.AsSpan().IndexOfAny('（', '(') is > 0 and <= 3 && piece[^1] is not ('）' or ')')
        && SpeakerLabelParser.Parse(piece) is { Name: { } name, Role: { } role } && piece.StartsWith(name, StringComparison.Ordinal)
        && NameLexicon.Default.IsSurname(name) && OfficeWords.IsOfficeWord(role);

    /// <summary>The repeat mark (〃, "ditto"): the entry has the role of the entry above.</summary>
    public static bool IsRepeatMark(char c) => c is '〃' or '″';

    /// <summary>
    /// The length of a role written directly before a full name in one word (<c>委員山田太郎</c> → 2), or 0.
    /// The rest must be a name of three to six characters that no office word starts or ends
    /// (<c>委員会事務局</c>, <c>議員報酬</c>, <c>委員長室長</c> are no role and name).
    /// </summary>
    public static int RolePrefix(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        foreach (var role in Roles)
        {
            if (!word.StartsWith(role, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = WithoutHonorific(word[role.Length..]);
            return rest.Length is >= 3 and <= 6 && SpeakerLabelParser.AllNameChars(rest) && !OfficeWords.IsOfficeWord(rest)
                && (!OfficeWords.StartsOffice(rest) || StartsWithSurname(rest)) && !HoldsRole(rest) ? role.Length : 0;
        }

        return 0;
    }

    /// <summary>
    /// The length of an office written directly before a surname, when the given name is the next word (<c>委員長野口</c> in
    /// <c>委員長野口 有信君</c>, <c>交通局長山手</c> in <c>交通局長山手  斉君</c>, as a metropolitan assembly's 速記録 lists its members
    /// and its officials), or 0. The surname is one the dictionary knows, of one to three characters, and what is before it
    /// is an office by its title (委員長, 理事, 局長, 部長). Before, the office was read as part of the surname
    /// (<c>委員長野口</c>), so the register held no 野口 and the surname was published wherever it stood alone.
    /// </summary>
    public static int OfficeBeforeSurname(string word, string next)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(next);
        var given = WithoutHonorific(next);
        if (word.Length < 3 || given.Length is < 1 or > 4 || !SpeakerLabelParser.AllNameChars(given) || OfficeWords.IsOfficeWord(given)
            || word.AsSpan().IndexOfAny(NotInAWord) >= 0 || OfficeWords.TitleAtEnd(word) is not null)
        {
            // 委員長　山田　太郎君: an office alone before a spaced name holds no surname (委員 + 長).
            return 0;
        }

        var lexicon = NameLexicon.Default;
        for (var k = Math.Min(3, word.Length - 2); k >= 1; k--)
        {
            var office = word[..^k];
            // The office ends in a title (of two characters or more, it is then an office word too: no second test).
            if (lexicon.IsSurname(word.AsSpan(word.Length - k)) && SpeakerLabelParser.AllNameChars(word.AsSpan(word.Length - k))
                && OfficeWords.TitleAtEnd(WithoutConcurrentPost(office)) is not null && !CutsTitle(word, office))
            {
                return office.Length;
            }
        }

        return 0;
    }

    // 副委員長谷川: 副委員 ends in the title 委員, but no roll has that office; with the 長 after it, the title is 副委員長
    // and the surname 谷川. An office the roll knows (委員, 理事) is left to the longer surname (委員長谷川: 委員 長谷川).
    private static bool CutsTitle(string word, string office) =>
        Array.IndexOf(Roles, office) < 0 && OfficeWords.TitleAtEnd(office) is { } title
        && OfficeWords.TitleAtEnd(word.AsSpan(0, office.Length + 1)) is { } longer && longer.Length > title.Length;

    // …調整担当部長兼務, …課長事務取扱: a second post held with the first ends the office, not a title.
    private static string WithoutConcurrentPost(string office) =>
        office.EndsWith("兼務", StringComparison.Ordinal) ? office[..^2] : office.EndsWith("事務取扱", StringComparison.Ordinal) ? office[..^4] : office;

    /// <summary>
    /// A role word inside the rest (会長及副会長選出, 委員長副委員長互選: an agenda heading after the roll, not 会長 and a
    /// name): no name holds one.
    /// </summary>
    private static bool HoldsRole(string rest)
    {
        foreach (var role in Roles)
        {
            if (rest.Contains(role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name without an honorific after it (小林明美さん → 小林明美); the word itself when it has none.</summary>
    public static string WithoutHonorific(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        foreach (var h in Honorifics)
        {
            if (word.Length >= h.Length + 2 && word.EndsWith(h, StringComparison.Ordinal) && SpeakerLabelParser.AllNameChars(word.AsSpan(0, word.Length - h.Length)))
            {
                return word[..^h.Length];
            }
        }

        return word;
    }

    /// <summary>
    /// 会長職務代理者（副会長）: an office with another office in brackets, before the seat and the name. Read as a name
    /// with a note, it refused the roll's line.
    /// </summary>
    public static bool IsOfficeWithNote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var open = word.AsSpan().IndexOfAny('（', '(');
        return open >= 2 && word[^1] is '）' or ')' && OfficeWords.IsOfficeWord(word.AsSpan(0, open))
            && OfficeWords.IsOfficeWord(word.AsSpan(open + 1, word.Length - open - 2));
    }

    /// <summary>The name before a note in parentheses (山田太郎（欠席）, 佐藤花子（企画課長）), or null when the word is not so written.</summary>
    public static string? WithoutNote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 4 || word[^1] is not ('）' or ')'))
        {
            return null;
        }

        var open = word.AsSpan().IndexOfAny('（', '(');
        if (open < 2 || word.AsSpan(open + 1, word.Length - open - 2).IndexOfAny('（', '(') >= 0)
        {
            return null;
        }

        var name = WithoutHonorific(word[..open]);
        return SpeakerLabelParser.AllNameChars(name) && !OfficeWords.IsOfficeWord(name) ? name : null;
    }

    /// <summary>
    /// 山中健太郎, 宮坂昭彦（会長） (敬称略: a bare name, with its role in brackets): a name the lexicon splits into a
    /// surname and a given name, or a known surname and one to three kanji (長峰亘: 亘 is in no list of given names).
    /// A roll's line and a header's attendee list write them alike; null when the item is no such name.
    /// </summary>
    public static PersonMention? BareEntry(string item, KnownPeople? known)
    {
        ArgumentNullException.ThrowIfNull(item);
        var bare = item.Trim(' ', '\u3000');
        var note = bare.Length > 2 && bare[^1] is '）' or ')' ? bare.LastIndexOfAny(['（', '(']) : -1;
        var name = note > 0 && bare.Length - note <= 10 ? bare[..note] : bare; // 宮坂昭彦（会長）
        // マクレガー委員: a word against a person's title is no bare name (the title was taken into the name, never masked).
        return name.Length is >= 3 and <= 8 && SpeakerLabelParser.AllNameChars(name) && !UnreadNames.KatakanaWordBeforeTitle(name) && BareName(name, known) is { } person
            ? person with { Written = bare, Role = name.Length < bare.Length ? bare[(note + 1)..^1] : null }
            : null;
    }

    private static PersonMention? BareName(string bare, KnownPeople? known)
    {
        if (WrittenName.Packed(bare, known) is { FamilyName: { } family, GivenName: { } given })
        {
            return new PersonMention { Written = bare, Name = bare, FamilyName = family, GivenName = given };
        }

        for (var k = Math.Min(3, bare.Length - 1); k >= 1; k--)
        {
            var rest = bare.AsSpan(k);
            if (rest.Length <= 3 && NameLexicon.Default.IsSurname(bare.AsSpan(0, k)) && NameScript.IsKanji(rest[0])
                && OfficeWords.TitleAtEnd(rest) is null && !OfficeWords.StartsOffice(bare))
            {
                return new PersonMention { Written = bare, Name = bare, FamilyName = bare[..k], GivenName = rest.ToString() };
            }
        }

        return null;
    }

    /// <summary>
    /// Where a note in parentheses starts in the last piece of a spaced name (<c>郎（午後欠席）</c> → 1,
    /// <c>（遅刻）</c> → 0): the piece before it is one to three name characters, the note short and whole.
    /// Null when the word is not so written.
    /// </summary>
    public static int? NoteAfterSpacedName(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var open = word.AsSpan().IndexOfAny('（', '(');
        if (open is < 0 or > 3 || word.Length - open is < 3 or > 14 || word[^1] is not ('）' or ')')
            || word.AsSpan(open + 1, word.Length - open - 2).IndexOfAny("（()）") >= 0)
        {
            return null;
        }

        return open == 0 || SpeakerLabelParser.AllNameChars(word.AsSpan(0, open)) ? open : null;
    }

    /// <summary>
    /// Whether a name already read and the next word are two people (<c>山田太郎　佐藤花子</c>), not one name
    /// spaced as a surname and a given name (<c>山田　太郎</c>, <c>長谷川　一郎</c>, <c>佐々木　ひろみ</c>): both are
    /// full names of three characters or more, one of four or more, and the first is no surname alone.
    /// </summary>
    public static bool AreTwoNames(string first, string next)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(next);
        if (first.Length < 3 || next.Length < 3 || Math.Max(first.Length, next.Length) < 4 || Math.Max(first.Length, next.Length) > 7
            || !SpeakerLabelParser.AllNameChars(first) || !SpeakerLabelParser.AllNameChars(next)
            || OfficeWords.IsOfficeWord(first) || OfficeWords.IsOfficeWord(next))
        {
            return false;
        }

        // 有限会社たけのこ　竹内翔太: an organisation and a name, not two people.
        if ((OfficeWords.StartsOffice(first) && !StartsWithSurname(first)) || (OfficeWords.StartsOffice(next) && !StartsWithSurname(next)))
        {
            return false;
        }

        var lexicon = NameLexicon.Default;
        return !(lexicon.IsSurname(first) && WrittenName.Packed(first).GivenName is null);
    }

    private static bool StartsWithSurname(string name)
    {
        var lexicon = NameLexicon.Default;
        for (var k = Math.Min(3, name.Length - 2); k >= 1; k--)
        {
            if (lexicon.IsSurname(name.AsSpan(0, k)))
            {
                return true;
            }
        }

        return false;
    }
}
