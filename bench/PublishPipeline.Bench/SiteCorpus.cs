using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
using PublishPipeline.Redaction;

namespace PublishPipeline.Bench;

/// <summary>
/// A large synthetic corpus for site benchmarks: the five samples (normalised and redacted) copied
/// with varied ids, dates (2009–2025), bodies, sessions and speaker names.
/// </summary>
internal static class SiteCorpus
{
    private static readonly string[] Bodies =
    [
        "豊島区行政情報化推進本部", "未来戦略創出会議", "目黒区情報公開・個人情報保護審議会", "練馬区情報公開および個人情報保護運営審議会",
        "都市計画審議会", "環境審議会", "子ども・子育て会議", "地域保健福祉計画推進会議", "文化芸術振興会議", "防災会議",
        "教育委員会定例会", "男女共同参画推進会議", "景観審議会", "障害者施策推進協議会", "国民健康保険運営協議会",
    ];

    private static readonly string[] Surnames = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田"];

    public static string RepoRoot()
    {
        var env = Environment.GetEnvironmentVariable("PUBLISHPIPELINE_REPO");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PublishPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PublishPipeline.sln not found; set PUBLISHPIPELINE_REPO.");
    }

    public static IReadOnlyList<Minutes> Samples()
    {
        var redactor = new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        var list = new List<Minutes>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepoRoot(), "samples"), "*.txt").Order(StringComparer.Ordinal))
        {
            var name = "samples/" + Path.GetFileName(path);
            var minutes = MinutesNormalizer.Normalize(new SourceFile(name, File.ReadAllBytes(path)));
            var outcome = redactor.RedactAsync(minutes, new RedactionRequest(name, ConfirmedPublicVersion: true)).GetAwaiter().GetResult();
            list.Add(outcome.Redacted ?? throw new InvalidOperationException($"{name} held: {string.Join("; ", outcome.Hold!.Reasons)}"));
        }

        return list;
    }

    public static List<Minutes> Generate(IReadOnlyList<Minutes> samples, int count, int seed = 0)
    {
        var list = new List<Minutes>(count);
        var start = new DateOnly(2009, 4, 1);
        for (var i = 0; i < count; i++)
        {
            var n = i + seed;
            var sample = samples[n % samples.Count];
            var body = Bodies[n * 7 % Bodies.Length];
            var date = start.AddDays(n * 3 % 6000);
            var surname = Surnames[n % Surnames.Length];
            list.Add(sample with
            {
                Id = MinutesId.FromSourceName($"generated/{n}.txt"),
                Body = body,
                Title = $"第{n % 12 + 1}回{body}",
                Session = $"第{n % 12 + 1}回",
                Date = date,
                FiscalYear = JapaneseEra.FiscalYear(date),
                Sections =
                [
                    .. sample.Sections.Select((s, si) => s with
                    {
                        Turns =
                        [
                            .. s.Turns.Select((t, ti) => t with
                            {
                                Speaker = t.Speaker is null ? null : (ti % 3 == 0 ? surname + "委員" : t.Speaker),
                                Text = si == 0 && ti == 0 ? $"{t.Text}（文書{n}）" : t.Text,
                            }),
                        ],
                    }),
                ],
            });
        }

        return list;
    }
}
