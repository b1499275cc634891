using System.Text;
using System.Text.RegularExpressions;
using PublishPipeline.Pipeline;
using PublishPipeline.Storage;
using PublishPipeline.Tests;
using PublishPipeline.Unicode;

namespace PublishPipeline.Hostile.Tests;

/// <summary>
/// Every sample, rewritten in NFD and in compatibility-variant spellings (half-width katakana, Kangxi
/// radicals, compatibility ideographs), publishes exactly the bytes the
/// sample publishes: the same pages, JSON and indexes, the same hold reports. Before the fix, sample
/// 004 in NFD published a member's name unmasked.
/// </summary>
public sealed partial class UnicodeVariantTests
{
    public static TheoryData<string> Samples() => [.. RepoPaths.SampleFiles.Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Nfd_and_compatibility_variants_publish_the_same_bytes(string sampleFile)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Samples, sampleFile));
        var expected = await PublishAsync(sampleFile, text);
        Assert.NotEmpty(expected.Outcome);

        var variants = new (string Kind, string Name, string Text)[]
        {
            ("NFD text", sampleFile, TextNormalization.ToNfd(text)),
            ("compatibility variants", sampleFile, CompatibilityVariant(text)),
            ("NFD text and NFD name", TextNormalization.ToNfd(sampleFile), TextNormalization.ToNfd(CompatibilityVariant(text))),
        };
        foreach (var (kind, name, variant) in variants)
        {
            Assert.NotEqual(text, variant);
            var actual = await PublishAsync(name, variant);
            Assert.True(expected.Outcome == actual.Outcome, $"{sampleFile} ({kind}): {expected.Outcome} became {actual.Outcome}");
            Assert.Equal(expected.Files.Keys, actual.Files.Keys);
            foreach (var (path, bytes) in expected.Files)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(actual.Files[path]), $"{sampleFile} ({kind}): {path} differs{FirstDifference(bytes, actual.Files[path])}");
            }
        }
    }

    [Fact]
    public async Task The_nfc_and_nfd_spellings_of_one_upload_name_are_one_document()
    {
        using var site = new LocalSite();
        var bytes = await File.ReadAllBytesAsync(RepoPaths.Sample("000"));
        var nfc = "会議録/第1回ガイドライン検討会.txt";
        var nfd = TextNormalization.ToNfd(nfc);
        Assert.NotEqual(nfc, nfd);
        var first = await site.PublishAsync(nfc, bytes);
        var second = await site.PublishAsync(nfd, bytes);
        Assert.Equal(first[^1].Id, second[^1].Id);
        Assert.Single(site.SiteFiles().Keys, k => k.EndsWith("/index.html", StringComparison.Ordinal) && k.StartsWith("minutes/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_one_spelling_of_a_name_keeps_the_document_while_the_other_is_uploaded()
    {
        using var site = new LocalSite();
        var bytes = await File.ReadAllBytesAsync(RepoPaths.Sample("000"));
        var nfc = "会議録/第1回ガイドライン検討会.txt";
        var nfd = TextNormalization.ToNfd(nfc);
        await site.PublishAsync(nfc, bytes);
        await site.PublishAsync(nfd, bytes);
        bool PagePublished() => site.SiteFiles().Keys.Any(k => k.StartsWith("minutes/", StringComparison.Ordinal) && k.EndsWith("/index.html", StringComparison.Ordinal));

        await site.Store.DeleteAsync(Containers.Uploads, nfd);
        var kept = await site.Pipeline.WithdrawAsync(nfd);
        Assert.NotEqual(StageOutcome.Withdrawn, kept.Outcome);
        Assert.True(PagePublished(), $"the NFC spelling is still uploaded, yet the page went: {kept}");

        await site.Store.DeleteAsync(Containers.Uploads, nfc);
        await site.Pipeline.WithdrawAsync(nfc);
        Assert.False(PagePublished(), "both spellings deleted: the page must go");
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        string a = Encoding.UTF8.GetString(expected), b = Encoding.UTF8.GetString(actual);
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        var from = Math.Max(0, i - 40);
        return $" at character {i}: expected …{a[from..Math.Min(a.Length, i + 40)]}… but found …{b[from..Math.Min(b.Length, i + 40)]}…";
    }

    private static async Task<(string Outcome, SortedDictionary<string, byte[]> Files)> PublishAsync(string name, string text)
    {
        using var site = new LocalSite();
        var results = await site.PublishAsync(name, Encoding.UTF8.GetBytes(text));
        var last = results[^1];
        var files = site.SiteFiles();
        if (last.Outcome == StageOutcome.Held)
        {
            // Held: what staff read must not differ either (the report names the same reasons and places).
            // Only the hash of the upload's bytes differs, as it must: an approval covers those bytes.
            var report = Encoding.UTF8.GetString((await site.PrivateAsync(Containers.Held, PipelineNames.Document(last.Id!)))!);
            files["(held report)"] = Encoding.UTF8.GetBytes(SourceHash().Replace(report, "\"sourceSha256\": \"(the upload's own)\""));
        }

        return ($"{last.Stage} {last.Outcome}", files);
    }

    /// <summary>
    /// The sample with every character that has a compatibility spelling written in it: katakana in
    /// half width (ガ as ｶﾞ), ideographs as Kangxi radicals or compatibility ideographs where one maps to
    /// them, ASCII letters and digits in full width. What a PDF export or an old system writes.
    /// </summary>
    internal static string CompatibilityVariant(string text)
    {
        var reverse = ReverseFolds();
        var builder = new StringBuilder(text.Length * 2);
        foreach (var rune in text.EnumerateRunes())
        {
            if (reverse.TryGetValue(rune.Value, out var variant))
            {
                builder.Append(variant);
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    private static Dictionary<int, string> ReverseFolds()
    {
        var reverse = new Dictionary<int, string>();
        void Add(string variant, string folded)
        {
            if (folded.EnumerateRunes().Count() == 1 && folded != variant)
            {
                reverse.TryAdd(folded.EnumerateRunes().First().Value, variant);
            }
        }

        // Half-width katakana, and voiced ones as two half-width characters (ｶﾞ).
        for (var c = 0xFF66; c <= 0xFF9D; c++)
        {
            var single = ((char)c).ToString();
            Add(single, TextNormalization.ForReading(single));
            Add(single + "\uFF9E", TextNormalization.ForReading(single + "\uFF9E"));
            Add(single + "\uFF9F", TextNormalization.ForReading(single + "\uFF9F"));
        }

        // Kangxi radicals, then compatibility ideographs (canonical singletons: NFC alone maps them back).
        for (var c = 0x2F00; c <= 0x2FD5; c++)
        {
            Add(((char)c).ToString(), TextNormalization.ForReading(((char)c).ToString()));
        }

        for (var c = 0xF900; c <= 0xFAD9; c++)
        {
            Add(((char)c).ToString(), TextNormalization.ToNfc(((char)c).ToString()));
        }

        return reverse;
    }

    [GeneratedRegex("\"sourceSha256\": \"[0-9a-f]{64}\"")]
    private static partial Regex SourceHash();
}
