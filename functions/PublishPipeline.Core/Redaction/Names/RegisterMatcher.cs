using System.Collections.Concurrent;
using PublishPipeline.Redaction.People;
using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>How a pattern names a person.</summary>
internal enum PatternKind
{
    FullName,
    Surname,
    GivenName,
    /// <summary>One of the document's own place names: never masked, and no name inside it.</summary>
    Place,
}

/// <summary>
/// Finds every occurrence of every masked person of a register in a text, in one pass (Aho–Corasick
/// over the text with spaces removed and widths and old forms folded, mapped back to the original
/// offsets). The rules a clerk would state:
/// <list type="bullet">
/// <item>the full name is masked wherever it stands, whatever the spacing (<c>山　田　太　郎</c>);</item>
/// <item>a surname of two or more characters is masked wherever it stands, unless it is also an
/// ordinary word or one of the document's places, or the register only guessed it: then only where a
/// title follows (山田議員, 山田学務課長) or it stands alone;</item>
/// <item>a one-character surname (森, 林) only where a title follows or it stands alone, never inside a word;</item>
/// <item>a given name of two or more characters that is no ordinary word, where it stands alone or before a title;</item>
/// <item>nothing inside one of the document's own place names.</item>
/// </list>
/// </summary>
internal sealed class RegisterMatcher
{
    private readonly AhoCorasick<(Person? Person, PatternKind Kind)> _patterns = new();
    private readonly OfflineNameRecognizer _words;
    private readonly HashSet<string> _places;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _placeLookup;
    // Reused for every field of the document: matching allocates only the spans it adds.
    private readonly List<(int Start, int Length, (Person? Person, PatternKind Kind) Value)> _hits = [];
    private readonly List<(int Start, int Length, (Person? Person, PatternKind Kind) Value)> _placeHits = [];
    private readonly List<(int Start, int Length, Person Person, PatternKind Kind)> _accepted = [];
    private readonly List<(int Start, int End)> _taken = [];

    public RegisterMatcher(PeopleRegister register, IReadOnlyCollection<string> places, Func<Person, bool> isMasked, OfflineNameRecognizer words)
    {
        _words = words;
        _places = new HashSet<string>(places, StringComparer.Ordinal);
        _placeLookup = _places.GetAlternateLookup<ReadOnlySpan<char>>();
        var lexicon = words.Lexicon;
        foreach (var person in register.People)
        {
            if (!isMasked(person))
            {
                continue;
            }

            Add(person.Name, person, person.FamilyName == person.Name ? PatternKind.Surname : PatternKind.FullName);
            if (person.FamilyName is { Length: > 0 } family && family != person.Name)
            {
                Add(family, person, PatternKind.Surname);
            }

            if (person.GivenName is { } given && CodePoints(given) >= 2 && !lexicon.IsWord(given) && !OrdinaryWords.Contains(given))
            {
                Add(given, person, PatternKind.GivenName);
            }
        }

        foreach (var place in _places)
        {
            _patterns.Add(place, (null, PatternKind.Place));
        }

        void Add(string pattern, Person person, PatternKind kind)
        {
            if (pattern.Length > 0)
            {
                _patterns.Add(pattern, (person, kind));
            }
        }
    }

    public int PatternCount => _patterns.Count;

    /// <summary>Adds a span for every occurrence in <paramref name="text"/> the rules accept.</summary>
    public void Find(string text, List<NameSpan> found)
    {
        if (_patterns.Count == 0 || text.Length == 0)
        {
            return;
        }

        var compact = CompactText.Rent(text);
        try
        {
            FindIn(compact, text, found);
        }
        finally
        {
            compact.Return();
        }
    }

    private void FindIn(CompactText compact, string text, List<NameSpan> found)
    {
        var t = compact.Chars;
        var hits = _hits;
        hits.Clear();
        _patterns.FindAll(t, hits);
        if (hits.Count == 0)
        {
            return;
        }

        var places = _placeHits;
        places.Clear();
        foreach (var hit in hits)
        {
            if (hit.Value.Kind == PatternKind.Place)
            {
                places.Add(hit);
            }
        }

        var accepted = _accepted;
        accepted.Clear();
        foreach (var (start, length, (person, kind)) in hits)
        {
            if (kind == PatternKind.Place || person is null || InsidePlace(places, start, length) || !Accept(compact, text, start, length, person, kind, StandsAsToken(compact, text, start, length)))
            {
                continue;
            }

            var matched = length;
            if (kind == PatternKind.Surname && person.GivenName is null && !AnotherMemberAfter(compact, text, hits, start + length, person))
            {
                matched += GivenNameAfter(t, start + length);
            }

            accepted.Add((start, matched, person, kind));
        }

        // Where matches overlap, a full name wins over a surname, a surname over a given name, then
        // the longer, then the earlier: 室長|谷川文崇 is 谷川文崇, not 長谷川 across the gap.
        accepted.Sort(static (a, b) => a.Kind != b.Kind ? ((int)a.Kind).CompareTo((int)b.Kind) // (an enum's CompareTo boxes)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : a.Start.CompareTo(b.Start));
        var taken = _taken;
        taken.Clear();
        foreach (var (start, length, person, kind) in accepted)
        {
            var end = start + length;
            if (Overlaps(taken, start, end))
            {
                continue;
            }

            taken.Add((start, end));
            var (s, e) = compact.Original(start, length);
            found.Add(new NameSpan(s, e - s, RuleFor(person, kind), Math.Max(0.85, person.Confidence)));
        }
    }

    /// <summary>
    /// 宇佐木 東 鶴巻 (a vote table's member heads, one space apart): after a gap the compacting removed, a surname of
    /// another person of the register that is taken where it stands is that member, not this one's given name. Before,
    /// 宇佐木 東 was one mask, and three members read as two.
    /// </summary>
    private bool AnotherMemberAfter(CompactText compact, string text, List<(int Start, int Length, (Person? Person, PatternKind Kind) Value)> hits, int at, Person person)
    {
        if (at >= compact.Chars.Length || compact.Original(at - 1, 1).End == compact.Original(at, 1).Start)
        {
            return false;
        }

        foreach (var (start, length, (other, kind)) in hits)
        {
            if (start == at && kind == PatternKind.Surname && other is not null && other != person
                && Accept(compact, text, start, length, other, kind, StandsAsToken(compact, text, start, length)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Overlaps(List<(int Start, int End)> taken, int start, int end)
    {
        foreach (var x in taken)
        {
            if (x.Start < end && start < x.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A given name the register did not know, right after a surname (竹内禎之 where only 竹内 was
    /// registered): one to three kanji the dictionary knows as a given name and not as an ordinary
    /// word, ending the kanji run or followed by a title or an ordinary word. Else 0.
    /// </summary>
    private int GivenNameAfter(ReadOnlySpan<char> t, int at)
    {
        if (at >= t.Length || !IsKanji(t[at]) || Titles.LengthAt(t, at, _words) > 0)
        {
            return 0;
        }

        var lexicon = _words.Lexicon;
        for (var k = Math.Min(3, t.Length - at); k >= 1; k--)
        {
            var given = t.Slice(at, k);
            var next = at + k;
            if (!AllKanji(given) || OfflineNameRecognizer.Morphemes.Contains(given[0]) || !lexicon.IsGivenName(given) || lexicon.IsWord(given) || _words.IsCompound(given, places: false))
            {
                continue;
            }

            if (next >= t.Length || !IsKanji(t[next]) || Titles.LengthAt(t, next, _words) > 0)
            {
                return k;
            }

            var run = next;
            while (run < t.Length && IsKanji(t[run]) && run - next < 8)
            {
                run++;
            }

            if (_words.IsCompound(t[next..run]))
            {
                return k;
            }
        }

        return 0;
    }

    private static bool InsidePlace(List<(int Start, int Length, (Person? Person, PatternKind Kind) Value)> places, int start, int length)
    {
        foreach (var p in places)
        {
            if (p.Start <= start && p.Start + p.Length >= start + length && p.Length > length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The match is a whole token of the original text: written without a space inside, with white
    /// space, a cell's bar or the field's edge on both sides (a vote tally's head cells
    /// <c>議案 件名 砥部野 網代 結果</c>, a space-separated roll). Compacting removed those spaces, so the
    /// compact neighbours are kanji and the match did not look alone.
    /// </summary>
    private static bool StandsAsToken(CompactText compact, string text, int start, int length)
    {
        var (s, e) = compact.Original(start, length);
        if (e - s != length || (s > 0 && !IsTokenEdge(text[s - 1])) || (e < text.Length && !IsTokenEdge(text[e])))
        {
            return false;
        }

        // One character between single characters is a word spaced out (東 京 都), no token of its own.
        return length > 1 || (!SingleBefore(text, s - 1) && !SingleAfter(text, e));

        static bool SingleBefore(string text, int edge) => edge >= 1 && !IsTokenEdge(text[edge - 1]) && (edge == 1 || IsTokenEdge(text[edge - 2]));
        static bool SingleAfter(string text, int edge) => edge + 1 < text.Length && IsTokenEdge(text[edge]) && !IsTokenEdge(text[edge + 1])
            && (edge + 2 == text.Length || IsTokenEdge(text[edge + 2]));
    }

    /// <summary>
    /// 網代 漁港の整備: a surname that is a word too, standing as a token before an ordinary word of kanji that runs on
    /// into prose (a particle after it), is one word spaced apart (網代漁港), not a cell of a row of names
    /// (砥部野 網代 結果, where the next token ends at a gap).
    /// </summary>
    private bool CompoundAcrossGap(CompactText compact, string text, int start, int length)
    {
        var at = compact.Original(start, length).End;
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        var run = at;
        while (run < text.Length && IsKanji(text[run]) && run - at < 8)
        {
            run++;
        }

        return run - at >= 2 && run < text.Length && IsHiragana(text[run]) && _words.Lexicon.IsCommonWord(text.AsSpan(at, run - at))
            && Titles.LengthAt(text.AsSpan(at), 0, _words) == 0;
    }

    private static bool OwnRoleAt(ReadOnlySpan<char> t, int end, Person person)
    {
        foreach (var role in person.Roles)
        {
            if (role.Length >= 2 && t[end..].StartsWith(role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTokenEdge(char c) => char.IsWhiteSpace(c) || c is '|' or '｜';

    private bool Accept(CompactText compact, string text, int start, int length, Person person, PatternKind kind, bool token)
    {
        var t = compact.Chars;
        var end = start + length;
        var cps = CodePoints(t.Slice(start, length));
        var before = start > 0 ? t[start - 1] : '\0';
        var after = end < t.Length ? t[end] : '\0';
        var title = Titles.LengthAt(t, end, _words);
        // 石橋子育て健康課長 with 石橋 in the register as 子育て健康課長: the person's own office after the surname titles it,
        // though no title reader reads that office (a surname that is a noun too was left unmasked before it).
        var titled = title > 0 || (kind == PatternKind.Surname && OwnRoleAt(t, end, person));
        var alone = !IsKanji(before) && !IsKanji(after) && !(IsHiragana(after) && cps == 1);
        if (InsideKatakanaWord(t, start, end))
        {
            return false;
        }

        switch (kind)
        {
            case PatternKind.FullName:
                return cps >= 2 || titled || alone;
            case PatternKind.Surname:
                var word = t.Slice(start, length);
                if (cps == 1)
                {
                    // A title or an office and its post right after it (関保健福祉部長), but not a place
                    // and its head: 東 + 京都知事 is Tokyo's governor.
                    var office = RoleWords.MatchAt(t, end) is null && titled;
                    var placeHead = office && end + 2 <= t.Length && _words.Lexicon.IsPlace(t.Slice(end, 2));
                    // 【東区協議会 相良会長】: an office is written without a gap, so one the compacting made across a
                    // space (区協議会相良会長) is the next person's, not this one's: 東 there is part of 東区.
                    var gapped = office && compact.Original(end, title) is var (s, e) && e - s != title;
                    return (!IsKanji(before) && ((titled && !placeHead && !gapped) || alone)) || token;
                }

                if (person.FamilyNameIsGuess || person.TitledOnly || _words.Lexicon.IsCommonWord(word) || _placeLookup.Contains(word) || IsPlaceStem(word))
                {
                    return titled || alone || (token && !CompoundAcrossGap(compact, text, start, length));
                }

                return true;
            case PatternKind.GivenName:
                return (!IsKanji(before) || titled) && (!IsKanji(after) || titled);
            default:
                return false;
        }
    }

    /// <summary>
    /// A katakana part of a name inside a longer katakana word or foreign name: リー in カテゴリー, マリア in
    /// マリアージュ, ジョン in ジョン・ブラウン. Katakana has no kanji-like boundary, so a katakana edge of a
    /// match must meet something that is not katakana (nor a mark joining a foreign name's parts).
    /// </summary>
    private static bool InsideKatakanaWord(ReadOnlySpan<char> t, int start, int end)
    {
        return (IsKatakana(t[start]) && start > 0 && Joins(t[start - 1]))
            || (IsKatakana(t[end - 1]) && end < t.Length && Joins(t[end]));

        static bool Joins(char c) => IsKatakana(c) || Normalization.People.NameScript.IsJoiningMark(c);
    }

    private bool IsPlaceStem(ReadOnlySpan<char> word)
    {
        foreach (var place in _places)
        {
            if (place.Length == word.Length + 1 && place.AsSpan().StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string RuleFor(Person person, PatternKind kind)
    {
        var source = person.Sources.Count > 0 ? person.Sources[0].Kind : PersonSourceKind.ProseTitle;
        return RuleNames.GetOrAdd((source, kind), static key =>
        {
            var what = key.Kind switch
            {
                PatternKind.FullName => "name",
                PatternKind.Surname => "surname",
                _ => "given-name",
            };
            return $"register:{KindName(key.Source)}:{what}";
        });
    }

    // One rule string per (source, kind), not one per span found.
    private static readonly ConcurrentDictionary<(PersonSourceKind Source, PatternKind Kind), string> RuleNames = new();

    internal static string KindName(PersonSourceKind kind) => kind switch
    {
        PersonSourceKind.Roll => "roll",
        PersonSourceKind.SpeakerLabel => "speaker-label",
        PersonSourceKind.StageDirection => "stage-direction",
        PersonSourceKind.Attendee => "attendee",
        PersonSourceKind.ProseTitle => "prose-title",
        PersonSourceKind.SelfIntroduction => "self-introduction",
        PersonSourceKind.NameLabel => "name-label",
        PersonSourceKind.HeadOfPlace => "head-of-place",
        _ => "deny-list",
    };
}
