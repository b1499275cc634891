using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// Two forms of a ward council's minutes (審議会, 区協議会): a speaker label alone on its line over the speech, in 【】 with an
/// office whose section joins two words with ・ (【古畑市民協働・地域政策課長】), or with a colon (議長：) under a numbered
/// 1.開会. Before, the 【】 line was published as text with the surname in it, and 1.開会 was read as the date's label
/// that took 議長： as its value: both lines were lost and the chair's speech had no speaker. Names are invented.
/// </summary>
public sealed class CouncilSpeakerLabelTests
{
    [Fact]
    public void A_bracketed_office_with_a_joined_section_is_a_speaker()
    {
        var m = Doc.FromText(string.Join("\n",
            "令和６年度第２回区協議会会長会議　会議録",
            "開催日時　令和６年３月２０日（水曜日）午前１０時３０分から午前１１時２０分",
            "【古畑市民協働・地域政策課長】",
            "ただ今から会議を開催する。",
            "【東区協議会　相良会長】",
            "よろしくお願いする。"));
        var turns = Doc.Turns(m);
        var first = turns[0];
        Assert.Equal(TurnKind.Speech, first.Kind);
        Assert.Equal("古畑", first.Person?.FamilyName);
        Assert.Equal("市民協働・地域政策課長", first.Person?.Role);
        Assert.DoesNotContain(turns, t => t.Text.Contains("古畑", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("市民協働・地域政策課長")]
    [InlineData("子ども・若者支援課長")]
    public void A_joined_section_office_alone_is_a_label_without_a_name(string office)
    {
        var line = Proceedings.SpeakerLabels.Read($"【{office}】");
        Assert.Equal(office, line.Speaker);
    }

    [Theory]
    [InlineData("【委員・事務局】")]
    [InlineData("【・地域政策課長】")]
    public void Other_labels_with_a_middle_dot_are_still_no_speaker(string text) =>
        Assert.Equal(Proceedings.LabelStyle.None, Proceedings.SpeakerLabels.Read(text).Style);

    [Fact]
    public void A_numbered_opening_alone_keeps_the_chairs_label_below_it()
    {
        var m = Doc.FromText(string.Join("\n",
            "令和６年度第３回架空区審議会　会議録",
            "1 日時",
            "令和６年７月１０日（水曜日）午後７時～８時５０分",
            "1.開会",
            "議長:",
            "定刻でございますので、ただ今から審議会を開催いたします。",
            "政策室長:",
            "資料１に基づき説明いたします。"));
        Assert.Equal(new DateOnly(2024, 7, 10), m.Date);
        var chair = Doc.Turns(m)[0];
        Assert.Equal("議長", chair.Speaker);
        Assert.StartsWith("定刻でございますので", chair.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_label_over_no_date_takes_nothing()
    {
        var m = new Doc().P("架空区審議会　会議録").P("日時").P("議長：").P("ただ今から開会します。").Normalize();
        Assert.Null(m.Date);
        Assert.Contains(Doc.Turns(m), t => t.Speaker == "議長" && t.Text.Contains("開会します", StringComparison.Ordinal));
    }
}
