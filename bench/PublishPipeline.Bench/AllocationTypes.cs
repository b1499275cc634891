using System.Diagnostics.Tracing;
using System.Globalization;
using PublishPipeline.Ingest;
using PublishPipeline.Normalization;

namespace PublishPipeline.Bench;

/// <summary>
/// Which types the normalise stage (blocks → <c>Minutes</c>) allocates on the dev corpus, from the
/// runtime's allocation ticks (one event per ~100 KB allocated, naming the type that crossed it), so
/// the largest allocation is found before it is cut. Sampled, not exact: rows under ~1 % are noise.
/// Run: dotnet run -c Release --project bench/PublishPipeline.Bench -- allocs [rounds] [ingest]
/// </summary>
internal static class AllocationTypes
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var ingest = args.Length > 1 && args[1] == "ingest";
        var uploads = DevCorpus.Uploads();
        var sources = uploads.Select(MinutesReader.Read).ToArray();
        var ids = uploads.Select(u => MinutesNormalizer.Normalize(u).Id).ToArray();
        using var listener = new TickListener();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var r = 0; r < rounds; r++)
        {
            for (var d = 0; d < sources.Length; d++)
            {
                if (ingest)
                {
                    _ = MinutesReader.Read(uploads[d]);
                }
                else
                {
                    _ = new MinutesNormalizer().Normalize(sources[d], ids[d]);
                }
            }
        }

        var total = GC.GetAllocatedBytesForCurrentThread() - before;
        Thread.Sleep(500); // the listener's events arrive on another thread
        var sampled = listener.ByType.Values.Sum();
        Console.WriteLine($"{(ingest ? "ingest" : "normalise")}: {total / 1e6 / rounds:0.00} MB per pass exactly; by type, sampled:");
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
