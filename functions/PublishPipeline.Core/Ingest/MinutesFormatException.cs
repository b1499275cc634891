namespace PublishPipeline.Ingest;

/// <summary>
/// The upload cannot be read as minutes. The message says what is wrong; <see cref="SourceName"/> and
/// <see cref="Line"/> say where. Callers keep the original and report; they never publish a guess.
/// </summary>
public sealed class MinutesFormatException : Exception
{
    public MinutesFormatException()
    {
    }

    public MinutesFormatException(string message)
        : base(message)
    {
    }

    public MinutesFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MinutesFormatException(string sourceName, string message, int? line = null, Exception? innerException = null)
        : base(message, innerException)
    {
        SourceName = sourceName;
        Line = line;
    }

    /// <summary>A short machine-readable reason, e.g. "encoding", "empty", "docx", "too-large", "no-minutes".</summary>
    public string Code { get; init; } = "format";

    public string? SourceName { get; }

    public int? Line { get; }

    /// <summary>"name:line: message" — the form errors are printed in.</summary>
    public override string ToString() =>
        SourceName is null ? Message : Line is int l ? $"{SourceName}:{l}: {Message}" : $"{SourceName}: {Message}";
}
