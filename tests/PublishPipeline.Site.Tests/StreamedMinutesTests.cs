using System.Text;
using PublishPipeline.Model;

namespace PublishPipeline.Site.Tests;

/// <summary>
/// A large document's page and open data are written into a stream as they are made
/// (<see cref="SiteBuilder.StreamMinutes"/>): the bytes must be those <see cref="SiteBuilder.BuildMinutes(Minutes)"/>
/// makes of the whole page, however the turns fall between drains.
/// </summary>
public class StreamedMinutesTests
{
    private static readonly SiteOptions Options = new() { BaseUrl = new Uri("https://gikai.example.jp/"), SiteTitle = "テスト区 会議録" };

    // Streamed from 20,000 characters here, so the tests stay small; the drains fall as they do at any size.
    private const int Threshold = 20_000;

    private static SiteBuilder Builder() => new(Options) { StreamedTextChars = Threshold };

    [Fact]
    public async Task A_large_documents_streamed_page_and_open_data_are_the_bytes_built_whole()
    {
        var minutes = Large();
        var builder = Builder();
        var built = builder.BuildMinutes(minutes);
        var streamed = builder.StreamMinutes(minutes);

        Assert.NotNull(streamed);
        Assert.Equal(built.Select(f => (f.Path, f.ContentType, f.CacheControl, f.ContentEncoding)), streamed.Select(f => (f.Path, f.ContentType, f.CacheControl, (string?)null)));
        for (var i = 0; i < built.Count; i++)
        {
            var first = await WrittenAsync(streamed[i]);
            Assert.True(built[i].Content.Span.SequenceEqual(first), $"{built[i].Path} differs from the page built whole");
            Assert.Equal(first, await WrittenAsync(streamed[i])); // written again (to hash it first): the same bytes
        }
    }

    [Fact]
    public void A_small_document_is_built_whole()
    {
        Assert.Null(Builder().StreamMinutes(TestMinutes.Sample()));
        Assert.Null(new SiteBuilder(Options).StreamMinutes(Large())); // under the real threshold
    }

    [Fact]
    public void Non_disclosure_markers_are_refused_before_anything_is_streamed()
    {
        var large = Large();
        var marked = large with { Sections = [.. large.Sections, new Section(null, [new SpeakerTurn { Text = "非公開", Kind = TurnKind.NonDisclosureStart }])] };
        Assert.Throws<InvalidOperationException>(() => Builder().StreamMinutes(marked));
    }

    // The sample with turns enough to pass the streaming threshold: long speeches with markup to
    // escape and characters outside the BMP (𠮷, a surrogate pair) at every length, so pairs and
    // escapes fall on every side of the points where the page is drained.
    private static Minutes Large()
    {
        var sample = TestMinutes.Sample();
        var turns = new List<SpeakerTurn>();
        var chars = 0;
        for (var i = 0; chars < 3 * Threshold; i++)
        {
            var text = new StringBuilder();
            text.Append(i).Append("番目の発言です。<b>&\"'</b>𠮷野家の件について。");
            text.Append('あ', i * 37 % 3001).Append("\n次の段落で𠮷と述べました。");
            turns.Add(new SpeakerTurn { Speaker = i % 3 == 0 ? null : "𠮷田委員", Text = text.ToString(), Kind = i % 5 == 0 ? TurnKind.Procedure : TurnKind.Speech });
            chars += text.Length;
        }

        return sample with { Sections = [.. sample.Sections, new Section("長い審議 <続き>", turns)] };
    }

    private static async Task<byte[]> WrittenAsync(StreamedSiteFile file)
    {
        using var stream = new MemoryStream();
        await file.WriteAsync(stream, CancellationToken.None);
        return stream.ToArray();
    }
}
