using System.Diagnostics;
using System.Globalization;
using System.Text;
using PublishPipeline.Unicode;

namespace PublishPipeline.Ingest.Tests;

/// <summary>
/// Our NFC against the Unicode conformance file (NormalizationTest.txt from Debian's unicode-data,
/// which scripts/test.sh installs), and the reason it exists: under invariant globalisation the
/// runtime's own normalisation does nothing.
/// </summary>
public sealed class UnicodeNormalizationTests
{
    private const string ConformanceFile = "/usr/share/unicode/NormalizationTest.txt.bz2";

    [Fact]
    public void The_runtime_does_not_normalise_under_invariant_globalization()
    {
        // Pins the fact behind TextNormalization: if this ever fails, the runtime normalises again
        // and the build setting or the runtime changed; TextNormalization must still agree with it.
        Assert.Equal("true", AppContext.GetData("System.Globalization.Invariant")?.ToString(), ignoreCase: true);
        const string decomposed = "か\u3099";
        Assert.Equal(decomposed, decomposed.Normalize(NormalizationForm.FormC));
        Assert.True(decomposed.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("が", TextNormalization.ToNfc(decomposed));
        Assert.False(TextNormalization.IsNfc(decomposed));
    }

    [Fact]
    public void Every_line_of_the_Unicode_conformance_file_passes()
    {
        Assert.True(File.Exists(ConformanceFile), $"{ConformanceFile} is missing: apt-get install unicode-data (scripts/test.sh does)");
        var lines = Bzcat(ConformanceFile);
        int checkedLines = 0, failures = 0;
        var firstFailures = new List<string>();
        var listed = new HashSet<int>();
        var part1 = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("@Part", StringComparison.Ordinal))
            {
                part1 = line.StartsWith("@Part1", StringComparison.Ordinal);
                continue;
            }

            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // c1;c2;c3;c4;c5: NFC(c1) = NFC(c2) = NFC(c3) = c2, NFC(c4) = NFC(c5) = c4.
            var columns = line.Split(';');
            var c = columns.Take(5).Select(Decode).ToArray();
            if (part1)
            {
                listed.Add(char.ConvertToUtf32(c[0], 0));
            }

            foreach (var (input, expected) in new[] { (c[0], c[1]), (c[1], c[1]), (c[2], c[1]), (c[3], c[3]), (c[4], c[3]) })
            {
                var actual = TextNormalization.ToNfc(input);
                if (actual != expected)
                {
                    failures++;
                    if (firstFailures.Count < 10)
                    {
                        firstFailures.Add($"{line} → {Hex(actual)}");
                    }
                }
            }

            checkedLines++;
        }

        // Part 1's rule: every code point not listed there is its own NFC.
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF || listed.Contains(cp))
            {
                continue;
            }

            var single = char.ConvertFromUtf32(cp);
            if (!ReferenceEquals(TextNormalization.ToNfc(single), single))
            {
                failures++;
                if (firstFailures.Count < 10)
                {
                    firstFailures.Add($"U+{cp:X4} (unlisted) changed");
                }
            }
        }

        Assert.True(checkedLines > 18_000, $"only {checkedLines} conformance lines read");
        Assert.True(failures == 0, $"{failures} failures:\n" + string.Join('\n', firstFailures));
    }

    [Theory]
    [InlineData("ｶﾞｲﾄﾞﾗｲﾝ", "ガイドライン")]
    [InlineData("ﾊﾟﾌﾞﾘｯｸｺﾒﾝﾄ｡｢ｱ｣､･ｰ", "パブリックコメント。「ア」、・ー")]
    [InlineData("⽇本国⺠", "日本国民")]
    [InlineData("ﬁle", "file")]
    [InlineData("か\u3099", "が")]
    public void Reading_folds_presentation_forms(string input, string expected) =>
        Assert.Equal(expected, TextNormalization.ForReading(input));

    [Theory]
    [InlineData("（１）㈱①㍻　Ｒ３")] // meaningful compatibility forms stay as written
    [InlineData("髙﨑𠮷")] // old forms that are not canonical variants stay (the name lexicon folds them for lookup)
    [InlineData("会議録 本文")]
    public void Reading_keeps_meaningful_forms(string text) =>
        Assert.Same(text, TextNormalization.ForReading(text));

    [Fact]
    public void Compatibility_ideographs_with_canonical_mappings_become_the_unified_ideograph() =>
        Assert.Equal("神", TextNormalization.ToNfc("\uFA19"));

    private static List<string> Bzcat(string path)
    {
        var start = new ProcessStartInfo("bzcat", [path]) { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        using var process = Process.Start(start)!;
        var lines = new List<string>(20_000);
        while (process.StandardOutput.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return lines;
    }

    private static string Decode(string column) =>
        string.Concat(column.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(h => char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));

    private static string Hex(string s) => string.Join(' ', s.EnumerateRunes().Select(r => r.Value.ToString("X4", CultureInfo.InvariantCulture)));
}
