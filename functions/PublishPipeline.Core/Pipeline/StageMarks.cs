using System.Globalization;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Where a large upload's memory goes, stage by stage (docs/scale.md, "30 MB"): with
/// <c>MINUTES_MARKS=1</c> each step of a large document's stages writes a line to standard error
/// with the process's peak and current resident set, the heap as the collector counts it (garbage
/// included) and the bytes allocated so far; with <c>MINUTES_MARKS=live</c> the live heap instead,
/// after a full blocking collection (which changes the run it measures: its peak is not the real
/// one). Off (the variable unset) it costs one static read a step, and only large documents mark.
/// </summary>
internal static class StageMarks
{
    private static readonly string? Mode = Environment.GetEnvironmentVariable("MINUTES_MARKS");

    /// <summary>Marks a step of a document of <paramref name="documentBytes"/> (JSON or upload bytes): only a large one.</summary>
    public static void At(string step, long documentBytes)
    {
        if (Mode is null || documentBytes <= MinutesPipeline.WholeReadLimit)
        {
            return;
        }

        var live = Mode == "live";
        var heap = GC.GetTotalMemory(forceFullCollection: live);
        var (peak, resident) = ResidentSet();
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"mark {step,-34} peak {peak / 1e6,5:0} MB  resident {resident / 1e6,5:0} MB  {(live ? "live" : "heap")} {heap / 1e6,5:0} MB  allocated {GC.GetTotalAllocatedBytes() / 1e6,6:0} MB  gen2 {GC.CollectionCount(2)}"));
    }

    private static (long Peak, long Resident) ResidentSet()
    {
        long peak = 0, resident = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                resident = Kilobytes(line);
            }
        }

        return (peak, resident);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
}
