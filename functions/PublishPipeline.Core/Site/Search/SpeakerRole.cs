using System.Text;
using System.Text.RegularExpressions;
using PublishPipeline.Model;

namespace PublishPipeline.Site.Search;

/// <summary>
/// The role a turn was spoken in, for the search filter: names are masked, roles are not. The
/// parsed role (<see cref="PersonMention.Role"/>) when normalisation found one; otherwise the
/// redacted speaker label without what stood for the name (〇〇委員(会長) → 委員(会長),
/// ○議長（〇〇君） → 議長, A委員 → 委員).
/// </summary>
internal static partial class SpeakerRole
{
    private const int MaxLength = 40;

    public static string? Of(SpeakerTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var role = !string.IsNullOrWhiteSpace(turn.Person?.Role) ? turn.Person.Role : FromLabel(turn.Speaker);
        return role is { Length: > 0 and <= MaxLength } ? role : null;
    }

    private static string? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var text = new StringBuilder(label.Length);
        foreach (var rune in label.EnumerateRunes())
        {
            // The default mask (〇), the speaker mark of 議会 minutes (○) and spacing are not the role.
            if (rune.Value is not ('〇' or '○' or '◯') && !Rune.IsWhiteSpace(rune))
            {
                text.Append(rune.ToString());
            }
        }

        var role = EmptyBrackets().Replace(text.ToString(), string.Empty);
        role = Pseudonym().Replace(role, string.Empty);
        return role.Length == 0 ? null : role;
    }

    /// <summary>Brackets left holding nothing but an honorific once the name inside is gone: （〇〇君） → （君）.</summary>
    [GeneratedRegex(@"[（(](?:君|氏|さん|様)?[）)]", RegexOptions.CultureInvariant)]
    private static partial Regex EmptyBrackets();

    /// <summary>A one-letter pseudonym before the role (A委員, B委員 under Replacement = Pseudonym).</summary>
    [GeneratedRegex(@"^[A-Z](?=[^\x00-\x7F])", RegexOptions.CultureInvariant)]
    private static partial Regex Pseudonym();
}
