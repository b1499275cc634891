using System.Text.RegularExpressions;
using PublishPipeline.Model;
using PublishPipeline.Normalization.Dates;

namespace PublishPipeline.Normalization.Header;

/// <summary>
/// The times a sitting opened and closed as the proceedings record them, for minutes whose header
/// gives only the date: <c>〔午前１０時　０分　開議〕</c>, <c>（午前１０時００分　開会）</c>, <c>午前10時29分開議</c> open it;
/// the last <c>（午前１０時２４分　散会）</c>, <c>閉会</c>, <c>延会</c> closes it.
/// </summary>
internal static partial class SittingTimes
{
    public static (string? Start, string? End) Read(IReadOnlyList<Section> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        string? start = null, end = null;
        foreach (var turn in sections.SelectMany(s => s.Turns))
        {
            if (turn.Kind != TurnKind.Procedure || turn.Text.Length > 40)
            {
                continue;
            }

            var m = Sitting().Match(Cleanup.TextCleanup.RemoveSpaces(KanjiNumerals.ToDigits(turn.Text)));
            if (!m.Success)
            {
                continue;
            }

            var time = JapaneseDates.FindTimeRange(m.Groups["time"].Value).Start;
            if (m.Groups["open"].Success)
            {
                start ??= time;
            }
            else
            {
                end = time;
            }
        }

        return (start, end);
    }

    [GeneratedRegex(@"^[〔（(\[［]?(?<time>(?:午前|午後)?\d{1,2}時(?:\d{1,2}分)?)(?:(?<open>開議|開会)|散会|閉会|延会|閉議)[〕）)\]］]?$", RegexOptions.CultureInvariant)]
    private static partial Regex Sitting();
}
