namespace PublishPipeline.Normalization.Header;

/// <summary>
/// A header label alone in its paragraph with the value in the next one: a saved page's definition list
/// (<c>&lt;dt&gt;開催日時&lt;/dt&gt;&lt;dd&gt;令和６年６月１日…&lt;/dd&gt;</c>) and pages whose label and value cells became
/// paragraphs. Before, the value paragraph started the proceedings: the date was lost and a 事務局 list
/// (環境課長　平野健太、…) was read as a speech by its first office, the names published.
/// </summary>
internal static class ValueBelowLabel
{
    private static readonly System.Buffers.SearchValues<char> DateOrTimeChars = System.Buffers.SearchValues.Create("年月日時分0123456789０１２３４５６７８９");

    /// <summary>Fields whose value is one paragraph (an agenda or materials list below its label is read as before).</summary>
    public static bool Takes(HeaderField field) =>
        field is HeaderField.Title or HeaderField.Secretariat or HeaderField.DateTime or HeaderField.Time or HeaderField.Venue
            or HeaderField.Disclosure or HeaderField.Attendees or HeaderField.Absentees or HeaderField.Audience;

    /// <summary>
    /// The field a paragraph that is only a label (事務局, 会議の公開, 出席者（事務局）) stands for, when its value
    /// is one paragraph; null for any other paragraph.
    /// </summary>
    public static HeaderField? LabelAlone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 16)
        {
            return null;
        }

        var field = HeaderLabels.Classify(text);
        return Takes(field) ? field : null;
    }

    /// <summary>
    /// The field the value below <paramref name="label"/> fills, and its group: a 事務局 that lists people
    /// (an office and a name apart) is the secretariat's attendees, so its names enter the register. Null
    /// when the paragraph is a sentence (事務局 / 説明します。: a label and its speech).
    /// </summary>
    public static (HeaderField Field, string? Group)? Of(HeaderField label, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('。', StringComparison.Ordinal))
        {
            return null;
        }

        // A date or a time holds a number or its unit; 日時 over 議長： is a label whose value is missing, over a speaker.
        if (label is HeaderField.DateTime or HeaderField.Time && value.AsSpan().IndexOfAny(DateOrTimeChars) < 0)
        {
            return null;
        }

        if (label == HeaderField.Secretariat && HeaderLists.SplitMembers(value) is var members
            && (members.Exists(Rolls.RollEntryShapes.LooksLikeEntries) || members.Exists(Rolls.RollEntryShapes.IsSurnameBeforeOffice)))
        {
            return (HeaderField.Attendees, "事務局");
        }

        return (label, null);
    }
}
