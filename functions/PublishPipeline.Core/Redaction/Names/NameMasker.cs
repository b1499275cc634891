using System.Text;
using PublishPipeline.Model;
using PublishPipeline.Redaction.People;
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

    /// <summary>The register of the last document, for the audit.</summary>
    public PeopleRegister? Register { get; private set; }

    /// <summary>
    /// Builds the document's register of people from structure and strong contexts, drops the hits
    /// that only a context suggested and that the dictionary says are not names, and adds every
    /// occurrence of every masked person to each field's spans (plus deny-list hits).
    /// </summary>
    public void Propagate(Minutes minutes, IReadOnlyList<TextField> fields, List<NameSpan>?[] spans, OfflineNameRecognizer words, Func<Person, bool> isKept)
    {
        var veto = new NameVeto(lexicon, DocumentPlaces.Of(minutes));
        var register = RegisterBuilder.Build(minutes, fields, spans, words, policy, veto);
        Register = register;
        var matcher = new RegisterMatcher(register, veto.Places, p => !IsAllowed(p.Name) && !isKept(p), words);
        var kept = KeptNames(register, isKept);
        var found = new List<NameSpan>();
        for (var f = 0; f < fields.Count; f++)
        {
            var text = fields[f].Text;
            // In place, without a closure per field.
            if (spans[f] is { } list)
            {
                var keep = 0;
                for (var k = 0; k < list.Count; k++)
                {
                    var s = list[k];
                    if (!IsUnconfirmedNonName(text, s, register, veto) && !(kept.Count > 0 && IsKeptName(text, s, kept)))
                    {
                        list[keep++] = s;
                    }
                }

                list.RemoveRange(keep, list.Count - keep);
            }

            matcher.Find(text, found);
            FieldSpans.Keep(spans, f, found);
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

                    (spans[f] ??= []).Add(new NameSpan(at, denied.Length, "deny-list", 1.0));
                    from = at + denied.Length;
                }
            }
        }
    }

    /// <summary>Every person of the register with the decision taken and its reason, for the private audit.</summary>
    public IEnumerable<PersonDecision> Decisions()
    {
        if (Register is null)
        {
            yield break;
        }

        foreach (var p in Register.People.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var kept = policy.KeepNamesOf.Count > 0 ? RolePolicy.KeptBecause(p, policy.KeepNamesOf) : null;
            var (decision, reason) = kept is not null ? ("kept", kept)
                : IsAllowed(p.Name) ? ("kept", "on the allow-list")
                : ("masked", policy.KeepNamesOf.Count == 0 ? "every name is masked (default policy)" : "holds no role whose names are kept");
            yield return new PersonDecision(p.Name, p.FamilyName, p.GivenName, p.FamilyNameFrom, [.. p.Roles],
                [.. p.Sources.Take(8).Select(s => s.Described(RegisterMatcher.KindName(s.Kind)))], p.Confidence, decision, reason);
        }
    }

    /// <summary>The names, surnames and given names of the people the policy keeps.</summary>
    private HashSet<string> KeptNames(PeopleRegister register, Func<Person, bool> isKept)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in register.People)
        {
            if (isKept(p) || IsAllowed(p.Name))
            {
                kept.Add(p.Name);
                if (p.FamilyName is { } family)
                {
                    kept.Add(family);
                }

                if (p.GivenName is { } given)
                {
                    kept.Add(given);
                }
            }
        }

        return kept;
    }

    private static bool IsKeptName(string text, NameSpan span, HashSet<string> kept)
    {
        if (span.Start < 0 || span.Length <= 0 || span.Start + span.Length > text.Length || span.Rule.StartsWith("personal-data:", StringComparison.Ordinal) || span.Rule == "deny-list")
        {
            return false;
        }

        var trimmed = TrimmedRange(text, span.Start, span.Length);
        return trimmed.Length > 0 && kept.GetAlternateLookup<ReadOnlySpan<char>>().Contains(trimmed.Length <= 64
            ? CompactText.FoldInto(text.AsSpan(trimmed.Start, trimmed.Length), stackalloc char[trimmed.Length])
            : CompactText.Folded(text.AsSpan(trimmed.Start, trimmed.Length)));
    }

    /// <summary>A hit no register entry confirms and that is an ordinary word, a role, a place or a lone character from context.</summary>
    private static bool IsUnconfirmedNonName(string text, NameSpan span, PeopleRegister register, NameVeto veto)
    {
        if (span.Start < 0 || span.Length <= 0 || span.Start + span.Length > text.Length)
        {
            return false;
        }

        var trimmed = TrimmedRange(text, span.Start, span.Length);
        if (trimmed.Length == 0)
        {
            return false;
        }

        // Most hits are register names: asked first on the text itself, so only the rest pay for a string.
        if (register.Contains(text.AsSpan(trimmed.Start, trimmed.Length)))
        {
            return false;
        }

        var name = CompactText.Folded(text.AsSpan(trimmed.Start, trimmed.Length));

        if (veto.IsNotAName(name))
        {
            return true;
        }

        // A guess from context alone (a word no dictionary has before a title) must not be a piece of a
        // longer word; a lone character so found, or a model's lone character (教 of 教育長), is no name.
        var guess = span.Rule == "offline:role-context";
        var model = !span.Rule.StartsWith("offline:", StringComparison.Ordinal);
        return ((guess || model) && CodePoints(name) == 1) || (guess && veto.IsWordFragment(text, trimmed.Start, trimmed.Length, name));
    }

    // Reused by every field Replace sees (one masker serves one document at a time).
    private readonly List<string> _rules = [];
    private readonly HashSet<string> _joinedRules = new(StringComparer.Ordinal);
    private readonly List<(int Start, int Length, int Order, NameSpan Span)> _usable = [];
    private readonly List<(int Start, int End, string Replacement)> _cuts = [];

    /// <summary>Replaces the spans of one field; returns null when nothing changed.</summary>
    public string? Replace(TextField field, List<NameSpan> spans, List<RedactionEntry> audit)
    {
        if (spans.Count == 0)
        {
            return null;
        }

        var text = field.Text;
        // Usable spans, trimmed to the name, by start then longest first (ties keep their order: the audit's rule list follows it).
        var usable = _usable;
        usable.Clear();
        for (var k = 0; k < spans.Count; k++)
        {
            var s = spans[k];
            if (s.Confidence < policy.MinimumConfidence || s.Start < 0 || s.Length <= 0 || s.Start + s.Length > text.Length)
            {
                continue;
            }

            var (start, length) = TrimmedRange(text, s.Start, s.Length);
            if (length > 0 && !IsAllowedAt(text, start, length))
            {
                usable.Add((start, length, k, s));
            }
        }

        if (usable.Count == 0)
        {
            return null;
        }

        usable.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Order.CompareTo(b.Order));
        var cuts = _cuts;
        cuts.Clear();
        var position = 0;
        var resultLength = text.Length;
        var i = 0;
        while (i < usable.Count)
        {
            // Merge overlapping or touching spans (山田 + 太郎 → one name).
            var start = usable[i].Start;
            var end = start + usable[i].Length;
            var rule = usable[i].Span.Rule;
            var rules = _rules;
            rules.Clear(); // filled only when a second rule joins
            var personalDataOnly = rule.StartsWith("personal-data:", StringComparison.Ordinal);
            var confidence = usable[i].Span.Confidence;
            i++;
            while (i < usable.Count && usable[i].Start <= end)
            {
                end = Math.Max(end, usable[i].Start + usable[i].Length);
                var other = usable[i].Span.Rule;
                if (other != rule && !rules.Contains(other))
                {
                    if (rules.Count == 0)
                    {
                        rules.Add(rule);
                    }

                    rules.Add(other);
                    personalDataOnly &= other.StartsWith("personal-data:", StringComparison.Ordinal);
                }

                confidence = Math.Max(confidence, usable[i].Span.Confidence);
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
            // Phone numbers and addresses get the mask, never a pseudonym: they are not people.
            var replacement = personalDataOnly ? policy.Mask : ReplacementFor(original);
            cuts.Add((start, end, replacement));
            resultLength += replacement.Length - (end - start);
            position = end;
            audit.Add(new RedactionEntry(field.Path, start, original, replacement, rules.Count == 0 ? rule : JoinedRules(rules), confidence));
        }

        return string.Create(resultLength, (text, cuts), static (output, state) =>
        {
            var (text, cuts) = state;
            var from = 0;
            foreach (var (start, end, replacement) in cuts)
            {
                text.AsSpan(from, start - from).CopyTo(output);
                output = output[(start - from)..];
                replacement.AsSpan().CopyTo(output);
                output = output[replacement.Length..];
                from = end;
            }

            text.AsSpan(from).CopyTo(output);
        });
    }

    /// <summary>
    /// The rules of a merged name, comma-separated, as one string per combination: a document repeats
    /// the same few combinations thousands of times, and a string joined for each was most of what
    /// the audit entries allocated.
    /// </summary>
    private string JoinedRules(List<string> rules)
    {
        var length = rules.Count - 1;
        foreach (var r in rules)
        {
            length += r.Length;
        }

        var buffer = length <= 256 ? stackalloc char[length] : new char[length];
        var at = 0;
        foreach (var r in rules)
        {
            if (at > 0)
            {
                buffer[at++] = ',';
            }

            r.AsSpan().CopyTo(buffer[at..]);
            at += r.Length;
        }

        var lookup = _joinedRules.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(buffer, out var joined))
        {
            joined = new string(buffer);
            _joinedRules.Add(joined);
        }

        return joined;
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
    private static (int Start, int Length) TrimmedRange(string text, int spanStart, int spanLength)
    {
        var start = spanStart;
        var end = spanStart + spanLength;
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

        return (start, end - start);
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
    private bool IsAllowedAt(string text, int spanStart, int spanLength)
    {
        if (policy.AllowList.Count == 0)
        {
            return false;
        }

        if (IsAllowed(Compact(text.AsSpan(spanStart, spanLength))))
        {
            return true;
        }

        foreach (var allowed in policy.AllowList)
        {
            if (string.IsNullOrEmpty(allowed))
            {
                continue;
            }

            var from = Math.Max(0, spanStart + spanLength - allowed.Length);
            while (from <= spanStart)
            {
                var at = text.IndexOf(allowed, from, StringComparison.Ordinal);
                if (at < 0 || at > spanStart)
                {
                    break;
                }

                if (at + allowed.Length >= spanStart + spanLength)
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
