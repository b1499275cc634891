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
    [InlineData("教育長　　　　　真　壁　由美子　　　総務部長　　　日　置　浩　二", "教育長　　　　　〇〇　　　総務部長　　　〇〇")]
    [InlineData("市民部長　　　　宇佐木　　　健　　　建設部長　　　長谷部　和　夫", "市民部長　　　　〇〇　　　建設部長　　　〇〇")]
    [InlineData("福祉部長　　　　戸　倉　真由美", "福祉部長　　　　〇〇")]
    [InlineData("１番　　宇佐木　　　健　　　　２番　　戸　倉　真由美", "１番　　〇〇　　　　２番　　〇〇")]
    [InlineData("　　委　員　　宇佐木　健", "　　委　員　　〇〇")]
    [InlineData("　２番　宇佐木　健（市民クラブ）", "　２番　〇〇（市民クラブ）")]
    [InlineData("総務部長　　　　財　政　課長", "総務部長　　　　財　政　課長")] // an office, not a name
    public async Task A_roll_cell_padded_to_its_column_after_an_office_or_a_seat_is_masked_whole(string text, string expected)
    {
        // A 説明員 roll the structure did not read reaches the redactor as text: the name's pieces are spaced to the column's width.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("本日の説明員は、町長 大和 康介、教育長 上田 春香です。", "本日の説明員は、町長 〇〇、教育長 〇〇です。")]
    [InlineData("出席者は、会長　大和　康介、副会長　白鳥　まさみ。", "出席者は、会長　〇〇、副会長　〇〇。")]
    [InlineData("議長 日程 第一、市長 提出 議案、部長 以下 職員", "議長 日程 第一、市長 提出 議案、部長 以下 職員")]
    public async Task An_office_one_space_before_a_spaced_full_name_in_prose_is_masked_whole(string text, string expected)
    {
        // A chair names the 説明員 as office, surname, given name one space apart: a surname the dictionary lists as a word
        // too (大和, 上田) was published, as the spaced pair alone takes a surname that is no word; the office says a person
        // stands there, as a title after the name does (山中　健太郎（会長）).
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("副町長の大和康介でございます。会計管理者の宇津木です。教育長の上田春香と申します。", "副町長の〇〇でございます。会計管理者の〇〇です。教育長の〇〇と申します。")]
    [InlineData("それは部長の判断です。市長の方針でございます。総務課長の所管です。教育長の上田です。", "それは部長の判断です。市長の方針でございます。総務課長の所管です。教育長の〇〇です。")]
    public async Task An_official_saying_office_no_name_desu_is_masked(string text, string expected)
    {
        // At a 説明員の紹介 each official says office, の, name, です: with no roll or title after the name, a surname the
        // dictionary lists as a word too (上田), or one no structure named (宇津木), was published.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("次に、森口議会総務課長から説明を求めます。", "次に、〇〇議会総務課長から説明を求めます。")]
    [InlineData("森口議会事務局長。", "〇〇議会事務局長。")]
    [InlineData("市議会総務課長から説明を求めます。", "市議会総務課長から説明を求めます。")] // the city's council office, nobody named
    [InlineData("本市議会事務局長から説明を求めます。", "本市議会事務局長から説明を求めます。")]
    public async Task A_surname_glued_to_an_office_of_the_council_is_masked_before_it(string text, string expected)
    {
        // The office ends in its words (総務, 事務局), so the run before 課長 read as an office alone and the surname was published.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Fact]
    public async Task A_count_at_a_line_end_is_not_read_into_the_name_on_the_next_line()
    {
        // 反対者　２名⏎蒔田奈央君: joined across the break, 名 was masked with the name (and the line break lost).
        Assert.Equal("反対者（青票）　２名\n〇〇君　　〇〇君", await RedactedTurns.ProseAsync("反対者（青票）　２名\n蒔田奈央君　　森本　誠君"));
    }

    [Theory]
    [InlineData("・待機児童の状況について質問があった。（宇佐木）", "・待機児童の状況について質問があった。（〇〇）")]
    [InlineData("・定員拡大の意見があった。（佐藤）", "・定員拡大の意見があった。（〇〇）")]
    [InlineData("・資料を説明した。（事務局）", "・資料を説明した。（事務局）")]
    [InlineData("・計画を了承した。（全員賛成）", "・計画を了承した。（全員賛成）")]
    [InlineData("・資料を配付した。（参考）", "・資料を配付した。（参考）")]
    public async Task A_points_summary_attributes_a_point_to_its_speaker_in_brackets_after_the_sentence(string text, string expected)
    {
        // 議事要旨 written as points: the bracket after 。 at the line's end names who spoke.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("山根、菅野、河合の各委員にも聞きたい。", "〇〇、〇〇、〇〇の各委員にも聞きたい。")]
    [InlineData("山根・菅野の各議員に伺う。", "〇〇・〇〇の各議員に伺う。")]
    [InlineData("委員会、部会の各委員に伺う。", "委員会、部会の各委員に伺う。")]
    [InlineData("日浦委員長、くり森、中峰、くりやま、菅野の各委員（五島副委員長は欠席）", "〇〇委員長、〇〇、〇〇、〇〇、〇〇の各委員（〇〇副委員長は欠席）")]
    [InlineData("本日は、総務、菅野の各委員に伺う。", "本日は、総務、〇〇の各委員に伺う。")]
    public async Task Every_surname_in_a_list_before_each_and_a_title_is_masked(string text, string expected)
    {
        // Before, the list ended at its first item the dictionary does not list (くりやま, a kana name; 中峰, a place).
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("会長職務代理者（漆原）：特になし。", "会長職務代理者（〇〇）：特になし。")]
    [InlineData("職務代理者（漆原）：了解した。", "職務代理者（〇〇）：了解した。")]
    [InlineData("本日は漆原会長職務代理者から報告がある。", "本日は〇〇会長職務代理者から報告がある。")]
    [InlineData("会長職務代理者の指名について", "会長職務代理者の指名について")]
    public async Task A_name_with_the_post_that_acts_for_the_chair_is_masked(string text, string expected)
    {
        // 会長職務代理者 (who acts for a 審議会's chair) was no title: the name in its brackets or before it was published.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("推進委員長は同校の真砂花緒教諭です。", "推進委員長は同校の〇〇教諭です。")]
    [InlineData("保健室の戸鞠一葉養護教諭と伊吹野誠教頭が対応した。", "保健室の〇〇養護教諭と〇〇教頭が対応した。")]
    [InlineData("園では皆川梢保育士、給食は鳩村朋栄養士が担当。", "園では〇〇保育士、給食は〇〇栄養士が担当。")]
    [InlineData("館の緒方聡司書と宇賀神学芸員から説明があった。", "館の〇〇司書と〇〇学芸員から説明があった。")]
    [InlineData("地区担当の瀬能和保健師、芦品誠看護師が訪問した。", "地区担当の〇〇保健師、〇〇看護師が訪問した。")]
    [InlineData("北浜大学の相楽駿助教、鷺沼助教も出席した。", "北浜大学の〇〇助教、〇〇助教も出席した。")]
    [InlineData("養護教諭の配置、学校司書と管理栄養士、担任教諭、市内の保育士、保育士会、准看護師", "養護教諭の配置、学校司書と管理栄養士、担任教諭、市内の保育士、保育士会、准看護師")]
    [InlineData("北浜大学長の式辞、北浜大学学長、教頭会、司書教諭の配置", "北浜大学長の式辞、北浜大学学長、教頭会、司書教諭の配置")]
    public async Task A_name_before_a_post_of_a_school_library_or_clinic_is_masked(string text, string expected)
    {
        // 教育委員会 and 福祉 minutes name teachers and staff by their posts (教諭, 教頭, 保育士, 司書, 保健師 …):
        // these were no titles, so a full name before them was published.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("前回は、桐生院委員から意見があった。", "前回は、〇〇委員から意見があった。")]
    [InlineData("次に、鳴海院委員の質問、有馬院委員長の報告", "次に、〇〇委員の質問、〇〇委員長の報告")]
    [InlineData("衆議院議員、参議院議長、市民病院委員会、大学院委員、本院委員", "衆議院議員、参議院議長、市民病院委員会、大学院委員、本院委員")]
    [InlineData("相馬院議員の質問に関連して、宝生院議員から", "〇〇議員の質問に関連して、〇〇議員から")]
    [InlineData("参議院議員、衆参両院議員、貴族院議員、米国下院議員", "参議院議員、衆参両院議員、貴族院議員、米国下院議員")]
    public async Task A_surname_the_dictionary_knows_and_in_before_a_seat_is_masked(string text, string expected)
    {
        // 桐生院委員: a rare surname of a known surname and 院 (as 伊集院, 花山院 are) was read as an office (院 ends
        // 病院, 議院) and published; a body whose words before 院 are no surname stays. Before 議員 it was published still
        // (相馬院議員): 院議 is a word, and a guess that ends inside a word was dropped as its piece.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("＜委員出欠＞\n花園院弘正（出席）\n佐野進（欠席）\n上杉周真（出席）", "＜委員出欠＞\n〇〇（出席）\n〇〇（欠席）\n〇〇（出席）")]
    [InlineData("定例会議（欠席）\n本日の会議（出席）", "定例会議（欠席）\n本日の会議（出席）")]
    public async Task A_member_on_a_line_before_an_attendance_note_is_masked_whole(string text, string expected)
    {
        // Before, 花園院弘正 and 佐野進 were published, and 上杉周真 only lost its surname (〇〇周真).
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

    [Theory]
    [InlineData("休憩します。（記録　木下　颯）", "休憩します。（記録　〇〇）")]
    [InlineData("再開します。（記録　阿子島陽子）", "再開します。（記録　〇〇）")]
    [InlineData("再開します。（速記　木下　颯）", "再開します。（速記　〇〇）")]
    [InlineData("再開します。（書記　木下颯）", "再開します。（書記　〇〇）")]
    [InlineData("（手話通訳　中谷　美穂）", "（手話通訳　〇〇）")]
    [InlineData("再開します。（記録　省略）", "再開します。（記録　省略）")]
    [InlineData("担当　山田　係長、作成　令和６年", "担当　〇〇　係長、作成　令和６年")]
    public async Task A_note_of_who_did_a_job_masks_the_whole_name_inside_a_speech(string text, string expected)
    {
        // Before, 颯 (one kanji one space after the surname) was published beside 〇〇, and 速記/書記 named no one.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("非正規職員に対し、正当な評価を求める。")]
    [InlineData("課長補佐級職員の成績優秀者は昇給する。")]
    [InlineData("市は、度々指定管理者が替わると困る。")]
    [InlineData("　協働部長の説明を求めます。")]
    public async Task A_word_before_a_post_that_names_its_kind_is_kept(string text)
    {
        Assert.Equal(text, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("先に引退した三原修元議員とともに始めた。", "先に引退した〇〇元議員とともに始めた。")]
    [InlineData("代表質問への中松元市長の答弁では。", "代表質問への〇〇元市長の答弁では。")]
    [InlineData("先輩である山口保元議員も願った。", "先輩である〇〇元議員も願った。")]
    public async Task Former_before_a_title_stays_with_the_title(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("佐藤　花子から意見書が提出された。", "〇〇から意見書が提出された。")]
    [InlineData("本日、佐藤　花子が参考人として出席した。", "本日、〇〇が参考人として出席した。")]
    [InlineData("請願第１号は、斉藤　一郎外３名から提出された。", "請願第１号は、〇〇外３名から提出された。")]
    [InlineData("林　薫から意見がありました。", "〇〇から意見がありました。")]
    [InlineData("森　一さんから伺った。", "〇〇さんから伺った。")]
    [InlineData("佐藤　凜花から伺った。", "〇〇から伺った。")]
    [InlineData("阿子島　陽子から意見があった。", "〇〇から意見があった。")]
    [InlineData("襲田　一郎から意見があった。", "〇〇から意見があった。")]
    public async Task A_surname_one_space_before_a_given_name_is_masked_without_a_title(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("議　事　日　程")]
    [InlineData("開催場所　議場")]
    [InlineData("大野　地区の要望を聞いた。")]
    [InlineData("総務課長　答弁します。")]
    [InlineData("議 員  和令 和 2 年第1回定例会")]
    public async Task Words_one_space_apart_are_no_name(string text)
    {
        Assert.Equal(text, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("前田くんが来た。", "〇〇くんが来た。")]
    [InlineData("お話聞くんですけど、どうしていくんだ。", "お話聞くんですけど、どうしていくんだ。")]
    public async Task Kun_after_a_name_is_an_honorific_and_a_verbs_kun_is_not(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("陳情者は東野町の沢渡美津江女史です。", "陳情者は東野町の〇〇女史です。")]
    [InlineData("沢渡女史から説明があった。", "〇〇女史から説明があった。")]
    [InlineData("その女史の方々が見えました。", "その女史の方々が見えました。")]
    public async Task Joshi_after_a_name_is_an_honorific(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("市民のソンさんから意見がありました。", "市民の〇〇さんから意見がありました。")]
    [InlineData("トランさんとハンさんが来ました。", "〇〇さんと〇〇さんが来ました。")]
    [InlineData("ヘルパーさんやケアマネさん、ママさんに伺った。", "ヘルパーさんやケアマネさん、ママさんに伺った。")]
    [InlineData("区民ボランティアさんのご協力", "区民ボランティアさんのご協力")]
    public async Task A_short_katakana_word_alone_before_san_is_masked(string text, string expected)
    {
        // The dictionary lists few foreign surnames: ソン, トラン, ハン were published.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("マリア・ルイサ・ガルシアからの提案です。", "〇〇からの提案です。")]
    [InlineData("マリア・ルイサ・ガルシアさんが来ています。", "〇〇さんが来ています。")]
    [InlineData("ジョンソン・エンド・ジョンソンから購入した。", "ジョンソン・エンド・ジョンソンから購入した。")]
    public async Task A_katakana_name_of_three_words_is_masked_whole(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("岩淵先生方にお願いしました。", "〇〇先生方にお願いしました。")]
    [InlineData("各学校の先生方と諸先生方に伺う。", "各学校の先生方と諸先生方に伺う。")]
    [InlineData("在り方はしっかり先生方も認識してほしい。", "在り方はしっかり先生方も認識してほしい。")]
    [InlineData("高嶋藤吉翁の記念碑です。", "〇〇翁の記念碑です。")]
    [InlineData("人間万事塞翁が馬と申します。老翁の話です。", "人間万事塞翁が馬と申します。老翁の話です。")]
    public async Task Plural_and_old_honorifics_after_a_name_are_honorifics(string text, string expected)
    {
        // 先生方 (the teachers, 岩淵先生方: 岩淵 and the others) and 翁 (an old man, in local history) were not read as titles.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("いよいよ花子さんの番です。", "いよいよ〇〇さんの番です。")]
    [InlineData("ではそろそろ太郎さんもどうぞ。", "ではそろそろ〇〇さんもどうぞ。")]
    [InlineData("いよいよやまだ花子さんの番です。", "いよいよ〇〇さんの番です。")]
    [InlineData("やまだ花子さんの番です。", "〇〇さんの番です。")]
    public async Task A_doubled_adverb_before_a_given_name_is_no_kana_surname(string text, string expected)
    {
        // いよいよ花子さん was masked whole (〇〇さん), as if いよいよ were a surname in hiragana.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("副　市　長　戸　羽　　太", "副　市　長　〇〇")]
    [InlineData("副  市  長  戸 羽   太", "副  市  長  〇〇")]
    [InlineData("市      長  山 本   正", "市      長  〇〇")]
    [InlineData("議 員  安 斎 哲 也", "議 員  〇〇")]
    [InlineData("議　　事　　日　　程", "議　　事　　日　　程")]
    public async Task A_fixed_width_office_and_name_printed_in_the_proceedings_keeps_the_office_and_masks_the_whole_name(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("木原大輔重信元子", "〇〇")]
    [InlineData("出羽三山日野北山", "出羽三山日野北山")]
    public async Task Two_full_names_run_together_in_a_line_whose_spacing_was_lost_are_masked(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("前田・佐藤両委員から質問があった。", "〇〇・〇〇両委員から質問があった。")]
    [InlineData("前田及び佐藤委員から質問があった。", "〇〇及び〇〇委員から質問があった。")]
    [InlineData("前田と佐藤委員が質問した。", "〇〇と〇〇委員が質問した。")]
    [InlineData("市長と佐藤委員が質問した。", "市長と〇〇委員が質問した。")]
    [InlineData("両委員から質問があった。", "両委員から質問があった。")]
    public async Task Names_listed_before_a_name_with_a_title_share_it_and_both_stays_with_the_title(string text, string expected)
    {
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("宮〓花子委員から資料の提出がありました。", "〇〇委員から資料の提出がありました。")]
    [InlineData("〓田委員、賛成です。", "〇〇委員、賛成です。")]
    public async Task A_name_holding_a_placeholder_for_a_missing_kanji_is_masked_whole(string text, string expected)
    {
        // 〓 (げた) stands for a kanji the file could not hold (外字); before, it ended the name, and 宮〓 was published.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }

    [Theory]
    [InlineData("真鍋参考人、小田切公述人の意見を伺います。", "〇〇参考人、〇〇公述人の意見を伺います。")]
    [InlineData("連帯保証人の責任と参考人招致について", "連帯保証人の責任と参考人招致について")]
    public async Task A_name_before_参考人_or_公述人_is_masked(string text, string expected)
    {
        // Before, 参考人 and 公述人 were no titles to the recogniser: a person heard by a committee was published.
        Assert.Equal(expected, await RedactedTurns.ProseAsync(text));
    }
}
