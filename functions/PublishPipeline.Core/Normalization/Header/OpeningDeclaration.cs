using System.Text.RegularExpressions;

namespace PublishPipeline.Normalization.Header;

/// <summary>When a sitting was opened or closed, and who declared it: one line of 開閉会日時及び宣告.</summary>
internal readonly record struct Declaration(bool Opens, string When, string Declarer);

/// <summary>
/// 開閉会日時及び宣告 of the 町村議会's standard minutes form: <c>開会　令和５年３月１日　午前１０時００分　議長　山　田　太　郎</c>
/// and on the line below <c>散会　令和５年３月１日　午後　３時１０分　議長　山　田　太　郎</c>. The opening dates the
/// minutes, the closing is their end time, and the declarer (an office and a name) is a person of the register.
/// Before, the label was no header field: the header ended there, and the rest of the header was published as text.
/// </summary>
internal static partial class OpeningDeclaration
{
    /// <summary>The line's declaration; <paramref name="labelled"/> when the label stood on the line above or starts this one.</summary>
    public static Declaration? Read(string line, bool labelled)
    {
        ArgumentNullException.ThrowIfNull(line);
        var m = Line().Match(line.Trim(' ', '\u3000', '\t'));
        if (!m.Success || (!labelled && !m.Groups["label"].Success))
        {
            return null;
        }

        var kind = m.Groups["kind"].Value;
        return new Declaration(kind is "開会" or "開議" or "再開", m.Groups["when"].Value, m.Groups["who"].Value.Trim(' ', '\u3000'));
    }

    /// <summary>The label alone on its line (the table's left cell), the declarations below it.</summary>
    public static bool IsLabel(string line) => Label().IsMatch(Cleanup.TextCleanup.RemoveSpaces(line ?? ""));

    [GeneratedRegex(@"^開閉会(?:日時)?(?:及び|並びに)?(?:宣告)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"^(?<label>開[ \u3000]*閉[ \u3000]*会[ \u3000]*(?:日[ \u3000]*時)?(?:[ \u3000]*及[ \u3000]*び|[ \u3000]*並[ \u3000]*び[ \u3000]*に)?(?:[ \u3000]*宣[ \u3000]*告)?[ \u3000]*)?(?<kind>開会|開議|再開|閉会|散会|延会|閉議)[ \u3000]*(?<when>(?:(?:令和|平成|昭和)(?:元|\d{1,2})年)?\d{1,2}月\d{1,2}日(?:[ \u3000]*[（(][月火水木金土日]曜?日?[）)])?[ \u3000]*(?:午前|午後)[ \u3000]*\d{1,2}時(?:[ \u3000]*\d{1,2}分)?)(?:[ \u3000]*宣告)?(?:[ \u3000]+(?<who>\S.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Line();
}
