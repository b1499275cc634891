using System.Text;
using PublishPipeline.Tests;

namespace PublishPipeline.Ingest.Tests;

/// <summary>
/// Long Markdown is parsed a part at a time (MarkdownParts): the blocks, their text and their line
/// numbers must be exactly those of parsing the whole text. Parts of one character force a cut at every place
/// the rule allows, on the Markdown sample and on constructs that must not be cut through.
/// </summary>
public class MarkdownPartsTests
{
    private static void AssertSameAsWhole(string text)
    {
        var parts = MarkdownParts.Of(text, 1);
        Assert.True(parts.Count > 1, "the text was never cut, so this test would prove nothing");
        Assert.Equal(text.Length, parts.Sum(p => p.Length));
        var whole = MarkdownReader.Read(text, int.MaxValue);
        var cut = MarkdownReader.Read(text, 1);
        Assert.Equal(whole.Count, cut.Count);
        for (var i = 0; i < whole.Count; i++)
        {
            Assert.Equal(whole[i], cut[i]);
        }

        // From the bytes (plain UTF-8 Markdown is never decoded whole): the same parts, decoded one by one.
        var bytes = Encoding.UTF8.GetBytes(text);
        var byteParts = MarkdownParts.OfUtf8(bytes, 1);
        Assert.Equal(
            parts.Select(p => (text.Substring(p.Start, p.Length), p.FirstLine)),
            byteParts.Select(p => (Encoding.UTF8.GetString(bytes, p.Start, p.Length), p.FirstLine)));
        Assert.Equal(whole, [.. MarkdownReader.EachUtf8(bytes, 1)]);
        Assert.Equal(whole, [.. MarkdownReader.EachUtf8(bytes)]);
    }

    [Fact]
    public void The_markdown_sample_reads_the_same_in_parts()
    {
        var text = File.ReadAllText(RepoPaths.Sample("004"), Encoding.UTF8);
        Assert.True(MarkdownReader.LooksLikeMarkdown(text));
        AssertSameAsWhole(text);
        AssertSameAsWhole(text.ReplaceLineEndings("\r\n"));
    }

    [Fact]
    public void Lists_quotes_tables_comments_and_markers_read_the_same_in_parts()
    {
        const string Text = """
            # 第1回会議録

            - 日時 令和元年9月2日
            - 場所 庁議室

              続きの段落（リスト項目の中）

            1. 第一
            2. 第二

            3. 第三（ゆるいリスト）

            > 引用の一行目
            続き（怠惰な継続）

            名前 | 役職
            ---|---
            山田 | 委員長

            <!-- 非公開
            伏せる部分

            まだ伏せる -->
            (会長) 開会します。
            二行目です。

            【非公開】

            秘密の審議

            【非公開ここまで】

            Ａ委員　質問します。

            ---

            　全角空白で始まる行。

            最後の段落。
            """;
        AssertSameAsWhole(Text);
        AssertSameAsWhole(Text.ReplaceLineEndings("\r"));
    }

    [Fact]
    public void A_text_with_fences_or_reference_definitions_is_never_cut()
    {
        var body = string.Concat(Enumerable.Repeat("段落です。\n\n", 40));
        Assert.Single(MarkdownParts.Of(body + "```\n\ncode\n```\n" + body, 64));
        Assert.Single(MarkdownParts.Of("[a]\n\n" + body + "[a]: https://example.jp\n", 64));
        Assert.Single(MarkdownParts.Of(body + "<pre>\n\n</pre>\n" + body, 64));
        Assert.True(MarkdownParts.Of(body, 64).Count > 1);
        Assert.Single(MarkdownParts.OfUtf8(Encoding.UTF8.GetBytes(body + "```\n\ncode\n```\n" + body), 64));
        Assert.Single(MarkdownParts.OfUtf8(Encoding.UTF8.GetBytes("[a]\n\n" + body + "[a]: https://example.jp\n"), 64));
        Assert.Single(MarkdownParts.OfUtf8(Encoding.UTF8.GetBytes(body + "<PRE>\n\n</pre>\n" + body), 64));
        Assert.True(MarkdownParts.OfUtf8(Encoding.UTF8.GetBytes(body), 64).Count > 1);
    }

    [Fact]
    public void Absurd_nesting_in_a_later_part_is_refused_at_the_same_line_from_the_bytes()
    {
        // Form feeds count as line breaks where the nesting check counts lines: the line it names must not shift by part.
        var body = string.Concat(Enumerable.Repeat("段落です。\f続き\n\n", 40));
        var text = body + new string('>', 40) + " 引用\n\n" + body;
        var whole = Assert.Throws<ReadLimitException>(() => MarkdownReader.Read(text, int.MaxValue));
        Assert.True(MarkdownParts.OfUtf8(Encoding.UTF8.GetBytes(text), 64).Count > 2);
        var fromBytes = Assert.Throws<ReadLimitException>(() => MarkdownReader.EachUtf8(Encoding.UTF8.GetBytes(text), 64).ToList());
        Assert.Equal(whole.Message, fromBytes.Message);
    }
}
