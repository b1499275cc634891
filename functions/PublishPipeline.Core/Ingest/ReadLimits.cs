using System.Diagnostics;

namespace PublishPipeline.Ingest;

/// <summary>
/// How much work one upload may cause in the readers. Each limit is far beyond any real minutes
/// (the longest in the dev corpus is 300 KB of text, nested a few levels) and ends the read with a
/// <see cref="MinutesFormatException"/> of code <c>limit</c> that says which limit and where, so the
/// upload is quarantined instead of holding a worker (or overflowing its stack). The limits are
/// checked before the libraries see the input wherever a library's own work grows faster than the
/// input (Markdig's with nesting, OpenXml's recursion, AngleSharp's DOM).
/// </summary>
public static class ReadLimits
{
    /// <summary>Elements inside elements (HTML after parsing, Word XML): minutes nest a few levels, tables in tables a few more.</summary>
    public const int MaxDepth = 256;

    /// <summary>Markdown containers (block quotes, list items) inside each other: Markdig's work grows with the cube of this.</summary>
    public const int MaxMarkdownNesting = 32;

    /// <summary>Start tags in one HTML page or fragment (a long saved minutes page has a few thousand; AngleSharp's DOM costs about 10 µs each).</summary>
    public const int MaxHtmlElements = 50_000;

    /// <summary>Files in a .docx zip (Word writes a dozen, plus one per picture).</summary>
    public const int MaxDocxEntries = 5_000;

    /// <summary>XML unpacked from a .docx (document, styles, numbering …): a 1,000-page minutes document has about 10 MiB.</summary>
    public const long MaxDocxXmlBytes = 16L * 1024 * 1024;

    /// <summary>How far one zip entry above 1 MiB may expand: Word XML compresses 5–20×, a zip bomb thousands of times.</summary>
    public const int MaxDocxCompressionRatio = 100;

    /// <summary>XML elements in all parts of a .docx (about 10 per paragraph in Word's output).</summary>
    public const int MaxDocxXmlElements = 2_000_000;

    /// <summary>Wall-clock time one upload may spend in the readers: a backstop for work no other limit foresaw.</summary>
    public static TimeSpan MaxReadTime { get; } = TimeSpan.FromSeconds(10);

    /// <summary>A shorter limit for reads on this thread only (tests of the limit itself).</summary>
    [ThreadStatic]
    internal static TimeSpan? MaxReadTimeOnThisThread;

    [ThreadStatic]
    private static long deadline;

    [ThreadStatic]
    private static double limitSeconds;

    /// <summary>Starts the clock for one read on this thread; disposing stops it.</summary>
    internal static Clock Start() => Start(null);

    /// <summary>
    /// Starts the clock again for a read that was stopped with <paramref name="remaining"/> left
    /// (<see cref="Remaining"/>; null: the whole limit): blocks handed on as they are read count the
    /// reader's time only, not what the consumer does between them.
    /// </summary>
    internal static Clock Start(long? remaining)
    {
        var previous = (deadline, limitSeconds);
        limitSeconds = (MaxReadTimeOnThisThread ?? MaxReadTime).TotalSeconds;
        deadline = Stopwatch.GetTimestamp() + (remaining ?? (long)(limitSeconds * Stopwatch.Frequency));
        return new Clock(previous.deadline, previous.limitSeconds);
    }

    /// <summary>The reading time left on this thread's clock, in <see cref="Stopwatch"/> ticks.</summary>
    internal static long Remaining() => deadline - Stopwatch.GetTimestamp();

    /// <summary>Throws when the read has run past <see cref="MaxReadTime"/>; <paramref name="what"/> and <paramref name="where"/> say how far it got ("line", 120).</summary>
    internal static void CheckTime(string what, int where)
    {
        if (deadline != 0 && Stopwatch.GetTimestamp() > deadline)
        {
            throw new ReadLimitException($"reading took longer than {limitSeconds:0.###} s (stopped at {what} {where})") { Line = what == "line" ? where : null };
        }
    }

    internal readonly struct Clock(long previousDeadline, double previousLimit) : IDisposable
    {
        public void Dispose() => (deadline, limitSeconds) = (previousDeadline, previousLimit);
    }
}

/// <summary>An upload exceeded one of <see cref="ReadLimits"/>; the message says which and where.</summary>
internal sealed class ReadLimitException : Exception
{
    public ReadLimitException()
    {
    }

    public ReadLimitException(string message)
        : base(message)
    {
    }

    public ReadLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int? Line { get; init; }
}
