using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PublishPipeline.Redaction;
using PublishPipeline.Redaction.PersonalData;
using PublishPipeline.Site;

namespace PublishPipeline.Pipeline;

/// <summary>
/// A ward's own settings for its site, in one JSON file that both doors read (the CLI's
/// <c>--settings FILE</c>, the handler's <c>SITE_SETTINGS</c> app setting): the site's title and
/// URL, readable body slugs, and the redaction policy. Every field is optional; what is left out
/// keeps the fail-safe default. The policy's version is derived from its content, so changing a
/// rule makes the nightly re-render re-redact every document.
/// </summary>
public sealed record SiteSettings
{
    public string? SiteTitle { get; init; }

    public string? BaseUrl { get; init; }

    public IReadOnlyDictionary<string, string>? BodySlugs { get; init; }

    public RedactionSettings? Redaction { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = SiteSettingsJson.Default,
    };

    /// <summary>Parses settings; a mistake is reported with where it is, never silently ignored.</summary>
    /// <exception cref="FormatException">The JSON is malformed or names an unknown field or value.</exception>
    public static SiteSettings Parse(string json, string source)
    {
        try
        {
            var settings = JsonSerializer.Deserialize<SiteSettings>(json, JsonOptions)
                ?? throw new FormatException($"{source}: the settings are JSON null; expected an object {{ … }}.");
            try
            {
                _ = settings.ToPolicy(); // validate the enumerated values now, not at the first upload
            }
            catch (FormatException e)
            {
                throw new FormatException($"{source}: {e.Message}", e);
            }

            SettingsErrors.Validate(settings, source);
            return settings;
        }
        catch (JsonException e)
        {
            throw new FormatException(SettingsErrors.Describe(e, source), e);
        }
    }

    public static SiteSettings Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), path);

    /// <summary>The redaction policy these settings describe.</summary>
    public RedactionPolicy ToPolicy()
    {
        var defaults = new RedactionPolicy();
        if (Redaction is not { } r)
        {
            return defaults;
        }

        return defaults with
        {
            Version = defaults.Version + "+" + Fingerprint(r),
            Mask = r.Mask ?? defaults.Mask,
            Replacement = r.Replacement switch
            {
                null => defaults.Replacement,
                "mask" => NameReplacement.Mask,
                "pseudonym" => NameReplacement.Pseudonym,
                var other => throw new FormatException($"redaction.replacement: \"{other}\" is not one of \"mask\", \"pseudonym\"."),
            },
            AllowList = r.AllowList ?? defaults.AllowList,
            DenyList = r.DenyList ?? defaults.DenyList,
            UnknownDisclosure = r.UnknownDisclosure switch
            {
                null => defaults.UnknownDisclosure,
                "hold" => UnknownDisclosureHandling.Hold,
                "publish" => UnknownDisclosureHandling.Publish,
                var other => throw new FormatException($"redaction.unknownDisclosure: \"{other}\" is not one of \"hold\", \"publish\"."),
            },
            KeepNamesOf = r.KeepNamesOf ?? defaults.KeepNamesOf,
            PersonalData = (r.PersonalData ?? []).Aggregate(defaults.PersonalData, (all, kind) => all | kind switch
            {
                "phone" => PersonalDataKinds.Phone,
                "email" => PersonalDataKinds.Email,
                "address" => PersonalDataKinds.Address,
                var other => throw new FormatException($"redaction.personalData: \"{other}\" is not one of \"phone\", \"email\", \"address\"."),
            }),
            OfficeContacts = r.OfficeContacts ?? defaults.OfficeContacts,
        };
    }

    /// <summary>These settings applied over <paramref name="options"/>.</summary>
    public SiteOptions ApplyTo(SiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            SiteTitle = SiteTitle ?? options.SiteTitle,
            BaseUrl = BaseUrl is { Length: > 0 } url ? SettingsErrors.ParseBaseUrl(url, "baseUrl") : options.BaseUrl,
            BodySlugs = BodySlugs ?? options.BodySlugs,
        };
    }

    private static string Fingerprint(RedactionSettings settings)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(settings, JsonOptions);
        return Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 6));
    }
}

/// <summary>The redaction part of <see cref="SiteSettings"/>; see <see cref="RedactionPolicy"/> for meanings.</summary>
public sealed record RedactionSettings
{
    /// <summary>The string that replaces a name (default 〇〇).</summary>
    public string? Mask { get; init; }

    /// <summary>"mask" (default) or "pseudonym" (A委員, B委員 within one document).</summary>
    public string? Replacement { get; init; }

    /// <summary>Names that stay, e.g. the mayor in official capacity.</summary>
    public IReadOnlyList<string>? AllowList { get; init; }

    /// <summary>Names always removed wherever they appear.</summary>
    public IReadOnlyList<string>? DenyList { get; init; }

    /// <summary>"hold" (default) or "publish": minutes with no readable 公開の可否.</summary>
    public string? UnknownDisclosure { get; init; }

    /// <summary>Role groups ("members", "executives", "officials") or role words (議長) whose holders keep their names; default none.</summary>
    public IReadOnlyList<string>? KeepNamesOf { get; init; }

    /// <summary>Other personal data to mask: any of "phone", "email", "address"; default none.</summary>
    public IReadOnlyList<string>? PersonalData { get; init; }

    /// <summary>Office phone numbers and e-mail addresses the ward publishes: never masked as personal data.</summary>
    public IReadOnlyList<string>? OfficeContacts { get; init; }
}
