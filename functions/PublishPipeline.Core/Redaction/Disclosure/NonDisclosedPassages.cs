using System.Text;
using System.Text.RegularExpressions;
using PublishPipeline.Model;

namespace PublishPipeline.Redaction.Disclosure;

/// <summary>
/// Removes staff-marked non-disclosed (非公開) passages and puts a visible notice in their place.
/// Markers: marker turns from the normaliser (【非公開】 … 【非公開ここまで】/【/非公開】,
/// &lt;!-- 非公開 --&gt; … &lt;!-- /非公開 --&gt;), the same markers left inline in any text, and a section
/// heading ending in （非公開）. Fail-safe: an opening marker never closed hides everything after it
/// (with a warning); a closing marker with no opening one holds the document.
/// </summary>
internal sealed partial class NonDisclosedPassages
{
    private readonly string notice;
    private readonly List<RedactionEntry> entries;

    public NonDisclosedPassages(string notice, List<RedactionEntry> entries)
    {
        this.notice = notice;
        this.entries = entries;
    }

    /// <summary>Why the document must be held (a closing marker with no opening one …).</summary>
    public List<string> HoldReasons { get; } = [];

    /// <summary>Things staff should know that do not stop publication.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>How many passages were marked (markers or （非公開） headings).</summary>
    public int MarkedPassages { get; private set; }

    /// <summary>「（この部分は非公開です。理由：…）」 with the minutes' reason, else the meeting's.</summary>
    public static string NoticeFor(Model.Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(disclosure);
        var reason = !string.IsNullOrWhiteSpace(disclosure.Reason) ? disclosure.Reason : disclosure.MeetingReason;
        return string.IsNullOrWhiteSpace(reason)
            ? "（この部分は非公開です。）"
            : $"（この部分は非公開です。理由：{reason.Trim()}）";
    }

    public static bool IsNonDisclosedHeading(string? heading)
    {
        if (heading is null)
        {
            return false;
        }

        return ResidualMarkers.TrailingNonDisclosed().IsMatch(heading);
    }

    public static bool ContainsMarker(string? text) => text is not null && MarkerPattern().IsMatch(text);

    public Minutes Apply(Minutes minutes)
    {
        var sections = ApplySections(minutes.Sections);
        return minutes with
        {
            Sections = sections,
            Agenda = ApplyList(minutes.Agenda, "agenda"),
            Results = ApplyList(minutes.Results, "results"),
            Materials = ApplyList(minutes.Materials, "materials"),
        };
    }

    private List<Section> ApplySections(IReadOnlyList<Section> input)
    {
        var output = new List<Section>(input.Count);
        var depth = 0;
        string? openedAt = null;
        for (var s = 0; s < input.Count; s++)
        {
            var section = input[s];
            var location = $"sections[{s}]";
            var heading = section.Heading;
            if (heading is not null)
            {
                var wasHidden = depth > 0;
                heading = Inline(heading, $"{location}.heading", ref depth, ref openedAt, insertNotice: false);
                if (wasHidden && heading.Length == 0)
                {
                    heading = null;
                }
            }

            var turns = new List<SpeakerTurn>(section.Turns.Count);
            var wholeSection = depth == 0 && IsNonDisclosedHeading(section.Heading);
            if (wholeSection)
            {
                MarkedPassages++;
                turns.Add(NoticeTurn());
            }

            for (var t = 0; t < section.Turns.Count; t++)
            {
                var turn = section.Turns[t];
                if (!wholeSection && depth == 0 && turn.Kind is not (TurnKind.NonDisclosureStart or TurnKind.NonDisclosureEnd) && !MarkerPattern().IsMatch(turn.Text))
                {
                    // Nothing hidden and no marker (most turns): kept as it is, without making its location.
                    turns.Add(turn);
                    continue;
                }

                var turnLocation = $"{location}.turns[{t}]";
                switch (turn.Kind)
                {
                    case TurnKind.NonDisclosureStart:
                        if (depth == 0)
                        {
                            openedAt = turnLocation;
                            if (!wholeSection)
                            {
                                MarkedPassages++;
                                turns.Add(NoticeTurn());
                            }
                        }

                        depth++;
                        Log(turnLocation, turn.Text, "", "disclosure:marker");
                        continue;
                    case TurnKind.NonDisclosureEnd:
                        if (depth == 0)
                        {
                            HoldReasons.Add($"{turnLocation}: 非公開の終了マーカー「{turn.Text}」に対応する開始マーカーがありません (a closing non-disclosure marker with no opening one).");
                        }
                        else
                        {
                            depth--;
                        }

                        Log(turnLocation, turn.Text, "", "disclosure:marker");
                        continue;
                    default:
                        break;
                }

                if (wholeSection)
                {
                    // Markers inside a （非公開） section still count, so a stray closing marker is seen.
                    var ignored = openedAt;
                    _ = Inline(turn.Text, $"{turnLocation}.text", ref depth, ref ignored, insertNotice: false);
                    Log(turnLocation, Describe(turn), notice, "disclosure:heading");
                    continue;
                }

                var hiddenAtStart = depth > 0;
                var text = Inline(turn.Text, $"{turnLocation}.text", ref depth, ref openedAt, insertNotice: true);
                if (hiddenAtStart)
                {
                    Log(turnLocation, Describe(turn), "", "disclosure:marker");
                    if (text.Length > 0)
                    {
                        // The passage closed inside this turn: keep what follows, without the speaker it may not belong to.
                        turns.Add(new SpeakerTurn { Speaker = null, Text = text, Kind = TurnKind.Procedure });
                    }

                    continue;
                }

                turns.Add(ReferenceEquals(text, turn.Text) ? turn : turn with { Text = text });
            }

            if (heading is null && turns.Count == 0)
            {
                continue; // wholly inside a hidden passage
            }

            output.Add(new Section(heading, turns));
        }

        if (depth > 0)
        {
            Warnings.Add($"{openedAt}: 非公開の開始マーカーが閉じられていないため、それ以降をすべて非公開として扱いました (an opening non-disclosure marker was never closed; everything after it is hidden).");
        }

        return output;
    }

    private static readonly Dictionary<string, string> ListLabels = new(StringComparer.Ordinal)
    {
        ["agenda"] = "議題",
        ["results"] = "会議の結果",
        ["materials"] = "提出された資料",
    };

    private List<string> ApplyList(IReadOnlyList<string> items, string name)
    {
        var output = new List<string>(items.Count);
        var depth = 0;
        string? openedAt = null;
        for (var i = 0; i < items.Count; i++)
        {
            var hiddenAtStart = depth > 0;
            var text = Inline(items[i], $"{name}[{i}]", ref depth, ref openedAt, insertNotice: true);
            if (hiddenAtStart && text.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                output.Add(text);
            }
        }

        if (depth > 0)
        {
            // In the proceedings "everything after it" is well defined; a header list has no place in
            // the reading order once it is a field (議題 may stand before or after 出席者, 会議の結果 before
            // or after the proceedings), so what the marker meant to cover cannot be placed: hold.
            HoldReasons.Add($"{openedAt}: {ListLabels[name]}の中の非公開の開始マーカーが閉じられていません。どこまでを非公開とするか決められないため、公開を保留します "
                + $"(an opening non-disclosure marker in {name} is never closed; what it covers cannot be placed, so the document is held). "
                + "【非公開ここまで】で閉じてください。");
        }

        return output;
    }

    /// <summary>Removes inline-marked parts of one string, carrying the open/closed state across strings.</summary>
    private string Inline(string text, string location, ref int depth, ref string? openedAt, bool insertNotice)
    {
        var matches = MarkerPattern().Matches(text);
        if (matches.Count == 0)
        {
            if (depth > 0)
            {
                if (text.Length > 0)
                {
                    Log(location, text, "", "disclosure:marker");
                }

                return "";
            }

            return text;
        }

        var sb = new StringBuilder(text.Length);
        var position = 0;
        foreach (Match m in matches)
        {
            var segment = text[position..m.Index];
            if (depth == 0)
            {
                sb.Append(segment);
            }
            else if (segment.Length > 0)
            {
                Log($"{location}@{position}", segment, "", "disclosure:marker");
            }

            var closing = m.Groups["close"].Success;
            if (!closing)
            {
                if (depth == 0)
                {
                    openedAt = location;
                    MarkedPassages++;
                    if (insertNotice)
                    {
                        sb.Append(notice);
                    }
                }

                depth++;
            }
            else if (depth == 0)
            {
                HoldReasons.Add($"{location}: 非公開の終了マーカー「{m.Value}」に対応する開始マーカーがありません (a closing non-disclosure marker with no opening one).");
            }
            else
            {
                depth--;
            }

            Log($"{location}@{m.Index}", m.Value, "", "disclosure:marker");
            position = m.Index + m.Length;
        }

        var tail = text[position..];
        if (depth == 0)
        {
            sb.Append(tail);
        }
        else if (tail.Length > 0)
        {
            Log($"{location}@{position}", tail, "", "disclosure:marker");
        }

        return sb.ToString().Trim();
    }

    private SpeakerTurn NoticeTurn() => new() { Speaker = null, Text = notice, Kind = TurnKind.Notice };

    private static string Describe(SpeakerTurn turn) => turn.Speaker is null ? turn.Text : $"{turn.Speaker}: {turn.Text}";

    private void Log(string location, string original, string replacement, string rule) =>
        entries.Add(new RedactionEntry(location, original, replacement, rule, 1.0));

    /// <summary>【非公開】 【非公開ここまで】 【/非公開】 &lt;!-- 非公開 --&gt; &lt;!-- /非公開 --&gt; (full- or half-width slash, any spacing).</summary>
    [GeneratedRegex(@"【\s*(?:(?<close>[/／]\s*非公開|非公開\s*ここまで)|非公開)\s*】|<!--\s*(?:(?<close>[/／]\s*非公開)|非公開)\s*-->", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();
}
