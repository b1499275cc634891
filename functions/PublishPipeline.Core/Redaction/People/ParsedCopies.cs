using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Redaction.People;

/// <summary>
/// The parsed parts of a person published in the JSON (<c>….name</c>, <c>….familyName</c>,
/// <c>….givenName</c>): when a part is, whole, the name, surname or given name of a registered
/// person, the whole part is that person's, even when it is also an ordinary word (太郎, 正) that the
/// matcher would leave in running text. The policy still decides: a kept person's parts are dropped
/// from the spans with the rest of the kept names.
/// </summary>
internal static class ParsedCopies
{
    /// <summary>Fields whose location ends in .name, .familyName or .givenName (source.name too, as the locations read).</summary>
    private static bool IsParsedPart(FieldPath path) =>
        path.Part is PersonPart.Name or PersonPart.FamilyName or PersonPart.GivenName || path.Area == FieldArea.SourceName;

    public static void Mark(IReadOnlyList<TextField> fields, List<NameSpan>?[] spans, PeopleRegister register)
    {
        HashSet<string>? names = null;
        Span<char> buffer = stackalloc char[64]; // a parsed name folded for the lookup
        for (var f = 0; f < fields.Count; f++)
        {
            var field = fields[f];
            if (!IsParsedPart(field.Path))
            {
                continue;
            }

            names ??= NamesOf(register);
            var text = field.Text;
            var start = 0;
            var end = text.Length;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end > start && names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(end - start <= buffer.Length
                ? CompactText.FoldInto(text.AsSpan(start, end - start), buffer)
                : CompactText.Folded(text.AsSpan(start, end - start))))
            {
                (spans[f] ??= []).Add(new NameSpan(start, end - start, "register:parsed-part", 0.95));
            }
        }
    }

    private static HashSet<string> NamesOf(PeopleRegister register)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in register.People)
        {
            names.Add(p.Name);
            if (p.FamilyName is { Length: > 0 } family)
            {
                names.Add(family);
            }

            if (p.GivenName is { Length: > 0 } given)
            {
                names.Add(given);
            }
        }

        return names;
    }
}
