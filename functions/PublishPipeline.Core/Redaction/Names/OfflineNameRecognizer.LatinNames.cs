using System.Buffers;
using static PublishPipeline.Redaction.Names.JapaneseText;

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

    private static readonly SearchValues<char> LatinCapitals = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ");

    /// <summary>に that opens a compound particle (において, により, について, に関する): a place, body or document, not a person, stands before it.</summary>
    private static readonly string[] CompoundNi = ["にお", "によ", "につ", "にて", "に関", "に対", "に向", "に係", "に基", "に伴", "に沿", "にか"];

    /// <summary>
    /// John Smithから, Ｊｏｈｎ　Ｓｍｉｔｈより: two or three words written Capital + small letters, one
    /// space apart, before から, より or に, which follow the person a thing comes from or goes to.
    /// Facilities and products take those particles too (Fukuoka Growth Nextにおいて, Pal Houseと), so
    /// not に of a compound particle, nor を, の, と, nor after a place's last word (Green Parkから);
    /// capitals alone (NPO, ICT) are never a name here.
    /// </summary>
    private static void RecognizeLatinNamesBeforeParticles(ReadOnlySpan<char> t, List<NameSpan> found)
    {
        var i = 0;
        int start;
        while ((start = IndexOfAnyFrom(t, i, LatinCapitals)) >= 0)
        {
            i = start + 1;
            if (start > 0 && (IsLatinLetter(t[start - 1]) || char.IsAsciiDigit(t[start - 1]) || IsLatinNameJoin(t[start - 1])))
            {
                continue;
            }

            var p = start;
            var words = 0;
            var end = start;
            while (words < 4 && TitleCaseWordEnd(t, p) is var wordEnd and > 0)
            {
                words++;
                end = wordEnd;
                if (wordEnd + 1 < t.Length && t[wordEnd] is ' ' or '\u3000' && LatinCapitals.Contains(t[wordEnd + 1]))
                {
                    p = wordEnd + 1;
                    continue;
                }

                break;
            }

            i = Math.Max(i, end);
            if (words is < 2 or > 3 || !PersonParticleAt(t, end) || IsFacilityHead(t[p..end]))
            {
                continue;
            }

            found.Add(new NameSpan(start, end - start, "offline:prose-latin", 0.75));
        }
    }

    /// <summary>
    /// The last word of a place or facility's name (Sky Tower, Harbor Plaza), not a person's. Words that are also common
    /// surnames (Park, Hall, Church, Lake, House, Bridge, Court) are left out: Jisoo Parkから is a person, and a place
    /// masked by mistake publishes nothing, where a person taken for a place is published.
    /// </summary>
    private static readonly string[] FacilityHeads =
    [
        "garden", "gardens", "plaza", "square", "tower", "center", "centre", "station", "hotel", "building",
        "mall", "market", "museum", "library", "school", "college", "university", "hospital", "clinic", "stadium", "arena",
        "street", "avenue", "road", "port", "airport", "beach", "island", "river", "bay", "hills", "village",
        "town", "city", "club", "cafe", "studio", "gallery", "theater", "theatre", "terrace", "place", "base", "lab", "factory",
    ];

    /// <summary>Whether <paramref name="word"/> (ASCII or full-width letters) is one of <see cref="FacilityHeads"/>.</summary>
    private static bool IsFacilityHead(ReadOnlySpan<char> word)
    {
        if (word.Length > 12)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            c = c is >= 'Ａ' and <= 'Ｚ' ? (char)(c - 'Ａ' + 'a') : c is >= 'ａ' and <= 'ｚ' ? (char)(c - 'ａ' + 'a') : char.ToLowerInvariant(c);
            lower[i] = c;
        }

        foreach (var head in FacilityHeads)
        {
            if (lower.SequenceEqual(head))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where one to three words of a capital and small letters starting at <paramref name="at"/> end a label's value, or 0.</summary>
    private static int LatinValueEnd(ReadOnlySpan<char> t, int at)
    {
        var end = 0;
        for (var (p, words) = (at, 0); words < 3 && TitleCaseWordEnd(t, p) is var wordEnd and > 0; words++)
        {
            end = wordEnd;
            if (wordEnd + 1 >= t.Length || t[wordEnd] is not (' ' or '\u3000') || !LatinCapitals.Contains(t[wordEnd + 1]))
            {
                break;
            }

            p = wordEnd + 1;
        }

        return end > 0 && IsNameBoundary(t, end) ? end : 0;
    }

    /// <summary>Where a word of one capital and at least one small letter starting at <paramref name="at"/> ends, or 0.</summary>
    private static int TitleCaseWordEnd(ReadOnlySpan<char> t, int at)
    {
        if (at >= t.Length || !LatinCapitals.Contains(t[at]))
        {
            return 0;
        }

        var e = at + 1;
        while (e < t.Length && IsLatinLower(t[e]))
        {
            e++;
        }

        return e > at + 1 && (e >= t.Length || !IsLatinLetter(t[e])) ? e : 0;
    }

    private static bool PersonParticleAt(ReadOnlySpan<char> t, int at)
    {
        var rest = t[at..];
        if (rest.StartsWith("から", StringComparison.Ordinal) || rest.StartsWith("より", StringComparison.Ordinal))
        {
            return true;
        }

        if (!rest.StartsWith("に", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var compound in CompoundNi)
        {
            if (rest.StartsWith(compound, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

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
