using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Serialization;
using PublishPipeline.Model;
using PublishPipeline.Redaction.Audit;
using PublishPipeline.Redaction.Disclosure;
using PublishPipeline.Redaction.Names;
using PublishPipeline.Redaction.People;
using PublishPipeline.Redaction.PersonalData;
using PublishPipeline.Review;

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
        var people = new List<PersonDecision>();
        var holds = new List<string>();
        var checks = new List<HoldCheck>(); // the same holds, with where a reviewer must look
        var accounted = new HashSet<string>(StringComparer.Ordinal); // reasons that have their checks
        var warnings = new List<string>();

        void Check(string reason, params IEnumerable<HoldCheck> found)
        {
            checks.AddRange(found);
            accounted.Add(reason);
        }

        // A reason added without checks of its own becomes a check no approval overrules.
        void CheckTheRest() => checks.AddRange(holds.Where(r => accounted.Add(r)).Select(r => new HoldCheck(HoldCodes.Other, r)));

        // 1. The minutes' own disclosure decides first.
        switch (minutes.Disclosure.Minutes)
        {
            case DisclosureState.Closed:
                holds.Add("会議録は「非公開」とされています (the minutes are marked closed)"
                    + (string.IsNullOrWhiteSpace(minutes.Disclosure.Reason) ? "." : $": {minutes.Disclosure.Reason}"));
                Check(holds[^1], HoldChecks.OnDisclosure(minutes, HoldCodes.Closed, holds[^1]));
                CheckTheRest();
                var closedAudit = new RedactionAudit(minutes.Id, request.SourceName, Policy.Version, entries) { Warnings = warnings };
                var closedReview = ReviewRules.Apply(request.Review, minutes, holds, checks); // never publishes: noted in the report
                return new RedactionOutcome(null, Hold(minutes, request, holds, checks, closedReview), closedAudit) { Warnings = warnings };
            case DisclosureState.Unknown when Policy.UnknownDisclosure == UnknownDisclosureHandling.Hold:
                holds.Add("会議録の公開の可否が読み取れません (the minutes' disclosure is unknown); publish only after review, or set the site's policy to publish such minutes.");
                Check(holds[^1], HoldChecks.OnDisclosure(minutes, HoldCodes.DisclosureUnknown, holds[^1]));
                break;
            case DisclosureState.Unknown when UnclearRatherThanAbsent(minutes) is { } why:
                // The policy may publish minutes that simply have no 公開の可否 table; it never
                // publishes a table that says something we could not read.
                holds.Add($"会議録の公開の可否が不明確です (the minutes' disclosure is unclear: {why}); publish only after review.");
                Check(holds[^1], HoldChecks.OnDisclosure(minutes, HoldCodes.DisclosureUnclear, holds[^1]));
                break;
            default:
                break;
        }

        // 2. Marked passages → notices.
        var passages = new NonDisclosedPassages(NonDisclosedPassages.NoticeFor(minutes.Disclosure), entries);
        var working = passages.Apply(minutes);
        holds.AddRange(passages.HoldReasons);
        foreach (var reason in passages.HoldReasons)
        {
            Check(reason, HoldChecks.FromLocatedReason(minutes, HoldCodes.StrayClosingMarker, reason));
        }

        warnings.AddRange(passages.Warnings);

        // 2b. Anything marker-like left over means something was meant to be hidden that no rule placed.
        var fields = MinutesTextFields.Collect(working); // listed once for this check and the names
        if (ResidualMarkers.Find(working, NonDisclosedPassages.NoticeFor(minutes.Disclosure), fields) is { Count: > 0 } leftovers)
        {
            holds.Add("非公開の印と思われる文字列が、印として扱えない場所・形で残っています (marker-like text remains where no passage rule applies: "
                + string.Join(", ", leftovers.Take(5)) + (leftovers.Count > 5 ? $" and {leftovers.Count - 5} more" : string.Empty)
                + "); mark the passage with 【非公開】…【非公開ここまで】 in the proceedings, or remove the text.");
            Check(holds[^1], leftovers.Select(at => HoldChecks.At(working, HoldCodes.MarkerLike, // locations in the document after the passages
                "非公開の印と思われる文字列が、印として扱えない場所・形で残っています (marker-like text where no passage rule applies): mark the passage or remove the text.", at)));
        }

        // 2b'. A closed session (秘密会, これより非公開) declared in the proceedings with speech after it.
        foreach (var (declaredAt, spokenAt) in ClosedSessions.Find(working))
        {
            holds.Add($"{spokenAt}: 秘密会・非公開の審議に入ると宣言された後（{declaredAt}）に発言が記録されています。非公開の部分を【非公開】…【非公開ここまで】で示すか、公開してよい記録であることを確認してください "
                + "(speech is recorded after a closed session was declared: mark the closed passage, or confirm it is public).");
            Check(holds[^1], HoldChecks.FromLocatedReason(working, HoldCodes.ClosedSession, holds[^1]));
        }

        // 2c. Markers the normaliser could not place anywhere (in 開催日時, a caption, a dropped line).
        foreach (var unplaced in minutes.Warnings.Where(w => w.Code == MarkerLedger.Code))
        {
            holds.Add(unplaced.Message + "; 非公開の部分は審議経過・議題・会議の結果・資料の中で【非公開】…【非公開ここまで】で示してください (mark the passage there, or remove the marker).");
            Check(holds[^1], new HoldCheck(HoldCodes.MarkerUnplaced, holds[^1]) { Line = unplaced.Line });
        }

        // 2d. A person structure names whose name no reader could read: it cannot be masked, so nothing is published by guess.
        foreach (var unread in minutes.Warnings.Where(w => w.Code == HoldCodes.NameUnread))
        {
            holds.Add("氏名を読み取れない箇所があります (" + unread.Message + "); 氏名を漢字・かな、またはカタカナ（・＝で区切る）で書いたファイルに直してください (correct the file: the name cannot be masked).");
            Check(holds[^1], new HoldCheck(HoldCodes.NameUnread, holds[^1]) { Line = unread.Line });
        }

        // 2e. A line read as a speaker label with no speech after it is kept in no turn: a reviewer checks what was lost.
        foreach (var dropped in minutes.Warnings.Where(w => w.Code == HoldCodes.LabelWithoutSpeech))
        {
            holds.Add("発言のない発言者名の行があり、会議録に残っていません (" + dropped.Message + "); 行の内容を確認してください "
                + "(a line read as a speaker label has no speech after it and is kept nowhere: check what it was).");
            Check(holds[^1], new HoldCheck(HoldCodes.LabelWithoutSpeech, holds[^1]) { Line = dropped.Line });
        }

        // 3. 一部非公開 with nothing marked: nobody has said which part is private.
        if (minutes.Disclosure.Minutes == DisclosureState.Partial && passages.MarkedPassages == 0 && !request.ConfirmedPublicVersion)
        {
            holds.Add("会議録は「一部非公開」ですが、非公開部分の印（【非公開】…【非公開ここまで】、<!-- 非公開 -->…<!-- /非公開 -->、見出し末尾の（非公開））がありません。"
                + "公開版であることを確認済みなら、blob メタデータ publicversion=true またはサイドカー <名前>.public-version を付けてください "
                + "(minutes are partly closed but no passage is marked and the upload is not confirmed as the public version).");
            Check(holds[^1], HoldChecks.OnDisclosure(minutes, HoldCodes.PartialUnmarked, holds[^1]));
        }

        // 4. Personal names.
        try
        {
            working = await RedactNamesAsync(working, fields, entries, people, cancellationToken).ConfigureAwait(false);
        }
        catch (NameRecognitionException e) when (!e.IsTransient)
        {
            holds.Add($"氏名の検出に失敗しました (name recognition failed: {e.Message}).");
            Check(holds[^1], HoldChecks.At(minutes, HoldCodes.NamesNotRedacted, holds[^1], null));
            working = minutes;
        }

        // 4b. A label's katakana value that may be a name or a word (担当：システム, 講師　マルタン) is
        // masked, and a person looks before anything is published.
        foreach (var unsure in entries.Where(e => e.Rule.Contains(OfflineNameRecognizer.UnsureLabelRule, StringComparison.Ordinal)))
        {
            holds.Add($"ラベルの後のカタカナ「{unsure.Original}」が氏名か語か判別できません (a label's katakana value may be a name); 伏せたままでよいか確認してください (it is masked: check it).");
            Check(holds[^1], HoldChecks.At(minutes, HoldCodes.NameUnsure, holds[^1], unsure.Location));
        }

        // 4c. A word in a 会派's name that may be a member's surname or a word (山田クラブ, 清風クラブ):
        // masked, and held unless the register names a person so (the member is in the roll).
        foreach (var unsure in entries.Where(e => e.Rule.Contains(OfflineNameRecognizer.UnsureCaucusRule, StringComparison.Ordinal)
            && !e.Rule.Contains("register:", StringComparison.Ordinal)))
        {
            holds.Add($"会派名の中の「{unsure.Original}」が議員の氏名か語か判別できません (a 会派's name may hold a member's name); 伏せたままでよいか確認してください (it is masked: check it).");
            Check(holds[^1], HoldChecks.At(minutes, HoldCodes.NameUnsure, holds[^1], unsure.Location));
        }

        // 5. A reviewer's decision on exactly this content: an approval overrules the checks a
        // person may overrule (names stay redacted); a rejection holds whatever else is true.
        CheckTheRest();
        var review = ReviewRules.Apply(request.Review, minutes, holds, checks);
        var audit = new RedactionAudit(minutes.Id, request.SourceName, Policy.Version, entries)
        {
            Warnings = warnings,
            People = people,
            Review = review.Applied ? review.Decision : null,
            ApprovedChecks = review.Publish ? checks : [],
        };
        if (holds.Count > 0 && !review.Publish)
        {
            // Nothing is half-published: no publishable document, only a review copy for staff.
            return new RedactionOutcome(null, Hold(minutes, request, holds, checks, review), audit)
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

        // A public meeting with no word on its minutes says no more is closed than no table at all does.
        return minutes.Warnings.FirstOrDefault(w => w.Code == "disclosure-unclear"
            || (w.Code == "disclosure-minutes-missing" && minutes.Disclosure.Meeting != DisclosureState.Public))?.Message;
    }

    private HoldReport Hold(Minutes minutes, RedactionRequest request, List<string> reasons, List<HoldCheck> checks, ReviewOutcome review) =>
        new(minutes.Id, request.SourceName, [.. reasons], Policy.Clock())
        {
            SourceSha256 = minutes.Source?.Sha256,
            Checks = [.. checks],
            Review = review.Decision,
            ReviewNote = review.Note,
        };

    private async Task<Minutes> RedactNamesAsync(Minutes minutes, List<TextField> fields, List<RedactionEntry> entries, List<PersonDecision> people, CancellationToken cancellationToken)
    {
        // A list only for a field with spans (FieldSpans): most have none, and a long document has hundreds of thousands of fields.
        var spans = new List<NameSpan>?[fields.Count];
        var recognised = new List<NameSpan>();
        var offline = Recognizers.OfType<OfflineNameRecognizer>().FirstOrDefault();
        var lexicon = offline?.Lexicon ?? NameLexicon.Default;
        foreach (var recognizer in Recognizers)
        {
            if (recognizer is OfflineNameRecognizer structural)
            {
                // The offline recogniser knows what a label or roll entry is.
                for (var f = 0; f < fields.Count; f++)
                {
                    structural.Recognize(fields[f].Text, fields[f].Context, recognised);
                    // A label's value read as the label speaking: the turn's text is the value. The normaliser reads a
                    // line 講師　山田太郎 as a person (RoleNameLine), but a label alone above its name (講師 / 山田太郎),
                    // a table row and a Latin value (講師　John Smith) still come here as a speech.
                    if (fields[f].Path.Area == FieldArea.TurnText && f > 0 && fields[f - 1].Path.Area == FieldArea.TurnSpeaker)
                    {
                        structural.RecognizeAfterSpeakerLabel(fields[f - 1].Text, fields[f].Text, recognised);
                    }

                    FieldSpans.Keep(spans, f, recognised);
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
        masker.Propagate(minutes, fields, spans, offline ?? new OfflineNameRecognizer(lexicon), RolePolicy.KeepsFor(Policy));
        people.AddRange(masker.Decisions());
        if (Policy.PersonalData != PersonalDataKinds.None)
        {
            var personal = new PersonalDataRecognizer(Policy.PersonalData, Policy.OfficeContacts);
            for (var f = 0; f < fields.Count; f++)
            {
                personal.Recognize(fields[f].Text, recognised);
                FieldSpans.Keep(spans, f, recognised);
            }
        }

        var replaced = new string?[fields.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            replaced[f] = masker.Replace(fields[f], FieldSpans.Of(spans, f), entries);
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

    private static void Distribute(NameSpan span, List<TextField> fields, int[] starts, List<NameSpan>?[] spans)
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
                (spans[f] ??= []).Add(span with { Start = s, Length = e - s });
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

    /// <summary>
    /// Role groups (<c>members</c>, <c>executives</c>, <c>officials</c>) or role words (<c>議長</c>) whose
    /// holders keep their names, e.g. assembly minutes that publish members' names. Default: none, every name is masked.
    /// </summary>
    public IReadOnlyList<string> KeepNamesOf { get; init; } = [];

    /// <summary>Other personal data to mask (phone numbers, e-mail addresses, street addresses of private persons). Default: none.</summary>
    public PersonalDataKinds PersonalData { get; init; } = PersonalDataKinds.None;

    /// <summary>Office contacts the ward publishes (a phone number, an e-mail address): never masked as personal data.</summary>
    public IReadOnlyList<string> OfficeContacts { get; init; } = [];

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
    /// <summary>A reviewer's decision on the upload (applies only when it covers the document's exact content; see <see cref="ReviewRules"/>).</summary>
    public ReviewDecision? Review { get; init; }

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
public sealed record HoldReport(string Id, string SourceName, IReadOnlyList<string> Reasons, DateTimeOffset At)
{
    /// <summary>SHA-256 of the uploaded bytes that were held: what an approval must cover.</summary>
    public string? SourceSha256 { get; init; }

    /// <summary>What a reviewer must check, each with where (field, and line of the original file when known).</summary>
    public IReadOnlyList<HoldCheck> Checks { get; init; } = [];

    /// <summary>The upload's review decision, if one was found (it may cover other content, or be unable to overrule a check).</summary>
    public ReviewDecision? Review { get; init; }

    /// <summary>What that decision did or why it did not apply.</summary>
    public string? ReviewNote { get; init; }
}

/// <summary>Private record of every redaction made (what, where, which rule, confidence). Never published.</summary>
public sealed record RedactionAudit(string Id, string SourceName, string PolicyVersion, IReadOnlyList<RedactionEntry> Entries)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The document's register of people and what was decided for each (masked, or kept and why).</summary>
    public IReadOnlyList<PersonDecision> People { get; init; } = [];

    /// <summary>The reviewer's decision that took effect on this content (an approval that published it, or a rejection).</summary>
    public ReviewDecision? Review { get; init; }

    /// <summary>The hold checks an approval overruled.</summary>
    public IReadOnlyList<HoldCheck> ApprovedChecks { get; init; } = [];
}

/// <summary>One redaction: the original text, where it was, what replaced it, and who decided.</summary>
[JsonConverter(typeof(RedactionEntryJsonConverter))]
public sealed record RedactionEntry(string Location, string Original, string Replacement, string Rule, double Confidence)
{
    // A masked name's entry keeps its field's path and offset and spells the location out only when it
    // is read (the audit's JSON writes it without a string): a document has thousands of entries, and
    // their location strings were the largest part of the audit (1.3 MB of a dev-corpus pass).
    private readonly string? _location = Location;
    private readonly FieldPath _path;
    private readonly int _offset;

    internal RedactionEntry(FieldPath path, int offset, string original, string replacement, string rule, double confidence)
        : this(null!, original, replacement, rule, confidence)
    {
        _path = path;
        _offset = offset;
    }

    /// <summary>Where the text was, e.g. <c>sections[2].turns[5].text@14</c>.</summary>
    public string Location
    {
        get => _location ?? _path.At(_offset);
        init => _location = value;
    }

    /// <summary>Appends <see cref="Location"/> to <paramref name="text"/> with no string of its own.</summary>
    internal void WriteLocation(ref DefaultInterpolatedStringHandler text)
    {
        if (_location is null)
        {
            _path.WriteAt(_offset, ref text);
        }
        else
        {
            text.AppendFormatted(_location);
        }
    }

    // Equal by what the entry says, however its location is kept.
    public bool Equals(RedactionEntry? other) =>
        other is not null
        && string.Equals(Location, other.Location, StringComparison.Ordinal)
        && string.Equals(Original, other.Original, StringComparison.Ordinal)
        && string.Equals(Replacement, other.Replacement, StringComparison.Ordinal)
        && string.Equals(Rule, other.Rule, StringComparison.Ordinal)
        && Confidence.Equals(other.Confidence);

    public override int GetHashCode() => HashCode.Combine(Location, Original, Replacement, Rule, Confidence);
}

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
