namespace PublishPipeline.Storage;

/// <summary>
/// The metadata rules both stores enforce, so that what works locally works on Azure: keys are
/// C# identifiers (Azure's rule), values printable ASCII (they travel as HTTP headers). Callers
/// percent-encode anything else (<see cref="Encode"/>).
/// </summary>
public static class ObjectMetadata
{
    /// <summary>The metadata of <paramref name="properties"/> as it will be stored, its content hash's key included.</summary>
    public static void Validate(ObjectProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        Validate(properties.WithContentSha256(new string('0', 64)).Metadata);
    }

    public static void Validate(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var (key, value) in metadata)
        {
            if (key.Length == 0 || !(char.IsAsciiLetter(key[0]) || key[0] == '_') || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"Metadata key '{key}' is not an ASCII identifier.", nameof(metadata));
            }

            if (value.Any(c => c is < ' ' or > '~'))
            {
                throw new ArgumentException($"Metadata value of '{key}' is not printable ASCII; percent-encode it.", nameof(metadata));
            }
        }
    }

    /// <summary>Percent-encodes any text (e.g. a Japanese upload name) into a metadata value.</summary>
    public static string Encode(string text) => Uri.EscapeDataString(text);

    /// <summary>Reverses <see cref="Encode"/>.</summary>
    public static string Decode(string value) => Uri.UnescapeDataString(value);

    public static string? Get(IReadOnlyDictionary<string, string> metadata, string key)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.TryGetValue(key, out var value))
        {
            return value;
        }

        // Azure may hand keys back in another case.
        foreach (var (k, v) in metadata)
        {
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }
}
