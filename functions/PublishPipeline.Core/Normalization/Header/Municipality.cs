using System.Text.RegularExpressions;

namespace PublishPipeline.Normalization.Header;

/// <summary>
/// Finds the municipality a text names. Known names only (Tokyo's 23 special wards) plus any
/// 市/町/村/区 written after its prefecture (東京都八王子市, 神奈川県横浜市): a bare "…区" is too
/// easy to misread (副区長, 地区), and a wrong ward on a public page is worse than none.
/// </summary>
internal static partial class Municipality
{
    private static readonly string[] SpecialWards =
    [
        "千代田区", "中央区", "港区", "新宿区", "文京区", "台東区", "墨田区", "江東区", "品川区", "目黒区", "大田区", "世田谷区",
        "渋谷区", "中野区", "杉並区", "豊島区", "北区", "荒川区", "板橋区", "練馬区", "足立区", "葛飾区", "江戸川区",
    ];

    /// <summary>The first municipality named in the text, or null.</summary>
    public static string? FindFirst(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var best = -1;
        string? found = null;
        var m = AfterPrefecture().Match(text);
        while (m.Success && !IsPlaceName(m.Groups["name"].Value))
        {
            // 大阪府都市計画審議会: the prefecture's 都市計画, no city of 都市.
            m = m.NextMatch();
        }

        if (m.Success)
        {
            best = m.Index;
            found = m.Groups["name"].Value;
        }

        foreach (var ward in SpecialWards)
        {
            var i = text.IndexOf(ward, StringComparison.Ordinal);
            // 北区 and 港区 also end longer words (東北区…); require that a kanji does not precede them.
            if (i >= 0 && (best < 0 || i < best) && (ward.Length > 2 || i == 0 || !IsKanji(text[i - 1])))
            {
                best = i;
                found = ward;
            }
        }

        return found;
    }

    /// <summary>
    /// The municipality an assembly's name states: 高槻市議会 → 高槻市, 白馬村議会 → 白馬村, 茨城県議会 → 茨城県
    /// (a prefectural assembly's is the prefecture). Null when the text names no assembly.
    /// </summary>
    public static string? OfAssembly(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains("議会", StringComparison.Ordinal))
        {
            return null;
        }

        var m = Assembly().Match(text);
        // 第1回高槻市議会: the counter before the name is not part of it.
        return m.Success ? m.Groups["name"].Value.TrimStart('回', '年', '度', '第', '号', '日', '月') : null;
    }

    /// <summary>
    /// The municipality a body is named after, written at its start (第３回桜台市環境審議会's body 桜台市環境審議会 → 桜台市,
    /// 東村山市都市計画審議会 → 東村山市): a 審議会 or 協議会 of a city, town or village is so named. Kanji names only (a kana
    /// name runs into the body's words: まちづくり市民会議), never a ward (地区計画…), and not after a prefecture (read above).
    /// Null for common nouns that end so (都市計画, 農村, 中核市, 市町村, 中央卸売市場, 町内会).
    /// </summary>
    public static string? OfBody(string? body)
    {
        if (string.IsNullOrEmpty(body) || PrefectureFirst().IsMatch(body))
        {
            return null;
        }

        var m = BodyStart().Match(body);
        if (!m.Success)
        {
            return null;
        }

        var name = m.Value;
        // 東村山市, 十日町市: a 町 or 村 inside a city's name; the shortest reading stops there, the 市 just after is the end.
        if (name[^1] is '町' or '村' && CityRunOn().Match(body, name.Length) is { Success: true } on && on.Index == name.Length
            && !on.Value.EndsWith("都市", StringComparison.Ordinal))
        {
            name += on.Value;
        }

        var next = name.Length < body.Length ? body[name.Length] : '\0';
        // 中央卸売市場, 市街地; 町内会, 町会: a market, a built-up area, a neighbourhood, not a municipality.
        var runsOn = (name[^1] == '市' && next is '場' or '街') || (name[^1] == '町' && next is '内' or '会');
        return !runsOn && IsPlaceName(name) ? name : null;
    }

    /// <summary>Words that end in 市, 町 or 村 and name no municipality.</summary>
    private static readonly string[] CommonNouns =
    [
        "中核市", "政令市", "特例市", "全国市", "朝市", "市町", "区市", "町村", "農村", "山村", "漁村", "農山村", "農山漁村", "選手村",
        "城下町", "門前町", "宿場町", "港町", "下町", "全国町",
    ];

    private static bool IsPlaceName(string name) =>
        Array.IndexOf(CommonNouns, name) < 0 && (!name.EndsWith("都市", StringComparison.Ordinal) || name == "京都市");

    private static bool IsKanji(char c) => c is >= '\u4E00' and <= '\u9FFF';

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}][\p{IsCJKUnifiedIdeographs}々ヶケ]{0,4}?[市町村](?=.)", RegexOptions.CultureInvariant)]
    private static partial Regex BodyStart();

    [GeneratedRegex(@"\G[\p{IsCJKUnifiedIdeographs}々ヶケ]{0,2}?市", RegexOptions.CultureInvariant)]
    private static partial Regex CityRunOn();

    [GeneratedRegex(@"^(?:東京都|北海道|(?:京都|大阪)府|[\p{IsCJKUnifiedIdeographs}]{2,3}県)", RegexOptions.CultureInvariant)]
    private static partial Regex PrefectureFirst();

    [GeneratedRegex(@"(?<name>(?:東京都|北海道|(?:京都|大阪)府|[\p{IsCJKUnifiedIdeographs}]{2,3}県)|[\p{IsCJKUnifiedIdeographs}ヶ]{1,5}?[市町村区])議会", RegexOptions.CultureInvariant)]
    private static partial Regex Assembly();

    [GeneratedRegex(@"(?:東京都|北海道|(?:京都|大阪)府|[\p{IsCJKUnifiedIdeographs}]{2,3}県)(?<name>[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}ヶ]{1,5}?[市町村区])", RegexOptions.CultureInvariant)]
    private static partial Regex AfterPrefecture();
}
