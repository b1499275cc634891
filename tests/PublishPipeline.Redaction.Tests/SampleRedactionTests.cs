using System.Text;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
using PublishPipeline.Tests;

namespace PublishPipeline.Redaction.Tests;

/// <summary>The five bundled samples through the real normaliser and the redactor.</summary>
public class SampleRedactionTests
{
    private static Minutes Normalize(string prefix)
    {
        var path = RepoPaths.Sample(prefix);
        return MinutesNormalizer.Normalize(new SourceFile(Path.GetFileName(path), File.ReadAllBytes(path)));
    }

    private static string Json(Minutes minutes) => Encoding.UTF8.GetString(MinutesJson.Serialize(minutes));

    [Fact]
    public async Task Sample_000_with_public_minutes_is_published()
    {
        var outcome = await new Redactor().RedactAsync(Normalize("000"), new RedactionRequest("000"));
        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
        var json = Json(outcome.Redacted!);
        Assert.Contains("副区長", json);
        Assert.Contains("財政課長", json);
        Assert.Contains("企画課長", json);
        Assert.DoesNotContain("〇〇", json); // no person is named in 000: nothing to mask
    }

    [Theory]
    [InlineData("001")]
    [InlineData("003")]
    public async Task Partly_closed_minutes_with_no_marked_passage_are_held(string prefix)
    {
        var minutes = Normalize(prefix);
        Assert.Equal(DisclosureState.Partial, minutes.Disclosure.Minutes);
        var outcome = await new Redactor().RedactAsync(minutes, new RedactionRequest(prefix));
        Assert.False(outcome.IsPublishable);
        Assert.Null(outcome.Redacted);
        Assert.Contains(outcome.Hold!.Reasons, r => r.Contains("一部非公開", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sample_003_confirmed_as_public_version_is_published_without_the_vice_mayors_name()
    {
        var outcome = await new Redactor().RedactAsync(Normalize("003"), new RedactionRequest("003", ConfirmedPublicVersion: true));
        Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));
        var json = Json(outcome.Redacted!);
        Assert.DoesNotContain("齊藤", json);
        Assert.Contains("〇〇副区長", json);
        Assert.Contains("副区長(本部長)", json);
        Assert.Contains("情報管理課長", json);
        Assert.Contains(outcome.Audit.Entries, e => e.Original == "齊藤" && e.Location.Contains(".speaker@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sample_003_review_copy_of_the_hold_has_the_name_masked_too()
    {
        var outcome = await new Redactor().RedactAsync(Normalize("003"), new RedactionRequest("003"));
        Assert.NotNull(outcome.ReviewCopy);
        Assert.DoesNotContain("齊藤", Json(outcome.ReviewCopy!));
    }

    [Fact]
    public async Task Sample_004_committee_members_are_masked_and_roles_kept()
    {
        var minutes = Normalize("004");
        Assert.Equal(DisclosureState.Unknown, minutes.Disclosure.Minutes);
        var held = await new Redactor().RedactAsync(minutes, new RedactionRequest("004"));
        Assert.False(held.IsPublishable); // no disclosure table: held by default

        var outcome = await new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish })
            .RedactAsync(minutes, new RedactionRequest("004"));
        Assert.True(outcome.IsPublishable);
        var json = Json(outcome.Redacted!);
        string[] members = ["柴崎", "今井", "廣田", "中里", "太巻", "渡部", "田中", "田村", "加賀美", "岩橋", "襲田", "嶋村", "河原", "阿子島", "関委員", "笠原", "佐藤", "平野", "有馬", "沢村", "岩瀬", "かとうぎ"];
        foreach (var name in members)
        {
            Assert.DoesNotContain(name, json);
        }

        Assert.Contains("〇〇委員(会長)", json);
        Assert.Contains("〇〇委員(副会長)", json);
        foreach (var kept in new[] { "情報公開課長", "副会長", "練馬子ども家庭支援センター所長", "児童氏名", "保護者氏名", "皆様", "㈱内田洋行", "練馬区", "総務部長", "商品券事業担当課長" })
        {
            Assert.Contains(kept, json);
        }

        // The audit holds the originals; the published document never does.
        Assert.Contains(outcome.Audit.Entries, e => e.Original == "阿子島" && e.Replacement == "〇〇");
        Assert.DoesNotContain("阿子島", Encoding.UTF8.GetString(MinutesJson.Serialize(outcome.Redacted!)));
    }

    [Fact]
    public async Task Sample_004_with_pseudonyms_gives_each_member_a_letter()
    {
        var outcome = await new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish, Replacement = NameReplacement.Pseudonym })
            .RedactAsync(Normalize("004"), new RedactionRequest("004"));
        var members = outcome.Redacted!.Attendees[0].Members;
        Assert.Equal("A委員(会長)", members[0]);
        Assert.Equal("B委員(副会長)", members[1]);
        Assert.Equal(members.Count, members.Distinct().Count());
    }

    [Fact]
    public async Task No_sample_loses_text_other_than_names()
    {
        var redactor = new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        foreach (var file in RepoPaths.SampleFiles)
        {
            var prefix = Path.GetFileName(file)[..3];
            var outcome = await redactor.RedactAsync(Normalize(prefix), new RedactionRequest(prefix, ConfirmedPublicVersion: true));
            Assert.True(outcome.IsPublishable, prefix);
            foreach (var entry in outcome.Audit.Entries)
            {
                // 〇〇 only ever replaces something the recogniser called a name; list them for the record.
                Assert.True(entry.Original.Length <= 6, $"{prefix}: suspiciously long name {entry.Original} at {entry.Location}");
            }

            var expected = prefix switch { "003" => 1, "004" => 22, _ => 0 };
            Assert.True(outcome.Audit.Entries.Count >= expected, $"{prefix}: {outcome.Audit.Entries.Count} redactions");
            if (prefix is "000" or "001" or "002")
            {
                Assert.Empty(outcome.Audit.Entries);
            }
        }
    }
}
