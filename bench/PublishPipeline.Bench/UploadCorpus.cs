using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PublishPipeline.Bench;

/// <summary>
/// Input folders for the whole-process publish benchmark (bench/publish-bench.sh): files as staff
/// upload them, made from the five samples' own bytes, so every run reads, normalises and redacts
/// as it would real minutes. Copy n of sample n mod 5 gets another 会議体 (one of 15), another
/// meeting date (2009–2025, written in the sample's era style), and one sentence numbered
/// （文書n） so no two copies are the same minutes. The 一部非公開 samples get the
/// <c>.public-version</c> confirmation staff give, so the archive publishes whole with a settings
/// file that publishes minutes without a 公開の可否 table (as the wards of two samples do).
/// Usage: uploads COUNT DIR [--from N] [--date YYYY-MM-DD] (files n = N … N+COUNT-1; an existing
/// folder is added to; --date gives them that meeting date, e.g. a new meeting after the archive's newest).
/// </summary>
internal static partial class UploadCorpus
{
    private static readonly string[] Bodies =
    [
        "豊島区行政情報化推進本部", "未来戦略創出会議", "目黒区情報公開・個人情報保護審議会", "練馬区情報公開および個人情報保護運営審議会",
        "都市計画審議会", "環境審議会", "子ども・子育て会議", "地域保健福祉計画推進会議", "文化芸術振興会議", "防災会議",
        "教育委員会定例会", "男女共同参画推進会議", "景観審議会", "障害者施策推進協議会", "国民健康保険運営協議会",
    ];

    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: uploads COUNT DIR [--from N] [--date YYYY-MM-DD]");
            return 2;
        }

        var count = int.Parse(args[0], CultureInfo.InvariantCulture);
        var dir = args[1];
        var from = Option(args, "--from") is { } f ? int.Parse(f, CultureInfo.InvariantCulture) : 0;
        var date = Option(args, "--date") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
        Directory.CreateDirectory(dir);
        var samples = Directory.GetFiles(Path.Combine(SiteCorpus.RepoRoot(), "samples"), "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Text: File.ReadAllText(f, Encoding.UTF8)))
            .ToList();
        for (var n = from; n < from + count; n++)
        {
            var (name, text) = samples[n % samples.Count];
            var file = Path.Combine(dir, $"{n:D5}_{name}.txt");
            File.WriteAllText(file, Variant(text, n, date), new UTF8Encoding(false));
            if (PartlyClosed().IsMatch(text))
            {
                File.WriteAllText(file + ".public-version", string.Empty);
            }
        }

        return 0;
    }

    /// <summary>Copy <paramref name="n"/> of a sample: its 会議体, date and one sentence changed.</summary>
    public static string Variant(string text, int n, DateOnly? meetingDate = null)
    {
        var body = Bodies[n * 7 % Bodies.Length];
        foreach (var known in Bodies.Take(4))
        {
            text = text.Replace(known, body, StringComparison.Ordinal);
        }

        var date = meetingDate ?? new DateOnly(2009, 4, 1).AddDays(n * 37 % 6000);
        var dates = EraDate().Matches(text);
        if (dates.Count > 0)
        {
            var first = dates[0].Value;
            text = text.Replace(first, EraText(date), StringComparison.Ordinal);
        }

        // One sentence of the proceedings numbered, after the first 。 past the header.
        var start = Math.Max(0, text.IndexOf("審議", StringComparison.Ordinal));
        var stop = text.IndexOf('。', start);
        return stop < 0 ? text + $"\n（文書{n}）\n" : text.Insert(stop, $"（文書{n}）");
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 2 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string EraText(DateOnly date)
    {
        var (era, year) = date >= new DateOnly(2019, 5, 1) ? ("令和", date.Year - 2018) : ("平成", date.Year - 1988);
        var y = year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);
        return $"{era}{y}年{date.Month}月{date.Day}日";
    }

    [GeneratedRegex("(?:平成|令和)(?:元|[0-9]{1,2})年[0-9]{1,2}月[0-9]{1,2}日")]
    private static partial Regex EraDate();

    [GeneratedRegex("""checked="[^"]*"[^>]*>\s*一部非公開""")]
    private static partial Regex PartlyClosed();
}
