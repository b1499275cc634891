using System.Text;
using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// Turns the spans recognisers found into replaced texts: spreads each name found in a structured
/// place (roll, label, 名前＋役職) to its bare mentions elsewhere in the same document, applies the
/// site's allow- and deny-lists, merges overlapping spans, and writes the mask or a per-document
/// pseudonym (A, B …) while recording every replacement.
/// </summary>
internal sealed class NameMasker
{
    private readonly RedactionPolicy policy;
    private readonly NameLexicon lexicon;
    private readonly Dictionary<string, string> pseudonyms = new(StringComparer.Ordinal);

    public NameMasker(RedactionPolicy policy, NameLexicon lexicon)
    {
        this.policy = policy;
        this.lexicon = lexicon;
    }

    /// <summary>Adds bare mentions of names found elsewhere, and deny-list hits, to each field's spans.</summary>
    public void Propagate(IReadOnlyList<TextField> fields, List<NameSpan>[] spans)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var f = 0; f < fields.Count; f++)
        {
            foreach (var span in spans[f])
            {
                if (span.Confidence < policy.MinimumConfidence)
                {
                    continue;
                }

                var text = Compact(fields[f].Text.AsSpan(span.Start, span.Length));
                if (CodePoints(text) >= 2 && !IsAllowed(text))
                {
                    names.Add(text);
                    // 山田太郎 → also 山田 alone.
                    for (var k = 2; k < text.Length - 1; k++)
                    {
                        if (lexicon.IsSurname(text.AsSpan(0, k)) && lexicon.IsGivenName(text.AsSpan(k)))
                        {
                            names.Add(text[..k]);
                            break;
                        }
                    }
                }
            }
        }

        // Longest first, so 山田太郎 is taken before 山田.
        var ordered = names.OrderByDescending(n => n.Length).ToArray();
        for (var f = 0; f < fields.Count; f++)
        {
            var text = fields[f].Text;
            foreach (var name in ordered)
            {
                var from = 0;
                while (from < text.Length)
                {
                    var at = text.IndexOf(name, from, StringComparison.Ordinal);
                    if (at < 0)
                    {
                        break;
                    }

                    if (IsStandalone(text, at, name.Length))
                    {
                        spans[f].Add(new NameSpan(at, name.Length, "offline:same-name-elsewhere", 0.85));
                    }

                    from = at + name.Length;
                }
            }

            foreach (var denied in policy.DenyList)
            {
                if (string.IsNullOrEmpty(denied))
                {
                    continue;
                }

                var from = 0;
                while (from < text.Length)
                {
                    var at = text.IndexOf(denied, from, StringComparison.Ordinal);
                    if (at < 0)
                    {
                        break;
                    }

                    spans[f].Add(new NameSpan(at, denied.Length, "deny-list", 1.0));
                    from = at + denied.Length;
                }
            }
        }
    }

    /// <summary>
    /// A bare mention counts only as a whole word: 内田 in ㈱内田洋行 or 尼崎 in 尼崎市 is not the person.
    /// </summary>
    private static bool IsStandalone(string text, int at, int length)
    {
        var end = at + length;
        var first = text[at];
        var last = text[end - 1];
        if (at > 0)
        {
            var before = text[at - 1];
            if ((IsKanji(first) && IsKanji(before)) || (IsHiragana(first) && IsHiragana(before) && RoleWords.MatchAt(text, end) is null && (end >= text.Length || IsHiragana(text[end]))))
            {
                return false;
            }
        }

        if (end < text.Length)
        {
            var after = text[end];
            if (IsKanji(last) && IsKanji(after) && RoleWords.MatchAt(text, end) is null)
            {
                return false;
            }

            if (IsHiragana(last) && IsHiragana(after) && RoleWords.MatchAt(text, end) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Replaces the spans of one field; returns null when nothing changed.</summary>
    public string? Replace(TextField field, List<NameSpan> spans, List<RedactionEntry> audit)
    {
        if (spans.Count == 0)
        {
            return null;
        }

        var text = field.Text;
        var usable = spans
            .Where(s => s.Confidence >= policy.MinimumConfidence && s.Start >= 0 && s.Length > 0 && s.Start + s.Length <= text.Length)
            .Select(s => Trim(text, s))
            .Where(s => s.Length > 0 && !IsAllowedAt(text, s))
            .OrderBy(s => s.Start)
            .ThenByDescending(s => s.Length)
            .ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder(text.Length);
        var position = 0;
        var i = 0;
        while (i < usable.Count)
        {
            // Merge overlapping or touching spans (山田 + 太郎 → one name).
            var start = usable[i].Start;
            var end = start + usable[i].Length;
            var rules = new List<string> { usable[i].Rule };
            var confidence = usable[i].Confidence;
            i++;
            while (i < usable.Count && usable[i].Start <= end)
            {
                end = Math.Max(end, usable[i].Start + usable[i].Length);
                if (!rules.Contains(usable[i].Rule))
                {
                    rules.Add(usable[i].Rule);
                }

                confidence = Math.Max(confidence, usable[i].Confidence);
                i++;
            }

            if (start < position)
            {
                start = position;
            }

            if (end <= start)
            {
                continue;
            }

            var original = text[start..end];
            var replacement = ReplacementFor(original);
            sb.Append(text, position, start - position).Append(replacement);
            position = end;
            audit.Add(new RedactionEntry($"{field.Location}@{start}", original, replacement, string.Join('+', rules), confidence));
        }

        sb.Append(text, position, text.Length - position);
        return sb.ToString();
    }

    private string ReplacementFor(string original)
    {
        if (policy.Replacement == NameReplacement.Mask)
        {
            return policy.Mask;
        }

        var key = Compact(original);
        if (pseudonyms.TryGetValue(key, out var known))
        {
            return known;
        }

        // The same person written as 山田 and 山田太郎 gets one pseudonym.
        foreach (var (other, pseudonym) in pseudonyms)
        {
            if (other.Length >= 2 && key.Length >= 2 && (other.StartsWith(key, StringComparison.Ordinal) || key.StartsWith(other, StringComparison.Ordinal)))
            {
                pseudonyms[key] = pseudonym;
                return pseudonym;
            }
        }

        var next = PseudonymAt(pseudonyms.Values.Distinct().Count());
        pseudonyms[key] = next;
        return next;
    }

    /// <summary>A, B … Z, AA, AB …</summary>
    internal static string PseudonymAt(int index)
    {
        var sb = new StringBuilder();
        index++;
        while (index > 0)
        {
            index--;
            sb.Insert(0, (char)('A' + (index % 26)));
            index /= 26;
        }

        return sb.ToString();
    }

    /// <summary>Keeps roles and brackets out of a model's span (柴崎委員 → 柴崎), so only the name goes.</summary>
    private static NameSpan Trim(string text, NameSpan span)
    {
        var start = span.Start;
        var end = span.Start + span.Length;
        while (start < end && (IsSpace(text[start]) || LeadingMarks.Contains(text[start]) || IsOpenParen(text[start]) || text[start] is '「' or '〔' or '['))
        {
            start++;
        }

        while (end > start && (IsSpace(text[end - 1]) || IsCloseParen(text[end - 1]) || text[end - 1] is '」' or '〕' or ']' or '、' or '。' or '：' or ':'))
        {
            end--;
        }

        int role;
        while (end > start && (role = RoleWords.RoleLengthEndingAt(text.AsSpan(start, end - start), end - start)) > 0 && role < end - start)
        {
            end -= role;
        }

        if (RoleWords.IsRole(text.AsSpan(start, end - start)))
        {
            end = start; // a role alone (委員) is never a name
        }

        return span with { Start = start, Length = end - start };
    }

    private bool IsAllowed(string name)
    {
        foreach (var allowed in policy.AllowList)
        {
            if (string.Equals(Compact(allowed), name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A span inside an allow-listed name as written here (山田 within 山田一郎) stays.</summary>
    private bool IsAllowedAt(string text, NameSpan span)
    {
        if (policy.AllowList.Count == 0)
        {
            return false;
        }

        if (IsAllowed(Compact(text.AsSpan(span.Start, span.Length))))
        {
            return true;
        }

        foreach (var allowed in policy.AllowList)
        {
            if (string.IsNullOrEmpty(allowed))
            {
                continue;
            }

            var from = Math.Max(0, span.Start + span.Length - allowed.Length);
            while (from <= span.Start)
            {
                var at = text.IndexOf(allowed, from, StringComparison.Ordinal);
                if (at < 0 || at > span.Start)
                {
                    break;
                }

                if (at + allowed.Length >= span.Start + span.Length)
                {
                    return true;
                }

                from = at + 1;
            }
        }

        return false;
    }

    private static string Compact(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny(Spaces) < 0)
        {
            return text.ToString();
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
