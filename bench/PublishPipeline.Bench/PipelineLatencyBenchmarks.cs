using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Storage.Blobs;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PublishPipeline.Azure.Storage;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Site;
using PublishPipeline.Storage;

namespace PublishPipeline.Bench;

/// <summary>
/// Upload-to-published on Azurite, the way the Functions run it: 1,000 uploads arrive, up to 16
/// are processed at once (the host's blob parallelism, 8 × 2 cores), each goes normalise → redact
/// → render, and "published" means its page is written AND every index lists it (RenderAsync
/// returns only then). Reports documents/s and prints the latency
/// percentiles (upload written → published) to the log and to
/// BenchmarkDotNet.Artifacts/pipeline-latency.txt. One cold run: it is a system measurement, not a
/// micro-benchmark. Azurite: PUBLISHPIPELINE_AZURITE, else started from node_modules.
/// Run: dotnet run -c Release --project bench/PublishPipeline.Bench -- --filter '*PipelineLatency*'
/// </summary>
[Config(typeof(OneColdRunInProcess))]
public class PipelineLatencyBenchmarks
{
    /// <summary>One cold run, in this process (no generated project to build: the machine is shared and slow to compile).</summary>
    private sealed class OneColdRunInProcess : ManualConfig
    {
        public OneColdRunInProcess() => AddJob(Job.Default
            .WithStrategy(RunStrategy.ColdStart)
            .WithLaunchCount(1)
            .WithWarmupCount(0)
            .WithIterationCount(1)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true)));
    }

    /// <summary>1,000 by default; PIPELINE_BENCH_DOCS overrides it for a quick look.</summary>
    public static readonly int DocumentCount =
        int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_BENCH_DOCS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1000;
    public const int Parallelism = 16;

    private Process? _azurite;
    private BlobServiceClient _service = null!;
    private List<(string Name, byte[] Content)> _uploads = [];

    [GlobalSetup]
    public void Setup()
    {
        _service = new BlobServiceClient(Environment.GetEnvironmentVariable("PUBLISHPIPELINE_AZURITE") is { Length: > 0 } cs ? cs : StartAzurite());
        _uploads = [.. Enumerable.Range(0, DocumentCount).Select(i => ($"bench/{i:D4}.txt", Minutes(i)))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _azurite?.Kill(entireProcessTree: true);
        _azurite?.Dispose();
    }

    [Benchmark]
    public async Task UploadToPublished()
    {
        var store = new BlobObjectStore(_service, "b" + Guid.NewGuid().ToString("N")[..8] + "-");
        await store.EnsureContainersAsync();
        var pipeline = new MinutesPipeline(store, new Redactor(new RedactionPolicy()), new SiteBuilder(new SiteOptions { BaseUrl = new Uri("https://gikai.example.jp/") }));
        var latencies = new double[DocumentCount];
        var outcomes = new int[4];
        var finished = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, DocumentCount), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
        {
            var (name, content) = _uploads[i];
            await store.PutAsync(Containers.Uploads, name, content, ObjectProperties.None, cancellationToken: ct);
            var uploaded = clock.Elapsed;
            var results = await pipeline.PublishAsync(name, updateIndexes: true, ct);
            latencies[i] = (clock.Elapsed - uploaded).TotalMilliseconds;
            var last = results[^1];
            if (Interlocked.Increment(ref finished) % 100 == 0)
            {
                Console.WriteLine($"// {finished} of {DocumentCount} published after {clock.Elapsed.TotalSeconds:N0} s");
            }

            Interlocked.Increment(ref outcomes[last.Outcome switch
            {
                StageOutcome.Done or StageOutcome.Unchanged when last.Stage == Stages.Render => 0,
                StageOutcome.Held => 1,
                StageOutcome.Quarantined => 2,
                _ => 3,
            }]);
        });
        var total = clock.Elapsed;
        await store.DeleteContainersAsync();

        Array.Sort(latencies);
        string P(double q) => latencies[Math.Min(DocumentCount - 1, (int)(q * DocumentCount))].ToString("N0", CultureInfo.InvariantCulture);
        var report = string.Create(CultureInfo.InvariantCulture, $"""
            pipeline on Azurite: {DocumentCount} uploads, {Parallelism} at a time, {total.TotalSeconds:N1} s → {DocumentCount / total.TotalSeconds:N1} documents/s
            outcomes: {outcomes[0]} published, {outcomes[1]} held, {outcomes[2]} quarantined, {outcomes[3]} other
            upload → published (page + every index) latency ms: p50 {P(0.50)}, p90 {P(0.90)}, p99 {P(0.99)}, max {latencies[^1]:N0}
            """);
        Console.WriteLine("// " + report.Replace("\n", "\n// ", StringComparison.Ordinal));
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        await File.WriteAllTextAsync(Path.Combine("BenchmarkDotNet.Artifacts", "pipeline-latency.txt"), report + "\n");
    }

    /// <summary>Public minutes with varied bodies, dates and a named citizen (redacted).</summary>
    private static byte[] Minutes(int i)
    {
        string[] bodies = ["行政情報化推進本部", "情報公開審議会", "環境審議会", "都市計画審議会", "子ども・子育て会議"];
        string[] names = ["佐藤花子", "鈴木一郎", "高橋次郎", "田中美咲"];
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""

            会 議 録

            附属機関又は 会議体の名称		令和{1 + (i % 6)}年度 第{1 + (i % 12)}回{bodies[i % bodies.Length]}
            事務局(担当課)		総務部総務課
            開催日時		令和{1 + (i % 6)}年{1 + (i % 12)}月{1 + (i % 28)}日 14:00 ~15:00
            開催場所		第一会議室
            議 題		(1) 第{i}号議案について
            公開の 可否	会 議	<input checked="" type="checkbox"/> 公開 <input type="checkbox"/> 非公開 <input type="checkbox"/> 一部非公開
            	会議録	<input checked="" type="checkbox"/> 公開 <input type="checkbox"/> 非公開 <input type="checkbox"/> 一部非公開
            出席者	委 員	会長、副会長、委員(3名)
            	事務局	総務課長


            """);
        for (var t = 0; t < 20 + (i % 40); t++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(t % 2 == 0 ? "会長" : "総務課長")}\t第{i}号議案について、区民の{names[(i + t) % names.Length]}さんから意見が寄せられました。第{t}点目として、説明します。\n\n");
        }

        text.Append("—議題について案のとおり承認—\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private string StartAzurite()
    {
        var root = SiteCorpus.RepoRoot();
        var port = FreePort();
        _azurite = Process.Start(new ProcessStartInfo(Path.Combine(root, "node_modules", ".bin", "azurite-blob"))
        {
            ArgumentList = { "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture) },
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Azurite did not start (run npm ci).");
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException("Azurite did not listen within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
