using System.Text;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Hostile.Tests;

/// <summary>
/// Header attendee lists written as roll entries: a role word then the name (<c>出席者：委員 山田太郎、佐藤花子</c>),
/// with full-width spaces, lists joined by 、，・ or spaces, a role against the name, 〃 repeat marks, 君/さん/氏/様
/// or a note in parentheses after the name, and a tab table whose cell holds two names. Each upload goes through the real
/// normalise + redact + render; no part of any name may reach the site (pages, JSON, indexes).
/// </summary>
public class AttendeeRollLeakTests
{
    /// <summary>Attendee lines, and the people they name (surname, given name).</summary>
    public static TheoryData<string, string[]> Lists => new()
    {
        { "出席者：委員 山田太郎、佐藤花子", ["山田|太郎", "佐藤|花子"] },
        { "出席者：委員長　鈴木一郎，議員 高橋次郎・説明員　田中三郎 伊藤四郎", ["鈴木|一郎", "高橋|次郎", "田中|三郎", "伊藤|四郎"] },
        { "出席者：委員山田太郎、〃佐藤花子、〃　渡辺健一", ["山田|太郎", "佐藤|花子", "渡辺|健一"] },
        { "出席者：委員 渡辺健一君、委員 小林明美さん、中村正氏、委員長 吉田七子様", ["渡辺|健一", "小林|明美", "中村|正", "吉田|七子"] },
        { "出席者\t委員\t井上八郎 木村九郎\n\t説明員\t松本十郎、山口一美", ["井上|八郎", "木村|九郎", "松本|十郎", "山口|一美"] },
        { "出席者：会長　石川五郎（欠席）、委員　前田六子（代理）、説明員 藤田七郎（企画課長）", ["石川|五郎", "前田|六子", "藤田|七郎"] },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task No_name_of_a_header_attendee_list_reaches_the_site(string attendees, string[] people)
    {
        using var site = new LocalSite();
        var upload = "会議名：第3回まちづくり審議会\n日時：令和5年6月1日 14時00分～15時00分\n場所：区役所会議室\n" + attendees
            + "\n\n審議経過\n\n会長 それでは開会します。\n委員 質問があります。\n";
        var results = await site.PublishAsync("attendees.txt", Encoding.UTF8.GetBytes(upload));
        Assert.Contains(results, r => r.Stage == Stages.Render && r.Outcome == StageOutcome.Done);

        var files = site.SiteFiles();
        var page = Assert.Single(files, f => f.Key.EndsWith("/index.html", StringComparison.Ordinal) && f.Key.StartsWith("minutes/", StringComparison.Ordinal));
        Assert.Contains("出席者", Encoding.UTF8.GetString(page.Value), StringComparison.Ordinal);
        Assert.Single(files, f => f.Key.EndsWith("/minutes.json", StringComparison.Ordinal));

        var leaks = new List<string>();
        foreach (var (path, bytes) in files)
        {
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var person in people)
            {
                var (family, given) = (person.Split('|')[0], person.Split('|')[1]);
                // A one-character given name (正) is looked for as a whole JSON value only.
                string[] parts = given.Length > 1 ? [family + given, family, given] : [family + given, family, $"\"{given}\""];
                foreach (var part in parts)
                {
                    if (text.Contains(part, StringComparison.Ordinal))
                    {
                        leaks.Add($"{path}: {part}");
                    }
                }
            }
        }

        Assert.True(leaks.Count == 0, "names in the site:\n" + string.Join('\n', leaks));
    }
}
