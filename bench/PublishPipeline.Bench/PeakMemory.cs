using System.Globalization;
using System.Runtime;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
using PublishPipeline.Redaction;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Bench;

/// <summary>
/// Peak memory of normalise + redact of one large upload in a fresh process, as the CLI and the
/// handler hold it (the file's bytes and the document while normalising, then the document and the
/// redacted copy): the process's peak
/// resident set (VmHWM), live bytes at each step, and bytes allocated per upload byte. Make the
/// upload from a sample (its proceedings repeated, as <see cref="BenchSamples.Uploads"/> does; by
/// default 004, the committee minutes with 22 named members) with <c>peak --make 30 FILE [sample]</c>,
/// then measure with <c>peak FILE</c>.
/// </summary>
internal static class PeakMemory
{
    public static int Run(string[] args)
    {
        if (args.Length >= 3 && args[0] == "--make")
        {
            var upload = BenchSamples.LongUpload(int.Parse(args[1], CultureInfo.InvariantCulture) * 1_000_000L, args.Length > 3 ? args[3] : "004");
            File.WriteAllBytes(args[2], upload.Content.ToArray());
            Console.WriteLine($"{args[2]}: {upload.Content.Length / 1e6:0.0} MB from {upload.Name}");
            return 0;
        }

        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: peak --make <MB> <file> [sample] | peak <file>");
            return 2;
        }

        var redactor = new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        _ = NameLexicon.Default; // loaded once per process, not per upload
        var baseline = Live();
        var name = Path.GetFileName(args[0]);
        var (minutes, bytes, allocated) = Normalise(name, args[0]);
        var afterNormalise = GC.GetTotalAllocatedBytes(precise: true);
        var peakNormalise = PeakResidentBytes();
        var document = Live();
        var outcome = redactor.RedactAsync(minutes, new RedactionRequest(name)).GetAwaiter().GetResult();
        var after = GC.GetTotalAllocatedBytes(precise: true);
        var redacted = Live();
        Console.WriteLine($"{name}: {bytes / 1e6:0.0} MB; {Turns(outcome.Redacted ?? minutes)} turns, {outcome.Audit.Entries.Count} redactions");
        Console.WriteLine($"peak resident set (VmHWM) {PeakResidentBytes() / 1e6:0} MB ({peakNormalise / 1e6:0} MB by the end of normalising); live: runtime and lexicon {baseline / 1e6:0} MB, + document {(document - baseline) / 1e6:0} MB, + redacted copy and audit {(redacted - document) / 1e6:0} MB");
        Console.WriteLine($"allocated: normalise {allocated / 1e6:0} MB ({(double)allocated / bytes:0.0} B per input byte), redact {(after - afterNormalise) / 1e6:0} MB ({(double)(after - afterNormalise) / bytes:0.0} B per input byte)");
        GC.KeepAlive(minutes);
        GC.KeepAlive(outcome);
        return 0;
    }

    /// <summary>
    /// The upload's bytes are alive while it is read and normalised, not after: the pipeline's
    /// normalise stage hands the document on and the redact stage never sees the bytes, and
    /// <c>minutes redact</c> drops them once normalised. Its own method, so nothing here keeps them.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (Minutes Minutes, long Bytes, long Allocated) Normalise(string name, string path)
    {
        var file = new SourceFile(name, File.ReadAllBytes(path));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var minutes = MinutesNormalizer.Normalize(file);
        return (minutes, file.Content.Length, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private static long Live()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        return GC.GetTotalMemory(forceFullCollection: true);
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
