using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using PublishPipeline.Redaction;

namespace PublishPipeline.Azure.Language;

/// <summary>Settings of the Azure AI Language PII call; retry settings come from <see cref="ClientOptions.Retry"/>.</summary>
public sealed class LanguageClientOptions : ClientOptions
{
    public LanguageClientOptions()
    {
        Retry.MaxRetries = 5;
        Retry.Mode = RetryMode.Exponential;
        Retry.Delay = TimeSpan.FromSeconds(1);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
    }

    public string ApiVersion { get; set; } = "2024-11-01";

    public string Language { get; set; } = "ja";

    public string ModelVersion { get; set; } = "latest";

    /// <summary>The service's per-document limit for synchronous PII (text elements).</summary>
    public int MaxTextElements { get; set; } = 5120;

    /// <summary>The service's limit of documents per synchronous PII request.</summary>
    public int MaxDocumentsPerRequest { get; set; } = 5;
}

/// <summary>
/// Person names from Azure AI Language PII detection (<c>POST {endpoint}/language/:analyze-text</c>,
/// kind PiiEntityRecognition, category Person, UTF-16 offsets, logging opted out), called through an
/// Azure.Core pipeline (retries with back-off on 408/429/5xx honouring Retry-After; managed identity or key).
/// Fail-safe: any chunk the service did not answer — HTTP error after retries, per-document error,
/// missing or malformed result — throws <see cref="NameRecognitionException"/>, never "no names".
/// Throttling, 5xx and malformed bodies are transient (retry the upload later); 4xx and
/// per-document errors are not (the redactor holds the document).
/// </summary>
public sealed class AzureLanguageNameRecognizer : IPersonNameRecognizer
{
    public const string RecognizerName = "azure-language";

    /// <summary>Token scope for Microsoft Entra ID (managed identity) authentication.</summary>
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    public const string KeyHeader = "Ocp-Apim-Subscription-Key";

    private readonly Uri endpoint;
    private readonly LanguageClientOptions options;
    private readonly HttpPipeline pipeline;

    /// <summary>Microsoft Entra ID, e.g. <c>new ManagedIdentityCredential()</c> or <c>new DefaultAzureCredential()</c>.</summary>
    public AzureLanguageNameRecognizer(Uri endpoint, TokenCredential credential, LanguageClientOptions? options = null)
        : this(endpoint, options, new BearerTokenAuthenticationPolicy(credential ?? throw new ArgumentNullException(nameof(credential)), Scope))
    {
    }

    /// <summary>Resource key sent as Ocp-Apim-Subscription-Key.</summary>
    public AzureLanguageNameRecognizer(Uri endpoint, AzureKeyCredential key, LanguageClientOptions? options = null)
        : this(endpoint, options, new SubscriptionKeyPolicy(key ?? throw new ArgumentNullException(nameof(key))))
    {
    }

    private AzureLanguageNameRecognizer(Uri endpoint, LanguageClientOptions? options, HttpPipelinePolicy auth)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        this.endpoint = endpoint;
        this.options = options ?? new LanguageClientOptions();
        pipeline = HttpPipelineBuilder.Build(this.options, auth);
    }

    public string Name => RecognizerName;

    /// <summary>
    /// The recogniser for a configured endpoint, or null when none is configured (offline only).
    /// A key authenticates when given; otherwise <paramref name="credential"/> (e.g. ManagedIdentityCredential).
    /// </summary>
    public static AzureLanguageNameRecognizer? FromConfiguration(string? endpoint, string? key, TokenCredential? credential, LanguageClientOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The Language endpoint '{endpoint}' is not an absolute http(s) URL.", nameof(endpoint));
        }

        if (!string.IsNullOrWhiteSpace(key))
        {
            return new AzureLanguageNameRecognizer(uri, new AzureKeyCredential(key), options);
        }

        return credential is null
            ? throw new ArgumentException("A Language endpoint needs a key or a token credential.", nameof(credential))
            : new AzureLanguageNameRecognizer(uri, credential, options);
    }

    public async Task<IReadOnlyList<NameSpan>> RecognizeAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chunks = TextChunker.Split(text, options.MaxTextElements);
        var found = new List<NameSpan>();
        for (var first = 0; first < chunks.Count; first += options.MaxDocumentsPerRequest)
        {
            var batch = chunks.Skip(first).Take(options.MaxDocumentsPerRequest).ToArray();
            await RecognizeBatchAsync(text, batch, first, found, cancellationToken).ConfigureAwait(false);
        }

        return found;
    }

    private async Task RecognizeBatchAsync(string text, TextChunk[] batch, int firstIndex, List<NameSpan> found, CancellationToken cancellationToken)
    {
        var ids = new string[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            ids[i] = "c" + (firstIndex + i).ToString(CultureInfo.InvariantCulture);
        }

        using var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(new Uri($"{endpoint.AbsoluteUri.TrimEnd('/')}/language/:analyze-text?api-version={Uri.EscapeDataString(options.ApiVersion)}"));
        request.Headers.Add("Content-Type", "application/json");
        request.Headers.Add("Accept", "application/json");
        request.Content = RequestContent.Create(RequestBody(text, batch, ids));

        Response response;
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            response = message.Response;
        }
        catch (RequestFailedException e)
        {
            throw new NameRecognitionException($"Azure AI Language did not answer: {e.Message}", isTransient: true, e);
        }
        catch (HttpRequestException e)
        {
            throw new NameRecognitionException($"Azure AI Language could not be reached: {e.Message}", isTransient: true, e);
        }

        if (response.IsError || response.Status != 200)
        {
            var transient = response.Status is 408 or 429 or >= 500;
            var code = response.Headers.TryGetValue("x-ms-error-code", out var c) ? c : null;
            throw new NameRecognitionException(
                $"Azure AI Language answered HTTP {response.Status}{(code is null ? "" : $" ({code})")} for chunks {ids[0]}…{ids[^1]}: {Truncate(response.Content.ToString())}",
                transient);
        }

        ParseResponse(response.Content, batch, ids, found);
    }

    private BinaryData RequestBody(string text, TextChunk[] batch, string[] ids)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("kind", "PiiEntityRecognition");
            json.WriteStartObject("parameters");
            json.WriteString("modelVersion", options.ModelVersion);
            json.WriteString("domain", "none");
            json.WriteStartArray("piiCategories");
            json.WriteStringValue("Person");
            json.WriteEndArray();
            json.WriteString("stringIndexType", "Utf16CodeUnit");
            json.WriteBoolean("loggingOptOut", true);
            json.WriteEndObject();
            json.WriteStartObject("analysisInput");
            json.WriteStartArray("documents");
            for (var i = 0; i < batch.Length; i++)
            {
                json.WriteStartObject();
                json.WriteString("id", ids[i]);
                json.WriteString("language", options.Language);
                json.WriteString("text", text.AsSpan(batch[i].Start, batch[i].Length));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return new BinaryData(stream.ToArray());
    }

    private static void ParseResponse(BinaryData body, TextChunk[] batch, string[] ids, List<NameSpan> found)
    {
        var answered = new bool[batch.Length];
        try
        {
            using var doc = JsonDocument.Parse(body.ToMemory());
            var results = doc.RootElement.GetProperty("results");
            if (results.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var id = first.TryGetProperty("id", out var idElement) ? idElement.GetString() : "?";
                var error = first.GetProperty("error");
                var code = error.TryGetProperty("code", out var codeElement) ? codeElement.GetString() : "?";
                var message = error.TryGetProperty("message", out var messageElement) ? messageElement.GetString() : "";
                var transient = code is "InternalServerError" or "ServiceUnavailable" or "Throttled" or "Timeout";
                throw new NameRecognitionException(
                    $"Azure AI Language could not analyse chunk {id} ({errors.GetArrayLength()} chunk(s) failed): {code}: {message}", transient);
            }

            foreach (var document in results.GetProperty("documents").EnumerateArray())
            {
                var id = document.GetProperty("id").GetString();
                var index = Array.IndexOf(ids, id);
                if (index < 0)
                {
                    throw new NameRecognitionException($"Azure AI Language answered for a chunk it was not sent ({id}).", isTransient: true);
                }

                answered[index] = true;
                var chunk = batch[index];
                foreach (var entity in document.GetProperty("entities").EnumerateArray())
                {
                    if (!string.Equals(entity.GetProperty("category").GetString(), "Person", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var offset = entity.GetProperty("offset").GetInt32();
                    var length = entity.GetProperty("length").GetInt32();
                    if (offset < 0 || length <= 0 || offset + length > chunk.Length)
                    {
                        throw new NameRecognitionException(
                            $"Azure AI Language returned an entity outside chunk {id} (offset {offset}, length {length}, chunk length {chunk.Length}).", isTransient: false);
                    }

                    var confidence = entity.TryGetProperty("confidenceScore", out var score) ? score.GetDouble() : 0.5;
                    found.Add(new NameSpan(chunk.Start + offset, length, RecognizerName, confidence));
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new NameRecognitionException($"Azure AI Language sent a response that is not the documented shape: {e.Message}", isTransient: true, e);
        }

        var missing = Array.FindIndex(answered, a => !a);
        if (missing >= 0)
        {
            throw new NameRecognitionException($"Azure AI Language did not answer for chunk {ids[missing]}; its names are unknown.", isTransient: true);
        }
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";

    /// <summary>Puts the (rotatable) resource key on every attempt; Azure.Core keeps its own key policy internal.</summary>
    private sealed class SubscriptionKeyPolicy(AzureKeyCredential key) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue(KeyHeader, key.Key);
    }
}
