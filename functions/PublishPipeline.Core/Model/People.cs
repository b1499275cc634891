namespace PublishPipeline.Model;

/// <summary>
/// A person as the minutes' own structure names them: a roll entry, a speaker label, a stage
/// direction. Reading fills these; redaction builds the document's register of people from them,
/// so a name that structure gives is masked wherever it occurs. Any part may be missing: a label
/// may give only a role (議長), only a surname (山田議員) or both.
/// </summary>
public sealed record PersonMention
{
    /// <summary>The entry or label as written after clean-up, e.g. <c>19番　山　田　太　郎</c>, <c>議長（鈴木喜明君）</c>, <c>山田学務課長</c>.</summary>
    public required string Written { get; init; }

    /// <summary>The name with spacing removed (山田太郎), or only the surname when that is all the source gives (山田議員 → 山田).</summary>
    public string? Name { get; init; }

    /// <summary>The surname, when the source separates it (<c>山田　太郎</c>, a fixed-width roll) or gives only it.</summary>
    public string? FamilyName { get; init; }

    /// <summary>The given name, when the source separates it.</summary>
    public string? GivenName { get; init; }

    /// <summary>The role or office without honorifics: 議長, 市長, 学務課長, 委員, 参考人, 議員.</summary>
    public string? Role { get; init; }

    /// <summary>The seat number (議席番号) in ASCII digits, e.g. "19".</summary>
    public string? Number { get; init; }
}

/// <summary>
/// A roll as the minutes print it (出席議員, 欠席議員, 出席委員, 説明のため出席した者, 事務局 …): the
/// document's list of people, in order. <see cref="Entries"/> is empty for a roll written （なし）.
/// </summary>
public sealed record Roll(string Group, IReadOnlyList<PersonMention> Entries);
