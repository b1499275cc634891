namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A 審議会's name starts with its municipality (第３回架空市環境審議会): the minutes' municipality, so the redactor knows the
/// place (names invented). Common nouns that end in 市, 町 or 村 (都市計画, 農村, 中核市) are no municipality.
/// </summary>
public sealed class MunicipalityFromBodyTests
{
    private static string? MunicipalityOf(string title) =>
        Doc.FromText(title + "　会議録\n日時　令和６年７月３日（水）午後２時から\n会長　それでは始めます。\n").Municipality;

    [Theory]
    [InlineData("第３回架空市環境審議会", "架空市")]
    [InlineData("令和６年度第１回架空町地域公共交通会議", "架空町")]
    [InlineData("架空村総合計画審議会", "架空村")]
    [InlineData("第２回東村空市都市計画審議会", "東村空市")]
    [InlineData("第１回十日野町市景観審議会", "十日野町市")]
    [InlineData("第４回架空市市民参加推進会議", "架空市")]
    [InlineData("第１回架ヶ谷市環境審議会", "架ヶ谷市")]
    public void A_body_named_after_its_municipality_gives_the_municipality(string title, string municipality) =>
        Assert.Equal(municipality, MunicipalityOf(title));

    [Theory]
    [InlineData("第３回都市計画審議会")]
    [InlineData("第１回農村環境改善協議会")]
    [InlineData("第２回中核市市長会議")]
    [InlineData("第１回市町村振興協議会")]
    [InlineData("第５回中央卸売市場運営協議会")]
    [InlineData("第２回大阪府都市計画審議会")]
    [InlineData("第１回城下町景観懇談会")]
    [InlineData("第３回架空町内会連合会")]
    public void A_common_noun_ending_in_a_municipal_suffix_is_no_municipality(string title) =>
        Assert.Null(MunicipalityOf(title));
}
