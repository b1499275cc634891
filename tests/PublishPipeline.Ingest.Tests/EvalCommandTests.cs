using System.Text;
using System.Text.Json;
using PublishPipeline.Tests;

namespace PublishPipeline.Ingest.Tests;

/// <summary>`minutes eval` run as the real program on a folder of two sources, with gold and floors.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("minutes-eval-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private string Corpus()
    {
        Write("uploads/otaru-001.txt", "平成３１年第１回定例会 本会議録\n開催日：2019-02-26\n\n○議長（鈴木喜明）　これより、本日の会議を開きます。\n\n○議員（秋元智憲）　公明党を代表し質問いたします。\n");
        Write("uploads/hakuba-001.txt", "白馬村議会　平成22年第1回定例会（定例会）　第1日\n会議日：2010-03-08\n\n○議長（下川正剛）　おはようございます。\n");
        Write("gold.json", """{"otaru-001.txt": {"names": ["鈴木喜明", "秋元智憲"], "surnames": ["鈴木", "秋元"]}}""");
        return Path.Combine(root, "uploads");
    }

    [Fact]
    public void Prints_a_row_per_source_and_overall()
    {
        var (exit, stdout, _) = MinutesProcess.Run("eval", Corpus(), "--gold", Path.Combine(root, "gold.json"));
        Assert.Equal(0, exit);
        var rows = stdout.Split('\n').Select(l => l.Split(' ', 2)[0]).ToList();
        Assert.Contains("hakuba", rows);
        Assert.Contains("otaru", rows);
        Assert.Contains("overall", rows);
    }

    [Fact]
    public void Json_has_counts_and_values_per_source()
    {
        var (exit, stdout, _) = MinutesProcess.Run("eval", Corpus(), "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var otaru = json.RootElement.GetProperty("sources").GetProperty("otaru");
        Assert.Equal(1, otaru.GetProperty("files").GetInt32());
        Assert.Equal(2, otaru.GetProperty("counts").GetProperty("markers").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("overall").GetProperty("files").GetInt32());
    }

    [Fact]
    public void Below_a_floor_exits_1_and_says_which()
    {
        var floors = Write("floors.json", """{"sources": {"otaru": {"documents": 1.0, "rollEntries": 5}}}""");
        var (exit, _, stderr) = MinutesProcess.Run("eval", Corpus(), "--floors", floors);
        Assert.Equal(1, exit);
        Assert.Contains("BELOW FLOOR: otaru: rollEntries", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("documents", stderr.Split('\n').First(l => l.Contains("BELOW", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_or_bad_floors_file_is_a_usage_error()
    {
        Assert.Equal(2, MinutesProcess.Run("eval", Path.Combine(root, "none")).ExitCode);
        var bad = Write("bad.json", "{\"overall\": {\"markers\": \"many\"}}");
        var (exit, _, stderr) = MinutesProcess.Run("eval", Corpus(), "--floors", bad);
        Assert.Equal(2, exit);
        Assert.Contains("must be a number", stderr, StringComparison.Ordinal);
    }
}
