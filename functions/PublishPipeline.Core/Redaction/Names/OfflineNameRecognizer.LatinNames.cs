namespace PublishPipeline.Redaction.Names;

/// <summary>
/// John Smith議員, Ｊｏｈｎ　Ｓｍｉｔｈさん, J. SMITH氏: a name in Latin letters before a title or an
/// honorific. No dictionary reads it, so the shape decides: a word with a small letter (John, McDonald)
/// is a name; capitals alone are a name before an honorific unless they are one short word (ALT先生,
/// NPOさん), and before a seat or post only as more than one word or with an initial (PTA会長 stays).
/// Masked where it stands; Latin letters are never registered from prose.
/// </summary>
public sealed partial class OfflineNameRecognizer
{
    private static bool IsLatinLetter(char c) => char.IsAsciiLetter(c) || c is >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ';

    private static bool IsLatinLower(char c) => char.IsAsciiLetterLower(c) || c is >= 'ａ' and <= 'ｚ';

    private static bool IsLatinNameJoin(char c) => c is ' ' or '\u3000' or '.' or '．' or '-' or '－' or '\'' or '’' or '・';

    private static void LatinName(ReadOnlySpan<char> t, int end, RoleWord role, List<NameSpan> found, ReadOnlySpan<int> map)
    {
        var start = end;
        // Letters, and marks between them (J. Smith: a dot and a space).
        while (start > 0 && end - start < 40 && (IsLatinLetter(t[start - 1]) || (IsLatinNameJoin(t[start - 1]) && start >= 2
            && (IsLatinLetter(t[start - 2]) || (IsLatinNameJoin(t[start - 2]) && start >= 3 && IsLatinLetter(t[start - 3]))))))
        {
            start--;
        }

        // The run must not go on a word of other letters (ABC社の…) or a number (No.3).
        if (start > 0 && (char.IsAsciiLetterOrDigit(t[start - 1]) || t[start - 1] is >= '０' and <= '９'))
        {
            return;
        }

        var words = 0;
        var lower = false;
        var initial = false;
        var longest = 0;
        var length = 0;
        for (var i = start; i <= end; i++)
        {
            if (i < end && IsLatinLetter(t[i]))
            {
                lower |= IsLatinLower(t[i]);
                length++;
                continue;
            }

            if (length > 0)
            {
                words++;
                longest = Math.Max(longest, length);
                initial |= length == 1 && i < end && t[i] is '.' or '．';
            }

            length = 0;
        }

        var name = lower
            || (role.Kind == RoleKind.Honorific ? words > 1 || longest > 3 : words > 1 || initial);
        if (name && words > 0)
        {
            Add(found, map, start, end - start, "offline:role-latin", 0.75);
        }
    }
}
