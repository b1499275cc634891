using System.Text;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Normalization.People;

/// <summary>A name as read: without spacing, and its surname and given name when the writing separates them.</summary>
internal readonly record struct NameParts(string Name, string? FamilyName, string? GivenName);

/// <summary>
/// Reads a written name into its parts. Spacing is the writer's: <c>迫　俊哉</c> splits at its one
/// gap; a fixed-width roll (<c>山　　田　　光　　昭</c>, <c>石　　﨑　　　　　徹</c>, <c>岡　井　寿美代</c>)
/// puts the surname in the first half of the name's field, so the name splits at its widest gap when
/// one gap is widest, else at the middle of the field (character positions in display columns:
/// full-width 2, ASCII 1). Evenly spaced names of an odd number of single characters (<c>山　田　太</c>) are
/// not split: nothing says where the surname ends. A packed name (<c>鈴木喜明</c>) splits only with
/// evidence: the document's own rolls, or the lexicon knowing the surname and the given name.
/// </summary>
internal static class WrittenName
{
    // The characters IsSpace accepts (Trim(params char[]) would allocate its array on every call).
    private static readonly char[] SpaceChars = [' ', '\u3000', '\t'];

    public static NameParts Read(string written, KnownPeople? known = null)
    {
        ArgumentNullException.ThrowIfNull(written);
        var text = written.Trim(SpaceChars);
        if (text.AsSpan().IndexOfAny(SpaceChars) < 0)
        {
            // One piece (most names): no layout to read, and no copy of it to make.
            return Packed(text, known);
        }

        // Pieces as columns and lengths in the joined name, not strings: the name's parts are its ranges
        // (a piece's text and LINQ over the pieces were most of what reading a spaced roll name made).
        Span<Piece> pieces = text.Length <= 64 ? stackalloc Piece[text.Length] : new Piece[text.Length];
        Span<char> joined = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var count = 0;
        var length = 0;
        var column = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (IsSpace(text[i]))
            {
                column += Width(text[i]);
                i++;
                continue;
            }

            var start = column;
            var begin = length;
            while (i < text.Length && !IsSpace(text[i]))
            {
                column += Width(text[i]);
                joined[length++] = text[i];
                i++;
            }

            pieces[count++] = new Piece(start, column, length - begin);
        }

        pieces = pieces[..count];
        var name = new string(joined[..length]);
        if (count < 2)
        {
            return Packed(name, known);
        }

        Span<int> gaps = count <= 64 ? stackalloc int[count - 1] : new int[count - 1];
        var widest = int.MinValue;
        for (var g = 0; g < gaps.Length; g++)
        {
            gaps[g] = pieces[g + 1].Start - pieces[g].End;
            widest = Math.Max(widest, gaps[g]);
        }

        int cut;
        if (gaps.Count(widest) == 1)
        {
            cut = gaps.IndexOf(widest) + 1;
        }
        else if (NameScript.ScriptBoundary(name) is > 0 and var boundary && CutAt(pieces, boundary) is > 0 and var atScript)
        {
            // 加　藤　ソ　フ　ィ　ー: a kanji surname and a katakana given name part where the script changes,
            // wherever the middle of the field falls.
            cut = atScript;
        }
        else if (gaps.Count(widest) == gaps.Length && count % 2 == 1 && length == count)
        {
            return new NameParts(name, known?.FamilyOf(name), known?.GivenOf(name));
        }
        else
        {
            // The middle of the field: pieces that start before it are the surname.
            var middle = (pieces[0].Start + pieces[^1].End) / 2.0;
            cut = 0;
            foreach (var piece in pieces)
            {
                cut += piece.Start < middle ? 1 : 0;
            }
        }

        // The pieces before the cut are the surname: the joined name up to their length.
        var familyLength = 0;
        for (var k = 0; k < cut; k++)
        {
            familyLength += pieces[k].Length;
        }

        var family = name[..familyLength];
        var given = name[familyLength..];
        return family.Length == 0 || given.Length == 0 ? new NameParts(name, null, null) : new NameParts(name, family, given);
    }

    /// <summary>
    /// A name written without spaces: the document's own rolls say where it splits; else the lexicon
    /// when it knows both halves (川津 + 隆); a known surname alone (佐々木) or two characters or fewer
    /// (鈴木委員長's 鈴木) is a surname; otherwise the parts stay unknown.
    /// </summary>
    public static NameParts Packed(string name, KnownPeople? known = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (known?.FamilyOf(name) is { } knownFamily)
        {
            return new NameParts(name, knownFamily, known.GivenOf(name));
        }

        if (name.Length == 0)
        {
            return new NameParts(name, null, null);
        }

        // 加藤ソフィー: where the script changes once, unless the document's rolls said otherwise (above).
        if (NameScript.ScriptBoundary(name) is > 0 and var boundary)
        {
            return new NameParts(name, name[..boundary], name[boundary..]);
        }

        var lexicon = NameLexicon.Default;
        if (name.Length <= 2 || (lexicon.IsSurname(name) && !SplitsAsFullName(name, lexicon)))
        {
            return new NameParts(name, name, null);
        }

        for (var k = Math.Min(4, name.Length - 1); k >= 1; k--)
        {
            if (lexicon.IsSurname(name.AsSpan(0, k)) && lexicon.IsGivenName(name.AsSpan(k)))
            {
                return new NameParts(name, name[..k], name[k..]);
            }
        }

        return new NameParts(name, null, null);
    }

    /// <summary>The number of pieces before character <paramref name="at"/> of the joined name, when a piece ends there; else 0.</summary>
    private static int CutAt(ReadOnlySpan<Piece> pieces, int at)
    {
        var length = 0;
        for (var k = 0; k < pieces.Length - 1; k++)
        {
            length += pieces[k].Length;
            if (length == at)
            {
                return k + 1;
            }
        }

        return 0;
    }

    private static bool SplitsAsFullName(string name, NameLexicon lexicon)
    {
        for (var k = 1; k < name.Length; k++)
        {
            if (lexicon.IsSurname(name.AsSpan(0, k)) && lexicon.IsGivenName(name.AsSpan(k)) && name.Length - k >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name without any spacing.</summary>
    public static string Compact(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (written.AsSpan().IndexOfAny(" \u3000\t") < 0)
        {
            return written;
        }

        var sb = new StringBuilder(written.Length);
        foreach (var c in written)
        {
            if (!IsSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A run of characters between spaces: its display columns, and its length in the joined name.</summary>
    private readonly record struct Piece(int Start, int End, int Length);

    private static bool IsSpace(char c) => c is ' ' or '\u3000' or '\t';

    private static int Width(char c) => c switch
    {
        ' ' => 1,
        '\t' => 4,
        < '\u1100' => 1,
        >= '\uFF61' and <= '\uFFDC' => 1,
        _ => 2,
    };
}
