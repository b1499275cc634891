using System.Diagnostics;
using System.Globalization;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
using PublishPipeline.Redaction;
using PublishPipeline.Redaction.Disclosure;
using PublishPipeline.Redaction.Names;
using PublishPipeline.Redaction.People;

namespace PublishPipeline.Bench;

/// <summary>
/// Where normalise + redact spends its time on the dev corpus, stage by stage (ingest, normalise,
/// passages, collect, recognise, register, match, replace, rebuild), as the median on-CPU time of
/// this thread over several rounds (read from /proc/thread-self/schedstat, so waiting for a CPU on a
/// loaded machine does not count) and bytes allocated on this thread. Each stage is run on its own
/// over the whole corpus with the previous stage's output prepared beforehand, the same calls
/// <see cref="Redactor"/> makes, so the rows add up to about one normalise + redact (the last row);
/// "register + match" includes "register".
/// Run: dotnet run -c Release --project bench/PublishPipeline.Bench -- stages [rounds] [folder instead of the dev corpus]
/// </summary>
internal static class StageBreakdown
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        var uploads = args.Length > 1
            ? [.. Directory.GetFiles(args[1]).Order(StringComparer.Ordinal).Select(f => new SourceFile(Path.GetFileName(f), File.ReadAllBytes(f)))]
            : DevCorpus.Uploads();
        var bytes = uploads.Sum(u => (long)u.Content.Length);
        var policy = new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish };
        var redactor = new Redactor(policy);
        var offline = redactor.Recognizers.OfType<OfflineNameRecognizer>().Single();
        var request = new RedactionRequest("bench");

        var sources = uploads.Select(MinutesReader.Read).ToArray();
        var minutes = uploads.Select(MinutesNormalizer.Normalize).ToArray();
        var fields = minutes.Select(MinutesTextFields.Collect).ToArray();
        List<NameSpan>[][] Recognised()
        {
            var all = new List<NameSpan>[fields.Length][];
            for (var d = 0; d < fields.Length; d++)
            {
                all[d] = new List<NameSpan>[fields[d].Count];
                for (var f = 0; f < fields[d].Count; f++)
                {
                    all[d][f] = [];
                    offline.Recognize(fields[d][f].Text, fields[d][f].Context, all[d][f]);
                }
            }

            return all;
        }

        var recognised = Recognised();
        NameMasker[] maskers = [];
        List<NameSpan>[][] propagated = [];
        void PrepareMatch()
        {
            propagated = [.. recognised.Select(doc => doc.Select(s => new List<NameSpan>(s)).ToArray())];
            maskers = [.. minutes.Select(_ => new NameMasker(policy, offline.Lexicon))];
        }

        PrepareMatch();
        for (var d = 0; d < minutes.Length; d++)
        {
            maskers[d].Propagate(minutes[d], fields[d], propagated[d], offline, RolePolicy.KeepsFor(policy));
        }

        var finalSpans = propagated;
        var replaced = new string?[minutes.Length][];
        for (var d = 0; d < minutes.Length; d++)
        {
            replaced[d] = new string?[fields[d].Count];
            for (var f = 0; f < fields[d].Count; f++)
            {
                replaced[d][f] = maskers[d].Replace(fields[d][f], finalSpans[d][f], []);
            }
        }

        var stages = new (string Name, Action? Prepare, Action Run)[]
        {
            ("ingest (bytes → blocks)", null, () => { foreach (var u in uploads) { _ = MinutesReader.Read(u); } }),
            ("normalise (blocks → Minutes)", null, () => { for (var d = 0; d < sources.Length; d++) { _ = new MinutesNormalizer().Normalize(sources[d], minutes[d].Id); } }),
            ("passages (非公開 markers)", null, () =>
            {
                for (var d = 0; d < minutes.Length; d++)
                {
                    var notice = NonDisclosedPassages.NoticeFor(minutes[d].Disclosure);
                    var working = new NonDisclosedPassages(notice, []).Apply(minutes[d]);
                    _ = ResidualMarkers.Find(working, notice, fields[d]); // the fields are listed once, in the next row
                }
            }),
            ("collect fields", null, () => { foreach (var m in minutes) { _ = MinutesTextFields.Collect(m); } }),
            ("recognise (offline rules)", null, () => _ = Recognised()),
            ("register (build)", null, () =>
            {
                for (var d = 0; d < minutes.Length; d++)
                {
                    var spans = recognised[d].Select(s => new List<NameSpan>(s)).ToArray();
                    var veto = new NameVeto(offline.Lexicon, DocumentPlaces.Of(minutes[d]));
                    _ = RegisterBuilder.Build(minutes[d], fields[d], spans, offline, policy, veto);
                }
            }),
            ("register + match (Propagate)", PrepareMatch, () =>
            {
                for (var d = 0; d < minutes.Length; d++)
                {
                    maskers[d].Propagate(minutes[d], fields[d], propagated[d], offline, RolePolicy.KeepsFor(policy));
                }
            }),
            ("replace", null, () =>
            {
                for (var d = 0; d < minutes.Length; d++)
                {
                    for (var f = 0; f < fields[d].Count; f++)
                    {
                        _ = maskers[d].Replace(fields[d][f], finalSpans[d][f], []);
                    }
                }
            }),
            ("rebuild", null, () => { for (var d = 0; d < minutes.Length; d++) { _ = MinutesTextFields.Rebuild(minutes[d], replaced[d]); } }),
            ("normalise + redact (whole, from bytes)", null, () =>
            {
                foreach (var u in uploads)
                {
                    _ = redactor.RedactAsync(MinutesNormalizer.Normalize(u), request).GetAwaiter().GetResult();
                }
            }),
        };

        Console.WriteLine($"{(args.Length > 1 ? args[1] : "dev corpus")}: {uploads.Length} uploads, {bytes / 1e6:0.00} MB; {rounds} rounds; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"fields {fields.Sum(f => f.Count)}, {fields.Sum(f => f.Sum(x => (long)x.Text.Length)) / 1e6:0.00} M chars (body {minutes.Sum(m => (long)(m.Body?.Length ?? 0)) / 1e6:0.00} M); "
            + $"spans recognised {recognised.Sum(d => d.Sum(s => s.Count))}, after the register {finalSpans.Sum(d => d.Sum(s => s.Count))}; fields replaced {replaced.Sum(r => r.Count(x => x is not null))}");
        Console.WriteLine($"{"stage",-40} {"on-CPU ms (median)",18} {"(min)",7} {"wall ms (median)",16} {"MB/s on-CPU",12} {"alloc MB",9} {"B/in-B",7}");
        // Rounds interleave the stages, so a change in the machine's load touches every stage alike.
        var cpu = stages.Select(_ => new List<double>()).ToArray();
        var wall = stages.Select(_ => new List<double>()).ToArray();
        var allocated = new long[stages.Length];
        for (var r = 0; r < rounds + 2; r++)
        {
            for (var k = 0; k < stages.Length; k++)
            {
                stages[k].Prepare?.Invoke();
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                var c0 = ThreadCpuNs();
                var sw = Stopwatch.StartNew();
                stages[k].Run();
                sw.Stop();
                var c1 = ThreadCpuNs();
                var a1 = GC.GetAllocatedBytesForCurrentThread();
                if (r >= 2) // two warm-up rounds (JIT, tiering)
                {
                    cpu[k].Add((c1 - c0) / 1e6);
                    wall[k].Add(sw.Elapsed.TotalMilliseconds);
                    allocated[k] = a1 - a0;
                }
            }
        }

        for (var k = 0; k < stages.Length; k++)
        {
            var cpuMs = Median(cpu[k]);
            Console.WriteLine($"{stages[k].Name,-40} {cpuMs,18:0.0} {cpu[k].Min(),7:0.0} {Median(wall[k]),16:0.0} {bytes / 1e6 / (cpuMs / 1000),12:0.0} {allocated[k] / 1e6,9:0.0} {(double)allocated[k] / bytes,7:0.00}");
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values[values.Count / 2];
    }

    /// <summary>Nanoseconds this thread has run on a CPU (Linux; 0 elsewhere).</summary>
    private static long ThreadCpuNs()
    {
        try
        {
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            return long.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
