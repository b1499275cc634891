using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A stamp alone on a header line (<c>非公開</c>, <c>【部外秘】</c>) marks the whole document as not for the public. Before,
/// 非公開 alone was read as a disclosure label with the title below it as its value: the title was lost and the state
/// unknown, so a ward whose policy publishes minutes of unknown state published it. Names are invented.
/// </summary>
public sealed class DisclosureStampTests
{
    private const string Body = "開催日時　令和６年７月１０日（水）午後２時００分～午後３時３０分\n開催場所　若葉市役所　第１会議室\n○会長　開会します。\n";

    [Theory]
    [InlineData("非公開")]
    [InlineData("【部外秘】")]
    [InlineData("（取扱注意）")]
    public void A_stamp_above_the_title_closes_the_minutes_and_keeps_the_title(string stamp)
    {
        var m = Doc.FromText($"{stamp}\n第２回若葉市個人情報保護審議会　会議録\n{Body}");
        Assert.Equal(DisclosureState.Closed, m.Disclosure.Minutes);
        Assert.Equal("第2回若葉市個人情報保護審議会", m.Title);
        Assert.Equal(new DateOnly(2024, 7, 10), m.Date);
        Assert.Contains(m.Warnings, w => w.Code == "disclosure-stamp");
    }

    [Fact]
    public void A_field_below_the_stamp_does_not_reopen_the_minutes()
    {
        var m = Doc.FromText($"非公開\n第２回若葉市個人情報保護審議会　会議録\n会議録の公開　公開\n{Body}");
        Assert.Equal(DisclosureState.Closed, m.Disclosure.Minutes);
    }

    [Fact]
    public void A_disclosure_field_with_its_value_below_is_no_stamp()
    {
        var m = Doc.FromText($"第２回若葉市環境審議会　会議録\n{Body.Split('\n')[0]}\n会議の公開\n非公開\n○会長　開会します。\n");
        Assert.Equal(DisclosureState.Closed, m.Disclosure.Meeting);
        Assert.DoesNotContain(m.Warnings, w => w.Code == "disclosure-stamp");
    }
    [Theory]
    [InlineData("【非公開】\n第２回若葉市個人情報保護審議会　会議録\n")]
    [InlineData("第２回若葉市個人情報保護審議会　会議録\n【非公開】\n")]
    [InlineData("第２回若葉市個人情報保護審議会　会議録\n\n【　非公開　】\n\n")]
    public void A_bracketed_stamp_with_the_header_below_it_closes_the_minutes(string top)
    {
        // Before, 【非公開】 always opened a closed passage: the header below became proceedings, all withheld, and a
        // page with the title alone was published for minutes stamped 非公開.
        var m = Doc.FromText($"{top}{Body}");
        Assert.Equal(DisclosureState.Closed, m.Disclosure.Minutes);
        Assert.Equal("第2回若葉市個人情報保護審議会", m.Title);
        Assert.Equal(new DateOnly(2024, 7, 10), m.Date);
        Assert.NotNull(m.Venue);
        Assert.Contains(m.Warnings, w => w.Code == "disclosure-stamp");
        Assert.DoesNotContain(m.Warnings, w => w.Code == "marker-unplaced");
        Assert.DoesNotContain(m.Sections.SelectMany(s => s.Turns), t => t.Kind == TurnKind.NonDisclosureStart);
    }

    [Fact]
    public void A_bracketed_marker_with_the_proceedings_below_it_opens_a_closed_passage()
    {
        var m = Doc.FromText($"第２回若葉市環境審議会　会議録\n{Body.Split('\n')[0]}\n会議の公開　一部公開\n【非公開】\n○会長　開会します。\n【／非公開】\n○委員　質問します。\n");
        Assert.NotEqual(DisclosureState.Closed, m.Disclosure.Minutes);
        Assert.DoesNotContain(m.Warnings, w => w.Code == "disclosure-stamp");
        var kinds = m.Sections.SelectMany(s => s.Turns).Select(t => t.Kind).ToList();
        Assert.Equal([TurnKind.NonDisclosureStart, TurnKind.Speech, TurnKind.NonDisclosureEnd, TurnKind.Speech], kinds);
    }
}
