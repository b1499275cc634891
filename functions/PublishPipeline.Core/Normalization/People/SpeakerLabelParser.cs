using PublishPipeline.Model;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Normalization.People;

/// <summary>
/// Reads a speaker label into a person: role, name (surname and given name where the label
/// separates them) and seat number. The forms assemblies and councils write:
/// <c>議長（鈴木喜明君）</c>, <c>市長（迫　俊哉）</c>, <c>８番（氏名君）</c>, <c>（野々上　愛議員）</c>, <c>氏名君</c>,
/// <c>川津隆議長</c> (name before a title), <c>山田学務課長</c> and <c>谷井生活環境部長</c> (surname before an
/// office), <c>柴崎委員(会長)</c>, and a role alone (<c>議長</c>, <c>政策経営部長</c>, <c>区側</c>). Null when the
/// label names neither a person nor an office (<c>議事日程</c>, <c>開会の宣告</c>).
/// </summary>
internal static partial class SpeakerLabelParser
{
    private const string Bullets = "○◯〇◎◆◇△□●■▼-・*＊";
    private static readonly System.Buffers.SearchValues<char> Units = System.Buffers.SearchValues.Create("部課局室係所署庁院館園校");
    private const string PlaceEnds = "都道府県市区町村郡";

    private static readonly string[] MunicipalHeads = ["市長", "区長", "町長", "村長", "副市長", "副区長", "副町長", "副村長"];

    private static readonly string[] Annotations = ["欠席", "代理", "出席", "遅刻", "早退", "退席", "兼務", "兼", "新任", "再任", "仮称", "司会", "進行"];

    /// <param name="officesOnly">For a header's list of posts (区長、副区長、池袋保健所長): a packed label before an office title
    /// (部長, 課長) is read as an office; names count there only with a person's title (柴崎委員), an honorific or parentheses.</param>
    public static PersonMention? Parse(string written, KnownPeople? known = null, bool officesOnly = false)
    {
        ArgumentNullException.ThrowIfNull(written);
        var label = Clean(written);
        if (label.Length == 0 || label.Length > 60)
        {
            return null;
        }

        var shown = written.Trim(' ', '\u3000', '\t');
        if (label[^1] is not ('）' or ')') && BracketsBeforeOffice().Match(label) is { Success: true } tagged)
        {
            // 川端(悦)会長 (a given name's initial telling two 川端 apart), 渡辺(児童施策推進担当)副参事: the name and the office,
            // the brackets between them kept in the written label. Before, the brackets ended the label and the office was speech.
            var surname = tagged.Groups["name"].Value;
            var post = tagged.Groups["office"].Value;
            if (Parse(surname + post, known, officesOnly) is { Name: not null, Role: not null } untagged && untagged.Name == surname)
            {
                return untagged with { Written = shown };
            }

            if (NameLexicon.Default.IsSurname(surname) && OfficeWords.IsOfficeWord(post))
            {
                // 小森(保育の質向上担当)副参事 where 小森副参事 reads otherwise (小森副参 + 事): the surname before the brackets is the
                // name, the office after them the role. Before, the label named no one and 小森 was published in the speeches.
                return new PersonMention { Written = shown, Name = surname, FamilyName = surname, Role = post };
            }
        }

        if (label[^1] is '）' or ')' && OpenParen(label) is int open)
        {
            var outer = WrittenName.Compact(label[..open]);
            var inner = label[(open + 1)..^1].Trim(' ', '\u3000');
            if (IsNameInParens(WrittenName.Compact(inner)))
            {
                var (nameWritten, suffixRole) = OfficeWords.StripHonorific(inner);
                var parts = WrittenName.Read(nameWritten, known);
                string? number = null;
                var role = suffixRole;
                if (outer.Length > 0)
                {
                    if (OfficeWords.SeatNumber(outer) is { } seat && seat.Length == outer.Length)
                    {
                        number = seat.Number;
                        role ??= "議員";
                    }
                    else
                    {
                        role = outer;
                    }
                }

                return Person(shown, parts, role, number);
            }

            if (OfficeInParens(inner, known) is { } staff)
            {
                // 事務局（図書館長　大河原）: the office, a space, the name (before, the name was left as part of no one).
                return Person(shown, staff.Parts, staff.Office, null);
            }

            if (Proceedings.SpeakerLabels.IsSurnameBeforeRole(outer, WrittenName.Compact(inner)))
            {
                // 橘（委員）, 山中（会長）: the name, then the role in brackets.
                return Person(shown, WrittenName.Read(outer, known), WrittenName.Compact(inner), null);
            }

            var annotated = Packed(outer.Length > 0 ? outer : WrittenName.Compact(inner), known, officesOnly);
            return annotated is null ? null : annotated with { Written = shown };
        }

        // ○高野　分科会委員長, ◆川田青星　分科会委員: a name, a space, an office.
        var space = label.AsSpan().IndexOfAny(" \u3000");
        if (space > 0)
        {
            var first = label[..space];
            var rest = label[space..].Trim(' ', '\u3000');
            if (rest.Length >= 2 && rest.AsSpan().IndexOfAny(" \u3000") < 0 && OfficeWords.TitleAtEnd(rest) is { } restTitle && first.Length <= 6
                && AllNameChars(first) && OfficeWords.TitleAtEnd(first) is null && !OfficeWords.IsNotName(first)
                && !GivenNameBefore(rest.AsSpan(0, rest.Length - restTitle.Length)))
            {
                return Person(shown, WrittenName.Packed(first, known), rest, null);
            }
        }

        var packed = Packed(WrittenName.Compact(label), known, officesOnly);
        if (packed is null)
        {
            return null;
        }

        // A spaced name before the honorific (１８番　鈴木　利信君): its spacing splits it.
        if (packed.Name is { } name && label.AsSpan().IndexOfAny(" \u3000") >= 0 && packed.FamilyName is null)
        {
            var at = label.IndexOf(name[0], StringComparison.Ordinal);
            var spaced = WrittenName.Read(OfficeWords.StripHonorific(label[at..]).Name, known);
            if (spaced.Name == name)
            {
                packed = packed with { FamilyName = spaced.FamilyName, GivenName = spaced.GivenName };
            }
        }

        return packed with { Written = shown };
    }

    /// <summary>
    /// 今泉　淳一議員, 野々村　純一委員, 村上　康介会長: a given name before the title is the second half of a
    /// spaced name, not an office. A given name that is also a word (純一) counts unless it is an office
    /// word; two or three kanji no dictionary has, ending in no unit (康介, not 分科会), are a given name too.
    /// </summary>
    private static bool GivenNameBefore(ReadOnlySpan<char> text)
    {
        var lexicon = NameLexicon.Default;
        if (text.IsEmpty || OfficeWords.IsNotName(text))
        {
            return false;
        }

        if (lexicon.IsGivenName(text))
        {
            return !OfficeWords.IsOfficeWord(text);
        }

        return text.Length is 2 or 3 && AllKanji(text) && !lexicon.IsWord(text) && !lexicon.IsCommonWord(text[..2]) && !OfficeWords.IsOfficeWord(text)
            && !"部課局室係所署庁院館園校会区市町村県".Contains(text[^1]);
    }

    private static bool AllKanji(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '\u4E00' or > '\u9FFF')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A label written without spaces or parentheses: name + title, seat + name, name + 君, or an office alone.</summary>
    private static PersonMention? Packed(string label, KnownPeople? known, bool officesOnly)
    {
        if (label.Length == 0)
        {
            return null;
        }

        string? number = null;
        if (OfficeWords.SeatNumber(label) is { } seat)
        {
            number = seat.Number;
            label = label[seat.Length..];
            if (label.Length == 0)
            {
                return new PersonMention { Written = label, Number = number, Role = "議員" };
            }
        }

        var (stripped, suffixRole) = OfficeWords.StripHonorific(label);
        if (stripped.Length != label.Length && suffixRole is null)
        {
            if (!AllNameChars(stripped) || stripped.Length > 16 + (Foreign(stripped) ? 8 : 0))
            {
                return null;
            }

            // 市長山田太郎君, 総務部長山田太郎君: an office, then the name.
            for (var i = 2; i <= stripped.Length - 2; i++)
            {
                var post = stripped[..i];
                if (OfficeWords.TitleAtEnd(post) is not null && (OfficeWords.IsPersonTitle(post) || OfficeWords.StartsOffice(post) || post.Length <= 4)
                    && !StartsWithSurname(post, NameLexicon.Default) && stripped.Length - i <= MaxNameLength(stripped.AsSpan(i)))
                {
                    return Person(label, WrittenName.Packed(stripped[i..], known), post, number);
                }
            }

            // 山田太郎君, 大西由紀さん: a name alone.
            return stripped.Length <= MaxNameLength(stripped) ? Person(label, WrittenName.Packed(stripped, known), number is null ? null : "議員", number) : null;
        }

        var title = OfficeWords.TitleAtEnd(label);
        if (title is null)
        {
            return null;
        }

        if (OfficeWords.TitleAtEnd(label) == label)
        {
            return new PersonMention { Written = label, Role = label, Number = number };
        }

        if (known?.OfficeEnding(label) is { } office && PlausibleName(label[..^office.Length], known))
        {
            return Person(label, WrittenName.Packed(label[..^office.Length], known), office, number);
        }

        if (known?.NameStarting(label) is { } knownName)
        {
            return Person(label, WrittenName.Packed(knownName, known), label[knownName.Length..], number);
        }

        var prefix = label[..^title.Length];
        var name = officesOnly && !OfficeWords.IsPersonTitle(title) ? FullNameBefore(prefix, title, known) : NameBefore(prefix, title, known);
        return name is null
            ? new PersonMention { Written = label, Role = label, Number = number }
            : Person(label, WrittenName.Packed(name, known), label[name.Length..], number);
    }

    /// <summary>
    /// How long a name before an honorific may be: eight characters for a Japanese name, sixteen for a foreign name
    /// whose parts a mark joins (市長ハリス・ジョーンズ君 names the person a label writes 市長(ハリス・ジョーンズ君)).
    /// </summary>
    private static int MaxNameLength(ReadOnlySpan<char> name) => Foreign(name) ? 16 : 8;

    private static bool Foreign(ReadOnlySpan<char> name) => name.IndexOfAny("・･＝=゠") > 0;

    /// <summary>
    /// In a list of posts, a name before an office counts only when it is a full name the dictionary knows both
    /// halves of (柿本輝信教育次長 in <c>事務局　柿本輝信教育次長、栗田郁雄総務課長</c>): 池袋保健所長 stays an office.
    /// Before, such a list's names were offices, out of the register, and published.
    /// </summary>
    private static string? FullNameBefore(string prefix, string title, KnownPeople? known)
    {
        var lexicon = NameLexicon.Default;
        if (known?.IsPlace(prefix) == true || OfficeWords.IsNotName(prefix))
        {
            return null;
        }

        // The longest name whose rest is all office (柿本輝信 | 教育次長, not 柿本輝 | 信教育次長).
        for (var length = Math.Min(prefix.Length, 6); length >= 3; length--)
        {
            var name = prefix.AsSpan(0, length);
            if (!AllNameChars(name) || (length < prefix.Length && !OfficeWords.IsOfficeWord(prefix[length..] + title)))
            {
                continue;
            }

            // A given name of two characters or more: one (保) is too often the start of an office (池袋保健所長).
            for (var cut = 1; cut <= Math.Min(3, length - 2); cut++)
            {
                if (lexicon.IsSurname(name[..cut]) && lexicon.IsGivenName(name[cut..]))
                {
                    return name.ToString();
                }
            }
        }

        return null;
    }

    /// <summary>The name at the start of the text before the title, or null when that text is all office.</summary>
    private static string? NameBefore(string prefix, string title, KnownPeople? known)
    {
        var lexicon = NameLexicon.Default;
        if (prefix.Length == 0 || OfficeWords.IsNotName(prefix) || !AllNameChars(prefix.AsSpan(0, 1)) || known?.IsPlace(prefix) == true)
        {
            return null;
        }

        if (OfficeWords.IsPersonTitle(title) && IsJoinedForeignName(prefix))
        {
            // ジョン・スミス委員, ジャン＝ポール・ルグラン会長: katakana opens offices (マネジメント室長), but parts a mark joins,
            // and nothing else, right before a person's title are a name. Before, the whole was an office and no name.
            return prefix;
        }

        if (OfficeWords.IsPersonTitle(title) && NameScript.IsKatakanaWord(prefix) && lexicon.IsSurname(prefix))
        {
            // ジョンソン委員: one katakana word opens offices too (above), but one the lexicon knows as a surname, right
            // before a person's title, is the name. Any other is left unread, and UnreadNames holds the document.
            return prefix;
        }

        if (OfficeWords.IsPersonTitle(title) && prefix.Length <= 5 && AllNameChars(prefix) && (prefix.Length <= 3 || !HasUnit(prefix)))
        {
            // 茨城県議会議長, 市議会議長: the body's own chair.
            if (OfficeWords.EndsWithBody(prefix))
            {
                return null;
            }

            // 白馬村長, 豊島区長: a place before a municipal head is the municipality, not a surname. In a document whose
            // own places are known, a place that is also a surname (山田市長, 大槻町長) is the head's name: its own
            // municipality was taken above, and a guess of "another municipality" would publish a name.
            if (MunicipalHeads.Contains(title, StringComparer.Ordinal) && lexicon.IsPlace(prefix) && (known is null || !lexicon.IsSurname(prefix)))
            {
                return null;
            }

            // 山田一郎議長: 山田 is a word too, but a surname that opens the text makes it a name.
            return StartsWithSurname(prefix, lexicon) || !OfficeWords.StartsOffice(prefix) ? prefix : null;
        }

        // An office title (部長, 課長, 参事) or a long prefix: the name ends where the first office word begins.
        if (OfficeWords.StartsOffice(prefix) && !lexicon.IsSurname(prefix.AsSpan(0, Math.Min(2, prefix.Length)))
            && !(prefix.Length >= 3 && lexicon.IsSurname(prefix.AsSpan(0, 3))))
        {
            return null;
        }

        // 長谷部千代子議事課長: a full name the lexicon splits, then a section word and its unit. The office starts at the
        // section word, not at a given name that is also a word (千代): before, 千代子 was left in the published office.
        if (SectionOfficeName(prefix, title, lexicon) is { } full)
        {
            return full;
        }

        // 区教育委員会委員長, 市選挙管理委員会委員: the municipality's own office (区 and 教育委員会), no name before it.
        if (prefix.Length >= 3 && PlaceEnds.Contains(prefix[0], StringComparison.Ordinal) && OfficeWords.StartsOffice(prefix.AsSpan(1)))
        {
            return null;
        }

        for (var j = 1; j <= Math.Min(4, prefix.Length - 2); j++)
        {
            if (!OfficeWords.StartsOffice(prefix.AsSpan(j)))
            {
                continue;
            }

            var candidate = prefix[..j];
            if (!AllNameChars(candidate))
            {
                return null;
            }

            // One character is a name only when it is a surname (関保健福祉部長), not 練|馬子ども….
            if (j == 1 && !lexicon.IsSurname(candidate))
            {
                continue;
            }

            // 白馬村教育課長, 練馬子ども家庭支援センター所長 in 練馬区's minutes: the municipality, not a name.
            if (known?.IsPlace(candidate) == true || (lexicon.IsPlace(candidate) && !lexicon.IsSurname(candidate) && NamesAFacility(prefix.AsSpan(j)))
                || (PlaceEnds.Contains(candidate[^1], StringComparison.Ordinal) && candidate.Length > 1 && lexicon.IsPlace(candidate.AsSpan(0, candidate.Length - 1))))
            {
                return null;
            }

            return candidate;
        }

        // 堀課長, 山田係長: a unit before the generic 長 is the office's; the name is what stands before it. A section word
        // before the unit is the office's too (宮脇奈緒子庶務係長: 庶務係長), past the four characters the loop above looks at.
        if (prefix.Length >= 2 && title == "長" && Units.Contains(prefix[^1]))
        {
            var head = OfficeWords.WithoutSectionWords(prefix[..^1]);
            return AllNameChars(head) && (head.Length >= 2 || lexicon.IsSurname(head)) && !OfficeWords.StartsOffice(head) && !OfficeWords.IsNotName(head) ? head : null;
        }

        return prefix.Length <= 4 && AllNameChars(prefix) && !(prefix.Length >= 3 && HasUnit(prefix.AsSpan(prefix.Length - 1)))
            && (prefix.Length >= 2 || lexicon.IsSurname(prefix)) ? prefix : null;
    }

    /// <summary>The full name before a section word and a unit's 長 (長谷部千代子 of 長谷部千代子議事課長), or null.</summary>
    private static string? SectionOfficeName(string prefix, string title, NameLexicon lexicon)
    {
        if (title != "長" || prefix.Length < 5 || !Units.Contains(prefix[^1]))
        {
            return null;
        }

        var head = OfficeWords.WithoutSectionWords(prefix[..^1]);
        if (head.Length == prefix.Length - 1 || head.Length is < 3 or > 6 || !AllNameChars(head))
        {
            return null;
        }

        for (var cut = 1; cut <= Math.Min(3, head.Length - 1); cut++)
        {
            if (lexicon.IsSurname(head.AsSpan(0, cut)) && lexicon.IsGivenName(head.AsSpan(cut)))
            {
                return head;
            }
        }

        return null;
    }

    /// <summary>
    /// ジョン・スミス, アンナ・K・リー: katakana parts of two characters or more joined by ・ or ＝, a Latin initial at most
    /// between them, and no other character (国際アート・カルチャー都市推進室 holds kanji).
    /// </summary>
    private static bool IsJoinedForeignName(ReadOnlySpan<char> prefix)
    {
        if (prefix.Length is < 5 or > 16 || prefix.IndexOfAny("・･＝=゠") < 0 || !NameScript.MarksJoinParts(prefix))
        {
            return false;
        }

        var katakanaParts = 0;
        var run = 0;
        foreach (var c in prefix)
        {
            if (NameScript.IsKatakana(c))
            {
                run++;
                continue;
            }

            if (!NameScript.IsJoiningMark(c) && !char.IsAsciiLetter(c))
            {
                return false;
            }

            katakanaParts += run >= 2 ? 1 : 0;
            if (run == 1)
            {
                return false;
            }

            run = 0;
        }

        katakanaParts += run >= 2 ? 1 : 0;
        return run != 1 && katakanaParts >= 2;
    }

    /// <summary>Facilities named after the place they stand in (練馬子ども家庭支援センター, 池袋保健所): a place before one is no surname.</summary>
    private static readonly string[] Facilities =
    [
        "保健所", "保健センター", "出張所", "支所", "事務所", "警察署", "消防署", "図書館", "公民館", "センター", "病院",
        "小学校", "中学校", "高等学校", "学校", "保育園", "幼稚園", "児童館", "郵便局", "営業所", "工場", "駅", "分室", "支店", "支局",
    ];

    private static bool NamesAFacility(ReadOnlySpan<char> office)
    {
        foreach (var f in Facilities)
        {
            if (office.Contains(f, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Text that can be a name before a known office: not a prefix such as 副 or 各, not a place or body, not a word that opens an office (署名議員), one character only when a surname.</summary>
    private static bool PlausibleName(string prefix, KnownPeople known) =>
        AllNameChars(prefix) && !OfficeWords.IsNotName(prefix) && !OfficeWords.EndsWithBody(prefix) && !known.IsPlace(prefix)
        && (prefix.Length >= 2 || NameLexicon.Default.IsSurname(prefix)) && prefix[0] != '副'
        && (StartsWithSurname(prefix, NameLexicon.Default) || !OfficeWords.StartsOffice(prefix));

    private static bool StartsWithSurname(string text, NameLexicon lexicon)
    {
        for (var k = Math.Min(3, text.Length); k >= 1; k--)
        {
            if (lexicon.IsSurname(text.AsSpan(0, k)) && (k == text.Length || k >= 2))
            {
                return true;
            }
        }

        return false;
    }

    private static PersonMention Person(string written, NameParts parts, string? role, string? number) => new()
    {
        Written = written,
        Name = parts.Name.Length == 0 ? null : parts.Name,
        FamilyName = parts.FamilyName,
        GivenName = parts.GivenName,
        Role = string.IsNullOrEmpty(role) ? null : role,
        Number = number,
    };

    /// <summary>A name in parentheses (鈴木喜明君, 迫　俊哉, 野々上　愛議員), not a role (会長), count (2) or note (欠席).</summary>
    /// <summary>An office, a space and a name inside brackets (図書館長　大河原, 環境課長　今井　浩二); null otherwise.</summary>
    private static (string Office, NameParts Parts)? OfficeInParens(string inner, KnownPeople? known)
    {
        var space = inner.AsSpan().IndexOfAny(" \u3000");
        if (space <= 0)
        {
            // 図書館長大河原 (a colon label's spaces are removed): the office ends at a title, a surname starts after it.
            for (var end = 2; end <= inner.Length - 1 && end <= 12; end++)
            {
                var rest = inner.AsSpan(end);
                if (OfficeWords.TitleAtEnd(inner.AsSpan(0, end)) is not null && rest.Length <= 6 && OfficeWords.TitleAtEnd(rest) is null
                    && (NameLexicon.Default.IsSurname(rest) || (rest.Length >= 3 && NameLexicon.Default.IsSurname(rest[..2]))))
                {
                    space = end;
                    break;
                }
            }

            if (space <= 0)
            {
                return null;
            }
        }

        var office = inner[..space];
        var (name, _) = OfficeWords.StripHonorific(inner[space..].Trim(' ', '\u3000'));
        var compact = WrittenName.Compact(name);
        if (OfficeWords.TitleAtEnd(office) is null || !OfficeWords.StartsOffice(office) && !HasUnit(office) || compact.Length is 0 or > 8 || !AllNameChars(compact)
            || OfficeWords.TitleAtEnd(compact) is not null || OfficeWords.IsNotName(compact) || Annotations.Contains(compact, StringComparer.Ordinal))
        {
            return null;
        }

        return (office, WrittenName.Read(name, known));
    }

    private static bool IsNameInParens(string inner)
    {
        var (name, _) = OfficeWords.StripHonorific(inner);
        var honorific = name.Length != inner.Length;
        if (name.Length == 0 || name.Length > (name.AsSpan().IndexOfAny("・＝=･゠") >= 0 ? 24 : 12) || !AllNameChars(name) || Annotations.Contains(name, StringComparer.Ordinal))
        {
            return false;
        }

        return honorific || (OfficeWords.TitleAtEnd(name) is null && (NameLexicon.Default.IsSurname(name.AsSpan(0, Math.Min(2, name.Length))) || !OfficeWords.StartsOffice(name)));
    }

    private static string Clean(string written)
    {
        var s = written.AsSpan().Trim(" \u3000\t");
        while (!s.IsEmpty && Bullets.Contains(s[0], StringComparison.Ordinal))
        {
            s = s[1..].TrimStart(" \u3000");
        }

        return s.TrimEnd(" \u3000：:").ToString();
    }

    private static int? OpenParen(string label)
    {
        var depth = 0;
        for (var i = label.Length - 1; i >= 0; i--)
        {
            if (label[i] is '）' or ')')
            {
                depth++;
            }
            else if (label[i] is '（' or '(' && --depth == 0)
            {
                return i;
            }
        }

        return null;
    }

    private static bool HasUnit(ReadOnlySpan<char> text) => text.IndexOfAny(Units) >= 0 || text.Contains("委員会", StringComparison.Ordinal);

    /// <summary>
    /// The office a speaker cell names when it names no one (会長, 事務局, 環境課長), else null. <c>大槻市長</c> is
    /// left to the document's people: a place or a surname before 市長 is told apart only by who else the
    /// minutes name.
    /// </summary>
    public static PersonMention? OfficeAlone(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Parse(cell) is { Name: null, Role: { } role } office && !EndsWithMunicipalHead(role) ? office : null;
    }

    /// <summary>大槻市長, 中央区長: something before a municipality's head (a place or a surname; 市長 alone is not).</summary>
    private static bool EndsWithMunicipalHead(string role)
    {
        foreach (var head in MunicipalHeads)
        {
            if (role.Length > head.Length && role.EndsWith(head, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Kanji, kana and the marks names use (々 〆 ヶ; ・ ＝ between the katakana parts of a foreign name,
    /// a Latin initial between them: <see cref="NameScript"/>); no digits, other Latin or punctuation.</summary>
    public static bool AllNameChars(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        var marked = false;
        foreach (var c in text)
        {
            var nameChar = c is (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or 'ー' or '々' or '〆' or 'ヶ' or (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
            if (!nameChar && !char.IsSurrogate(c))
            {
                if (!NameScript.IsJoiningMark(c) && !char.IsAsciiLetter(c))
                {
                    return false;
                }

                marked = true;
            }
        }

        return !marked || NameScript.MarksJoinParts(text);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<name>[\p{IsCJKUnifiedIdeographs}々]{1,4})[（(][^（()）]{1,16}[）)](?<office>[\p{IsCJKUnifiedIdeographs}]{1,8})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BracketsBeforeOffice();
}
