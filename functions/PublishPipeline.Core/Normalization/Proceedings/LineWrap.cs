namespace PublishPipeline.Normalization.Proceedings;

/// <summary>
/// Tells a line its writer ended from a line the layout wrapped, in plain text read line by line.
/// Fixed-width text wraps prose at one column, so a wrapped line reaches the document's wrap width:
/// the widest width that three or more lines reach. A line that ends short of it was ended by its
/// writer (a vote list, `賛成（白票）　１番…君` / `賛成　２番…`; a letter read out, its date, addressee and
/// sender; `午後２時26分開議` over the next item), so the line after it is a line of its own even when
/// the first has no sentence end. Until lines share a width (the first wraps of an upload, a short one),
/// a wrapped line is the widest so far and the rest of it starts at the margin or under a hanging
/// line's text. A line wider than any fixed-width column is a paragraph on one line, never wrapped.
/// A line laid out with a gap inside it (two full-width spaces or more: <c>１番　野口　隆君　　２番　岩崎　誠君</c>)
/// is a list or table row its writer set out, never prose a layout wrapped, however close to the widest line it ends.
/// Only lines next to each other are judged: across a blank line or a page break a sentence is cut by
/// the page, and is joined as before.
/// </summary>
internal sealed class LineWrap
{
    // Columns a wrapped line may fall short of the wrap column (a 、。」 kept off the next line's start, a half-width pair).
    private const int Slack = 4;

    // No fixed-width layout wraps wider: a line past this is a paragraph on one line, never a wrapped one.
    private const int MaxWrapColumns = 256;

    // Nor narrower than twenty full-width characters: short lines of one width (dates, a letter's addressee) are no column.
    private const int MinWrapColumns = 40;

    private readonly int[] _linesOfWidth = new int[MaxWrapColumns + 1];
    private int _wrapWidth;
    private int _widestBefore;
    private int _previousLine = -2;
    private int _previousWidth;
    private int _previousIndent;
    private bool _previousLaidOut;

    /// <summary>
    /// Takes the next line of the upload (1-based <paramref name="line"/>, display <paramref name="width"/> and
    /// <paramref name="indent"/>, full-width characters 2, and whether it is <paramref name="laidOut"/> with a gap inside,
    /// <see cref="HasGap"/>); true when the line before it is the line just above and was not wrapped, i.e. this line
    /// is one its writer started.
    /// </summary>
    public bool StartsOwnLine(int line, int width, int indent, bool laidOut)
    {
        var own = line == _previousLine + 1 && !Wrapped(indent);
        _widestBefore = Math.Max(_widestBefore, _previousWidth);

        if (width is >= MinWrapColumns and <= MaxWrapColumns)
        {
            _linesOfWidth[width]++;
            // Two more lines within the slack below or above: the width is shared, a wrap column (two could be chance in a short upload).
            var near = 0;
            for (var w = width - Slack; w <= Math.Min(MaxWrapColumns, width + Slack); w++)
            {
                near += _linesOfWidth[w];
            }

            if (near >= 3 && width > _wrapWidth)
            {
                _wrapWidth = width;
            }
        }

        _previousLine = line;
        _previousWidth = width;
        _previousIndent = indent;
        _previousLaidOut = laidOut;
        return own;
    }

    /// <summary>A page break or rule between lines: the next line is not next to the last.</summary>
    public void Break() => _previousLine = -2;

    // Whether the line above was wrapped, the line below (indented by `indent`) being the rest of it.
    private bool Wrapped(int indent)
    {
        if (_previousWidth > MaxWrapColumns || _previousLaidOut)
        {
            return false;
        }

        if (_wrapWidth > 0)
        {
            // At the wrap width, give or take the slack: a line much wider than the column was not wrapped there either.
            return Math.Abs(_previousWidth - _wrapWidth) <= Slack;
        }

        // No shared width yet (the first wraps of an upload, or a short one): a wrapped line is the widest so far, and
        // the rest of it starts at the margin or under the text of a hanging line, never at the same indent as a
        // paragraph's first line (　賛成（白票）…君 / 　賛成　２番…).
        return _previousWidth >= _widestBefore - Slack && (indent == 0 || indent > _previousIndent);
    }

    /// <summary>
    /// A gap inside a line (after its first word and before its last): spaces four columns wide or more, i.e. two
    /// full-width spaces, as a list or a table row leaves between its items; or three full-width spaces apart
    /// (賛成（白票）　１番　野口隆君　２番　岩崎誠君: items one space apart). Prose has at most one space in a row, and
    /// rarely more than a name's one in a line.
    /// </summary>
    public static bool HasGap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim(" \u3000\t");
        if (trimmed.Count('\u3000') >= 3)
        {
            return true;
        }

        var run = 0;
        foreach (var c in trimmed)
        {
            run = c switch
            {
                '\u3000' => run + 2,
                ' ' => run + 1,
                '\t' => run + 4,
                _ => 0,
            };
            if (run >= 4)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Display columns of a raw line: full-width characters 2, half-width (ASCII, ｱ) 1.</summary>
    public static int Columns(string raw)
    {
        var columns = 0;
        foreach (var c in raw)
        {
            if (char.IsLowSurrogate(c))
            {
                continue;
            }

            columns += c < '\u1100' || c is >= '\uFF61' and <= '\uFFDC' ? 1 : 2;
        }

        return columns;
    }
}
