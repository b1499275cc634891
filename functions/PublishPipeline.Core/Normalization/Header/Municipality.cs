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

    private static bool IsKanji(char c) => c is >= '\u4E00' and <= '\u9FFF';

    [GeneratedRegex(@"(?<name>(?:東京都|北海道|(?:京都|大阪)府|[\p{IsCJKUnifiedIdeographs}]{2,3}県)|[\p{IsCJKUnifiedIdeographs}ヶ]{1,5}?[市町村区])議会", RegexOptions.CultureInvariant)]
    private static partial Regex Assembly();

    [GeneratedRegex(@"(?:東京都|北海道|(?:京都|大阪)府|[\p{IsCJKUnifiedIdeographs}]{2,3}県)(?<name>[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}ヶ]{1,5}?[市町村区])", RegexOptions.CultureInvariant)]
    private static partial Regex AfterPrefecture();
}
