using PublishPipeline.Model;

namespace PublishPipeline.Site.Tests;

/// <summary>Hand-built minutes for site tests: varied bodies, dates, disclosure and turn kinds.</summary>
internal static class TestMinutes
{
    public static Minutes Sample(string sourceName = "toshima/2024/joho-1.txt", DateOnly? date = null, string body = "豊島区行政情報化推進本部", int turns = 6) => new()
    {
        Id = MinutesId.FromSourceName(sourceName),
        Title = $"令和6年度 第1回{body}",
        Body = body,
        Municipality = "豊島区",
        Session = "第1回",
        Date = date ?? new DateOnly(2024, 5, 23),
        FiscalYear = JapaneseEra.FiscalYear(date ?? new DateOnly(2024, 5, 23)),
        StartTime = "14:00",
        EndTime = "14:40",
        Venue = "庁議室（本庁舎5階）",
        Secretariat = "政策経営部情報管理課",
        Agenda = ["豊島区DX推進計画（案）の策定について", "セキュリティポリシーの改定について"],
        Attendees =
        [
            new AttendeeGroup("部員", ["副区長（本部長）", "政策経営部長（副本部長）", "区民部長"]),
            new AttendeeGroup("事務局", ["情報担当係長（管理）"]),
        ],
        Disclosure = new Disclosure
        {
            Meeting = DisclosureState.Closed,
            MeetingReason = "行政機関における政策意思決定過程途上に位置付けられる会議であるため",
            Minutes = DisclosureState.Partial,
            Reason = "政策意思決定過程途上に位置づけられる内容を含むため",
        },
        Sections =
        [
            new Section("議案（1）豊島区DX推進計画（案）の策定について",
            [
                .. Enumerable.Range(0, turns).Select(i => (i % 3) switch
                {
                    0 => new SpeakerTurn { Speaker = "本部長", Text = $"ただいまより第{i + 1}回目の審議を行います。\n資料に基づき説明をお願いします。" },
                    1 => new SpeakerTurn { Text = "〔事務局：資料1を説明〕", Kind = TurnKind.Procedure },
                    _ => new SpeakerTurn { Speaker = "〇〇委員", Text = "パブリックコメントの結果はいつ公表されますか。" },
                }),
            ]),
            new Section("議案（2）セキュリティポリシーの改定について",
            [
                new SpeakerTurn { Speaker = "事務局", Text = "外部サービスの利用に関する規定を新設します。" },
                new SpeakerTurn { Text = "（この部分は非公開です。豊島区行政情報公開条例第7条による）", Kind = TurnKind.Notice },
                new SpeakerTurn { Text = "—議題について案のとおり承認—", Kind = TurnKind.Procedure },
            ]),
        ],
        Results = ["議案（1）（2）とも案のとおり承認"],
        Materials = ["資料1 豊島区DX推進計画（案）", "資料2 セキュリティポリシー改定案"],
    };

    /// <summary>Every field an upload controls carries markup and script.</summary>
    public static Minutes Hostile()
    {
        const string evil = "</title><script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>]]><!--";
        return Sample("hostile/evil.txt") with
        {
            Title = "第1回" + evil,
            Body = "悪意ある会議体" + evil,
            Session = "第1回" + evil,
            Venue = evil,
            Secretariat = evil,
            Agenda = [evil, "javascript:alert(4)"],
            Attendees = [new AttendeeGroup(evil, [evil])],
            Disclosure = new Disclosure { Meeting = DisclosureState.Public, MeetingReason = evil, Minutes = DisclosureState.Public, Reason = evil },
            Sections =
            [
                new Section(evil,
                [
                    new SpeakerTurn { Speaker = evil, Text = "検索語スクリプト" + evil + "\n\u0001制御文字\u0085" },
                    new SpeakerTurn { Text = evil, Kind = TurnKind.Procedure },
                    new SpeakerTurn { Text = evil, Kind = TurnKind.Notice },
                ]),
            ],
            Results = [evil],
            Materials = [evil],
        };
    }

    /// <summary>A long document: <paramref name="turns"/> turns over 50 sections.</summary>
    public static Minutes Long(int turns)
    {
        var perSection = turns / 50;
        return Sample("long/5000.txt") with
        {
            Sections =
            [
                .. Enumerable.Range(0, 50).Select(s => new Section($"議題{s + 1}",
                [
                    .. Enumerable.Range(0, perSection).Select(t => new SpeakerTurn
                    {
                        Speaker = t % 2 == 0 ? "会長" : "委員",
                        Text = $"第{s + 1}節の{t + 1}番目の発言です。個人情報の保護について意見を述べます。\n二段落目の本文です。",
                    }),
                ])),
            ],
        };
    }

    /// <summary>A small varied set: three bodies, several fiscal years, one undated.</summary>
    public static IReadOnlyList<Minutes> Set()
    {
        var list = new List<Minutes>
        {
            Sample("a/1.txt", new DateOnly(2024, 5, 23)),
            Sample("a/2.txt", new DateOnly(2023, 3, 10)),
            Sample("b/1.txt", new DateOnly(2019, 5, 1), "練馬区情報公開および個人情報保護運営審議会"),
            Sample("b/2.txt", new DateOnly(2019, 4, 30), "練馬区情報公開および個人情報保護運営審議会"),
            Sample("c/1.txt", new DateOnly(2018, 5, 8), "未来戦略創出会議") with { Title = "平成30年度 未来戦略創出会議（第2回）", Session = null, Venue = null, StartTime = null, EndTime = null, Attendees = [], Materials = [], Results = [] },
            Sample("c/undated.txt", null, "未来戦略創出会議") with { Date = null, FiscalYear = null, Title = null },
        };
        return list;
    }
}
