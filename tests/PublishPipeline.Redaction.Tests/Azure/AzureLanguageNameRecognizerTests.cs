using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Core;
using PublishPipeline.Azure.Language;
using PublishPipeline.Model;

namespace PublishPipeline.Redaction.Tests.Azure;

/// <summary>The Azure AI Language recogniser against a real local HTTP server speaking the documented API.</summary>
public class AzureLanguageNameRecognizerTests
{
    private static LanguageClientOptions FastRetries() => new()
    {
        Retry = { MaxRetries = 3, Delay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromSeconds(3) },
    };

    private static AzureLanguageNameRecognizer Recognizer(FakeLanguageService service, LanguageClientOptions? options = null) =>
        new(service.Endpoint, new AzureKeyCredential("test-key-123"), options ?? FastRetries());

    [Fact]
    public async Task Request_has_the_documented_shape_and_offsets_map_back_after_a_surrogate_pair()
    {
        await using var service = new FakeLanguageService("山田太郎");
        const string text = "𠮷野家の件について、山田太郎委員から質問があった。";
        var spans = await Recognizer(service).RecognizeAsync(text);

        var span = Assert.Single(spans);
        Assert.Equal("山田太郎", text.Substring(span.Start, span.Length));
        Assert.Equal(11, span.Start); // 𠮷 is two UTF-16 code units
        Assert.Equal(AzureLanguageNameRecognizer.RecognizerName, span.Rule);
        Assert.Equal(0.93, span.Confidence, 3);

        var request = Assert.Single(service.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/language/:analyze-text?api-version=2024-11-01", request.PathAndQuery);
        Assert.Equal("test-key-123", request.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("PiiEntityRecognition", (string?)request.Body["kind"]);
        var parameters = request.Body["parameters"]!;
        Assert.Equal("Person", (string?)parameters["piiCategories"]![0]);
        Assert.Single(parameters["piiCategories"]!.AsArray());
        Assert.Equal("Utf16CodeUnit", (string?)parameters["stringIndexType"]);
        Assert.True((bool)parameters["loggingOptOut"]!);
        var document = request.Body["analysisInput"]!["documents"]![0]!;
        Assert.Equal("ja", (string?)document["language"]);
        Assert.Equal(text, (string?)document["text"]);
    }

    [Fact]
    public async Task Long_text_is_split_on_sentences_into_at_most_5_documents_per_request()
    {
        await using var service = new FakeLanguageService("阿子島花子", "𠮷田一郎");
        var sentences = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            sentences.Add(i % 97 == 0 ? $"第{i}項について阿子島花子委員と𠮷田一郎委員から意見があった。" : $"第{i}項の内容を確認した。\n");
        }

        var text = string.Concat(sentences);
        var spans = await Recognizer(service).RecognizeAsync(text);

        var expected = CountOccurrences(text, "阿子島花子") + CountOccurrences(text, "𠮷田一郎");
        Assert.Equal(expected, spans.Count);
        foreach (var span in spans)
        {
            Assert.Contains(text.Substring(span.Start, span.Length), new[] { "阿子島花子", "𠮷田一郎" });
        }

        var requests = service.Requests.ToArray();
        var documents = requests.SelectMany(r => r.Body["analysisInput"]!["documents"]!.AsArray()).Select(d => (string)d!["text"]!).ToList();
        Assert.All(requests, r => Assert.InRange(r.Body["analysisInput"]!["documents"]!.AsArray().Count, 1, 5));
        Assert.True(documents.Count > 5, "the text needs more than one request");
        Assert.Equal(text, string.Concat(documents)); // nothing lost, nothing repeated
        foreach (var chunk in documents.Take(documents.Count - 1))
        {
            Assert.InRange(new StringInfo(chunk).LengthInTextElements, 1, 5120);
            Assert.True(chunk.EndsWith('。') || chunk.EndsWith('\n'), "chunks end on a sentence boundary");
        }
    }

    [Fact]
    public async Task Throttling_is_retried_honouring_retry_after_and_5xx_is_retried()
    {
        await using var service = new FakeLanguageService("山田太郎");
        service.Canned.Enqueue((429, new() { ["Retry-After"] = "1" }, """{"error":{"code":"429","message":"Rate limit is exceeded."}}"""));
        service.Canned.Enqueue((500, new(), """{"error":{"code":"InternalServerError","message":"boom"}}"""));
        var watch = Stopwatch.StartNew();
        var spans = await Recognizer(service).RecognizeAsync("山田太郎委員が発言した。");
        watch.Stop();
        Assert.Single(spans);
        Assert.Equal(3, service.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"Retry-After: 1 was not honoured ({watch.Elapsed})");
    }

    [Fact]
    public async Task Persistent_server_errors_fail_transiently_instead_of_reporting_no_names()
    {
        await using var service = new FakeLanguageService("山田太郎");
        for (var i = 0; i < 4; i++)
        {
            service.Canned.Enqueue((503, new() { ["x-ms-error-code"] = "ServiceUnavailable" }, """{"error":{"code":"ServiceUnavailable","message":"down"}}"""));
        }

        var e = await Assert.ThrowsAsync<NameRecognitionException>(() => Recognizer(service).RecognizeAsync("山田太郎委員が発言した。"));
        Assert.True(e.IsTransient);
        Assert.Contains("503", e.Message, StringComparison.Ordinal);
        Assert.Equal(4, service.Requests.Count); // first try + 3 retries
    }

    [Fact]
    public async Task Bad_request_is_not_retried_and_is_permanent()
    {
        await using var service = new FakeLanguageService();
        service.Canned.Enqueue((400, new() { ["x-ms-error-code"] = "InvalidArgument" }, """{"error":{"code":"InvalidArgument","message":"Invalid parameter"}}"""));
        var e = await Assert.ThrowsAsync<NameRecognitionException>(() => Recognizer(service).RecognizeAsync("本文。"));
        Assert.False(e.IsTransient);
        Assert.Contains("InvalidArgument", e.Message, StringComparison.Ordinal);
        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task Per_document_error_fails_the_whole_text()
    {
        await using var service = new FakeLanguageService("山田太郎") { FailDocumentsContaining = "壊れた" };
        var text = string.Concat(Enumerable.Repeat("山田太郎委員が発言した。\n", 600)) + "壊れた文書。";
        var e = await Assert.ThrowsAsync<NameRecognitionException>(() => Recognizer(service).RecognizeAsync(text));
        Assert.False(e.IsTransient);
        Assert.Contains("InvalidArgument", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_missing_from_the_answer_is_not_taken_as_no_names()
    {
        await using var service = new FakeLanguageService("山田太郎") { DropDocumentsContaining = "山田" };
        var e = await Assert.ThrowsAsync<NameRecognitionException>(() => Recognizer(service).RecognizeAsync("山田太郎委員が発言した。"));
        Assert.Contains("did not answer", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"kind":"PiiEntityRecognitionResults"}""")]
    [InlineData("""{"results":{"documents":[{"id":"c0","entities":[{"category":"Person","offset":500,"length":3}]}],"errors":[]}}""")]
    public async Task Malformed_answers_fail(string body)
    {
        await using var service = new FakeLanguageService();

        // Every attempt gets the malformed answer: if the pipeline retries (e.g. a connection reset
        // on a loaded machine), the retry must not fall through to the fake's normal answer.
        for (var attempt = 0; attempt < 8; attempt++)
        {
            service.Canned.Enqueue((200, new(), body));
        }

        await Assert.ThrowsAsync<NameRecognitionException>(() => Recognizer(service).RecognizeAsync("山田太郎委員が発言した。"));
    }

    [Fact]
    public async Task Redactor_uses_azure_in_addition_to_the_offline_recogniser_and_trims_roles()
    {
        // The model finds a name the rules cannot (no role next to it) and returns one with its role attached.
        await using var service = new FakeLanguageService("十二月田", "阿子島委員");
        var redactor = new Redactor(new RedactionPolicy(), [new Names.OfflineNameRecognizer(), Recognizer(service)]);
        var doc = new Minutes
        {
            Id = "azure",
            Disclosure = new Model.Disclosure { Minutes = DisclosureState.Public },
            Attendees = [new AttendeeGroup("委員", ["柴崎委員(会長)"])],
            Sections = [new Section("議事", [new SpeakerTurn { Speaker = "会長", Text = "十二月田から報告を受けた。阿子島委員が賛成した。" }])],
        };
        var outcome = await redactor.RedactAsync(doc, new RedactionRequest("azure"));
        Assert.True(outcome.IsPublishable);
        Assert.Equal("〇〇から報告を受けた。〇〇委員が賛成した。", outcome.Redacted!.Sections[0].Turns[0].Text);
        Assert.Equal("〇〇委員(会長)", outcome.Redacted.Attendees[0].Members[0]);
        Assert.Contains(outcome.Audit.Entries, e => e.Original == "十二月田" && e.Rule.Contains(AzureLanguageNameRecognizer.RecognizerName, StringComparison.Ordinal));
        Assert.Single(service.Requests); // the whole document in one call
    }

    [Fact]
    public async Task Redactor_holds_on_a_permanent_recogniser_failure_and_rethrows_a_transient_one()
    {
        await using var service = new FakeLanguageService();
        var doc = new Minutes
        {
            Id = "azure-fail",
            Disclosure = new Model.Disclosure { Minutes = DisclosureState.Public },
            Sections = [new Section("議事", [new SpeakerTurn { Text = "本文。" }])],
        };
        var redactor = new Redactor(new RedactionPolicy(), [new Names.OfflineNameRecognizer(), Recognizer(service)]);

        service.Canned.Enqueue((400, new(), """{"error":{"code":"InvalidArgument","message":"bad"}}"""));
        var held = await redactor.RedactAsync(doc, new RedactionRequest("azure-fail"));
        Assert.False(held.IsPublishable);
        Assert.Null(held.Redacted);
        Assert.Contains(held.Hold!.Reasons, r => r.Contains("name recognition failed", StringComparison.Ordinal));

        for (var i = 0; i < 4; i++)
        {
            service.Canned.Enqueue((429, new() { ["Retry-After"] = "0" }, "{}"));
        }

        var e = await Assert.ThrowsAsync<NameRecognitionException>(() => redactor.RedactAsync(doc, new RedactionRequest("azure-fail")));
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task Bearer_token_authentication_refuses_plain_http()
    {
        // Managed identity tokens must never travel unencrypted: Azure.Core's bearer policy enforces https.
        await using var service = new FakeLanguageService();
        var recognizer = new AzureLanguageNameRecognizer(service.Endpoint, new StaticTokenCredential(), FastRetries());
        await Assert.ThrowsAnyAsync<Exception>(() => recognizer.RecognizeAsync("山田太郎委員"));
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task Configuration_without_an_endpoint_means_offline_only_and_with_a_key_calls_the_service()
    {
        Assert.Null(AzureLanguageNameRecognizer.FromConfiguration(null, "key", null));
        Assert.Null(AzureLanguageNameRecognizer.FromConfiguration(" ", null, null));
        Assert.Throws<ArgumentException>(() => AzureLanguageNameRecognizer.FromConfiguration("not a url", "key", null));
        Assert.Throws<ArgumentException>(() => AzureLanguageNameRecognizer.FromConfiguration("https://x.cognitiveservices.azure.com", null, null));

        await using var service = new FakeLanguageService("山田太郎");
        var recognizer = AzureLanguageNameRecognizer.FromConfiguration(service.Endpoint.AbsoluteUri, "k2", new StaticTokenCredential(), FastRetries())!;
        Assert.Single(await recognizer.RecognizeAsync("山田太郎委員"));
        Assert.Equal("k2", Assert.Single(service.Requests).Headers["Ocp-Apim-Subscription-Key"]);
    }

    private sealed class StaticTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    private static int CountOccurrences(string text, string value)
    {
        var n = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
