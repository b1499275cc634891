namespace PublishPipeline.Redaction.Names;

/// <summary>
/// The name spans of a document's fields, one list per field (<see cref="MinutesTextFields"/>
/// order), made only for a field that has one: most fields have none, and a long document has
/// hundreds of thousands. Recognisers add to a reused list, which <see cref="Keep"/> moves over.
/// </summary>
internal static class FieldSpans
{
    private static readonly List<NameSpan> None = [];

    /// <summary>The spans of field <paramref name="f"/> to read (an empty list when it has none); never add to it.</summary>
    public static List<NameSpan> Of(List<NameSpan>?[] spans, int f) => spans[f] ?? None;

    /// <summary>Adds what a recogniser <paramref name="found"/> in field <paramref name="f"/> to its spans, in order, and empties <paramref name="found"/> for the next field.</summary>
    public static void Keep(List<NameSpan>?[] spans, int f, List<NameSpan> found)
    {
        if (found.Count == 0)
        {
            return;
        }

        // Room for four, as a list that grows from empty has: later passes add to it.
        var list = spans[f] ??= new List<NameSpan>(Math.Max(4, found.Count));
        list.AddRange(found);

        found.Clear();
    }
}
