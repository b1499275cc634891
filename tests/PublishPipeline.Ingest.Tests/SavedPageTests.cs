using PublishPipeline.Model;
using PublishPipeline.Normalization;

namespace PublishPipeline.Ingest.Tests;

/// <summary>
/// Pages saved from commercial 会議録検索 systems, as small fixtures shaped like the systems' own
/// markup (DB-Search's voice blocks in its current and older template, VOICES' transcript frame):
/// the document is read, the page around it is not.
/// </summary>
public sealed class SavedPageTests
{
    private static readonly string[] Chrome = ["文書閲覧", "かんたん検索", "年別の会議録閲覧", "Copyright", "次の文書", "検索トップ", "ヘルプ", "winopen"];

    private static (SourceDocument Source, Minutes Minutes) Read(string fixture)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "SavedPages", fixture));
        return (MinutesReader.Read(new SourceFile(fixture, bytes)), MinutesNormalizer.Normalize(new SourceFile(fixture, bytes)));
    }

    private static List<string> Texts(SourceDocument source) =>
        [.. source.Blocks.Select(b => b switch { ParagraphBlock p => p.Text, HeadingBlock h => h.Text, _ => "" })];

    [Fact]
    public void DbSearch_voice_blocks_are_the_document_and_each_is_a_speech()
    {
        var (source, m) = Read("dbsearch-voice-block.html");
        Assert.DoesNotContain(Texts(source), t => Chrome.Any(c => t.Contains(c, StringComparison.Ordinal)));
        Assert.Equal("令和5年9月定例会（第2号）", m.Title);
        Assert.Equal(new DateOnly(2023, 9, 12), m.Date);
        Assert.Equal("10:00", m.StartTime);
        var speakers = Doc(m).Where(t => t.Speaker is not null).ToList();
        Assert.Equal(["議長（山田一郎君）", "24番鈴木次郎議員", "議長（山田一郎君）", "市長（佐藤花子君）", "飯島　修君", "田中総務部長"], speakers.Select(t => t.Speaker));
        Assert.Equal("ただいまから本日の会議を開きます。", speakers[0].Text.Split('\n')[0]);
        Assert.Equal(("佐藤花子", "市長"), (speakers[3].Person!.Name, speakers[3].Person!.Role));
        // The directions and the roll the clerk appended after the rule are not the mayor's words.
        Assert.DoesNotContain("説明のため", speakers[3].Text, StringComparison.Ordinal);
        Assert.Equal(["佐藤花子", "田中誠"], Assert.Single(m.Rolls).Entries.Select(e => e.Name));
        Assert.Contains(Doc(m), t => t.Mentions.Any(p => p.Name == "佐藤花子" && p.Role == "市長"));
        // Lines point into the saved file.
        Assert.Equal(37, speakers[1].Line);
    }

    [Fact]
    public void DbSearch_older_template_drops_the_speech_numbers()
    {
        var (source, m) = Read("dbsearch-page-text.html");
        Assert.DoesNotContain(Texts(source), t => Chrome.Any(c => t.Contains(c, StringComparison.Ordinal)) || t == "1" || t == "2");
        Assert.Equal("架空調査特別委員会", m.Body);
        Assert.Equal(["坂本委員長", "森田委員", "小野瀬書記"], Doc(m).Where(t => t.Speaker is not null).Select(t => t.Speaker));
        Assert.Equal("資料により御説明いたします。", Doc(m).Last().Text);
        Assert.Equal("10:29", m.StartTime);
    }

    [Fact]
    public void Voices_transcript_reads_its_roll_and_committee_labels_without_the_form()
    {
        var (source, m) = Read("voices-huid.html");
        Assert.DoesNotContain(Texts(source), t => Chrome.Any(c => t.Contains(c, StringComparison.Ordinal)) || t.Contains("次の発言", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2024, 12, 5), m.Date);
        Assert.Equal([("委員長", "高木健", "高木"), ("委員", "川村青空", "川村")], Assert.Single(m.Rolls).Entries.Select(e => (e.Role!, e.Name!, e.FamilyName!)));
        var speakers = Doc(m).Where(t => t.Speaker is not null).ToList();
        Assert.Equal([("高木", "分科会委員長"), ("川村青空", "分科会委員"), ("中原", "都市計画課長"), ("高木", "分科会委員長")], speakers.Select(t => (t.Person!.Name!, t.Person!.Role!)));
        Assert.Equal("本日は委員会を招集しました。\nよろしくお願いします。", speakers[0].Text);
        Assert.DoesNotContain(speakers, t => t.Speaker!.Contains("開会の宣告", StringComparison.Ordinal));
    }

    [Fact]
    public void Speaker_labels_marked_up_as_spans_are_speakers()
    {
        // <span class="speaker">議長（…君）</span><span class="body">ただいまから…: before, the label ran into the
        // speech and every speech was nobody's.
        var (source, m) = Read("span-speaker.html");
        Assert.DoesNotContain(Texts(source), t => Chrome.Any(c => t.Contains(c, StringComparison.Ordinal)));
        var speakers = Doc(m).Where(t => t.Speaker is not null).ToList();
        Assert.Equal(["議長（入江啓太君）", "2番（石﨑徹君）", "町長（芦田修君）", "議長（入江啓太君）"], speakers.Select(t => t.Speaker));
        Assert.Equal("ただいまから本日の会議を開きます。", speakers[0].Text);
        // A span inside the speech is no label: the text around it is not spaced.
        Assert.Equal("おはようございます。議長の許可を得て伺います。", speakers[1].Text);
        Assert.Equal("お答えします。\n財政は健全です。", speakers[2].Text);
        Assert.Equal(("芦田修", "町長"), (speakers[2].Person!.Name, speakers[2].Person!.Role));
    }

    [Fact]
    public void A_ward_page_s_links_back_to_the_top_are_not_minutes()
    {
        // A CMS page ends the minutes with ページの先頭へ戻る (div.pagetop) and 前のページへ戻る links: before, they were read
        // as text and ran into the last speech.
        var (source, m) = Read("cms-page.html");
        Assert.DoesNotContain(Texts(source), t => t.Contains("先頭へ", StringComparison.Ordinal) || t.Contains("戻る", StringComparison.Ordinal));
        var speeches = Doc(m).Where(t => t.Speaker is not null).ToList();
        Assert.Equal(["委員長（楠一葉君）", "椿委員", "委員長（楠一葉君）"], speeches.Select(t => t.Speaker));
        Assert.Equal("閉会します。", speeches[^1].Text);
    }

    private static List<SpeakerTurn> Doc(Minutes m) => [.. m.Sections.SelectMany(s => s.Turns)];
}
