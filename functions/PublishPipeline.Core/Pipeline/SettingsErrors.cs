using System.Text.Json;
using PublishPipeline.Site;

namespace PublishPipeline.Pipeline;

/// <summary>
/// Turns what is wrong with a ward's settings into one line a person can act on: which field,
/// on which line, and what is expected there, never a .NET type name or a stack trace.
/// </summary>
public static class SettingsErrors
{
    /// <summary>An example base URL for messages.</summary>
    public const string BaseUrlExample = "https://www.city.example.lg.jp/minutes/";

    /// <summary>Reads an absolute http(s) URL for <paramref name="field"/>; a mistake is a <see cref="FormatException"/> naming the field.</summary>
    public static Uri ParseBaseUrl(string value, string field)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"{field}: \"{value}\" is not an absolute http(s) URL; expected the address the site is served from, e.g. {BaseUrlExample}");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new FormatException($"{field}: \"{value}\" has a query or fragment; expected only the site's address, e.g. {BaseUrlExample}");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>Checks what JSON alone cannot: URLs, slugs, empty strings.</summary>
    internal static void Validate(SiteSettings settings, string source)
    {
        string Where(string field) => $"{source}: {field}";
        if (settings.BaseUrl is { } url)
        {
            _ = ParseBaseUrl(url, Where("baseUrl"));
        }

        if (settings.SiteTitle is { } title && string.IsNullOrWhiteSpace(title))
        {
            throw new FormatException($"{Where("siteTitle")}: is empty; expected the site's title, e.g. \"豊島区 会議録\", or leave the field out.");
        }

        foreach (var (body, slug) in settings.BodySlugs ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                throw new FormatException($"{Where("bodySlugs")}: a 会議体名 is empty; expected \"会議体名\": \"slug\" pairs.");
            }

            try
            {
                _ = new SiteUrls(new SiteOptions { BodySlugs = new Dictionary<string, string> { [body] = slug } });
            }
            catch (ArgumentException)
            {
                throw new FormatException($"{Where($"bodySlugs[\"{body}\"]")}: \"{slug}\" is not a slug; expected 1–40 lower-case ASCII letters, digits and '-', e.g. \"johoka-honbu\".");
            }
        }

        if (settings.Redaction is { } r)
        {
            if (r.Mask is { } mask && string.IsNullOrWhiteSpace(mask))
            {
                throw new FormatException($"{Where("redaction.mask")}: is empty; expected the text that replaces a name, e.g. \"〇〇\".");
            }

            foreach (var (field, names) in new[] { ("redaction.allowList", r.AllowList), ("redaction.denyList", r.DenyList) })
            {
                if (names?.Any(string.IsNullOrWhiteSpace) == true)
                {
                    throw new FormatException($"{Where(field)}: has an empty entry; expected names, e.g. [\"山田太郎\"].");
                }
            }
        }
    }

    /// <summary>A JSON mistake as "source: field (line n): what is expected".</summary>
    internal static string Describe(JsonException e, string source)
    {
        var field = e.Path is null or "$" ? "the settings" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path;
        var line = e.LineNumber is { } n ? $" (line {n + 1})" : string.Empty;
        var message = e.Message;
        string what;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var known = message.Contains(nameof(RedactionSettings), StringComparison.Ordinal)
                ? "mask, replacement, allowList, denyList, unknownDisclosure"
                : "siteTitle, baseUrl, bodySlugs, redaction";
            what = $"unknown field; the fields here are {known}";
        }
        else if (message.Contains("could not be converted to System.String", StringComparison.Ordinal))
        {
            what = "expected text in quotes";
        }
        else if (message.Contains("IReadOnlyList", StringComparison.Ordinal))
        {
            what = "expected a list of names, e.g. [\"山田太郎\"]";
        }
        else if (message.Contains("IReadOnlyDictionary", StringComparison.Ordinal))
        {
            what = "expected an object of \"会議体名\": \"slug\" pairs";
        }
        else if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            what = "expected an object { … }";
        }
        else
        {
            // The reader's own words for broken JSON (an unclosed brace, a missing comma), without its position suffix.
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            what = "not valid JSON: " + (cut > 0 ? message[..cut] : message);
        }

        return $"{source}: {field}{line}: {what}";
    }
}
