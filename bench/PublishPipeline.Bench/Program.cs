using BenchmarkDotNet.Running;
using PublishPipeline.Bench;

// `search [counts]` measures search transfer in a real browser (SearchTransferBench); `uploads`
// and `search-site` serve bench/publish-bench.sh (UploadCorpus, PublishedSearchBench); `stages
// [rounds]` breaks normalise + redact of the dev corpus down by stage (StageBreakdown); `allocs
// [rounds] [ingest|redact]` lists what the normalise (or ingest, or redact) stage allocates by type (AllocationTypes); `peak
// FILE` measures peak memory of normalise + redact of one upload (PeakMemory; `peak --make 30 FILE`
// writes a 30 MB one from a sample); anything
// else goes to BenchmarkDotNet: every benchmark class in this assembly is listed; pick with --filter.
if (args.Length > 0 && args[0] == "search")
{
    return SearchTransferBench.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "uploads")
{
    return UploadCorpus.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "search-site")
{
    return PublishedSearchBench.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "peak")
{
    return PeakMemory.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "allocs")
{
    return AllocationTypes.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "stages")
{
    return StageBreakdown.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
