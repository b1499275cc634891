using System.Globalization;

namespace PublishPipeline.Review;

/// <summary>
/// One thing a reviewer must check before a held document may be published, and where: the field
/// of the normalised document and, when the reader knew it, the 1-based line of the original file.
/// Private: it goes to the hold report, never to the site.
/// </summary>
/// <param name="Code">What kind of check (see <see cref="HoldCodes"/>).</param>
/// <param name="Message">What to check, in the words of the rule that held the document.</param>
public sealed record HoldCheck(string Code, string Message)
{
    /// <summary>The field in the normalised document, e.g. <c>sections[3].turns[1].text</c>; null for the document as a whole.</summary>
    public string? Location { get; init; }

    /// <summary>1-based line in the decoded upload, when known.</summary>
    public int? Line { get; init; }

    /// <summary>The text found there (shortened), so the reviewer can find it without a line number.</summary>
    public string? Excerpt { get; init; }

    /// <summary>Whether a reviewer's approval may publish despite this check (never for 非公開 minutes).</summary>
    public bool Approvable => HoldCodes.IsApprovable(Code);

    /// <summary>"line 12", "sections[3].turns[1].text", or "the whole document".</summary>
    public string Where() =>
        Line is { } line
            ? "line " + line.ToString(CultureInfo.InvariantCulture) + (Location is null ? string.Empty : $" ({Location})")
            : Location ?? "the whole document";
}

/// <summary>The kinds of <see cref="HoldCheck"/>.</summary>
public static class HoldCodes
{
    /// <summary>会議録 is 非公開: never published, whatever a reviewer says.</summary>
    public const string Closed = "closed";

    /// <summary>No readable 公開の可否 and the site does not publish such minutes.</summary>
    public const string DisclosureUnknown = "disclosure-unknown";

    /// <summary>A 公開の可否 table that says something that could not be read.</summary>
    public const string DisclosureUnclear = "disclosure-unclear";

    /// <summary>A closing 非公開 marker with no opening one.</summary>
    public const string StrayClosingMarker = "stray-closing-marker";

    /// <summary>Marker-like text where no passage rule applies.</summary>
    public const string MarkerLike = "marker-like";

    /// <summary>A 非公開 marker the reader could not place (in 開催日時, a caption, a dropped line): the file must be corrected.</summary>
    public const string MarkerUnplaced = Redaction.Disclosure.MarkerLedger.Code;

    /// <summary>Speech recorded inside a declared closed session (秘密会, これより非公開): a reviewer marks the passage or confirms it is public.</summary>
    public const string ClosedSession = "closed-session";

    /// <summary>一部非公開 minutes with nothing marked and no public-version confirmation.</summary>
    public const string PartialUnmarked = "partial-unmarked";

    /// <summary>Name recognition failed: names are not redacted, so nothing may be published.</summary>
    public const string NamesNotRedacted = "names-not-redacted";

    /// <summary>A roll entry, speaker label or stage direction names someone whose name could not be read, so it cannot be masked: the file must be corrected.</summary>
    public const string NameUnread = Normalization.Rolls.UnreadEntry.WarningCode;

    /// <summary>A katakana value after a name label that may be a name or a loanword (担当：システム): masked; a reviewer may approve.</summary>
    public const string NameUnsure = "name-unsure";

    /// <summary>
    /// A speaker label with no speech after it (a line that reads as a label, then another label or the end): the model keeps
    /// no turn for it, so a reviewer checks that the line lost was no more than a label. Approvable.
    /// </summary>
    public const string LabelWithoutSpeech = Normalization.Proceedings.ProceedingsBuilder.LabelWithoutSpeechCode;

    /// <summary>A reviewer rejected this content.</summary>
    public const string Rejected = "rejected";

    /// <summary>Any other reason (kept so an unknown reason is never approvable by default).</summary>
    public const string Other = "other";

    public static bool IsApprovable(string code) =>
        code is DisclosureUnknown or DisclosureUnclear or StrayClosingMarker or MarkerLike or ClosedSession or PartialUnmarked or NameUnsure or LabelWithoutSpeech;
}
