using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using PublishPipeline.Tests;
using PublishPipeline.Unicode;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PublishPipeline.Hostile.Tests;

/// <summary>One generated upload: what kind of attack it is, the name it is uploaded under, its bytes.</summary>
internal sealed record HostileInput(string Kind, string Name, byte[] Bytes)
{
    public override string ToString() => $"{Kind}: {Name} ({Bytes.Length:N0} bytes)";
}

/// <summary>
/// A deterministic set of hostile uploads, generated from a seed (nothing binary is committed):
/// corrupted and truncated .docx, zip bombs, billion-laughs XML, invalid Shift_JIS / EUC-JP / UTF-16,
/// BOM and NUL files, deep nesting in every format, XSS and Scriban payloads in every field of every
/// format, NFD and compatibility spellings, hostile file names. Documents that are meant to publish
/// carry planted personal names and 非公開 passages, so a leak of either can be looked for in the site.
/// </summary>
internal static class HostileInputs
{
    /// <summary>Planted in rolls and speaker labels: none may reach the site.</summary>
    public static readonly string[] PlantedNames = ["山田太郎", "佐藤花子", "鈴木一郎", "高橋健二", "田中美咲", "伊藤誠", "渡辺裕子", "中村翔太"];

    /// <summary>Written only inside 【非公開】 passages: none may reach the site.</summary>
    public const string SecretPrefix = "秘匿事項";

    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "'><iframe src=javascript:alert(1)>",
        "<a href=\"javascript:alert(1)\">link</a>",
        "</title><script>alert(1)</script>",
        "<style>*{display:none}</style>",
        "<object data=\"data:text/html,<script>alert(1)</script>\">",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<body onload=alert(1)>",
        "{{ 1 + 1 }}",
        "{{ include 'layout' }}",
        "{{ for x in 1..100000 }}x{{ end }}",
        "{% raw %}{{x}}",
        "{{~ func f; ret f; end; f ~}}",
        "]]><script>alert(1)</script>",
        "\u202Egnp.exe",
        "<!-- --><script>alert(1)</script><!-- -->",
    ];

    public static List<HostileInput> Generate(int seed = 1_320_13)
    {
        var random = new Random(seed);
        var inputs = new List<HostileInput>();
        var n = 0;
        string Next(string stem, string extension) => $"hostile/{stem}-{++n:D3}{extension}";

        // 1. Payloads in every field, in every format: these publish (with names and passages removed).
        foreach (var payload in Payloads)
        {
            foreach (var format in new[] { ".txt", ".md", ".html", ".docx" })
            {
                var doc = Minutes(random, payload);
                inputs.Add(new("payload" + format, Next("payload", format), Encode(doc, format)));
            }
        }

        // 2. NFD and compatibility spellings of publishable documents, and of the samples.
        for (var i = 0; i < 8; i++)
        {
            var format = new[] { ".txt", ".md", ".html", ".docx" }[i % 4];
            var doc = Minutes(random, "通常の発言です。");
            inputs.Add(new("nfd" + format, Next("nfd", format), Encode(TextNormalization.ToNfd(doc), format)));
            inputs.Add(new("compat" + format, Next("compat", format), Encode(UnicodeVariantTests.CompatibilityVariant(doc), format)));
        }

        foreach (var sample in RepoPaths.SampleFiles)
        {
            var text = File.ReadAllText(sample);
            inputs.Add(new("nfd-sample", Next("nfd-sample", ".txt"), Encoding.UTF8.GetBytes(TextNormalization.ToNfd(text))));
        }

        // 3. Corrupted and truncated .docx.
        var docx = Docx(Minutes(random, "通常の発言です。"));
        for (var i = 0; i < 30; i++)
        {
            var damaged = (byte[])docx.Clone();
            for (var k = 0; k < 1 + random.Next(8); k++)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            inputs.Add(new("docx-corrupt", Next("docx-corrupt", ".docx"), damaged));
            inputs.Add(new("docx-truncated", Next("docx-truncated", ".docx"), docx[..random.Next(1, docx.Length)]));
        }

        // 4. Zip bombs and forged zips.
        inputs.Add(new("zip-bomb", Next("bomb-xml", ".docx"), Zip(("word/document.xml", Repeat(' ', 12 << 20)))));
        inputs.Add(new("zip-bomb", Next("bomb-image", ".docx"), Zip(("word/document.xml", DocumentXml("会議録")), ("word/media/image1.png", new byte[12 << 20]))));
        inputs.Add(new("zip-bomb", Next("bomb-entries", ".docx"), Zip([("word/document.xml", DocumentXml("会議録")), .. Enumerable.Range(0, 6000).Select(i => ($"customXml/item{i}.xml", "<a/>"u8.ToArray()))])));
        inputs.Add(new("zip-bomb", Next("bomb-paragraphs", ".docx"), Zip(("word/document.xml", DocumentXml(string.Concat(Enumerable.Repeat("会議録の本文です。", 200_000)))))));
        inputs.Add(new("zip-bomb", Next("bomb-xml-total", ".docx"), Zip(("word/document.xml", DocumentXml(RandomText(random, 6_000_000))))));
        inputs.Add(new("zip-bomb", Next("bomb-forged-size", ".docx"), ForgeSize(Zip(("word/document.xml", DocumentXml(RandomText(random, 400_000)))))));
        inputs.Add(new("zip-bomb", Next("bomb-not-word", ".docx"), ZipRaw(("data.bin", new byte[4 << 20]))));

        // 5. Billion laughs: entity expansion in every XML or markup the readers see.
        var laughs = "<!DOCTYPE w:document [<!ENTITY a \"ハハハハハハハハハハ\">" + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY {(char)('a' + i)} \"{string.Concat(Enumerable.Repeat($"&{(char)('a' + i - 1)};", 10))}\">")) + "]>";
        inputs.Add(new("billion-laughs", Next("laughs-document", ".docx"), Zip(("word/document.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>" + laughs + Encoding.UTF8.GetString(DocumentXml("&j;")))))));
        inputs.Add(new("billion-laughs", Next("laughs-styles", ".docx"), Zip(("word/document.xml", DocumentXml("会議録")), ("word/styles.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>" + laughs.Replace("w:document", "w:styles", StringComparison.Ordinal) + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">&j;</w:styles>")))));
        inputs.Add(new("billion-laughs", Next("laughs-page", ".html"), Encoding.UTF8.GetBytes(laughs.Replace("w:document", "html", StringComparison.Ordinal) + "<html><body><main><p>会議録 &j;</p></main></body></html>")));
        inputs.Add(new("billion-laughs", Next("laughs-text", ".txt"), Encoding.UTF8.GetBytes(laughs + "\n会議録\n&j;&j;&j;\n")));
        inputs.Add(new("billion-laughs", Next("laughs-md", ".md"), Encoding.UTF8.GetBytes("# 会議録\n\n" + laughs + "\n\n&j;\n")));

        // 6. Invalid encodings: damaged Shift_JIS, EUC-JP and UTF-16, truncated UTF-8.
        foreach (var sample in RepoPaths.SampleFiles)
        {
            var text = File.ReadAllText(sample);
            inputs.Add(new("encoding-sjis", Next("sjis", ".txt"), Damage(random, Legacy(text, 932), [0x81, 0x20])));
            inputs.Add(new("encoding-sjis", Next("sjis", ".txt"), Damage(random, Legacy(text, 932), [0xFD])));
            inputs.Add(new("encoding-euc", Next("euc", ".txt"), Damage(random, Legacy(text, 51932), [0xA4, 0x0A])));
            var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
            inputs.Add(new("encoding-utf16", Next("utf16-surrogate", ".txt"), Damage(random, utf16, [0x00, 0xD8, 0x41, 0x00], even: true)));
            inputs.Add(new("encoding-utf16", Next("utf16-odd", ".txt"), [.. utf16, 0x41]));
            inputs.Add(new("encoding-utf16", Next("utf16-nobom", ".txt"), Damage(random, Encoding.BigEndianUnicode.GetBytes(text), [0xDC, 0x00], even: true)));
            var utf8 = Encoding.UTF8.GetBytes(text);
            inputs.Add(new("encoding-utf8", Next("utf8-cut", ".txt"), [.. utf8[..(utf8.Length / 2)], 0xE4, 0xBC]));
        }

        // 7. BOM and NUL files.
        byte[][] boms = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00]];
        foreach (var bom in boms)
        {
            inputs.Add(new("bom", Next("bom-only", ".txt"), bom));
            inputs.Add(new("bom", Next("bom-space", ".txt"), [.. bom, .. bom.Length == 3 ? " \n\u3000"u8.ToArray() : new byte[] { 0x20, 0x00, 0x0A, 0x00 }]));
            inputs.Add(new("bom-nul", Next("bom-nul", ".txt"), [.. bom, 0, 0, 0, 0, 0, 0]));
        }

        inputs.Add(new("nul", Next("nul-only", ".txt"), new byte[1024]));
        inputs.Add(new("nul", Next("nul-start", ".txt"), [0, .. Encoding.UTF8.GetBytes(Minutes(random, "x"))]));
        inputs.Add(new("nul", Next("nul-middle", ".md"), [.. Encoding.UTF8.GetBytes("# 会議録\n"), 0, .. Encoding.UTF8.GetBytes("本文\n")]));
        inputs.Add(new("nul", Next("nul-sjis", ".txt"), Damage(random, Legacy(File.ReadAllText(RepoPaths.Sample("001")), 932), [0x00])));
        inputs.Add(new("empty", Next("empty", ".txt"), []));
        inputs.Add(new("empty", Next("empty", ".docx"), []));

        // 8. Deep nesting in every format, just under and far over each limit, and many elements.
        foreach (var depth in new[] { 10, 31, 33, 300, 3000 })
        {
            inputs.Add(new("nesting-md", Next("md-quotes", ".md"), Encoding.UTF8.GetBytes("# 会議録\n\n" + string.Concat(Enumerable.Range(1, depth).Select(i => new string('>', i) + " 本文\n")))));
            inputs.Add(new("nesting-md", Next("md-lists", ".md"), Encoding.UTF8.GetBytes("# 会議録\n\n" + string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', i * 2) + "- 項目\n")))));
            inputs.Add(new("nesting-md", Next("md-mixed", ".md"), Encoding.UTF8.GetBytes("# 会議録\n\n" + string.Concat(Enumerable.Repeat("> - ", depth)) + "本文\n")));
            inputs.Add(new("nesting-html", Next("html-divs", ".html"), Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "会議録" + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>")));
            inputs.Add(new("nesting-html", Next("text-fragment", ".txt"), Encoding.UTF8.GetBytes("会議録\n" + string.Concat(Enumerable.Repeat("<section>", depth)) + "本文" + string.Concat(Enumerable.Repeat("</section>", depth)) + "\n")));
            inputs.Add(new("nesting-docx", Next("docx-sdt", ".docx"), Zip(("word/document.xml", Body(string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + "<w:p><w:r><w:t>会議録</w:t></w:r></w:p>" + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth)))))));
            inputs.Add(new("nesting-docx", Next("docx-tables", ".docx"), Zip(("word/document.xml", Body(string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", depth)) + "<w:p><w:r><w:t>会議録</w:t></w:r></w:p>" + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl><w:p/>", depth)))))));
            inputs.Add(new("nesting-docx", Next("docx-unknown", ".docx"), Zip(("word/document.xml", Body(string.Concat(Enumerable.Repeat("<w:x>", depth)) + string.Concat(Enumerable.Repeat("</w:x>", depth)))))));
        }

        inputs.Add(new("nesting-md", Next("md-one-line", ".md"), Encoding.UTF8.GetBytes("# 会議録\n\n" + new string('>', 100_000) + " 本文\n")));
        inputs.Add(new("nesting-md", Next("md-emphasis", ".md"), Encoding.UTF8.GetBytes("# 会議録\n\n" + new string('*', 100_000) + "本文" + new string('*', 100_000) + "\n")));
        inputs.Add(new("nesting-md", Next("md-brackets", ".md"), Encoding.UTF8.GetBytes("# 会議録\n\n" + new string('[', 50_000) + "本文" + new string(']', 50_000) + "\n")));
        inputs.Add(new("nesting-docx", Next("docx-unknown-deep", ".docx"), Zip(("word/document.xml", Body(string.Concat(Enumerable.Repeat("<w:x>", 100_000)))))));
        inputs.Add(new("nesting-html", Next("html-deep", ".html"), Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "</body></html>")));
        inputs.Add(new("elements-html", Next("html-many", ".html"), Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>" + string.Concat(Enumerable.Repeat("<p>会議録</p>", 250_000)) + "</body></html>")));
        inputs.Add(new("elements-html", Next("html-many-spans", ".txt"), Encoding.UTF8.GetBytes("会議録\n" + string.Concat(Enumerable.Repeat("<b>x</b>", 250_000)) + "\n")));
        // Markdown and text are bounded by size alone (a 20 MB text upload must read): 20,000 list items.
        inputs.Add(new("elements-md", Next("md-many-lines", ".md"), Encoding.UTF8.GetBytes("# 会議録\n\n" + string.Concat(Enumerable.Repeat("- 項目\n", 20_000)))));

        // 9. Hostile file names (the pipeline receives them from storage events as they are).
        var payloadDoc = Encoding.UTF8.GetBytes(Minutes(random, "通常の発言です。"));
        string[] names =
        [
            "a\\..\\b.txt", "../escape.txt", "/absolute.txt", "x/../../y.txt", "a/./b.txt", "..\\..\\evil.txt",
            "trailing.", "trailing ", "new\nline.txt", "tab\t.txt", "colon:x.txt", "nul\0.txt",
            new string('長', 1100) + ".txt", "<script>alert(1)<\u002Fscript>.txt", "{{ 1 + 1 }}.txt", "\" onerror=\"alert(1).txt",
            "ｶﾞｲﾄﾞﾗｲﾝ.txt", "が議事録.txt", TextNormalization.ToNfd("が議事録.txt"), "会議/..hidden/x.txt", ".hidden.txt", "📄議事録.txt",
            "x.docx", "%2e%2e/percent.txt",
        ];
        foreach (var name in names)
        {
            inputs.Add(new("file-name", name, payloadDoc));
        }

        // 10. Wrong content for the name: a zip named .txt, text named .docx, a PDF, an RTF.
        inputs.Add(new("mislabelled", Next("zip-as-text", ".txt"), docx));
        inputs.Add(new("mislabelled", Next("pdf", ".txt"), "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"u8.ToArray()));
        inputs.Add(new("mislabelled", Next("rtf", ".txt"), "{\\rtf1\\ansi 会議録}"u8.ToArray()));
        inputs.Add(new("mislabelled", Next("random", ".bin"), RandomBytes(random, 4096)));
        return inputs;
    }

    /// <summary>A publishable set of minutes with planted names, a 非公開 passage and the payload in every field.</summary>
    public static string Minutes(Random random, string payload)
    {
        var names = PlantedNames.OrderBy(_ => random.Next()).Take(3).ToArray();
        var secret = SecretPrefix + random.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "会議録\n"
            + $"会議体の名称\t\t第1回テスト審議会{payload}\n"
            + $"開催日時\t\t令和5年6月{random.Next(1, 29)}日(木) 10時～11時\n"
            + $"開催場所\t\t区役所本庁舎{payload}\n"
            + $"出席者\t委員\t{names[0]}、{names[1]}、{names[2]}\n"
            + "\t事務局\t総務課長\n"
            + $"議題\t\t(1) 報告{payload} (2) 審議\n"
            + "公開の可否\t会議\t☑公開 ☐非公開 ☐一部非公開\n"
            + "\t会議録\t☐公開 ☐非公開 ☑一部非公開\n"
            + $"\t\t非公開・一部非公開の場合は、その理由 個人情報を含むため{payload}\n"
            + $"会議の結果\t\t了承{payload}\n"
            + $"提出された資料等\t\t資料1 概要{payload}\n"
            + "審議経過\n"
            + $"(1) 報告{payload}\n"
            + $"会長 それでは開会します。{payload}\n"
            + $"{names[0][..2]}委員 質問があります。{payload}\n"
            + "【非公開】\n"
            + $"{names[1][..2]}委員 {secret}について申し上げます。\n"
            + $"会長 {secret}は了承しました。\n"
            + "【非公開ここまで】\n"
            + $"会長 以上で終わります。{payload}\n";
    }

    private static byte[] Encode(string minutes, string format) => format switch
    {
        ".txt" => Encoding.UTF8.GetBytes(minutes),
        ".md" => Encoding.UTF8.GetBytes(Markdown(minutes)),
        ".html" => Encoding.UTF8.GetBytes(Page(minutes)),
        ".docx" => Docx(minutes),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Markdown: the header rows as a pipe table, every other line a paragraph of its own.</summary>
    private static string Markdown(string minutes)
    {
        var builder = new StringBuilder();
        var inTable = false;
        foreach (var line in minutes.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.Contains('\t', StringComparison.Ordinal))
            {
                builder.Append(inTable ? "\n" : string.Empty).Append(line).Append("\n\n");
                inTable = false;
                continue;
            }

            var cells = line.Split('\t');
            builder.Append("| ").Append(string.Join(" | ", cells.Concat(Enumerable.Repeat(string.Empty, Math.Max(0, 3 - cells.Length))))).Append(" |\n");
            if (!inTable)
            {
                builder.Append("|---|---|---|\n");
                inTable = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>A saved page: header rows as a table, the rest as paragraphs; the payload both as markup and as escaped text.</summary>
    private static string Page(string minutes)
    {
        var body = new StringBuilder("<!DOCTYPE html><html><head><title>会議録</title><script>var leaked = 1;</script></head><body><main><table>");
        var inTable = true;
        foreach (var line in minutes.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line == "審議経過")
            {
                inTable = false;
                body.Append("</table><h2>審議経過</h2>");
                continue;
            }

            if (inTable && line.Contains('\t', StringComparison.Ordinal))
            {
                body.Append("<tr>").Append(string.Concat(line.Split('\t').Select(c => $"<td>{c}</td>"))).Append("</tr>");
            }
            else
            {
                body.Append("<p>").Append(line).Append("</p><p>").Append(System.Net.WebUtility.HtmlEncode(line)).Append("</p>");
            }
        }

        return body.Append("</main></body></html>").ToString();
    }

    /// <summary>A real .docx (OpenXml): one paragraph a line, tabs as tab characters.</summary>
    public static byte[] Docx(string minutes)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new W.Body();
            foreach (var line in minutes.Split('\n'))
            {
                var run = new W.Run();
                var first = true;
                foreach (var cell in line.Split('\t'))
                {
                    if (!first)
                    {
                        run.Append(new W.TabChar());
                    }

                    first = false;
                    run.Append(new W.Text(cell) { Space = SpaceProcessingModeValues.Preserve });
                }

                body.Append(new W.Paragraph(run));
            }

            main.Document = new W.Document(body);
        }

        return stream.ToArray();
    }

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static byte[] Body(string inner) => Encoding.UTF8.GetBytes($"<w:document xmlns:w=\"{WordNamespace}\"><w:body>{inner}</w:body></w:document>");

    private static byte[] DocumentXml(string text) => Body($"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>");

    /// <summary>A minimal package around the given parts (content types and the relationship to the main part).</summary>
    private static byte[] Zip(params (string Name, byte[] Content)[] parts) => ZipRaw(
        [
            ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""u8.ToArray()),
            ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""u8.ToArray()),
            .. parts,
        ]);

    private static byte[] ZipRaw(params (string Name, byte[] Content)[] parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The zip with document.xml's declared unpacked size set far below the real one (central directory and local header).</summary>
    private static byte[] ForgeSize(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        var name = "word/document.xml"u8;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02 && bytes.AsSpan(i + 46).StartsWith(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), 1000);
            }

            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04 && bytes.AsSpan(i + 30).StartsWith(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), 1000);
            }
        }

        return bytes;
    }

    private static byte[] Legacy(string text, int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback).GetBytes(text);
    }

    /// <summary>The bytes with <paramref name="damage"/> inserted at a random place (an even offset for UTF-16).</summary>
    private static byte[] Damage(Random random, byte[] bytes, byte[] damage, bool even = false)
    {
        var at = random.Next(bytes.Length / 4, bytes.Length);
        if (even)
        {
            at &= ~1;
        }

        return [.. bytes[..at], .. damage, .. bytes[at..]];
    }

    private static byte[] Repeat(char c, int count) => Encoding.ASCII.GetBytes(new string(c, count));

    private static string RandomText(Random random, int characters)
    {
        var builder = new StringBuilder(characters);
        for (var i = 0; i < characters; i++)
        {
            builder.Append((char)random.Next(0x4E00, 0x9FA0));
        }

        return builder.ToString();
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
