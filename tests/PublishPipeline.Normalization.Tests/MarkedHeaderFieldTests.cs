using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A ward board's minutes (教育委員会) head every header field with ○ and name the session on the line under the title:
/// the marker is the list's bullet, not a speaker's, and the proceedings below name their speakers without one.
/// </summary>
public class MarkedHeaderFieldTests
{
    private const string Board =
        "架空区教育委員会会議録\n"
        + "令和５年第２０回定例会\n"
        + "○開会日　令和５年６月２８日（水）\n"
        + "○場　所　区教育委員会室\n"
        + "○開　会　午前１０時００分\n"
        + "○閉　会　午前１０時３９分\n"
        + "○出席委員\n"
        + "　区教育委員会委員長 真 鍋 さやか\n"
        + "　区教育委員会委員 宮之森 福次郎\n"
        + "○担当書記\n"
        + "　総務係長 小比類巻 将 紀\n"
        + "○傍聴者数　３人\n"
        + "○議事日程\n"
        + "（１）事務局報告事項\n"
        + "\n"
        + "午前１０時００分開会\n"
        + "真鍋委員長　おはようございます。定例会を開会いたします。\n"
        + "宮之森委員　指定校の数は昨年と比べてどうですか。\n"
        + "午前１０時３９分閉会\n";

    [Fact]
    public void Marked_fields_give_the_date_the_times_and_the_venue()
    {
        var m = Doc.FromText(Board);
        Assert.Equal(new DateOnly(2023, 6, 28), m.Date);
        Assert.Equal("10:00", m.StartTime);
        Assert.Equal("10:39", m.EndTime);
        Assert.Equal("区教育委員会室", m.Venue);
        Assert.Equal("第20回定例会", m.Session);
    }

    [Fact]
    public void No_marked_field_is_a_speaker_or_a_line_of_the_proceedings()
    {
        var m = Doc.FromText(Board);
        var turns = Doc.Turns(m);
        Assert.DoesNotContain(turns, t => t.Text.Contains("開会日", StringComparison.Ordinal) || t.Text.Contains("傍聴者数", StringComparison.Ordinal));
        Assert.DoesNotContain(turns, t => t.Speaker is "担当書記" or "開会日");
        Assert.Contains(m.Rolls, r => r.Group == "担当書記" && r.Entries.Any(e => e.Role == "総務係長"));
    }

    [Fact]
    public void A_name_spaced_out_after_a_long_office_is_one_entry()
    {
        // 区教育委員会委員長 真 鍋 さやか: one office, kanji runs one space apart, one name (left as two entries in round 13).
        var members = Doc.FromText(Board).Rolls.Single(r => r.Group == "出席委員").Entries;
        Assert.Equal([("真鍋さやか", "区教育委員会委員長"), ("宮之森福次郎", "区教育委員会委員")], members.Select(e => (e.Name, e.Role)));
    }

    [Fact]
    public void A_session_line_alone_needs_the_title_above_it()
    {
        // Under no title, 令和５年第２０回定例会 is the meeting's name line, as assembly minutes open.
        var m = Doc.FromText("令和５年第２０回定例会\n○議長（真鍋勇君）　開会します。\n");
        Assert.Equal("令和5年第20回定例会", m.Title);
    }
}
