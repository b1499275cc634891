namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// Names in prose written in conventions the title and label rules do not cover: a kana surname
/// before a kanji given name, a full name with no title before a particle, a Latin name, a former
/// surname (旧姓), a name cut by a line break. Each was published whole or in part before.
/// </summary>
public class UntitledNameTests
{
    [Theory]
    [InlineData("先日、やまだ花子さんとお会いしました。", "先日、〇〇さんとお会いしました。")]
    [InlineData("ヤマダ花子議員からも伺っております。", "〇〇議員からも伺っております。")]
    [InlineData("私はやまだ花子さんと話した。", "私は〇〇さんと話した。")]
    [InlineData("市長からやまだ花子さんへ伝えた。", "市長から〇〇さんへ伝えた。")]
    [InlineData("まだ花子さんは来ない。", "まだ〇〇さんは来ない。")]
    public async Task A_kana_surname_before_a_kanji_given_name_and_a_title_is_masked_with_it(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }
}
