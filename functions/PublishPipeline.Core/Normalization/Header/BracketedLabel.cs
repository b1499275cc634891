using System.Text.RegularExpressions;
using PublishPipeline.Normalization.Dates;

namespace PublishPipeline.Normalization.Header;

/// <summary>What the lines under a bracketed 開会 or 閉会 give: the sitting's date and start, or its end.</summary>
internal enum SittingBelow
{
    None,
    Opens,
    Closes,
}

/// <summary>
/// A header label in angle brackets alone on its line, its value on the lines below, as a prefecture's text edition of its
/// board minutes writes the header (<c>&lt;開会&gt;</c> / <c>令和７年３月７日</c> / <c>１０時３０分</c>, <c>&lt;閉会&gt;</c>,
/// <c>&lt;会議場所&gt;</c> / <c>教育委員室</c>, <c>&lt;委員出欠&gt;</c> over <c>名前（出席）</c> lines). Before, each label and its
/// value was read as procedure: the date, times and venue were null and the roll was published as text.
/// </summary>
internal static partial class BracketedLabel
{
    /// <summary>The label inside the brackets (spaces removed); null unless the line is one short bracketed word.</summary>
    public static string? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var m = Label().Match(line);
        return m.Success ? Cleanup.TextCleanup.RemoveSpaces(m.Groups["label"].Value) : null;
    }

    /// <summary>開会 / 開議 open the sitting, 閉会 / 散会 / 閉議 end it: their date and time lines are below.</summary>
    public static SittingBelow Sitting(string label) => label switch
    {
        "開会" or "開議" or "開会日時" => SittingBelow.Opens,
        "閉会" or "散会" or "閉議" or "閉会日時" => SittingBelow.Closes,
        _ => SittingBelow.None,
    };

    /// <summary>A line that is a time alone (１０時３０分, 午後１時), under a bracketed 開会 or 閉会.</summary>
    public static bool IsTimeAlone(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= 20 && TimeAlone().IsMatch(Cleanup.TextCleanup.RemoveSpaces(line));
    }

    // <開会>, ＜会議場所＞, 〈委員出欠〉: kanji and kana only (a stage direction such as ＜全員賛成＞ stands in the proceedings, not here).
    [GeneratedRegex(@"^[ \u3000]*[<＜〈](?<label>[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}々 \u3000]{2,12})[>＞〉][ \u3000]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"^" + JapaneseDates.TimeOfDay + @"$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeAlone();
}
