namespace PublishPipeline.Normalization.Tests;

/// <summary>A role word and a name alone on a line of the proceedings (講師　真鍋健太郎): a person with a part, not a speech.</summary>
public class RoleNameLineTests
{
    [Fact]
    public void A_role_and_a_name_alone_on_a_line_is_a_person_not_the_role_speaking()
    {
        var m = Doc.FromText(string.Join("\n",
            "第３回　架空区生涯学習推進会議　会議録",
            "開催日時　令和６年１０月２日（水）午後２時",
            "審議経過",
            "議長（宮之原）：開会します。",
            "講師　真鍋健太郎",
            "司会：大西　勇",
            "担当：ジャン・ポール・マルタン",
            "講師：それでは始めます。温暖化の話です。",
            "委員長　休憩",
            "講師：株式会社ミナモト",
            "傍聴者　３名"));
        var turns = Doc.Turns(m).ToList();
        Assert.DoesNotContain(turns, t => t.Speaker is "講師" && t.Text.StartsWith("真鍋", StringComparison.Ordinal));

        var lecturer = Assert.Single(turns, t => t.Text == "講師　真鍋健太郎");
        Assert.Null(lecturer.Speaker);
        Assert.Equal(Model.TurnKind.Procedure, lecturer.Kind);
        var person = Assert.Single(lecturer.Mentions);
        Assert.Equal(("真鍋健太郎", "真鍋", "健太郎", "講師"), (person.Name, person.FamilyName, person.GivenName, person.Role));

        var host = Assert.Single(Assert.Single(turns, t => t.Text == "司会：大西　勇").Mentions);
        Assert.Equal(("大西勇", "司会"), (host.Name, host.Role));

        // A katakana value is a line of its own too; the redactor's label rule reads the name in its text.
        Assert.Null(Assert.Single(turns, t => t.Text == "担当：ジャン・ポール・マルタン").Speaker);

        // A speech stays a speech, and a kanji word that is no name is the role's word.
        Assert.Contains(turns, t => t.Speaker == "講師" && t.Text == "それでは始めます。温暖化の話です。");
        Assert.Contains(turns, t => t.Speaker == "委員長" && t.Text == "休憩");

        // 傍聴者　３名: a count of those who came, no speech.
        Assert.DoesNotContain(turns, t => t.Speaker == "傍聴者");
        Assert.Contains(turns, t => t.Speaker is null && t.Text == "傍聴者　3名");

        // An organisation is no person, though the lexicon may split its name.
        Assert.DoesNotContain(turns, t => t.Mentions.Any(p => p.Name is { } name && name.Contains("ミナモト", StringComparison.Ordinal)));
    }

    [Fact]
    public void In_marked_minutes_the_line_is_its_own_and_not_the_speech_above()
    {
        var m = Doc.FromText(string.Join("\n",
            "第２回　架空市まちづくり講演会　会議録",
            "○司会　ただいまから講演会を始めます。",
            "講師　水島　陽平",
            "○水島講師　よろしくお願いします。",
            "○議長　書簡を読み上げます。",
            "架空県議会議長　森　本　　圭　殿",
            "架空県知事　大河内　和　彦"));
        var turns = Doc.Turns(m).ToList();

        // A letter read out in marked minutes stays the text it is: an office and a name there is no programme's line.
        Assert.Contains("架空県議会議長　森　本　　圭　殿", Assert.Single(turns, t => t.Speaker == "議長").Text, StringComparison.Ordinal);
        Assert.DoesNotContain(turns, t => t.Text.StartsWith("架空県知事", StringComparison.Ordinal));
        Assert.Equal("ただいまから講演会を始めます。", Assert.Single(turns, t => t.Speaker == "司会").Text);
        var person = Assert.Single(Assert.Single(turns, t => t.Text == "講師　水島　陽平").Mentions);
        Assert.Equal(("水島陽平", "講師"), (person.Name, person.Role));
    }
}
