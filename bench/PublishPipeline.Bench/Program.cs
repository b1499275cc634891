using BenchmarkDotNet.Running;
using PublishPipeline.Bench;

// `search [counts]` measures search transfer in a real browser (SearchTransferBench); `uploads`
// and `search-site` serve bench/publish-bench.sh (UploadCorpus, PublishedSearchBench); anything
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

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
