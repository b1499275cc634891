using PublishPipeline.Pipeline;

namespace PublishPipeline.Functions.Tests;

/// <summary>A mistake in a ward's settings is one line naming the field and what is expected, never a .NET type or a default.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("""{ "baseUrl": "example.com" }""", "baseUrl", "absolute http(s) URL")]
    [InlineData("""{ "baseUrl": "ftp://example.com/" }""", "baseUrl", "absolute http(s) URL")]
    [InlineData("""{ "baseUrl": "" }""", "baseUrl", "absolute http(s) URL")]
    [InlineData("""{ "bodySlugs": { "豊島区行政情報化推進本部": "Joho Honbu" } }""", "bodySlugs[\"豊島区行政情報化推進本部\"]", "lower-case ASCII")]
    [InlineData("""{ "redaction": { "mask": "" } }""", "redaction.mask", "replaces a name")]
    [InlineData("""{ "redaction": { "allowList": "山田太郎" } }""", "redaction.allowList (line 1)", "a list of names")]
    [InlineData("""{ "title": "会議録" }""", "title (line 1)", "siteTitle, baseUrl, bodySlugs, redaction")]
    [InlineData("""{ "redaction": { "unknownDisclosure": "maybe" } }""", "redaction.unknownDisclosure", "\"hold\", \"publish\"")]
    public void The_message_names_the_field_and_what_is_expected(string json, string field, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SiteSettings.Parse(json, "settings.json"));

        Assert.StartsWith("settings.json: " + field, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PublishPipeline.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("https://www.city.example.lg.jp/minutes", "https://www.city.example.lg.jp/minutes/")]
    [InlineData(" http://127.0.0.1:8080 ", "http://127.0.0.1:8080/")]
    public void A_good_base_url_is_read_as_the_folder_it_names(string value, string expected) =>
        Assert.Equal(expected, SettingsErrors.ParseBaseUrl(value, "baseUrl").AbsoluteUri);
}
