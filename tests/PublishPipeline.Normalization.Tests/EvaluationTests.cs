using PublishPipeline.Evaluation;
using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>The evaluation's own counts, on real lines (shortened) of the conventions it counts.</summary>
public class EvaluationTests
{
    [Fact]
    public void Markers_are_counted_at_line_start_after_tags_and_after_a_sentence()
    {
        var text = string.Join("\n",
            "○議長（鈴木喜明）　これより、本日の会議を開きます。",                 // 1: same-line speech
            "◯川津隆議長　これより本日の会議を開き，直ちに議事日程に入ります。",     // 2
            "○議長（今竹大祐君）",                                              // 3: label alone, speech below
            "　ただいまから、９月定例市議会を開会いたします。",
            "   <p>",
            "   ○市長（迫　俊哉） 平成29 年第１回定例会の開会に当たり、",         // 6: inside a <p>, space in the name
            "   </p>",
            "質疑はないようです。○議長（角　芳春）　次に、議案第１３号。");      // 8: after the previous speech
        var markers = SpeakerMarkerCount.Find(text);
        Assert.Equal([1, 2, 3, 6, 8], markers.Select(m => m.Line));
        Assert.Equal("市長(迫俊哉)", markers[3].Parts.Single());
    }

    [Fact]
    public void Roll_and_agenda_headings_are_not_speakers()
    {
        var text = string.Join("\n",
            "〇出席議員（１９名）",
            "　　　　　　　　　　　　１番　　　入　　江　　啓　　太",
            "〇欠席議員（０名）",
            "○議事日程",
            "◎開会の宣告",
            "△日程第１　会議録署名議員の指名",
            "〇会議録署名議員",
            "〇説明のため出席した者の職氏名");
        Assert.Empty(SpeakerMarkerCount.Find(text));
    }

    [Fact]
    public void Tab_table_rows_count_by_their_label_cells()
    {
        var text = string.Join("\n",
            "会議名\t福岡市議会平成31年第１回定例会（第３日）　  本文",
            "発言順\t役職\t発言者\t発言",
            "1\t議長\t川上晋平\tこれより本日の会議を開きます。",
            "\t\t\t日程に入るに先立ち、この際、報告いたします。",
            "会長\t<p>それでは、定刻になりましたので、開催いたします。</p>");
        var markers = SpeakerMarkerCount.Find(text);
        Assert.Equal([3, 5], markers.Select(m => m.Line));
        Assert.Equal(["議長", "川上晋平"], markers[0].Parts);
    }

    [Fact]
    public void A_marker_is_read_only_by_a_turn_on_its_line_with_its_speaker()
    {
        var markers = new List<MarkerOccurrence> { new(3, ["議長(鈴木喜明)"]), new(5, ["議長", "川上晋平"]), new(9, ["市長(迫俊哉)"]) };
        var turns = new List<SpeakerTurn>
        {
            new() { Speaker = "議長（鈴木喜明）", Text = "…", Line = 3 },
            new() { Speaker = "議長（川上晋平）", Text = "…", Line = 5 },
            new() { Speaker = "市長（迫　俊哉）", Text = "…", Line = 8 },
        };
        Assert.Equal(2, SpeakerTurnScorer.MarkersRead(markers, turns));
    }

    [Fact]
    public void A_stated_date_is_a_full_date_on_a_short_head_line()
    {
        Assert.Equal(new DateOnly(2015, 3, 5), StatedDate.Find("　　平成２７年第１回高槻市議会定例会会議録\n\n　　　　　平成２７年３月５日（木曜日）"));
        Assert.Equal(new DateOnly(2023, 9, 12), StatedDate.Find("開催日：令和 5年 9月12日\n会議名：令和 5年 9月定例会"));
        Assert.Equal(new DateOnly(2019, 2, 20), StatedDate.Find("会議名\t福岡市議会\n開催日\t2019-02-20"));
        Assert.Equal(new DateOnly(2019, 5, 1), StatedDate.Find("令和元年５月１日"));
        // A date cited in a long sentence of speech is not the meeting's date.
        Assert.Null(StatedDate.Find("会長\tまた、既に皆様ご承知のとおり、令和3年5月19日に、デジタル社会の形成を図るための関係法律の整備に関する法律が公布されたことを受けまして"));
        Assert.Null(StatedDate.Find("<h1>28-01_市長冒頭発言コピペ</h1>\n○市長（森井秀明） 平成28 年第１回定例会の開会に当たり"));
    }

    [Theory]
    [InlineData("otaru-003.txt", "uploads", "otaru")]
    [InlineData("otaruhtml-001.html", "uploads", "otaruhtml")]
    [InlineData("ward-b-12.docx", "x", "ward-b")]
    [InlineData("000_b8461398634957b8.txt", "samples", "samples")]
    public void Sources_are_the_name_before_a_trailing_number(string file, string folder, string source) =>
        Assert.Equal(source, SourceGroups.SourceOf(file, folder));

    [Fact]
    public void Floors_fail_with_the_source_metric_and_figures()
    {
        var metric = new Metric("markerTurns", "marker→turn", "markersRead", "markers");
        var over = new Metric("overRedaction", "over", "wrong", "masked", Better.Lower);
        var counts = new Dictionary<string, long> { ["markersRead"] = 95, ["markers"] = 100, ["wrong"] = 3, ["masked"] = 100 };
        var report = new EvalReport([metric, over], [new SourceFigures("otaru", 4, counts)], new SourceFigures("overall", 4, counts), []);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"overall": {"markerTurns": 0.9, "overRedaction": 0.02}, "sources": {"otaru": {"markerTurns": 0.99}, "hakuba": {"markerTurns": 0.5}}}""");
            var failures = EvalFloors.Load(path).Check(report);
            Assert.Equal(3, failures.Count);
            Assert.Contains(failures, f => f.StartsWith("overall: overRedaction", StringComparison.Ordinal) && f.Contains("above the ceiling 0.0200", StringComparison.Ordinal));
            Assert.Contains(failures, f => f.StartsWith("otaru: markerTurns", StringComparison.Ordinal) && f.Contains("0.9500, below the floor 0.9900", StringComparison.Ordinal));
            Assert.Contains(failures, f => f.StartsWith("hakuba:", StringComparison.Ordinal) && f.Contains("no upload", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_table_prints_counts_and_ratios_per_source_then_overall()
    {
        var metrics = new List<Metric> { new("markers", "markers", "markers"), new("markerTurns", "marker→turn", "markersRead", "markers") };
        var a = new Dictionary<string, long> { ["markers"] = 10, ["markersRead"] = 9 };
        var table = EvalTable.Format(new EvalReport(metrics, [new SourceFigures("otaru", 1, a)], new SourceFigures("overall", 1, a), []));
        var lines = table.TrimEnd().Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("otaru", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("9/10 90.0%", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("overall", lines[4], StringComparison.Ordinal);
    }
}
