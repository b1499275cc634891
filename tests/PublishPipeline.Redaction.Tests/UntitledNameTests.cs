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

    [Theory]
    [InlineData("やまだはなこさんから伺った。", "〇〇さんから伺った。")]
    [InlineData("おつかれさまでした。", "おつかれさまでした。")]
    [InlineData("そうですねさん", "そうですねさん")]
    [InlineData("お世話になりました様", "お世話になりました様")]
    public async Task A_full_name_in_hiragana_holding_a_short_grammar_word_is_masked_before_an_honorific(string text, string expected)
    {
        // や|まだ|はなこ held まだ, so the whole was read as a phrase and published.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("その件は佐藤ひろしから聞いております。", "その件は〇〇から聞いております。")]
    [InlineData("また阿子島陽子から手紙を受け取りました。", "また〇〇から手紙を受け取りました。")]
    [InlineData("監査委員の選任について　宮之原修一を選任する。", "監査委員の選任について　〇〇を選任する。")]
    [InlineData("（敬称略）大河内誠一、長谷部幸子", "（敬称略）〇〇、〇〇")]
    [InlineData("参考人として森下健太郎様にご出席いただいております。", "参考人として〇〇様にご出席いただいております。")]
    [InlineData("宮之原修一外２名から請願が出ております。", "〇〇外２名から請願が出ております。")]
    [InlineData("陳情者　宮之原修一外１名から陳情書が提出されました。", "陳情者　〇〇外１名から陳情書が提出されました。")]
    [InlineData("人権擁護委員候補者の推薦について　宮之原　修一", "人権擁護委員候補者の推薦について　〇〇")]
    [InlineData("以上について　白馬　八方", "以上について　白馬　八方")]
    [InlineData("北浜町４丁目　宮之原　修一　文教委員会", "北浜町４丁目　〇〇　文教委員会")]
    [InlineData("南浜町２丁目　公園　整備", "南浜町２丁目　公園　整備")]
    public async Task A_full_name_with_no_title_is_masked(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("奈良時代に建てられた寺です。")]
    [InlineData("中性子と陽子から成る。")]
    [InlineData("撮像素子に不具合があった。")]
    [InlineData("同様にお願いします。")]
    [InlineData("鈴木ともうします。")]
    public async Task Words_shaped_like_a_surname_and_a_given_name_stay(string text)
    {
        Assert.Equal(text, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("証人として、元北浜市職員　山中健太郎の出頭を求めました。", "証人として、元北浜市職員　〇〇の出頭を求めました。")]
    [InlineData("尋問は、担当委員の後、山中健太郎証人の順とします。", "尋問は、担当委員の後、〇〇証人の順とします。")]
    [InlineData("尋問は、担当委員　小田切、山中健太郎証人の順とします。", "尋問は、担当委員　〇〇、〇〇証人の順とします。")]
    [InlineData("参考人は、元架空市職員　石川由美子です。", "参考人は、元架空市職員　〇〇です。")]
    [InlineData("事務局職員　山中温泉郷の視察に同行した。", "事務局職員　山中温泉郷の視察に同行した。")]
    [InlineData("連帯保証人の同意を得る。", "連帯保証人の同意を得る。")]
    public async Task A_full_name_whose_surname_is_also_a_word_is_masked_after_a_post_or_before_the_word_for_witness(string text, string expected)
    {
        // 山中 is a surname and a word (in the mountains): alone in prose it stays, but a post's holder or a witness is a person.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("John Smithから連絡がありました。", "〇〇から連絡がありました。")]
    [InlineData("Ｊｏｈｎ　Ｓｍｉｔｈより資料を頂きました。", "〇〇より資料を頂きました。")]
    [InlineData("Mary Ann Leeに伝えた。", "〇〇に伝えた。")]
    [InlineData("Harbor Light Centerにおいて開催した。", "Harbor Light Centerにおいて開催した。")]
    [InlineData("Green Plazaと連携する。", "Green Plazaと連携する。")]
    [InlineData("Harbor Stationから歩いて５分です。", "Harbor Stationから歩いて５分です。")]
    [InlineData("Jisoo Parkから連絡がありました。", "〇〇から連絡がありました。")]
    [InlineData("Emma Hallより資料を頂きました。", "〇〇より資料を頂きました。")]
    [InlineData("Ｓｋｙ　Ｔｏｗｅｒより眺める。", "Ｓｋｙ　Ｔｏｗｅｒより眺める。")]
    [InlineData("ICTを活用し、SDGsに取り組む。", "ICTを活用し、SDGsに取り組む。")]
    [InlineData("講師　John Smith", "講師　〇〇")]
    [InlineData("講師：Ｍａｒｙ　Ｌｅｅ（架空大学）", "講師：〇〇（架空大学）")]
    public async Task A_latin_name_before_from_or_to_is_masked(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("長谷部幸子（旧姓　佐久間）", "〇〇（旧姓　〇〇）")]
    [InlineData("旧姓佐久間として届け出た。", "旧姓〇〇として届け出た。")]
    [InlineData("委員に佐久間（旧姓　宮之原）典子を選任する。", "委員に〇〇（旧姓　〇〇）〇〇を選任する。")]
    [InlineData("旧姓使用の拡大を求める。", "旧姓使用の拡大を求める。")]
    [InlineData("旧姓の併記について伺う。", "旧姓の併記について伺う。")]
    public async Task A_former_surname_is_masked_and_the_name_around_it(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("次に、参考人の大河内誠\n一さんから説明を求めます。", "次に、参考人の〇〇さんから説明を求めます。")]
    [InlineData("陳情者の大河\n内誠一から提出された。", "陳情者の〇〇から提出された。")]
    [InlineData("本日の会議\nを開きます。", "本日の会議\nを開きます。")]
    public async Task A_name_cut_by_a_line_break_is_masked_whole(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("教育委員に大河内誠一（おおこうち　せいいち）氏を任命する。", "教育委員に〇〇（〇〇）氏を任命する。")]
    [InlineData("宮之原修一（みやのはら　しゅういち）を選任する。", "〇〇（〇〇）を選任する。")]
    [InlineData("総務委員会（いいんかい）を開く。", "総務委員会（いいんかい）を開く。")]
    public async Task The_reading_in_brackets_after_a_name_is_masked_with_it(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }
}
