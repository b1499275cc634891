namespace PublishPipeline.Redaction.Names;

/// <summary>
/// What an organisation's name holds (株式会社ミライ, 一般社団法人○○協会, ○○大学, 北浜市民センター): a body, not a
/// person, whatever the lexicon splits. One list for the normaliser (講師：株式会社ミライ is no role-and-name line)
/// and the name rules (a name after an organisation and a space, an affiliation in brackets, 北浜大学教授).
/// </summary>
internal static class OrganisationMarks
{
    // 会社 holds 株式会社, 有限会社, 合同会社, 合資会社, 合名会社 (and 会社員, whose text is no name either).
    private static readonly string[] Marks =
    [
        "会社", "㈱", "㈲", "(株)", "（株）", "(有)", "（有）", "法人", "協会", "大学", "組合", "財団", "社団", "研究所", "事務所",
        "協議会", "連合会", "センター",
    ];

    /// <summary>株式会社ミライ, ㈱ミライ: the text holds an organisation's mark anywhere.</summary>
    public static bool Holds(ReadOnlySpan<char> text)
    {
        foreach (var mark in Marks)
        {
            if (text.Contains(mark, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>北浜大学, 北浜町内会連合会: the text ends in an organisation's mark after something more (大学 alone is also a given name).</summary>
    public static bool EndsText(ReadOnlySpan<char> text)
    {
        foreach (var mark in Marks)
        {
            if (text.Length > mark.Length && text.EndsWith(mark, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
