using System.Text;
using System.Text.Json.Serialization;
using PublishPipeline.Model;
using PublishPipeline.Redaction.Disclosure;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Redaction;

/// <summary>
/// Decides what of a document may be published: applies disclosure rules and replaces personal
/// names. Fail-safe: anything unsure becomes a hold, never a guess.
/// Order: (1) the minutes' own disclosure (closed → hold; unknown → hold unless the policy says
/// otherwise), (2) staff-marked non-disclosed passages → notices (a stray closing marker → hold),
/// (3) 一部非公開 with nothing marked → hold unless the upload is confirmed as the public version,
/// (4) personal names → mask or pseudonym. Every change is written to the private audit.
/// </summary>
public sealed class Redactor
{
    public Redactor(RedactionPolicy policy, IEnumerable<IPersonNameRecognizer> recognizers)
    {
        Policy = policy;
        Recognizers = [.. recognizers];
    }

    /// <summary>The default set-up: the policy and the offline recogniser only (no network).</summary>
    public Redactor(RedactionPolicy? policy = null)
        : this(policy ?? new RedactionPolicy(), [new OfflineNameRecognizer()])
    {
    }

    public RedactionPolicy Policy { get; }

    public IReadOnlyList<IPersonNameRecognizer> Recognizers { get; }

    /// <exception cref="NameRecognitionException">A recogniser failed transiently (e.g. 429 after retries): retry later; nothing is published.</exception>
    public async Task<RedactionOutcome> RedactAsync(Minutes minutes, RedactionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(request);

        var entries = new List<RedactionEntry>();
        var holds = new List<string>();
        var warnings = new List<string>();

        // 1. The minutes' own disclosure decides first.
        switch (minutes.Disclosure.Minutes)
        {
            case DisclosureState.Closed:
                holds.Add("会議録は「非公開」とされています (the minutes are marked closed)"
                    + (string.IsNullOrWhiteSpace(minutes.Disclosure.Reason) ? "." : $": {minutes.Disclosure.Reason}"));
                var closedAudit = new RedactionAudit(minutes.Id, request.SourceName, Policy.Version, entries) { Warnings = warnings };
                return new RedactionOutcome(null, Hold(minutes, request, holds), closedAudit) { Warnings = warnings };
            case DisclosureState.Unknown when Policy.UnknownDisclosure == UnknownDisclosureHandling.Hold:
                holds.Add("会議録の公開の可否が読み取れません (the minutes' disclosure is unknown); publish only after review, or set the site's policy to publish such minutes.");
                break;
            case DisclosureState.Unknown when UnclearRatherThanAbsent(minutes) is { } why:
                // The policy may publish minutes that simply have no 公開の可否 table; it never
                // publishes a table that says something we could not read.
                holds.Add($"会議録の公開の可否が不明確です (the minutes' disclosure is unclear: {why}); publish only after review.");
                break;
            default:
                break;
        }

        // 2. Marked passages → notices.
        var passages = new NonDisclosedPassages(NonDisclosedPassages.NoticeFor(minutes.Disclosure), entries);
        var working = passages.Apply(minutes);
        holds.AddRange(passages.HoldReasons);
        warnings.AddRange(passages.Warnings);

        // 2b. Anything marker-like left over means something was meant to be hidden that no rule placed.
        if (ResidualMarkers.Find(working, NonDisclosedPassages.NoticeFor(minutes.Disclosure)) is { Count: > 0 } leftovers)
        {
            holds.Add("非公開の印と思われる文字列が、印として扱えない場所・形で残っています (marker-like text remains where no passage rule applies: "
                + string.Join(", ", leftovers.Take(5)) + (leftovers.Count > 5 ? $" and {leftovers.Count - 5} more" : string.Empty)
                + "); mark the passage with 【非公開】…【非公開ここまで】 in the proceedings, or remove the text.");
        }

        // 2c. Markers the normaliser could not place anywhere (in 開催日時, a caption, a dropped line).
        foreach (var unplaced in minutes.Warnings.Where(w => w.Code == MarkerLedger.Code))
        {
            holds.Add(unplaced.Message + "; 非公開の部分は審議経過・議題・会議の結果・資料の中で【非公開】…【非公開ここまで】で示してください (mark the passage there, or remove the marker).");
        }

        // 3. 一部非公開 with nothing marked: nobody has said which part is private.
        if (minutes.Disclosure.Minutes == DisclosureState.Partial && passages.MarkedPassages == 0 && !request.ConfirmedPublicVersion)
        {
            holds.Add("会議録は「一部非公開」ですが、非公開部分の印（【非公開】…【非公開ここまで】、<!-- 非公開 -->…<!-- /非公開 -->、見出し末尾の（非公開））がありません。"
                + "公開版であることを確認済みなら、blob メタデータ publicversion=true またはサイドカー <名前>.public-version を付けてください "
                + "(minutes are partly closed but no passage is marked and the upload is not confirmed as the public version).");
        }

        // 4. Personal names.
        try
        {
            working = await RedactNamesAsync(working, entries, cancellationToken).ConfigureAwait(false);
        }
        catch (NameRecognitionException e) when (!e.IsTransient)
        {
            holds.Add($"氏名の検出に失敗しました (name recognition failed: {e.Message}).");
            working = minutes;
        }

        var audit = new RedactionAudit(minutes.Id, request.SourceName, Policy.Version, entries) { Warnings = warnings };
        if (holds.Count > 0)
        {
            // Nothing is half-published: no publishable document, only a review copy for staff.
            return new RedactionOutcome(null, Hold(minutes, request, holds), audit)
            {
                Warnings = warnings,
                ReviewCopy = ReferenceEquals(working, minutes) ? null : working,
            };
        }

        var published = working with
        {
            Warnings = [.. working.Warnings, .. warnings.Select(w => new NormalizationWarning("redaction", w))],
        };
        return new RedactionOutcome(published, null, audit) { Warnings = warnings };
    }

    /// <summary>Why an unknown disclosure is not simply a missing table, or null when it is.</summary>
    private static string? UnclearRatherThanAbsent(Minutes minutes)
    {
        if (minutes.Disclosure.Meeting is DisclosureState.Closed or DisclosureState.Partial)
        {
            return "the meeting was closed or partly closed and the minutes' own state is not given";
        }

        return minutes.Warnings.FirstOrDefault(w => w.Code is "disclosure-unclear" or "disclosure-minutes-missing")?.Message;
    }

    private HoldReport Hold(Minutes minutes, RedactionRequest request, List<string> reasons) =>
        new(minutes.Id, request.SourceName, [.. reasons], Policy.Clock());

    private async Task<Minutes> RedactNamesAsync(Minutes minutes, List<RedactionEntry> entries, CancellationToken cancellationToken)
    {
        var fields = MinutesTextFields.Collect(minutes);
        var spans = new List<NameSpan>[fields.Count];
        for (var i = 0; i < spans.Length; i++)
        {
            spans[i] = [];
        }

        var offline = Recognizers.OfType<OfflineNameRecognizer>().FirstOrDefault();
        var lexicon = offline?.Lexicon ?? NameLexicon.Default;
        foreach (var recognizer in Recognizers)
        {
            if (recognizer is OfflineNameRecognizer structural)
            {
                // The offline recogniser knows what a label or roll entry is.
                for (var f = 0; f < fields.Count; f++)
                {
                    structural.Recognize(fields[f].Text, fields[f].Context, spans[f]);
                }

                continue;
            }

            // Other recognisers (Azure AI Language) see the whole document once, so they can batch.
            var (text, starts) = Join(fields);
            var found = await recognizer.RecognizeAsync(text, cancellationToken).ConfigureAwait(false);
            foreach (var span in found)
            {
                Distribute(span, fields, starts, spans);
            }
        }

        var masker = new NameMasker(Policy, lexicon);
        masker.Propagate(fields, spans);
        var replaced = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var f = 0; f < fields.Count; f++)
        {
            if (masker.Replace(fields[f], spans[f], entries) is { } text)
            {
                replaced[fields[f].Location] = text;
            }
        }

        return MinutesTextFields.Rebuild(minutes, replaced);
    }

    /// <summary>All fields in one text, one per line, with where each starts.</summary>
    private static (string Text, int[] Starts) Join(List<TextField> fields)
    {
        var sb = new StringBuilder();
        var starts = new int[fields.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            starts[f] = sb.Length;
            sb.Append(fields[f].Text).Append('\n');
        }

        return (sb.ToString(), starts);
    }

    private static void Distribute(NameSpan span, List<TextField> fields, int[] starts, List<NameSpan>[] spans)
    {
        var index = Array.BinarySearch(starts, span.Start);
        if (index < 0)
        {
            index = ~index - 1;
        }

        var end = span.Start + span.Length;
        for (var f = Math.Max(0, index); f < fields.Count && starts[f] < end; f++)
        {
            var s = Math.Max(span.Start, starts[f]) - starts[f];
            var e = Math.Min(end, starts[f] + fields[f].Text.Length) - starts[f];
            if (e > s)
            {
                spans[f].Add(span with { Start = s, Length = e - s });
            }
        }
    }
}

/// <summary>Site-wide redaction settings. <see cref="Version"/> changes whenever a rule changes, so re-rendering knows.</summary>
public sealed record RedactionPolicy
{
    public string Version { get; init; } = "1";

    public string Mask { get; init; } = "〇〇";

    public NameReplacement Replacement { get; init; } = NameReplacement.Mask;

    /// <summary>Names that stay (e.g. the mayor in official capacity).</summary>
    public IReadOnlyList<string> AllowList { get; init; } = [];

    /// <summary>Names always removed wherever they appear.</summary>
    public IReadOnlyList<string> DenyList { get; init; } = [];

    /// <summary>What to do with minutes whose 公開の可否 could not be read. Default: hold for review.</summary>
    public UnknownDisclosureHandling UnknownDisclosure { get; init; } = UnknownDisclosureHandling.Hold;

    /// <summary>Spans below this confidence are ignored (offline rules score 0.7–0.97; models vary).</summary>
    public double MinimumConfidence { get; init; } = 0.5;

    /// <summary>The time stamped on hold reports (replaceable in tests).</summary>
    [JsonIgnore]
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;
}

/// <summary>Minutes with no readable 公開の可否 (several wards' minutes have no disclosure table).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnknownDisclosureHandling>))]
public enum UnknownDisclosureHandling
{
    /// <summary>Hold for review (fail-safe default).</summary>
    Hold,
    /// <summary>Treat as public: the site knows its wards publish every set of minutes without a table.</summary>
    Publish,
}

public enum NameReplacement
{
    /// <summary>Every name becomes the mask (〇〇委員).</summary>
    Mask,
    /// <summary>Consistent pseudonyms within one document (A委員, B委員).</summary>
    Pseudonym,
}

/// <summary>Per-upload facts that are not in the document itself.</summary>
/// <param name="SourceName">The upload's name, for reports.</param>
/// <param name="ConfirmedPublicVersion">Staff confirmed the upload is already the public version of 一部非公開 minutes
/// (blob metadata <c>publicversion=true</c>, or a sidecar file <c>&lt;name&gt;.public-version</c> next to the upload).</param>
public sealed record RedactionRequest(string SourceName, bool ConfirmedPublicVersion = false)
{
    /// <summary>The blob metadata key that confirms the public version (value <c>true</c>).</summary>
    public const string PublicVersionMetadataKey = "publicversion";

    /// <summary>The sidecar suffix: <c>minutes.docx.public-version</c> next to <c>minutes.docx</c> confirms it.</summary>
    public const string PublicVersionSidecarSuffix = ".public-version";

    /// <summary>Reads the confirmation from blob metadata (<c>publicversion=true</c>, any case) and/or the presence of a sidecar.</summary>
    public static bool IsConfirmedPublicVersion(IReadOnlyDictionary<string, string>? metadata, bool sidecarExists = false)
    {
        if (sidecarExists)
        {
            return true;
        }

        if (metadata is null)
        {
            return false;
        }

        foreach (var (key, value) in metadata)
        {
            if (string.Equals(key, PublicVersionMetadataKey, StringComparison.OrdinalIgnoreCase)
                && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Finds personal names in text. Offsets are UTF-16 indices into the text given.</summary>
public interface IPersonNameRecognizer
{
    string Name { get; }

    Task<IReadOnlyList<NameSpan>> RecognizeAsync(string text, CancellationToken cancellationToken = default);
}

/// <summary>A name found at [Start, Start+Length) of a text, with the rule or model that found it.</summary>
public sealed record NameSpan(int Start, int Length, string Rule, double Confidence);

/// <summary>The result: either a publishable redacted document or a hold report; always an audit record.</summary>
public sealed record RedactionOutcome(Minutes? Redacted, HoldReport? Hold, RedactionAudit Audit)
{
    public bool IsPublishable => Redacted is not null && Hold is null;

    /// <summary>When held: the redacted document as far as it could be made, for staff review only. Never publish it.</summary>
    public Minutes? ReviewCopy { get; init; }

    /// <summary>Things staff should know that did not stop publication (e.g. an unclosed 【非公開】).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>Why a document is held for review instead of published.</summary>
public sealed record HoldReport(string Id, string SourceName, IReadOnlyList<string> Reasons, DateTimeOffset At);

/// <summary>Private record of every redaction made (what, where, which rule, confidence). Never published.</summary>
public sealed record RedactionAudit(string Id, string SourceName, string PolicyVersion, IReadOnlyList<RedactionEntry> Entries)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One redaction: the original text, where it was, what replaced it, and who decided.</summary>
public sealed record RedactionEntry(string Location, string Original, string Replacement, string Rule, double Confidence);

/// <summary>A recogniser could not answer. Transient failures (throttling, 5xx after retries) should be retried later; others hold the document.</summary>
public sealed class NameRecognitionException : Exception
{
    public NameRecognitionException()
    {
    }

    public NameRecognitionException(string message)
        : base(message)
    {
    }

    public NameRecognitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NameRecognitionException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    public bool IsTransient { get; }
}
