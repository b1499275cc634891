using PublishPipeline.Model;

namespace PublishPipeline.Redaction;

/// <summary>
/// Decides what of a document may be published: applies disclosure rules and replaces personal
/// names. Fail-safe: anything unsure becomes a hold, never a guess.
/// CONTRACT (skeleton, implemented under issue #3): keep the type names and RedactAsync's shape;
/// add members freely.
/// </summary>
public sealed class Redactor
{
    public Redactor(RedactionPolicy policy, IEnumerable<IPersonNameRecognizer> recognizers)
    {
        Policy = policy;
        Recognizers = [.. recognizers];
    }

    public RedactionPolicy Policy { get; }

    public IReadOnlyList<IPersonNameRecognizer> Recognizers { get; }

    public Task<RedactionOutcome> RedactAsync(Minutes minutes, RedactionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(request);
        throw new NotImplementedException($"redaction: implemented under issue #3 ({Policy.Version})");
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
/// <param name="ConfirmedPublicVersion">Staff confirmed the upload is already the public version of 一部非公開 minutes.</param>
public sealed record RedactionRequest(string SourceName, bool ConfirmedPublicVersion = false);

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
}

/// <summary>Why a document is held for review instead of published.</summary>
public sealed record HoldReport(string Id, string SourceName, IReadOnlyList<string> Reasons, DateTimeOffset At);

/// <summary>Private record of every redaction made (what, where, which rule, confidence). Never published.</summary>
public sealed record RedactionAudit(string Id, string SourceName, string PolicyVersion, IReadOnlyList<RedactionEntry> Entries);

/// <summary>One redaction: the original text, where it was, what replaced it, and who decided.</summary>
public sealed record RedactionEntry(string Location, string Original, string Replacement, string Rule, double Confidence);
