using PublishPipeline.Redaction.Names;
using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.People;

/// <summary>
/// Speaker labels and roll entries as written: the names the label rules found in them, and the
/// surname + office + post shape (<c>山田学務課長</c>, <c>盛谷政策企画部長</c>) that no role word
/// separates.
/// </summary>
internal static class LabelReader
{
    public static void Read(TextField field, List<NameSpan> spans, PeopleRegister register, OfflineNameRecognizer words)
    {
        var kind = FieldKinds.SourceOf(field);
        var core = NameShape.Core(field.Text);
        foreach (var span in spans)
        {
            var name = field.Text.Substring(span.Start, span.Length);
            var compact = CompactText.Folded(name);
            register.Add(name, new PersonSource(kind, field.Location, field.Text), 0.95, RoleOf(core, compact), surnameOnly: NameShape.IsSurnameOnly(name, words.Lexicon));
        }

        if (spans.Count == 0 && SurnameBeforeOffice(core, words) is { } surname)
        {
            register.Add(surname, new PersonSource(kind, field.Location, field.Text), 0.9, core[surname.Length..], surnameOnly: true);
        }
    }

    /// <summary>山田学務課長 → 山田: the shortest head that is no ordinary word, followed by an office of ordinary words and its post.</summary>
    public static string? SurnameBeforeOffice(string core, OfflineNameRecognizer words)
    {
        for (var k = 1; k <= 4 && k < core.Length - 1; k++)
        {
            if (!IsKanji(core[k - 1]))
            {
                return null;
            }

            if (char.IsLowSurrogate(core[k]))
            {
                continue;
            }

            if (Titles.OfficeTitleLengthAt(core, k, words) == core.Length - k)
            {
                var head = core.AsSpan(0, k);
                var known = words.Lexicon.IsSurname(head);
                if (RoleWords.IsRole(head) || words.Lexicon.IsCommonWord(head) || (!known && (words.IsCompound(head, places: false) || CodePoints(head) < 2)))
                {
                    return null;
                }

                return head.ToString();
            }
        }

        return null;
    }

    private static string? RoleOf(string core, string name)
    {
        var at = core.IndexOf(name, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var role = (core[..at] + core[(at + name.Length)..]).Trim('（', '）', '(', ')', '君', '番');
        return role.Length is > 0 and <= 16 ? role : null;
    }
}
