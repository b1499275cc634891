using System.Buffers;
using System.Collections.Frozen;

namespace PublishPipeline.Redaction.Names;

/// <summary>How a role word relates to the name before it.</summary>
internal enum RoleKind
{
    /// <summary>敬称 (さん, 様, 君, 氏): a given name alone may precede it.</summary>
    Honorific,
    /// <summary>A seat on a body (委員, 議員, 会長, 議長, 区長 …).</summary>
    Member,
    /// <summary>A post in an organisation (課長, 部長, 所長 …): often follows an office name, not a person.</summary>
    Office,
}

/// <summary>A role or honorific that follows a personal name (山田<b>委員</b>, 齊藤<b>副区長</b>).</summary>
internal sealed record RoleWord(string Text, RoleKind Kind, string NotFollowedBy = "")
{
    /// <summary>区長, 市長 …: after a place name (豊島区長) they name the office, not a person.</summary>
    public bool HeadsMunicipality => Text is "区長" or "市長" or "町長" or "村長" or "知事";
}

/// <summary>The role/honorific table: which words, and where they are not roles (氏名, 様式, 委員会).</summary>
internal static class RoleWords
{
    private static readonly RoleWord[] All =
    [
        new("さん", RoleKind.Honorific),
        new("様", RoleKind.Honorific, "式々子態相変なにで性"),
        new("君", RoleKind.Honorific, "臨主"),
        new("氏", RoleKind.Honorific, "名族"),
        new("殿", RoleKind.Honorific, "堂下様"),
        new("女史", RoleKind.Honorific),
        new("ちゃん", RoleKind.Honorific),
        new("くん", RoleKind.Honorific, "れしせでだかじなやよねすっ"),
        new("先生", RoleKind.Honorific, "方"),
        new("先生方", RoleKind.Honorific), // 岩淵先生方: 岩淵 and the others; read after kanji only (OfflineNameRecognizer.NameBefore)
        new("委員", RoleKind.Member, "会"),
        new("委員長", RoleKind.Member),
        new("副委員長", RoleKind.Member),
        new("委員長代理", RoleKind.Member),
        new("職務代理者", RoleKind.Member), // 会長職務代理者（漆原）：, who acts for a 審議会's chair
        new("会長職務代理者", RoleKind.Member),
        new("委員長職務代理者", RoleKind.Member),
        new("議員", RoleKind.Member, "会団協提派連控"),
        new("区議会議員", RoleKind.Member),
        new("市議会議員", RoleKind.Member),
        new("議長", RoleKind.Member),
        new("副議長", RoleKind.Member),
        new("会長", RoleKind.Member),
        new("副会長", RoleKind.Member),
        new("部会長", RoleKind.Member),
        new("座長", RoleKind.Member),
        new("副座長", RoleKind.Member),
        new("理事長", RoleKind.Member),
        new("理事", RoleKind.Member, "会者業"),
        new("監事", RoleKind.Member),
        new("幹事", RoleKind.Member, "会長"),
        new("顧問", RoleKind.Member),
        new("参考人", RoleKind.Member), // 山中参考人: heard by a committee, a private person (証人 is left out: 保証人)
        new("公述人", RoleKind.Member),
        new("参与", RoleKind.Member),
        new("名誉市民", RoleKind.Member, "条称顕制"), // 故山中健太郎名誉市民: an honour the assembly gives a person (名誉市民条例, 称号 are not)
        new("名誉町民", RoleKind.Member, "条称顕制"),
        new("名誉村民", RoleKind.Member, "条称顕制"),
        new("名誉区民", RoleKind.Member, "条称顕制"),
        new("本部長", RoleKind.Member),
        new("副本部長", RoleKind.Member),
        new("区長", RoleKind.Member, "室会"),
        new("副区長", RoleKind.Member),
        new("市長", RoleKind.Member, "室会"),
        new("副市長", RoleKind.Member),
        new("町長", RoleKind.Member),
        new("副町長", RoleKind.Member),
        new("村長", RoleKind.Member),
        new("副村長", RoleKind.Member),
        new("知事", RoleKind.Member),
        new("副知事", RoleKind.Member),
        new("教育長", RoleKind.Member),
        // Posts a school, library or clinic gives one person (教育委員会 and 福祉 minutes name staff by them): a seat,
        // so a name after の is still read (同校の真砂教諭); 会 after them is their association (保育士会). Not 学長:
        // a university's short name runs into it (北浜大学長) and would be read as a name.
        new("教諭", RoleKind.Member, "会"),
        new("養護教諭", RoleKind.Member, "会"),
        new("主幹教諭", RoleKind.Member, "会"),
        new("指導教諭", RoleKind.Member, "会"),
        new("教頭", RoleKind.Member, "会"),
        new("副校長", RoleKind.Member, "会"),
        new("保育士", RoleKind.Member, "会"),
        new("栄養士", RoleKind.Member, "会"),
        new("司書", RoleKind.Member, "会"),
        new("学芸員", RoleKind.Member, "会"),
        new("保健師", RoleKind.Member, "会"),
        new("看護師", RoleKind.Member, "会"),
        new("助教", RoleKind.Member, "会"),
        new("部長", RoleKind.Office, "会"),
        new("副部長", RoleKind.Office),
        new("担当部長", RoleKind.Office),
        new("課長", RoleKind.Office, "会"),
        new("担当課長", RoleKind.Office),
        new("課長補佐", RoleKind.Office),
        new("係長", RoleKind.Office),
        new("室長", RoleKind.Office),
        new("所長", RoleKind.Office),
        new("局長", RoleKind.Office),
        new("事務局長", RoleKind.Office),
        new("次長", RoleKind.Office),
        new("館長", RoleKind.Office),
        new("園長", RoleKind.Office),
        new("校長", RoleKind.Office, "会"),
        new("院長", RoleKind.Office),
        new("署長", RoleKind.Office),
        new("参事", RoleKind.Office, "会"),
        new("主査", RoleKind.Office),
        new("主事", RoleKind.Office),
        new("主任", RoleKind.Office),
        new("職員", RoleKind.Office, "会団"),
        new("管理監", RoleKind.Office),
        new("技監", RoleKind.Office),
        new("管理者", RoleKind.Office),
        new("社長", RoleKind.Office),
        new("教授", RoleKind.Office),
        new("准教授", RoleKind.Office),
        new("講師", RoleKind.Office),
        new("弁護士", RoleKind.Office, "会"),
        new("税理士", RoleKind.Office, "会"),
        new("医師", RoleKind.Office, "会"),
    ];

    /// <summary>Roles by first character, longest first, so 委員長 wins over 委員.</summary>
    private static readonly FrozenDictionary<char, RoleWord[]> ByFirstChar =
        All.GroupBy(r => r.Text[0]).ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(r => r.Text.Length).ToArray());

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Texts =
        new HashSet<string>(All.Select(r => r.Text), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly SearchValues<char> FirstChars = SearchValues.Create([.. ByFirstChar.Keys]);

    public static bool IsRole(ReadOnlySpan<char> text) => Texts.Contains(text);

    /// <summary>The longest role starting at <paramref name="index"/> that really is a role there, or null.</summary>
    public static RoleWord? MatchAt(ReadOnlySpan<char> text, int index)
    {
        if ((uint)index >= (uint)text.Length || !ByFirstChar.TryGetValue(text[index], out var candidates))
        {
            return null;
        }

        var rest = text[index..];
        foreach (var role in candidates)
        {
            if (rest.StartsWith(role.Text, StringComparison.Ordinal))
            {
                var after = index + role.Text.Length;
                if (after < text.Length && role.NotFollowedBy.Contains(text[after], StringComparison.Ordinal))
                {
                    return null;
                }

                return role;
            }
        }

        return null;
    }

    /// <summary>The longest role that ends exactly at <paramref name="end"/> (for 柴崎委員 read backwards).</summary>
    public static int RoleLengthEndingAt(ReadOnlySpan<char> text, int end)
    {
        for (var len = Math.Min(6, end); len >= 1; len--)
        {
            if (Texts.Contains(text.Slice(end - len, len)))
            {
                return len;
            }
        }

        return 0;
    }
}
