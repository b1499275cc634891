using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A 審議会's 出席者 roll that names a group whose members are listed elsewhere (<c>委員（別表のとおり）</c>,
/// <c>委員　別紙のとおり</c>), then its staff by name, then the header's disclosure (names invented).
/// </summary>
public sealed class GroupListedElsewhereTests
{
    private const string Minutes = """
        第２回架空市景観審議会　会議録

        日時　令和６年９月４日（水）午前１０時から正午まで
        場所　架空市役所　第３会議室
        出席者
        　委員（別表のとおり）
        　事務局　都市計画課長　芦原　道夫
        公開の可否　公開
        傍聴者　なし

        議事
        （１）景観計画について
        会長　それでは始めます。
        事務局　資料１について説明します。
        """;

    [Theory]
    [InlineData("委員（別表のとおり）")]
    [InlineData("委員　別紙のとおり")]
    [InlineData("（委員）名簿のとおり")]
    [InlineData("委員：別表の通り")]
    public void The_group_line_keeps_the_roll_open_and_the_header_reads_on(string group)
    {
        // Before: 委員（別表のとおり） was a speaker label with no speech, the header ended there and 公開の可否 was read as part
        // of 事務局's speech, so the meeting's disclosure was unknown.
        var m = Doc.FromText(Minutes.Replace("委員（別表のとおり）", group, StringComparison.Ordinal));
        Assert.Equal(DisclosureState.Public, m.Disclosure.Meeting);
        Assert.Equal(["会長", "事務局"], Doc.Turns(m).Select(t => t.Speaker));
        Assert.Contains(m.Rolls.SelectMany(r => r.Entries), e => e.Name == "芦原道夫");
        // The reference is no person: 別表のとおり was read as a name (and would have been masked).
        Assert.DoesNotContain(m.Rolls.SelectMany(r => r.Entries), e => e.Name is { } n && n.Contains("のとおり", StringComparison.Ordinal));
    }
}
