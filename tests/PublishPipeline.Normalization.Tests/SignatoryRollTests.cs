using PublishPipeline.Model;

namespace PublishPipeline.Normalization.Tests;

/// <summary>
/// The signatories of the record as a numbered header item: a committee's 会議録署名委員, a council's 議事録署名人.
/// Before, only 会議録署名議員 was a roll heading: 署名委員 began the proceedings as a section heading, and the header
/// items after it (the disclosure among them) were lost, so the minutes were held as of unknown disclosure.
/// </summary>
public sealed class SignatoryRollTests
{
    [Theory]
    [InlineData("６　会議録署名委員　大西勇委員、小田切洋子委員")]
    [InlineData("６　議事録署名人　大西　勇、小田切　洋子")]
    [InlineData("６　署名委員　大西　勇委員、小田切　洋子委員")]
    public void The_signatories_are_a_roll_and_the_header_goes_on(string signatories)
    {
        var m = Doc.FromText(string.Join("\n",
            "令和７年第３回定例会　総務委員会会議録",
            "１　開催日時　令和７年９月１２日（金）午前１０時開会",
            "２　開催場所　第１委員会室",
            "３　出席委員（２名）",
            "　委員長　大西　勇　　副委員長　小田切　洋子",
            "５　説明のため出席した者",
            "　総務部長　　　寺沢　綾乃",
            signatories,
            "７　傍聴者　２名",
            "８　会議の公開・非公開　公開",
            "",
            "○大西委員長　ただいまから総務委員会を開会いたします。",
            "○寺沢総務部長　お答えいたします。"));
        Assert.Equal(DisclosureState.Public, m.Disclosure.Meeting);
        Assert.Empty(m.Agenda);
        Assert.Equal(["大西委員長", "寺沢総務部長"], Doc.Turns(m).Select(t => t.Speaker));
        Assert.DoesNotContain(m.Sections, s => s.Heading?.Contains("署名", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("上記会議の経過を記載し、その相違ないことを証するため、ここに署名する。")]
    [InlineData("以上のとおり相違ありませんので、署名します。")]
    [InlineData("地方自治法第１２３条第２項の規定によりここに署名する。")]
    public void A_closing_signature_block_is_a_roll_not_the_last_speech(string closing)
    {
        // Before, only …の規定により署名する。 headed the signatures: a 審議会's block ran on as the chair's last speech.
        var m = Doc.FromText(string.Join("\n",
            "第３回架空市環境審議会　会議録",
            "日時　令和６年７月３日（水）午後２時から午後４時まで",
            "",
            "会長　以上で終了します。",
            "",
            closing,
            "　令和６年７月１０日",
            "　　会　長　　真　壁　　　潤",
            "　　委　員　　宇佐木　健"));
        Assert.Equal("以上で終了します。", Doc.Turns(m)[^1].Text);
        var signatures = Assert.Single(m.Rolls, r => r.Group == "署名");
        Assert.Equal(["真壁潤", "宇佐木健"], signatures.Entries.Select(e => e.Name));
    }
}
