namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// A Markdown 出席者 heading over a table of the attendees (| 区分 | 氏名 | 所属 |), names invented: the 氏名 column holds the
/// people, read as a people table's (委名簿) column is.
/// </summary>
public sealed class MarkdownAttendeeTableTests
{
    private const string Minutes = """
        # 第２回架空市文化振興審議会　会議録

        | 項目 | 内容 |
        |---|---|
        | 開催日時 | 令和６年５月１日（水）午後２時から午後４時まで |
        | 開催場所 | 架空市役所　第１会議室 |

        ## 出席者

        | 区分 | 氏名 | 所属 |
        |---|---|---|
        | 委員 | 相良　文彦 | 架空大学教授 |
        | 委員 | 蓑田　さやか | 公募市民 |
        | 事務局 | 浦辺　修 | 文化振興課長 |

        ## 発言内容

        会長　それでは始めます。
        事務局　資料を説明します。
        """;

    [Fact]
    public void The_name_column_under_the_heading_gives_the_entries()
    {
        // Before: each row was one roll line; 相良文彦架空大学教授 was read as a name (the affiliation its given name), the
        // head row 区分　氏名　所属 as a person, and 浦辺　修's row was held unread.
        var m = Doc.FromText(Minutes, "upload.md");
        Assert.Equal(["浦辺修", "相良文彦", "蓑田さやか"], m.Rolls.SelectMany(r => r.Entries).Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(m.Warnings, w => w.Code == "name-unread");
        Assert.Equal(["会長", "事務局"], Doc.Turns(m).Select(t => t.Speaker));
    }
}
