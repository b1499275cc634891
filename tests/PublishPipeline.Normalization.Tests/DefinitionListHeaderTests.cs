namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A saved page whose header is a definition list (<c>&lt;dl&gt;&lt;dt&gt;出席者&lt;/dt&gt;&lt;dd&gt;…&lt;/dd&gt;</c>; names invented): each
/// &lt;dt&gt; and each line of a &lt;dd&gt; is a paragraph of its own.
/// </summary>
public sealed class DefinitionListHeaderTests
{
    private const string Page = """
        <html lang="ja"><head><meta charset="utf-8"><title>第２回 架空市環境審議会 会議録</title></head><body>
        <h1>令和６年度第２回 架空市環境審議会 会議録</h1>
        <dl>
        <dt>開催日時</dt><dd>令和６年９月３日（火曜日）午後２時から午後４時まで</dd>
        <dt>開催場所</dt><dd>架空市役所　第２会議室</dd>
        <dt>出席者</dt><dd>（委員）里中晴彦（会長）、高砂由紀子、長峰亘<br>（事務局）環境政策課長　芦原道夫、主査　森下加代</dd>
        <dt>欠席者</dt><dd>大川原俊介</dd>
        <dt>会議の公開</dt><dd>公開</dd>
        </dl>
        <h2>会議の経過</h2>
        <p>会長：開会します。</p>
        <p>高砂委員：質問します。</p>
        </body></html>
        """;

    [Fact]
    public void A_list_with_a_name_the_lexicon_cannot_split_is_still_the_groups_roll()
    {
        // Before: 高砂由紀子 made the whole list unread, the roll closed, and （委員）… was a speech of 委員 publishing the names.
        var m = Doc.FromText(Page, "minutes.html");
        Assert.Equal(["会長", "高砂委員"], Doc.Turns(m).Select(t => t.Speaker));
        Assert.Equal(["委員", "事務局", "欠席者"], m.Attendees.Select(a => a.Group));
        Assert.Equal(["里中晴彦", "高砂由紀子", "長峰亘", "芦原道夫", "森下加代", "大川原俊介"], m.Rolls.SelectMany(r => r.Entries).Select(e => e.Name));
    }

    [Fact]
    public void One_bare_name_below_its_roll_heading_is_its_entry_and_the_header_goes_on()
    {
        // Before: 欠席者 over 大川原俊介 closed the roll: the name, 会議の公開 and 公開 were one paragraph of text, and the disclosure unknown.
        var m = Doc.FromText(Page.Replace("、高砂由紀子", "", StringComparison.Ordinal), "minutes.html");
        Assert.Equal(PublishPipeline.Model.DisclosureState.Public, m.Disclosure.Meeting);
        Assert.Equal(["大川原俊介"], m.Attendees.Single(a => a.Group == "欠席者").Members);
        Assert.DoesNotContain(Doc.Turns(m), t => t.Text.Contains("大川原", StringComparison.Ordinal));
    }
}
