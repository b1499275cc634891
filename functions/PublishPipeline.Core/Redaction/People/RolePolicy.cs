namespace PublishPipeline.Redaction.People;

/// <summary>
/// Which people keep their names because of the role they hold: assembly minutes publish members'
/// names, advisory councils mask citizen members. The policy lists role groups (<c>members</c>,
/// <c>executives</c>, <c>officials</c>) or role words (<c>議長</c>, <c>委員長</c>); a person keeps
/// their name when structure or a title gives them such a role. Default: nobody (mask all).
/// </summary>
public static class RolePolicy
{
    /// <summary>Elected members of the assembly, by the titles minutes give them.</summary>
    public static readonly IReadOnlyList<string> Members = ["議員", "議長", "副議長"];

    /// <summary>Elected heads of the executive and their deputies.</summary>
    public static readonly IReadOnlyList<string> Executives = ["市長", "副市長", "区長", "副区長", "町長", "副町長", "村長", "副村長", "知事", "副知事"];

    /// <summary>Officials answering in official capacity (posts of the administration).</summary>
    public static readonly IReadOnlyList<string> Officials =
    [
        "教育長", "部長", "課長", "局長", "室長", "所長", "次長", "理事", "参事", "管理者", "事務局長", "本部長", "監査委員", "会計管理者", "審議官",
        "副部長", "担当部長", "担当課長", "課長補佐", "係長", "主幹", "主査", "大臣", "副大臣", "政務官",
    ];

    /// <summary>The role words a policy entry stands for: a group name, or the role word itself.</summary>
    public static IReadOnlyList<string> Expand(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Trim() switch
        {
            "members" => Members,
            "executives" => Executives,
            "officials" => Officials,
            var word => [word],
        };
    }

    /// <summary>Why the policy keeps this person's name, or null when it is masked.</summary>
    public static string? KeptBecause(Person person, IReadOnlyList<string> keepRolesOf)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(keepRolesOf);
        foreach (var entry in keepRolesOf)
        {
            foreach (var word in Expand(entry))
            {
                foreach (var role in person.Roles)
                {
                    // A post ends the role as written (政策企画部長 is a 部長; 議会運営委員長 is no 議長).
                    if (role.EndsWith(word, StringComparison.Ordinal) && !(word == "議長" && role.EndsWith("委員長", StringComparison.Ordinal)))
                    {
                        return $"holds {role} (keepNamesOf: {entry})";
                    }
                }
            }
        }

        return null;
    }

    internal static Func<Person, bool> KeepsFor(RedactionPolicy policy) =>
        policy.KeepNamesOf.Count == 0 ? _ => false : person => KeptBecause(person, policy.KeepNamesOf) is not null;
}

/// <summary>What redaction decided about one person of the register, and why (private audit).</summary>
public sealed record PersonDecision(
    string Name,
    string? FamilyName,
    string? GivenName,
    string? FamilyNameFrom,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Sources,
    double Confidence,
    string Decision,
    string Reason);
