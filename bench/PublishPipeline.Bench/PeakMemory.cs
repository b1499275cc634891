using System.Globalization;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
using PublishPipeline.Redaction;

namespace PublishPipeline.Bench;

/// <summary>
/// Peak memory of normalise + redact of one large upload in a fresh process: the process's peak
/// resident set (VmHWM), the largest GC heap after a collection while the upload, its document and
/// the redacted copy are alive, and bytes allocated per upload byte. Build the upload from the samples
/// (each sample's proceedings repeated, as <see cref="BenchSamples.Uploads"/> does) with
/// <c>peak --samples 30</c> (MB), or pass a file.
/// Run: dotnet run -c Release --project bench/PublishPipeline.Bench -- peak --samples 30
/// </summary>
internal static class PeakMemory
{
    public static int Run(string[] args)
    {
        SourceFile upload;
        if (args.Length >= 2 && args[0] == "--samples")
        {
            var megabytes = int.Parse(args[1], CultureInfo.InvariantCulture);
            upload = BenchSamples.LongUpload(megabytes * 1_000_000L);
        }
        else if (args.Length == 1)
        {
            upload = new SourceFile(Path.GetFileName(args[0]), File.ReadAllBytes(args[0]));
        }
        else
        {
            Console.Error.WriteLine("usage: peak --samples <MB> | peak <file>");
            return 2;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var minutes = MinutesNormalizer.Normalize(upload);
        var afterNormalise = GC.GetAllocatedBytesForCurrentThread();
        var redactor = new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        var outcome = redactor.RedactAsync(minutes, new RedactionRequest(upload.Name)).GetAwaiter().GetResult();
        var after = GC.GetAllocatedBytesForCurrentThread();
        GC.Collect();
        var live = GC.GetGCMemoryInfo().HeapSizeBytes;
        var bytes = upload.Content.Length;
        Console.WriteLine($"{upload.Name}: {bytes / 1e6:0.0} MB; {Turns(outcome.Redacted ?? minutes)} turns, {outcome.Audit.Entries.Count} redactions");
        Console.WriteLine($"peak resident set (VmHWM) {PeakResidentBytes() / 1e6:0} MB; GC heap with upload, document and redacted copy alive {live / 1e6:0} MB");
        Console.WriteLine($"allocated: normalise {(afterNormalise - before) / 1e6:0} MB ({(double)(afterNormalise - before) / bytes:0.0} B per input byte), redact {(after - afterNormalise) / 1e6:0} MB ({(double)(after - afterNormalise) / bytes:0.0} B per input byte; the lexicon's first load included)");
        GC.KeepAlive(upload);
        return 0;
    }

    private static int Turns(Minutes minutes) => minutes.Sections.Sum(s => s.Turns.Count);

    private static long PeakResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
