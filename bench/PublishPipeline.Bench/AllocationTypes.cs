using System.Diagnostics.Tracing;
using System.Globalization;
using PublishPipeline.Ingest;
using PublishPipeline.Normalization;
using PublishPipeline.Redaction;

namespace PublishPipeline.Bench;

/// <summary>
/// Which types a stage allocates on the dev corpus (normalise: blocks → <c>Minutes</c>; ingest: bytes →
/// blocks; redact: <c>Minutes</c> → outcome, as a publish redacts with unknown disclosure published), from the
/// runtime's allocation ticks (one event per ~100 KB allocated, naming the type that crossed it), so
/// the largest allocation is found before it is cut. Sampled, not exact: rows under ~1 % are noise.
/// Exact totals need <c>DOTNET_TieredCompilation=0</c> (tier-0 code allocates what tier-1 code does not).
/// Run: dotnet run -c Release --project bench/PublishPipeline.Bench -- allocs [rounds] [ingest|redact]
/// </summary>
internal static class AllocationTypes
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var stage = args.Length > 1 ? args[1] : "normalise";
        var uploads = DevCorpus.Uploads();
        var sources = uploads.Select(MinutesReader.Read).ToArray();
        var minutes = uploads.Select(MinutesNormalizer.Normalize).ToArray();
        var redactor = new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        var request = new RedactionRequest("bench");
        _ = redactor.RedactAsync(minutes[0], request).GetAwaiter().GetResult(); // the lexicon is loaded once, not in a round
        using var listener = new TickListener();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var r = 0; r < rounds; r++)
        {
            for (var d = 0; d < sources.Length; d++)
            {
                _ = stage switch
                {
                    "ingest" => MinutesReader.Read(uploads[d]),
                    "redact" => redactor.RedactAsync(minutes[d], request).GetAwaiter().GetResult(),
                    _ => (object)new MinutesNormalizer().Normalize(sources[d], minutes[d].Id),
                };
            }
        }

        var total = GC.GetAllocatedBytesForCurrentThread() - before;
        Thread.Sleep(500); // the listener's events arrive on another thread
        var sampled = listener.ByType.Values.Sum();
        Console.WriteLine($"{stage}: {total / 1e6 / rounds:0.00} MB per pass exactly; by type, sampled:");
        foreach (var (type, amount) in listener.ByType.OrderByDescending(p => p.Value).Take(25))
        {
            Console.WriteLine($"{amount * 100.0 / sampled,6:0.0} %  {total / 1e6 / rounds * amount / sampled,7:0.00} MB  {type}");
        }

        return 0;
    }

    private sealed class TickListener : EventListener
    {
        public Dictionary<string, long> ByType { get; } = [];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (!eventData.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
            {
                return;
            }

            var type = (string?)eventData.Payload[eventData.PayloadNames!.IndexOf("TypeName")] ?? "?";
            var amount = Convert.ToInt64(eventData.Payload[eventData.PayloadNames!.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            lock (ByType)
            {
                ByType[type] = ByType.GetValueOrDefault(type) + amount;
            }
        }
    }
}
