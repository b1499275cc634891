namespace PublishPipeline.Cli;

/// <summary>What every command's exit status means (also in `minutes --help` and the README).</summary>
internal static class ExitCodes
{
    /// <summary>Everything published (publish), or the decision recorded (approve, reject).</summary>
    public const int Success = 0;

    /// <summary>A document failed or was quarantined; a decision was refused; an unexpected error.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage: an option, the settings or the inputs are wrong. Nothing was changed.</summary>
    public const int Usage = 2;

    /// <summary>Something is held for review (and nothing failed).</summary>
    public const int Held = 3;

    /// <summary>Try again later (redact: name recognition was unavailable).</summary>
    public const int RetryLater = 4;

    public const string Help =
        "Exit codes: 0 everything published (approve/reject: decision recorded); "
        + "1 a document failed or was quarantined, or a decision was refused; "
        + "2 bad usage (options, settings, inputs; nothing changed); "
        + "3 something is held for review and nothing failed; "
        + "4 try again later (redact: name recognition unavailable).";
}
