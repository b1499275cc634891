using System.Text.RegularExpressions;
using PublishPipeline.Model;

namespace PublishPipeline.Redaction.Disclosure;

/// <summary>
/// A closed session declared in the proceedings: an assembly's 秘密会 (地方自治法第115条) or a
/// council going into closed deliberation (これより非公開とします). What is said there is not public.
/// Published minutes record the declaration and the return to the open meeting and leave out what
/// lies between; a speech recorded between them means the file still holds the closed part. Where
/// that part ends is not ours to guess, so the document is held at the first such speech, and a
/// reviewer marks the passage (【非公開】…【非公開ここまで】) or confirms that it is public.
/// A passage already marked is a notice by the time this runs, which closes the session.
/// </summary>
internal static partial class ClosedSessions
{
    /// <summary>The turn that declared each closed session still holding speech, and the first such speech (audit locations).</summary>
    public static List<(string DeclaredAt, string SpokenAt)> Find(Minutes working)
    {
        var found = new List<(string, string)>();
        string? openedAt = null;
        for (var s = 0; s < working.Sections.Count; s++)
        {
            var turns = working.Sections[s].Turns;
            for (var t = 0; t < turns.Count; t++)
            {
                var turn = turns[t];
                if (turn.Kind is TurnKind.Notice or TurnKind.NonDisclosureStart or TurnKind.NonDisclosureEnd)
                {
                    openedAt = null; // the closed part is marked, and redaction has taken it out
                    continue;
                }

                var text = turn.Text;
                // Each expression needs its words (most turns have none): the cheap search spares the slow one.
                var start = MayStart(text) ? Start().Match(text) : Match.Empty;
                var end = MayEnd(text) ? End().Match(text) : Match.Empty;
                if (start.Success && (!end.Success || end.Index < start.Index))
                {
                    openedAt ??= $"sections[{s}].turns[{t}].text";
                    continue;
                }

                if (end.Success)
                {
                    openedAt = null;
                    continue;
                }

                // Stage directions (〔傍聴人退場〕, the time the session began) are no one's words.
                if (openedAt is not null && turn.Kind == TurnKind.Speech)
                {
                    found.Add((openedAt, $"sections[{s}].turns[{t}].text"));
                    openedAt = null;
                }
            }
        }

        return found;
    }

    /// <summary>Whether <see cref="Start"/> may match: every declaration has 秘 (秘密会, 秘　密　会) or 非公開.</summary>
    private static bool MayStart(string text) => text.Contains('秘', StringComparison.Ordinal) || text.Contains("非公開", StringComparison.Ordinal);

    /// <summary>Whether <see cref="End"/> may match: every return has 秘密会, 公開 (非公開 too) or 傍聴.</summary>
    private static bool MayEnd(string text) =>
        text.Contains("公開", StringComparison.Ordinal) || text.Contains("秘密会", StringComparison.Ordinal) || text.Contains("傍聴", StringComparison.Ordinal);

    /// <summary>
    /// これより秘密会とします, ただいまから秘密会を開きます, 以降は非公開で行います, 〔秘密会に入る〕,
    /// （秘密会）, 午前10時5分　秘密会. A proposal (本件は秘密会で審議したいと思います) declares nothing.
    /// </summary>
    [GeneratedRegex(
        @"(?:これより|ここから|ただいまから|只今から|これから|以降|以下|この後)[はを、]?[^。]{0,12}?(?:秘密会|非公開)(?:の会議|の審議|の扱い)?[\s　]*(?:と(?:いた)?し|に(?:いた)?し|に(?:入|移|切り替え)|を開|で(?:行|進|審|開|お願|続))"
        + @"|秘密会[\s　]*(?:に入|を開|開始|開会)"
        + @"|^[\s　]*[（(〔［\[]?[\s　]*(?:(?:午前|午後)?[\s　]*[0-9０-９]{1,2}[\s　]*時(?:[\s　]*[0-9０-９]{1,2}[\s　]*分)?)?[\s　]*(?:以下[、,]?[\s　]*)?秘[\s　]*密[\s　]*会[\s　]*[）)〕］\]]?[\s　]*$",
        RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex Start();

    /// <summary>秘密会を解きます, 秘密会を閉じる, 秘密会終了, 公開の会議に戻ります, 非公開の審議を終わります, 公開を再開, 傍聴人入場.</summary>
    [GeneratedRegex(
        @"秘密会[\s　]*(?:を[\s　]*(?:解|閉|終)|終了|は[^。]{0,6}終わ)"
        + @"|非公開(?:の審議|の会議|部分|の部分)?を[\s　]*(?:終|解|閉)"
        + @"|公開(?:の会議|の審議)?[にへ][\s　]*戻|公開(?:の会議|の審議)?を[\s　]*再開|公開で[\s　]*再開"
        + @"|傍聴(?:人|者)(?:の)?[\s　]*(?:入場|再入場)",
        RegexOptions.CultureInvariant)]
    private static partial Regex End();
}
