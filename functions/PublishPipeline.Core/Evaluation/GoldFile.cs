using System.Text.Json;

namespace PublishPipeline.Evaluation;

/// <summary>The people a gold file says an upload names: full names and surnames, as in ../shared/devcorpus/gold.json.</summary>
public sealed record GoldEntry(IReadOnlyList<string> Names, IReadOnlyList<string> Surnames);

/// <summary>Reads a gold file: <c>{"&lt;upload file&gt;": {"names": [...], "surnames": [...]}}</c>.</summary>
public static class GoldFile
{
    /// <exception cref="InvalidDataException">The file is not a gold file; the message says where.</exception>
    public static IReadOnlyDictionary<string, GoldEntry> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    public static IReadOnlyDictionary<string, GoldEntry> Parse(ReadOnlySpan<byte> json, string what = "gold file")
    {
        var result = new Dictionary<string, GoldEntry>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{what}: the top level must be an object of upload names");
            }

            foreach (var upload in document.RootElement.EnumerateObject())
            {
                result[upload.Name] = new GoldEntry(Strings(upload, "names", what), Strings(upload, "surnames", what));
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{what}: not JSON ({e.Message})", e);
        }

        return result;
    }

    private static List<string> Strings(JsonProperty upload, string key, string what)
    {
        if (upload.Value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{what}: '{upload.Name}' must be an object with names and surnames");
        }

        if (!upload.Value.TryGetProperty(key, out var list))
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{what}: '{upload.Name}'.{key} must be an array of strings");
        }

        return [.. list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new InvalidDataException($"{what}: '{upload.Name}'.{key} holds a non-string"))];
    }
}
