using System.Text;

namespace PublishPipeline.Ingest;

/// <summary>
/// A fast path for the few fragment shapes that fill minutes exports line after line
/// (<c>&lt;p&gt;…&lt;/p&gt;</c>, <c>&lt;br&gt;</c>, checkbox inputs, simple entities, span/b/font).
/// It accepts only markup whose meaning is unambiguous and gives exactly what
/// <see cref="HtmlBlocks.Paragraphs"/> gives after AngleSharp parsing (a test holds the two equal);
/// anything else — comments, scripts, tables, unknown tags or entities, stray '&lt;' — returns false
/// and the caller parses with AngleSharp. A full parse per line costs ~50× more.
/// </summary>
internal static class SimpleHtml
{
    // Elements that only carry text: their tags vanish.
    private static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "span", "b", "i", "u", "s", "strong", "em", "font", "small", "big", "sup", "sub", "label", "a", "mark", "ins", "nobr",
    };

    private static readonly System.Buffers.SearchValues<char> UnquotedSpecials = System.Buffers.SearchValues.Create("/\"'`=<");

    public static bool TryParagraphs(string html, out List<string> paragraphs)
    {
        paragraphs = [];
        var current = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<' && (i + 1 == html.Length || !(char.IsAsciiLetter(html[i + 1]) || html[i + 1] is '/' or '!' or '?')))
            {
                // HTML reads '<' not followed by a tag start as text ("a < b", "<令和5年度>").
                current.Append(c);
                i++;
                continue;
            }

            if (c == '<')
            {
                if (!TryTag(html, ref i, out var name, out var closing, out var attributes))
                {
                    return false;
                }

                if (name is "p" or "div" || (name == "br" && !closing))
                {
                    Add(paragraphs, current);
                }
                else if (name == "input" && !closing)
                {
                    if (!TryInput(attributes, current))
                    {
                        return false;
                    }
                }
                else if (!InlineTags.Contains(name) || attributes.Contains("hidden", StringComparison.OrdinalIgnoreCase) || attributes.Contains("style", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                continue;
            }

            if (c == '&')
            {
                if (!TryEntity(html, ref i, current))
                {
                    return false;
                }

                continue;
            }

            if (c is '\0' or '\r')
            {
                return false; // the HTML tokenizer rewrites these; leave it to AngleSharp
            }

            current.Append(c);
            i++;
        }

        Add(paragraphs, current);
        return true;
    }

    private static void Add(List<string> paragraphs, StringBuilder current)
    {
        var text = Collapse(current);
        current.Clear();
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }
    }

    /// <summary>The same whitespace rule as AngleSharp's reading (<see cref="HtmlBlocks.Collapse"/>).</summary>
    private static string Collapse(StringBuilder text) => HtmlBlocks.Collapse(text);

    /// <summary>Reads &lt;name attrs&gt; / &lt;/name&gt; / &lt;name/&gt; with ASCII names and quoted or bare attribute values.</summary>
    private static bool TryTag(string html, ref int i, out string name, out bool closing, out string attributes)
    {
        name = string.Empty;
        attributes = string.Empty;
        var j = i + 1;
        closing = j < html.Length && html[j] == '/';
        if (closing)
        {
            j++;
        }

        var nameStart = j;
        while (j < html.Length && char.IsAsciiLetterOrDigit(html[j]))
        {
            j++;
        }

        if (j == nameStart || !char.IsAsciiLetter(html[nameStart]))
        {
            return false;
        }

        name = html[nameStart..j].ToLowerInvariant();
        var attributesStart = j;
        var quote = '\0';
        for (; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c is '<' or '&')
                {
                    return false;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '<')
            {
                return false;
            }
            else if (c == '>')
            {
                attributes = html[attributesStart..j];
                if (closing && attributes.Trim().Length > 0)
                {
                    return false;
                }

                i = j + 1;
                return attributesStart == j || attributes[0] is ' ' or '\t' or '\n' or '/';
            }
        }

        return false;
    }

    private static bool TryInput(string attributes, StringBuilder current)
    {
        var parsed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var span = attributes.AsSpan().Trim();
        while (!span.IsEmpty)
        {
            if (span is "/")
            {
                break; // <input ... /> — the self-closing slash of a void element
            }

            var nameEnd = span.IndexOfAny(" \t\n=");
            var name = (nameEnd < 0 ? span : span[..nameEnd]).ToString();
            if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            {
                return false;
            }

            span = nameEnd < 0 ? [] : span[nameEnd..].TrimStart();
            var value = string.Empty;
            if (!span.IsEmpty && span[0] == '=')
            {
                span = span[1..].TrimStart();
                if (span.IsEmpty)
                {
                    return false;
                }

                if (span[0] is '"' or '\'')
                {
                    var end = span[1..].IndexOf(span[0]);
                    if (end < 0)
                    {
                        return false;
                    }

                    value = span.Slice(1, end).ToString();
                    span = span[(end + 2)..].TrimStart();
                }
                else
                {
                    var end = span.IndexOfAny(" \t\n");
                    value = (end < 0 ? span : span[..end]).ToString();
                    span = end < 0 ? [] : span[end..].TrimStart();
                    if (value.AsSpan().ContainsAny(UnquotedSpecials))
                    {
                        return false; // unquoted values with these characters parse subtly differently
                    }
                }
            }

            if (!parsed.TryAdd(name, value))
            {
                return false;
            }
        }

        if (parsed.ContainsKey("hidden") || parsed.ContainsKey("style") || parsed.ContainsKey("aria-hidden"))
        {
            return false;
        }

        var type = parsed.GetValueOrDefault("type") ?? "text";
        if (type.Equals("checkbox", StringComparison.OrdinalIgnoreCase) || type.Equals("radio", StringComparison.OrdinalIgnoreCase))
        {
            current.Append(parsed.ContainsKey("checked") ? '☑' : '☐');
            return true;
        }

        // Text inputs show their value (entities in it would need decoding: leave those to AngleSharp).
        if (type.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            var value = parsed.GetValueOrDefault("value") ?? string.Empty;
            if (value.Contains('&', StringComparison.Ordinal))
            {
                return false;
            }

            current.Append(value);
            return true;
        }

        return type.Equals("hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Only the unambiguous forms: &amp;amp; &amp;lt; &amp;gt; &amp;quot; &amp;apos; &amp;nbsp; and numeric references with ';'.</summary>
    private static bool TryEntity(string html, ref int i, StringBuilder current)
    {
        var end = html.IndexOf(';', i);
        if (end < 0 || end - i > 10)
        {
            return false;
        }

        var entity = html.AsSpan(i + 1, end - i - 1);
        string? text = entity switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => "\u00A0",
            _ => null,
        };
        if (text is null && entity.Length > 1 && entity[0] == '#')
        {
            var hex = entity[1] is 'x' or 'X';
            var digits = hex ? entity[2..] : entity[1..];
            if (digits.Length > 0 && int.TryParse(digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None, null, out var code)
                && code is >= 0x20 and <= 0x10FFFF and not (>= 0x7F and <= 0x9F) and not (>= 0xD800 and <= 0xDFFF))
            {
                text = char.ConvertFromUtf32(code);
            }
        }

        if (text is null)
        {
            return false;
        }

        current.Append(text);
        i = end + 1;
        return true;
    }
}
