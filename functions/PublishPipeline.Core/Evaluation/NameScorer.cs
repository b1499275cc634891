using System.Text;
using PublishPipeline.Model;
using PublishPipeline.Redaction;

namespace PublishPipeline.Evaluation;

/// <summary>
/// The name figures of ../shared/devcorpus/README.md, measured on what redaction publishes: the
/// document is redacted with the given policy (by default the one that publishes minutes without a
/// 公開の可否 table) and every published text field is compared before and after, whitespace removed.
/// <list type="bullet">
/// <item><b>lenient recall</b>: occurrences of a gold full name, or of a gold surname directly followed
/// by a title (optionally with a short <c>（…）</c> between), that no longer appear;</item>
/// <item><b>strict recall</b>: every occurrence of a gold surname of two or more characters, whatever
/// follows it, that no longer appears;</item>
/// <item><b>over-redaction</b>: masked spans (audit entries) that are not part of a gold name and hold none,
/// as a fraction of all masked spans;</item>
/// <item><b>words kept</b>: occurrences of role words and of common words that are never names that stay.</item>
/// </list>
/// The parsed copies of a person (<c>…person.name</c>, <c>familyName</c> …) repeat a label that is
/// counted already, so they are left out of the figures; a gold name still visible in any of them is
/// counted on its own (<c>names left in parsed people</c>, which must stay 0). A held document is
/// measured on its review copy: holding is not hiding.
/// </summary>
public sealed class NameScorer : IDocumentScorer
{
    /// <summary>The titles of the lenient mention, as the devcorpus README lists them.</summary>
    public static readonly IReadOnlyList<string> Titles =
    [
        "副委員長", "委員長", "委員", "副議長", "議長", "議員", "君", "さん", "氏", "様", "副大臣", "大臣", "長官", "部長", "課長",
        "局長", "区長", "市長", "知事", "理事", "参考人", "政務官", "所長", "室長", "次長", "審議官", "主査", "係長", "副会長",
        "会長", "先生",
    ];

    /// <summary>Role words that must stay visible (the parts of a label that say who speaks, not who it is).</summary>
    public static readonly IReadOnlyList<string> RoleWords =
    [
        "委員長", "副委員長", "委員", "議長", "副議長", "議員", "市長", "副市長", "区長", "副区長", "町長", "村長", "副村長", "知事",
        "副知事", "教育長", "部長", "課長", "局長", "事務局長", "次長", "室長", "所長", "係長", "主査", "理事", "参事", "管理者",
        "会長", "副会長", "参考人", "説明員", "大臣", "政務官", "審議官", "本部長", "総務課長", "財政課長",
    ];

    /// <summary>Ordinary words that are never names (function words, words of procedure), chosen before any tuning.</summary>
    public static readonly IReadOnlyList<string> CommonWords =
    [
        "なし", "そして", "つきましては", "我々", "私ども", "皆様", "皆さん", "本日", "ただいま", "ありがとう", "お願い", "以上",
        "以下", "また", "まず", "さらに", "なお", "ただし", "しかし", "それでは", "これより", "先ほど", "今後", "引き続き", "質問",
        "答弁", "御質問", "御答弁", "説明", "報告", "議案", "議題", "日程", "採決", "賛成", "反対", "起立", "異議", "休憩", "再開",
        "散会", "閉会", "開会", "開議", "登壇", "拍手", "署名", "出席", "欠席", "定例会", "臨時会", "委員会", "本会議", "会議録",
        "市民", "県民", "村民", "地域", "事業", "予算", "計画", "対策", "学校", "教育", "福祉", "子ども", "平成", "令和", "年度",
    ];

    private readonly Func<Redactor> _redactor;
    private readonly TextWriter? _details;

    /// <param name="redactor">Makes the redactor to measure; default: offline, publishing minutes without a 公開の可否 table.</param>
    /// <param name="details">When given, every miss and every mask that is not a gold name is printed there, one per line.</param>
    public NameScorer(Func<Redactor>? redactor = null, TextWriter? details = null)
    {
        _redactor = redactor ?? (() => new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish }));
        _details = details;
    }

    public IReadOnlyList<Metric> Metrics { get; } =
    [
        new("namesLenient", "lenient recall", "lenientHidden", "lenientMentions"),
        new("namesStrict", "strict recall", "strictHidden", "strictOccurrences"),
        new("overRedaction", "over-redaction", "masksNotGold", "masks", Better.Lower),
        new("wordsKept", "words kept", "wordsKept", "words"),
        new("namesInPeople", "names left in parsed people", "namesInPeople", null, Better.Lower),
    ];

    public async ValueTask ScoreAsync(EvalDocument document, ScoreSheet sheet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sheet);
        if (document.Minutes is not { } minutes || document.Gold is not { } gold)
        {
            return; // nothing is published from an upload that is not read
        }

        var outcome = await _redactor().RedactAsync(minutes, new RedactionRequest(document.Name), cancellationToken).ConfigureAwait(false);
        var published = outcome.Redacted ?? outcome.ReviewCopy ?? minutes;
        var before = MinutesTextFields.Collect(minutes);
        var after = MinutesTextFields.Collect(published).ToDictionary(f => f.Location, f => f.Text, StringComparer.Ordinal);

        var names = gold.Names.Select(Compact).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var surnames = gold.Surnames.Select(Compact).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var strictSurnames = surnames.Where(s => s.EnumerateRunes().Count() >= 2).ToList();
        var words = RoleWords.Concat(CommonWords).Distinct(StringComparer.Ordinal).ToList();

        foreach (var field in before)
        {
            var was = Compact(field.Text);
            var now = Compact(after.GetValueOrDefault(field.Location) ?? string.Empty);
            if (IsParsedCopy(field.Location))
            {
                var left = names.Concat(surnames).Sum(n => Count(now, n));
                sheet.Add("namesInPeople", left);
                if (left > 0)
                {
                    _details?.WriteLine($"{document.Name}\tpeople-leak\t{field.Location}\t{now}");
                }

                continue;
            }

            foreach (var name in names)
            {
                Tally(sheet, document.Name, "lenient", field.Location, name, Count(was, name), Count(now, name), now);
            }

            foreach (var surname in surnames)
            {
                Tally(sheet, document.Name, "lenient", field.Location, surname + "+title", CountWithTitle(was, surname), CountWithTitle(now, surname), now);
            }

            foreach (var surname in strictSurnames)
            {
                Tally(sheet, document.Name, "strict", field.Location, surname, Count(was, surname), Count(now, surname), now);
            }

            foreach (var word in words)
            {
                var w = Count(was, word);
                if (w > 0)
                {
                    var kept = Math.Min(w, Count(now, word));
                    sheet.Add("words", w);
                    sheet.Add("wordsKept", kept);
                    if (kept < w)
                    {
                        _details?.WriteLine($"{document.Name}\tword-lost\t{field.Location}\t{word}\t{Excerpt(field.Text, word)}");
                    }
                }
            }
        }

        foreach (var entry in outcome.Audit.Entries)
        {
            var location = entry.Location.Split('@')[0];
            if (IsParsedCopy(location) || location.StartsWith("disclosure:", StringComparison.Ordinal))
            {
                continue;
            }

            var masked = Compact(entry.Original);
            sheet.Add("masks", 1);
            if (!IsGoldName(masked, names, surnames))
            {
                sheet.Add("masksNotGold", 1);
                _details?.WriteLine($"{document.Name}\tnot-gold\t{entry.Location}\t{masked}\t{entry.Rule}\t{Around(before, location, entry)}");
            }
        }
    }

    private void Tally(ScoreSheet sheet, string documentName, string kind, string location, string what, int was, int now, string publishedText)
    {
        if (was == 0)
        {
            return;
        }

        var left = Math.Min(was, now);
        sheet.Add(kind == "strict" ? "strictOccurrences" : "lenientMentions", was);
        sheet.Add(kind + "Hidden", was - left);
        if (left > 0 && _details is not null)
        {
            var name = what.EndsWith("+title", StringComparison.Ordinal) ? what[..^"+title".Length] : what;
            _details.WriteLine($"{documentName}\t{kind}-miss\t{location}\t{what}×{left}\t{Excerpt(publishedText, name)}");
        }
    }

    /// <summary>Parsed copies of a person: the label or entry they repeat is counted where it is written.</summary>
    private static bool IsParsedCopy(string location) =>
        location.Contains(".person.", StringComparison.Ordinal)
        || location.Contains(".mentions[", StringComparison.Ordinal)
        || (location.StartsWith("rolls[", StringComparison.Ordinal) && !location.EndsWith(".written", StringComparison.Ordinal) && location.Contains(".entries[", StringComparison.Ordinal));

    private static bool IsGoldName(string masked, List<string> names, List<string> surnames)
    {
        if (masked.Length == 0)
        {
            return true;
        }

        foreach (var name in names)
        {
            if (name.Contains(masked, StringComparison.Ordinal) || masked.Contains(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var surname in surnames)
        {
            if (surname.Contains(masked, StringComparison.Ordinal) || (surname.Length >= 2 && masked.Contains(surname, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with every kind of white space removed, as the README measures.</summary>
    public static string Compact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static int Count(string text, string what)
    {
        var n = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    /// <summary>A surname directly followed by a title, optionally with a short （…） between; a one-character surname needs a left boundary.</summary>
    private static int CountWithTitle(string text, string surname)
    {
        var single = surname.EnumerateRunes().Count() == 1;
        var n = 0;
        for (var at = text.IndexOf(surname, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surname, at + surname.Length, StringComparison.Ordinal))
        {
            if (single && at > 0 && IsKanji(text[at - 1]))
            {
                continue;
            }

            var after = at + surname.Length;
            if (after < text.Length && text[after] is '（' or '(')
            {
                var close = text.IndexOfAny(['）', ')'], after);
                if (close > after && close - after <= 8)
                {
                    after = close + 1;
                }
            }

            foreach (var title in Titles)
            {
                if (string.CompareOrdinal(text, after, title, 0, title.Length) == 0)
                {
                    n++;
                    break;
                }
            }
        }

        return n;
    }

    private static bool IsKanji(char c) => (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || char.IsSurrogate(c) || c == '々';

    private static string Excerpt(string text, string what)
    {
        var compact = Compact(text);
        var at = compact.IndexOf(what, StringComparison.Ordinal);
        if (at < 0)
        {
            return compact.Length > 40 ? compact[..40] : compact;
        }

        var from = Math.Max(0, at - 15);
        var to = Math.Min(compact.Length, at + what.Length + 15);
        return compact[from..to];
    }

    private static string Around(List<TextField> fields, string location, RedactionEntry entry)
    {
        var field = fields.FirstOrDefault(f => f.Location == location);
        if (field.Text is null || !int.TryParse(entry.Location.AsSpan(entry.Location.IndexOf('@', StringComparison.Ordinal) + 1), out var at))
        {
            return string.Empty;
        }

        var from = Math.Max(0, at - 12);
        var to = Math.Min(field.Text.Length, at + entry.Original.Length + 12);
        return field.Text[from..to].ReplaceLineEndings(" ");
    }
}
