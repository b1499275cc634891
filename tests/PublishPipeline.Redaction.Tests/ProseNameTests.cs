using PublishPipeline.Model;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// Names in running prose that no roll or label names: only the prose readers can find them, and no
/// part of the name may be published beside the masked part.
/// </summary>
public class ProseNameTests
{
    [Theory]
    [InlineData("陳情者の杉浦　誠一さんから意見がありました。", "陳情者の〇〇さんから意見がありました。")]
    [InlineData("市民の野々村 修二様からも伺った。", "市民の〇〇様からも伺った。")]
    [InlineData("総務課長　誠一さんに伺った。", "総務課長　〇〇さんに伺った。")]
    public async Task A_surname_one_space_before_a_given_name_and_a_title_is_masked_with_it(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("山根、菅野、河合の各委員にも聞きたい。", "〇〇、〇〇、〇〇の各委員にも聞きたい。")]
    [InlineData("山根・菅野の各議員に伺う。", "〇〇・〇〇の各議員に伺う。")]
    [InlineData("委員会、部会の各委員に伺う。", "委員会、部会の各委員に伺う。")]
    public async Task Every_surname_in_a_list_before_each_and_a_title_is_masked(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("請願者　架空市南町２－３　　小野寺　光代", "請願者　架空市南町２－３　　〇〇")]
    [InlineData("（陳情者　架空市本町１丁目　杉浦　誠一）", "（陳情者　架空市本町１丁目　〇〇）")]
    public async Task A_petitioner_after_the_address_is_masked(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("請願第３号　町道改良に関する請願（紹介議員　浜田　光男）", "請願第３号　町道改良に関する請願（紹介議員　〇〇）")]
    [InlineData("意見書の提出について（提出者　野口　隆　賛成者　三浦　智子、岩崎　誠）", "意見書の提出について（提出者　〇〇　賛成者　〇〇、〇〇）")]
    [InlineData("発議第１号（発議者　野口隆議員）", "発議第１号（発議者　〇〇議員）")]
    [InlineData("議案第１０号（提出者　町長）", "議案第１０号（提出者　町長）")]
    public async Task Members_named_by_an_agenda_item_are_masked(string text, string expected)
    {
        // 議事日程 items name the members who introduce or second a bill or petition: 紹介議員, 提出者, 賛成者.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }
}
