namespace PublishPipeline.Evaluation;

/// <summary>A speaker marker found in the decoded upload: its 1-based line and the label's parts (one, or a table row's 役職 and 発言者 cells).</summary>
public sealed record MarkerOccurrence(int Line, IReadOnlyList<string> Parts);

/// <summary>
/// Counts speaker markers in the decoded text by the conventions minutes are written in, on its
/// own and deliberately simpler than the normaliser (which it checks, so it must not share its
/// code): a marker character ○◯〇◎◆◇△□● at the start of a line (after spaces or tags) or after the
/// end of a sentence on the same line, followed by a label that ends like a person or an office
/// (<c>…）</c>, <c>…君</c>, or 長 員 官 事 人 者 監 臣 幹 査 任 佐) and is followed by speech; and the rows of a
/// tab table whose last cell is speech and whose earlier cells are short labels (発言順 numbers
/// ignored). Roll and agenda headings (〇出席議員（１９名）, ◎開会の宣告, △日程第１, ○議事日程) are not
/// speakers.
/// </summary>
public static class SpeakerMarkerCount
{
    private const string MarkerChars = "○◯〇◎◆◇△□●";
    private const string PersonEndings = "長員官事人者監臣幹査任佐君";

    public static List<MarkerOccurrence> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = SplitLines(text);
        var found = new List<MarkerOccurrence>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Contains('\t', StringComparison.Ordinal) && TableRow(line) is { } parts)
            {
                found.Add(new MarkerOccurrence(i + 1, parts));
                continue;
            }

            var start = SkipSpacesAndTags(line, 0);
            for (var at = start; at < line.Length; at++)
            {
                if (!MarkerChars.Contains(line[at], StringComparison.Ordinal) || (at > start && !AfterSentence(line, at)))
                {
                    continue;
                }

                if (Label(line, at + 1) is not { } label)
                {
                    continue;
                }

                var followedBySpeech = StripTags(line[label.End..]).Trim().Length > 0 || NextLineIsSpeech(lines, i);
                if (followedBySpeech)
                {
                    found.Add(new MarkerOccurrence(i + 1, [label.Text]));
                    at = label.End - 1;
                }
            }
        }

        return found;
    }

    /// <summary>Lines as the readers number them: split at \n, \r\n and \r only.</summary>
    public static List<string> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text[start..]);
        return lines;
    }

    /// <summary>Text with spaces, full-width ASCII and brackets folded, for comparing a marker's label with a turn's speaker.</summary>
    public static string Comparable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is ' ' or '\u3000' or '\t')
            {
                continue;
            }

            chars.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c);
        }

        return chars.ToString();
    }

    private static bool AfterSentence(string line, int at)
    {
        var k = at - 1;
        while (k >= 0 && line[k] is ' ' or '\u3000')
        {
            k--;
        }

        return k >= 0 && line[k] is '。' or '！' or '？' or '」' or '』' or '）' or ')';
    }

    private static (string Text, int End)? Label(string line, int from)
    {
        var i = from;
        while (i < line.Length && line[i] is ' ' or '\u3000' && i - from < 1)
        {
            i++;
        }

        var begin = i;
        var depth = 0;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '（' or '(')
            {
                depth++;
            }
            else if (c is '）' or ')')
            {
                depth--;
            }
            else if (depth <= 0 && (c is ' ' or '\u3000' or '\t' or '<'))
            {
                break;
            }

            if (i - begin > 40)
            {
                return null;
            }
        }

        var label = Comparable(line[begin..i]).TrimEnd('：', ':');
        if (label.Length is < 2 or > 30 || label.AsSpan().IndexOfAny("。、「」") >= 0 || label[0] is '（' or '(' && label[^1] is not ('）' or ')'))
        {
            return null;
        }

        // Roll headings: 〇出席議員（１９名）, 〇欠席議員, 〇会議録署名議員, 〇説明のため出席した者.
        if (label.Contains("出席", StringComparison.Ordinal) || label.Contains("欠席", StringComparison.Ordinal) || label.Contains("署名", StringComparison.Ordinal))
        {
            return null;
        }

        if (label[^1] is ')')
        {
            var open = label.LastIndexOf('(');
            var inside = open >= 0 ? label[(open + 1)..^1] : "";
            if (inside.Length == 0 || (inside.Length > 1 && inside[^1] is '名' or '人' && inside[..^1].All(char.IsAsciiDigit)))
            {
                return null;
            }

            return (label, i);
        }

        return PersonEndings.Contains(label[^1], StringComparison.Ordinal) ? (label, i) : null;
    }

    private static bool NextLineIsSpeech(List<string> lines, int index)
    {
        for (var k = index + 1; k < lines.Count && k <= index + 3; k++)
        {
            var next = StripTags(lines[k]).Trim(' ', '\u3000', '\t');
            if (next.Length == 0)
            {
                continue;
            }

            return !MarkerChars.Contains(next[0], StringComparison.Ordinal);
        }

        return false;
    }

    private static List<string>? TableRow(string line)
    {
        var cells = line.Split('\t');
        var last = cells.Length - 1;
        while (last >= 0 && StripTags(cells[last]).Trim().Length == 0)
        {
            last--;
        }

        if (last < 1)
        {
            return null;
        }

        // Speech ends a sentence outside quotation marks: 「わたしらしく、暮らせるまち。」推進室長 in a header row does not.
        var speech = StripQuotes(StripTags(cells[last]));
        if (speech.AsSpan().IndexOfAny("。？！") < 0)
        {
            return null;
        }

        var parts = new List<string>();
        for (var c = 0; c < last; c++)
        {
            var cell = Comparable(StripTags(cells[c]));
            if (cell.Length == 0 || cell.All(char.IsAsciiDigit))
            {
                continue;
            }

            if (cell.Length > 20 || cell.AsSpan().IndexOfAny("。、") >= 0)
            {
                return null;
            }

            parts.Add(cell);
        }

        return parts.Count > 0 ? parts : null;
    }

    private static string StripQuotes(string text)
    {
        if (!text.Contains('「', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '「')
            {
                depth++;
            }
            else if (c == '」')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static int SkipSpacesAndTags(string line, int i)
    {
        while (i < line.Length)
        {
            if (line[i] is ' ' or '\u3000' or '\t')
            {
                i++;
            }
            else if (line[i] == '<' && line.IndexOf('>', i) is var close and > 0)
            {
                i = close + 1;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static string StripTags(string text)
    {
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        var inTag = false;
        foreach (var c in text)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
