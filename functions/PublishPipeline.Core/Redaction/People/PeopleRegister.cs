using PublishPipeline.Redaction.Names;
using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.People;

/// <summary>
/// The people one document names, as a careful clerk would list them before redacting: every
/// sighting from structure (rolls, speaker labels, stage directions, header attendees) and from
/// titles and self-introductions in prose, merged by name. <see cref="Resolve"/> then works out each
/// person's surname from structure, from how the minutes address them (山田太郎 and 山田議員 →
/// 山田), or from the dictionary, so the surname alone can be masked wherever it stands.
/// </summary>
public sealed class PeopleRegister
{
    private readonly Dictionary<string, Person> _byName = new(StringComparer.Ordinal);
    private readonly NameLexicon _lexicon;
    private readonly NameVeto? _veto;

    internal PeopleRegister(NameLexicon lexicon, NameVeto? veto = null)
    {
        _lexicon = lexicon;
        _veto = veto;
    }

    public IReadOnlyCollection<Person> People => _byName.Values;

    public int Count => _byName.Count;

    /// <summary>The person registered under this name (spacing and old forms ignored), or null.</summary>
    public Person? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.GetValueOrDefault(CompactText.Folded(name));
    }

    /// <summary>Whether the name is a registered person's name, surname or given name (spacing and old forms ignored).</summary>
    public bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Contains(name.AsSpan());
    }

    /// <summary>The same for a name inside a text, folded on the stack: asked for every hit masked, so no string per question.</summary>
    internal bool Contains(ReadOnlySpan<char> name)
    {
        var key = name.Length <= 64 ? CompactText.FoldInto(name, stackalloc char[name.Length]) : CompactText.Folded(name).AsSpan();
        if (_byName.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(key))
        {
            return true;
        }

        foreach (var p in _byName.Values)
        {
            if ((p.FamilyName is { } family && key.SequenceEqual(family)) || (p.GivenName is { } given && key.SequenceEqual(given)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Records a sighting. <paramref name="written"/> is the name as written (spaces and all);
    /// <paramref name="familyName"/>/<paramref name="givenName"/> when the source separates them;
    /// <paramref name="surnameOnly"/> when the source gives only the surname (山田議員).
    /// </summary>
    public Person? Add(string written, PersonSource source, double confidence, string? role = null, string? familyName = null, string? givenName = null, bool surnameOnly = false)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(source);
        var key = CompactText.Folded(written);

        // 東雲、宮之森の各委員: a bare entry of a roll that gives it a post is a member's surname even when it
        // is also a word (東雲 is dawn); the word is then masked only where a title or the roll confirms it.
        // So is 東雲委員 among 相良委員、真柴委員: the surname and the person's title its roll gives it.
        var bareInRoll = source.Kind == PersonSourceKind.Roll && !string.IsNullOrWhiteSpace(role)
            && (CompactText.Folded(source.Written) is var entry && (entry == key
                || (Normalization.People.OfficeWords.IsPersonTitle(role.Trim()) && entry == key + CompactText.Folded(role.Trim()))));
        var fromStructure = source.Kind is PersonSourceKind.Roll or PersonSourceKind.SpeakerLabel or PersonSourceKind.StageDirection or PersonSourceKind.Attendee;
        if (key.Length == 0 || RoleWords.IsRole(key) || (!AllNameChars(key.AsSpan()) && !IsKatakanaName(key) && !(FromStructure(source.Kind) && IsMixedScriptName(key)))
            || (source.Kind != PersonSourceKind.DenyList && _veto is not null
                && _veto.IsNotAName(key, fromStructure, rollSurname: bareInRoll)
                && !(CalledByHonorific(key, source) && !_veto.IsNotAName(key, fromStructure, rollSurname: true))))
        {
            return null; // not a name, however it was found
        }

        if (!_byName.TryGetValue(key, out var person))
        {
            person = new Person(key);
            _byName[key] = person;
        }

        person.Spellings.Add(written.Trim());
        person.Sources.Add(source);
        person.Confidence = Math.Max(person.Confidence, confidence);
        if (!string.IsNullOrWhiteSpace(role))
        {
            person.Roles.Add(role.Trim());
        }

        if (familyName is { Length: > 0 } && person.FamilyName is null)
        {
            var family = CompactText.Folded(familyName);
            if (family.Length > 0 && key.StartsWith(family, StringComparison.Ordinal))
            {
                person.FamilyName = family;
                person.GivenName = givenName is { Length: > 0 } ? CompactText.Folded(givenName) : key.Length > family.Length ? key[family.Length..] : null;
                person.FamilyNameFrom = "structure";
            }
        }
        else if (surnameOnly && person.FamilyName is null)
        {
            person.FamilyName = key;
            person.FamilyNameFrom = "title";
        }

        return person;
    }

    /// <summary>
    /// 委員長（浜辺君）, 浜辺君：: a speaker label that puts 君 right after the name calls a member by it, even when it is also a
    /// word (浜辺 is a beach), as a roll's bare surname does. Before, the word veto left it out and the label's name was published.
    /// </summary>
    private static bool CalledByHonorific(string key, PersonSource source)
    {
        if (source.Kind != PersonSourceKind.SpeakerLabel || key.Length < 2)
        {
            return false;
        }

        var at = source.Written.IndexOf(key, StringComparison.Ordinal);
        return at >= 0 && at + key.Length < source.Written.Length && source.Written[at + key.Length] == '君';
    }

    /// <summary>
    /// Works out surnames: a registered name that starts another registered name is that person's
    /// surname (山田 and 山田太郎); else a prefix the document puts before a title (山田議員,
    /// 山田学務課長); else the dictionary (a known surname and a known given name); else a guess that
    /// is masked alone only where a title confirms it.
    /// </summary>
    public void Resolve(IEnumerable<string> texts, OfflineNameRecognizer words)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(words);
        var people = _byName.Values.ToList();

        // 0. A name of one or two characters is a surname as minutes use it (山田議員, 迫市長).
        foreach (var p in people.Where(p => p.FamilyName is null && (CodePoints(p.Name) <= 2 || IsKatakanaName(p.Name) || ForeignNameParts(p.Name) is not null)))
        {
            // ジョン・スミス: the parts of a foreign name in its own order (given first); the last part is
            // the surname, so スミス町長 is masked too, and ジョン alone or before a title.
            if (ForeignNameParts(p.Name) is var (family, given))
            {
                p.FamilyName = family;
                p.GivenName = given;
                p.FamilyNameFrom = "foreign-order";
                continue;
            }

            p.FamilyName = p.Name;
            p.FamilyNameFrom = "short";
        }

        // 1. A registered surname that starts a registered full name (山田議員 + 山田太郎): the longest.
        foreach (var full in people.Where(p => p.FamilyName is null))
        {
            Person? best = null;
            foreach (var part in people)
            {
                if (part.FamilyName == part.Name && part.Name.Length < full.Name.Length && full.Name.StartsWith(part.Name, StringComparison.Ordinal)
                    && (best is null || part.Name.Length > best.Name.Length))
                {
                    best = part;
                }
            }

            if (best is not null)
            {
                full.FamilyName = best.Name;
                full.GivenName = full.Name[best.Name.Length..];
                full.FamilyNameFrom = "usage";
            }
        }

        // 2. How the document addresses them: a prefix before a title, in one pass over every text.
        var unresolved = people.Where(p => p.FamilyName is null && CodePoints(p.Name) >= 3).ToList();
        if (unresolved.Count > 0)
        {
            var prefixes = new AhoCorasick<(Person Person, int Length)>();
            foreach (var p in unresolved)
            {
                for (var k = 1; k < p.Name.Length && k <= 4; k++)
                {
                    if (p.Name.Length - k >= 1 && !char.IsLowSurrogate(p.Name[k]))
                    {
                        prefixes.Add(p.Name[..k], (p, k));
                    }
                }
            }

            var best = new Dictionary<Person, int>();
            var hits = new List<(int Start, int Length, (Person Person, int Length) Value)>();
            // The texts are compacted only when some name is left to resolve, into pooled buffers.
            foreach (var original in texts)
            {
                var compact = CompactText.Rent(original);
                var text = compact.Chars;
                hits.Clear();
                prefixes.FindAll(text, hits);
                foreach (var (start, length, value) in hits)
                {
                    var end = start + length;
                    if (end < text.Length && !text[end..].StartsWith(value.Person.Name.AsSpan(length), StringComparison.Ordinal)
                        && (start == 0 || !IsKanji(text[start - 1]) || length >= 2)
                        && Titles.LengthAt(text, end, words) > 0
                        && length > best.GetValueOrDefault(value.Person))
                    {
                        best[value.Person] = length;
                    }
                }

                compact.Return();
            }

            foreach (var (p, length) in best)
            {
                p.FamilyName = p.Name[..length];
                p.GivenName = p.Name[length..];
                p.FamilyNameFrom = "usage";
            }
        }

        // 3. The dictionary, then a guess.
        foreach (var p in people.Where(p => p.FamilyName is null))
        {
            var cps = CodePoints(p.Name);
            var split = DictionarySplit(p.Name);
            if (split > 0)
            {
                p.FamilyName = p.Name[..split];
                p.GivenName = p.Name[split..];
                p.FamilyNameFrom = "dictionary";
                continue;
            }

            var guess = cps >= 4 ? 2 : (_lexicon.IsSurname(p.Name.AsSpan(0, 2)) ? 2 : 1);
            guess = p.Name.Length > guess && char.IsLowSurrogate(p.Name[guess]) ? guess + 1 : guess;
            p.FamilyName = p.Name[..guess];
            p.GivenName = p.Name[guess..];
            p.FamilyNameFrom = "guess";
        }

        MergeSurnameEntries();
    }

    /// <summary>
    /// A surname seen alone (山田議員) that is the surname of exactly one registered full name
    /// (山田太郎) is that person: one entry in the register and the audit. Shared by several
    /// (太田忠, 太田紘熙), it stays an entry of its own.
    /// </summary>
    private void MergeSurnameEntries()
    {
        foreach (var part in _byName.Values.Where(p => p.FamilyName == p.Name).ToList())
        {
            var owners = _byName.Values.Where(p => !ReferenceEquals(p, part) && p.FamilyName == part.Name).Take(2).ToList();
            if (owners.Count != 1)
            {
                continue;
            }

            var owner = owners[0];
            owner.Sources.AddRange(part.Sources);
            owner.Roles.UnionWith(part.Roles);
            owner.Spellings.UnionWith(part.Spellings);
            owner.Confidence = Math.Max(owner.Confidence, part.Confidence);
            _byName.Remove(part.Name);
        }
    }

    /// <summary>Where a known surname ends and a known given name starts (longest surname first), or 0.</summary>
    private int DictionarySplit(string name)
    {
        for (var k = Math.Min(4, name.Length - 1); k >= 1; k--)
        {
            if (char.IsLowSurrogate(name[k]))
            {
                continue;
            }

            if (_lexicon.IsSurname(name.AsSpan(0, k)) && _lexicon.IsGivenName(name.AsSpan(k)))
            {
                return k;
            }
        }

        for (var k = Math.Min(4, name.Length - 1); k >= 2; k--)
        {
            if (!char.IsLowSurrogate(name[k]) && _lexicon.IsSurname(name.AsSpan(0, k)))
            {
                return k;
            }
        }

        return 0;
    }

    private static bool FromStructure(PersonSourceKind kind) =>
        kind is PersonSourceKind.Roll or PersonSourceKind.SpeakerLabel or PersonSourceKind.StageDirection or PersonSourceKind.Attendee or PersonSourceKind.DenyList;

    /// <summary>
    /// A name in the scripts names are written in, mixed (加藤ソフィー, 黒川サキ子, ジョン・F・スミス): kanji,
    /// kana, and marks or a Latin initial only where they join a foreign name's parts. Only structure
    /// (a roll, a label, a stage direction) registers such a name; prose readers keep to their own rules.
    /// </summary>
    private static bool IsMixedScriptName(string text)
    {
        foreach (var c in text)
        {
            if (!IsKanji(c) && !IsHiragana(c) && !IsKatakana(c) && !Normalization.People.NameScript.IsJoiningMark(c) && !char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return text.Length >= 2 && Normalization.People.NameScript.MarksJoinParts(text);
    }

    /// <summary>The last part of a name joined by ・ or ＝ and its first part (ジョン・F・スミス → スミス, ジョン; ソフィー・加藤 → 加藤, ソフィー), or null.</summary>
    private static (string Family, string Given)? ForeignNameParts(string name)
    {
        var first = name.AsSpan().IndexOfAny("・＝=･゠");
        var last = name.AsSpan().LastIndexOfAny("・＝=･゠");
        if (first <= 0 || last >= name.Length - 1)
        {
            return null;
        }

        var family = name[(last + 1)..];
        var given = name[..first];
        return CodePoints(family) >= 2 && CodePoints(given) >= 2 ? (family, given) : null;
    }

    private static bool IsKatakanaName(string text)
    {
        foreach (var c in text)
        {
            if (!IsKatakana(c) && c is not ('・' or '＝' or '='))
            {
                return false;
            }
        }

        return text.Length >= 2;
    }
}
