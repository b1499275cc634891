using System.Globalization;
using System.Runtime.CompilerServices;
namespace PublishPipeline.Redaction.People;

/// <summary>Where the register learnt of a person: structure first, prose after.</summary>
public enum PersonSourceKind
{
    /// <summary>An entry of a roll (出席議員, 説明のため出席した者 …), parsed by reading or written with spaces.</summary>
    Roll,
    /// <summary>A speaker label (○議長（山田太郎君）, 山田学務課長, 柴崎委員(会長)).</summary>
    SpeakerLabel,
    /// <summary>A stage direction (〔20番山田太郎議員登壇〕, 〔副市長　山田太郎君登壇〕).</summary>
    StageDirection,
    /// <summary>A header attendee list (出席者: 委員 …).</summary>
    Attendee,
    /// <summary>A name with a title or honorific in running text (山田議員, 山田市長, 山田太郎さん), confirmed by the dictionary.</summary>
    ProseTitle,
    /// <summary>A name after a label word or an organisation (報告者：山田, 株式会社ミライ　山田太郎), before 作成/邸, or a full dictionary pair.</summary>
    NameLabel,
    /// <summary>A known surname before the title of a municipality's head that is not the document's place (高島市長 in 福岡市's minutes).</summary>
    HeadOfPlace,
    /// <summary>A speaker introducing themselves (教育長の山田でございます, …党の山田太郎です).</summary>
    SelfIntroduction,
    /// <summary>The site's deny-list.</summary>
    DenyList,
}

/// <summary>One sighting of a person: what kind of place, where, and the text as written there.</summary>
public sealed record PersonSource(PersonSourceKind Kind, string Location, string Written)
{
    // A sighting in the document keeps its field's path and spells the location out only when read:
    // the audit reads the first eight of a person's sightings, and a location string for every one of
    // them (a speaker's every turn) was most of what reading the register's structure allocated.
    private readonly string? _location = Location;
    private readonly FieldPath _path;

    internal PersonSource(PersonSourceKind kind, FieldPath path, string written)
        : this(kind, null!, written) => _path = path;

    /// <summary>Where it was seen, e.g. <c>sections[2].turns[5].person</c>.</summary>
    public string Location
    {
        get => _location ?? _path.ToString();
        init => _location = value;
    }

    /// <summary>The audit's line for the sighting, <c>speaker-label sections[2].turns[5].person</c>, in one string.</summary>
    internal string Described(string kindName)
    {
        var text = new DefaultInterpolatedStringHandler(1, 2, CultureInfo.InvariantCulture, stackalloc char[96]);
        text.AppendLiteral(kindName);
        text.AppendLiteral(" ");
        if (_location is null)
        {
            _path.WriteTo(ref text);
        }
        else
        {
            text.AppendFormatted(_location);
        }

        return text.ToStringAndClear();
    }

    // Equal by what the sighting says, however its location is kept.
    public bool Equals(PersonSource? other) =>
        other is not null && Kind == other.Kind
        && string.Equals(Location, other.Location, StringComparison.Ordinal)
        && string.Equals(Written, other.Written, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Location, Written);
}

/// <summary>
/// One person of a document's register: the name as the minutes write it (spacing removed), the
/// surname and given name when known, every spelling seen, the roles held and where each sighting
/// came from. Redaction masks every occurrence of every spelling of a person it does not keep.
/// </summary>
public sealed class Person
{
    internal Person(string name) => Name = name;

    /// <summary>The fullest name seen, spacing removed (山田太郎), or the surname when only that was seen (山田).</summary>
    public string Name { get; internal set; }

    /// <summary>The surname, when structure separates it or the document addresses the person by it (山田議員).</summary>
    public string? FamilyName { get; internal set; }

    /// <summary>The given name, when the surname is known.</summary>
    public string? GivenName { get; internal set; }

    /// <summary>How the surname was found: structure, the document's own usage, the dictionary, or a guess.</summary>
    public string? FamilyNameFrom { get; internal set; }

    /// <summary>Every spelling seen as written (<c>山　田　太　郎</c>, <c>髙橋</c>, <c>山田太郎君</c>).</summary>
    public SortedSet<string> Spellings { get; } = new(StringComparer.Ordinal);

    /// <summary>Roles held (議長, 学務課長, 委員), as structure and titles give them.</summary>
    public SortedSet<string> Roles { get; } = new(StringComparer.Ordinal);

    public List<PersonSource> Sources { get; } = [];

    /// <summary>0–1: how sure the register is that this is a person (structure 0.95, a title in prose 0.85–0.9).</summary>
    public double Confidence { get; internal set; }

    /// <summary>Whether the person came from structure (roll, label, stage direction, attendees, deny-list), not prose alone.</summary>
    public bool FromStructure => Sources.Exists(s => s.Kind is not (PersonSourceKind.ProseTitle or PersonSourceKind.SelfIntroduction or PersonSourceKind.NameLabel or PersonSourceKind.HeadOfPlace));

    /// <summary>The surname is only a guess (no structure, usage or dictionary said it): masked alone only where a title confirms it.</summary>
    public bool FamilyNameIsGuess => FamilyNameFrom == "guess";

    /// <summary>Seen only as the head of another place (高島市長): its surname is masked only where a title follows.</summary>
    public bool TitledOnly => Sources.TrueForAll(s => s.Kind == PersonSourceKind.HeadOfPlace);

    public override string ToString() => FamilyName is null ? Name : $"{FamilyName}|{GivenName}";
}
