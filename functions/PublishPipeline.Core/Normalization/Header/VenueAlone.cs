using System.Text.RegularExpressions;

namespace PublishPipeline.Normalization.Header;

/// <summary>
/// The venue alone on the line under an assembly's dated heading, unlabelled: <c>令和六年二月十五日(木曜日)</c> over
/// <c>議会運営委員会室</c> or <c>第十委員会室</c>, as a metropolitan assembly's 速記録 print it. Only a short room's name (it ends
/// in 室, 議場 or ホール, no sentence, no space) right under the date is taken. Before, the line ended the header: the
/// opening time, the roll and 本日の会議に付した事件 below it became the proceedings.
/// </summary>
internal static partial class VenueAlone
{
    public static bool Is(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim(' ', '\u3000');
        return trimmed.Length is >= 3 and <= 24 && Room().IsMatch(trimmed);
    }

    [GeneratedRegex(@"^[^\s、。，,：:「」()（）【】]{1,21}(?:室|議場|ホール)$", RegexOptions.CultureInvariant)]
    private static partial Regex Room();
}
