using System.Text.RegularExpressions;

namespace PublishPipeline.Normalization.Header;

/// <summary>A header field read after a marker; <see cref="Closes"/> when it is the sitting's end time (○閉　会　午前１０時３９分).</summary>
internal readonly record struct MarkedFieldLine(HeaderField Field, string Label, string Value, bool Closes);

/// <summary>
/// Header fields each headed by a marker, as ward boards (教育委員会, 区の委員会) write their minutes' header:
/// <c>○開会日　令和５年６月２８日（水）</c>, <c>○場　所　区教育委員会室</c>, <c>○開　会　午前１０時００分</c>,
/// <c>○閉　会　午前１０時３９分</c>, <c>○傍聴者数　３人</c>. The marker is the list's bullet, not a speaker's: before, the
/// first such line began the proceedings as a speech of 開会日, and the date, times and venue were lost. Only a label
/// with its value on the line is read (a roll's <c>○出席委員</c> and an agenda's <c>○議事日程</c> have readers of their own).
/// </summary>
internal static partial class MarkedField
{
    public static MarkedFieldLine? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Proceedings.Markers.MarkedSpeaker.StartsWithMarker(text) || text.Length > 80)
        {
            return null;
        }

        var rest = text[1..].TrimStart(' ', '\u3000');
        if (SittingTime().Match(rest) is { Success: true } m)
        {
            // 開会 / 閉会 with a time only: the marked header's start and end (unmarked, 開会　午前１０時 is a stage line).
            var closes = m.Groups["label"].Value[0] is '閉' or '散';
            return new MarkedFieldLine(HeaderField.Time, Cleanup.TextCleanup.RemoveSpaces(m.Groups["label"].Value), m.Groups["time"].Value, closes);
        }

        if (HeaderLabels.ReadParagraph(rest) is { Value.Length: > 0 } f && !f.Value.Contains('。', StringComparison.Ordinal)
            && f.Field is HeaderField.DateTime or HeaderField.Time or HeaderField.Venue or HeaderField.Audience or HeaderField.Convened or HeaderField.Disclosure)
        {
            return new MarkedFieldLine(f.Field, f.Label, f.Value, false);
        }

        return null;
    }

    /// <summary>
    /// A marked label alone on its line with its value on the line below (<c>〇日時</c> over <c>令和７年１月２４日（金）１０時００分開会…</c>,
    /// <c>〇場所</c> over <c>議会全員協議会室</c>, as a committee's minutes on a 会議録 system write them): the label's field; null otherwise.
    /// </summary>
    public static (HeaderField Field, string Label)? LabelAlone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Proceedings.Markers.MarkedSpeaker.StartsWithMarker(text))
        {
            return null;
        }

        var label = Cleanup.TextCleanup.RemoveSpaces(text[1..]);
        return ValueBelowLabel.LabelAlone(label) is { } field
            && field is HeaderField.DateTime or HeaderField.Time or HeaderField.Venue or HeaderField.Audience or HeaderField.Disclosure
            ? (field, label)
            : null;
    }

    [GeneratedRegex(@"^(?<label>開[ \u3000]*[会議]|閉[ \u3000]*[会議]|散[ \u3000]*会)[ \u3000：:]+(?<time>(?:午前|午後)?[ \u3000]*\d{1,2}[ \u3000]*時(?:[ \u3000]*\d{1,2}[ \u3000]*分|半)?)[ \u3000]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SittingTime();
}
