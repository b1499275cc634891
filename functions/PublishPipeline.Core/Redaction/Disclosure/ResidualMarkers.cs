using System.Text.RegularExpressions;
using PublishPipeline.Model;

namespace PublishPipeline.Redaction.Disclosure;

/// <summary>
/// The last check before publishing: after marked passages have been replaced, nothing that
/// looks like a non-disclosure marker may remain anywhere in the document. A marker in a place
/// the passage rules do not cover (the title, the venue, an attendee list, a reason) or one typed
/// in a spelling we do not recognise (〈非公開〉, ［非公開］, （ 非公開 ） inside a line, ここから非公開)
/// means someone meant to hide something we cannot place, so the document is held.
/// </summary>
internal static partial class ResidualMarkers
{
    /// <summary>Where (audit locations) something marker-like remains, in document order.</summary>
    /// <param name="fields">The document's fields when the caller has listed them already.</param>
    public static List<string> Find(Minutes minutes, string notice, List<TextField>? fields = null)
    {
        var found = new List<string>();
        foreach (var field in fields ?? MinutesTextFields.Collect(minutes))
        {
            var text = field.Text;
            if (text == notice || IsLedgerWarning(minutes, field.Path))
            {
                continue; // our own notice, or the ledger's warning quoting a marker (it holds by itself)
            }

            // A heading or agenda item ending in （非公開） is the documented way to close a whole
            // item: the title stays public, so only the rest of it is checked.
            if (field.Path.Area is FieldArea.SectionHeading or FieldArea.Agenda
                && TrailingNonDisclosed().Match(text) is { Success: true } trailing)
            {
                text = text[..trailing.Index];
            }

            if (MarkerLike().IsMatch(text))
            {
                found.Add(field.Location);
            }
        }

        return found;
    }

    private static bool IsLedgerWarning(Minutes minutes, FieldPath path) =>
        path.Area == FieldArea.WarningMessage && path.A < minutes.Warnings.Count && minutes.Warnings[path.A].Code == MarkerLedger.Code;

    /// <summary>（非公開） at the end of a heading, with any spacing and either width of parenthesis.</summary>
    [GeneratedRegex(@"[（(]\s*非\s*公\s*開\s*[）)]\s*$", RegexOptions.CultureInvariant)]
    internal static partial Regex TrailingNonDisclosed();

    /// <summary>
    /// 非公開 inside any bracket or comment (opening or closing, with ここまで/ここから and the like),
    /// ここから非公開 / ここまで非公開 / 以下非公開. Plain prose such as 「会議は非公開で行う」 does not match.
    /// </summary>
    [GeneratedRegex(
        @"[【〔［\[（(〈<＜《≪{｛]\s*(?:!\s*-\s*-\s*)?[/／]?\s*(?:以下\s*[、,]?\s*)?非\s*公\s*開\s*(?:ここまで|ここから|終わり|おわり|終了|開始|部分)?\s*(?:-\s*-\s*)?[】〕］\]）)〉>＞》≫}｝]"
        + @"|ここ(?:から|まで)\s*[はを]?\s*非\s*公\s*開|非\s*公\s*開\s*(?:ここから|ここまで)|以下\s*[、,]?\s*非\s*公\s*開",
        RegexOptions.CultureInvariant)]
    internal static partial Regex MarkerLike();
}
