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

        if (SurnameBeforeOffice(core, words) is { } surname)
        {
            register.Add(surname, new PersonSource(kind, field.Location, field.Text), 0.9, core[surname.Length..], surnameOnly: true);
        }
    }

    /// <summary>
    /// 山田学務課長 → 山田: a head followed by an office made of ordinary words and its post. The
    /// longest head the dictionary knows as a surname, else the shortest head of two or three
    /// characters that is no ordinary word (盛谷政策企画部長 → 盛谷, not 盛谷政策). A head before a
    /// local facility (池袋保健所長, 石神井図書館長) is the facility's place, not a person.
    /// </summary>
    public static string? SurnameBeforeOffice(string core, OfflineNameRecognizer words)
    {
        string? unknown = null;
        string? known = null;
        if (words.IsCompound(core, places: false))
        {
            return null; // 市民病院事務局長: an office, nobody's name
        }

        for (var k = 1; k <= 4 && k < core.Length - 1; k++)
        {
            if (!IsKanji(core[k - 1]))
            {
                break;
            }

            if (char.IsLowSurrogate(core[k]) || Titles.OfficeTitleLengthAt(core, k, words) != core.Length - k)
            {
                continue;
            }

            var head = core.AsSpan(0, k);
            // 池袋保健所長: a facility named after its place; 茨城県警察本部長: a prefecture's office
            // (but 高橋市民病院事務局長, 矢口県民生活環境部長: 市民, 県民 start the office).
            if (Facilities.Any(f => core.AsSpan(k).StartsWith(f, StringComparison.Ordinal))
                || ("都道府県市区町村".Contains(core[k], StringComparison.Ordinal) && !(k + 1 < core.Length && core[k + 1] is '民' or '立' or '営')
                    && (words.Lexicon.IsPlace(head) || !words.Lexicon.IsSurname(head))))
            {
                continue;
            }

            // A known surname of two or more characters is trusted; a shorter or unknown head must not cut a word (青|少年, 市民病|院).
            var trusted = words.Lexicon.IsSurname(head) && CodePoints(head) >= 2;
            if (RoleWords.IsRole(head) || words.Lexicon.IsCommonWord(head) || words.IsCompound(head, places: false) || (!trusted && CutsAWord(core, k, words.Lexicon)))
            {
                continue;
            }

            if (words.Lexicon.IsSurname(head))
            {
                known = head.ToString();
            }
            else if (unknown is null && CodePoints(head) is 2 or 3 && !StartsWithWord(head, words.Lexicon))
            {
                unknown = head.ToString();
            }
        }

        return known ?? unknown;
    }

    /// <summary>Facilities named after the place they stand in.</summary>
    private static readonly string[] Facilities =
    [
        "保健所", "保健センター", "出張所", "支所", "事務所", "警察署", "消防署", "図書館", "公民館", "区民事務所", "センター", "病院",
        "小学校", "中学校", "高等学校", "学校", "保育園", "幼稚園", "児童館", "郵便局", "営業所", "工場", "駅", "分室", "支店", "支局",
    ];

    /// <summary>Whether an ordinary word runs across the boundary (青|少年, 市民病|院): then it is no surname's end.</summary>
    private static bool CutsAWord(string core, int boundary, NameLexicon lexicon)
    {
        for (var i = Math.Max(0, boundary - 3); i < boundary; i++)
        {
            for (var j = boundary + 1; j <= Math.Min(core.Length, i + 4); j++)
            {
                if (lexicon.IsCommonWord(core.AsSpan(i, j - i)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool StartsWithWord(ReadOnlySpan<char> head, NameLexicon lexicon)
    {
        for (var k = 2; k < head.Length; k++)
        {
            if (lexicon.IsCommonWord(head[..k]))
            {
                return true;
            }
        }

        return false;
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
