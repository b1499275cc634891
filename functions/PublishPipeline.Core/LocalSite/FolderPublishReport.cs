using PublishPipeline.Review;

namespace PublishPipeline.LocalSite;

/// <summary>Where one input ended up after a folder publish.</summary>
public enum DocumentOutcome
{
    /// <summary>On the site (rendered now or already current).</summary>
    Published,
    /// <summary>Held for review: a report says what to check.</summary>
    Held,
    /// <summary>Could not be processed: a quarantine report says why, or the input itself is unusable.</summary>
    Failed,
    /// <summary>The same minutes as another input: published once, under the other name.</summary>
    Duplicate,
    /// <summary>No longer among the inputs: its page and index entries were taken down.</summary>
    Withdrawn,
}

/// <summary>One row of a folder publish: an input, or an upload that left the input folder.</summary>
/// <param name="SourceName">The upload name (the path inside the input folder).</param>
/// <param name="Id">The minutes id (stable: derived from the name).</param>
/// <param name="Message">What happened, in one sentence.</param>
public sealed record DocumentResult(string SourceName, string? Id, DocumentOutcome Outcome, string Message)
{
    /// <summary>The private report (held/… or quarantine/… or the withdrawal audit), as container/name.</summary>
    public string? Report { get; init; }

    /// <summary>For a hold: what a reviewer must check, and where.</summary>
    public IReadOnlyList<HoldCheck> Checks { get; init; } = [];

    /// <summary>For a hold: the review decision found and what it did.</summary>
    public string? ReviewNote { get; init; }

    /// <summary>What the reader and redaction want a person to know ("line 12: code: message").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>For a duplicate: the input published instead.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>Nothing had to be done for it this run.</summary>
    public bool Unchanged { get; init; }
}

/// <summary>What a folder publish did, document by document, and to the site as a whole.</summary>
public sealed record FolderPublishReport(IReadOnlyList<DocumentResult> Documents, int IndexFilesWritten, int IndexFilesDeleted)
{
    /// <summary>Documents whose public files were missing or changed in the site folder and were written again.</summary>
    public IReadOnlyList<string> Repaired { get; init; } = [];

    /// <summary>Inputs that were not taken (e.g. review records, which only approve/reject write).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public int Count(DocumentOutcome outcome) => Documents.Count(d => d.Outcome == outcome);
}
