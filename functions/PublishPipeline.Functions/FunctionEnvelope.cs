using System.Globalization;
using System.Text.Json;

namespace PublishPipeline.Functions;

/// <summary>
/// The invocation request the Functions host posts to a custom handler:
/// <c>{"Data":{binding:value},"Metadata":{key:value,…,"sys":{…}}}</c>. Parsed tolerantly, because
/// the host double-encodes strings (<c>"\"name\""</c>), sends numbers as strings, and may send an
/// Event Grid event as an object or as (double-encoded) JSON text.
/// </summary>
internal sealed class FunctionEnvelope
{
    private readonly JsonElement _data;
    private readonly JsonElement _metadata;

    private FunctionEnvelope(JsonElement data, JsonElement metadata)
    {
        _data = data;
        _metadata = metadata;
    }

    /// <summary>Reads the body; an empty or non-object body gives an empty envelope (callers report what is missing).</summary>
    public static FunctionEnvelope Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return new FunctionEnvelope(default, default);
        }

        var root = Unwrap(JsonDocument.Parse(body.ToArray()).RootElement);
        return root.ValueKind == JsonValueKind.Object
            ? new FunctionEnvelope(Unwrap(Property(root, "Data")), Unwrap(Property(root, "Metadata")))
            : new FunctionEnvelope(default, default);
    }

    /// <summary>A Metadata value as text, with the host's extra JSON-string layers removed.</summary>
    public string? Metadata(string key) => Text(Property(_metadata, key));

    /// <summary>The sys.MethodName the host sends, for logs.</summary>
    public string? MethodName => Text(Property(Unwrap(Property(_metadata, "sys")), "MethodName"));

    /// <summary>
    /// The name of the blob that triggered the function, inside <paramref name="container"/>.
    /// From the blob's URI when present (it holds the whole name, virtual folders included,
    /// whatever the {name} token captured), else from the path token <c>name</c>.
    /// </summary>
    public string? BlobName(string container)
    {
        if (Metadata("Uri") is { } uri && NameFromUrl(uri, container) is { } fromUri)
        {
            return fromUri;
        }

        if (Metadata("name") is { Length: > 0 } name)
        {
            return name;
        }

        // Some hosts keep BlobTrigger ("container/name"); it is filtered out by the current one.
        if (Metadata("BlobTrigger") is { } trigger && trigger.StartsWith(container + "/", StringComparison.Ordinal))
        {
            return trigger[(container.Length + 1)..];
        }

        return null;
    }

    /// <summary>The Event Grid event of binding <paramref name="binding"/> (Event Grid schema or CloudEvents).</summary>
    public StorageEvent? Event(string binding)
    {
        var value = Unwrap(Property(_data, binding));
        if (value.ValueKind == JsonValueKind.Array)
        {
            value = value.GetArrayLength() > 0 ? Unwrap(value[0]) : default;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = Text(Property(value, "eventType")) ?? Text(Property(value, "type"));
        var subject = Text(Property(value, "subject"));
        var id = Text(Property(value, "id"));
        var timeText = Text(Property(value, "eventTime")) ?? Text(Property(value, "time"));
        DateTimeOffset? time = DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        var url = Text(Property(Unwrap(Property(value, "data")), "url"));
        return new StorageEvent(id, type, subject, url, time);
    }

    /// <summary>TimerInfo.IsPastDue, when sent.</summary>
    public bool? TimerPastDue(string binding)
    {
        var timer = Unwrap(Property(_data, binding));
        var pastDue = Unwrap(Property(timer, "IsPastDue"));
        return pastDue.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => bool.TryParse(pastDue.GetString(), out var b) ? b : null,
            _ => null,
        };
    }

    /// <summary>The blob name from a blob URL, path after the container segment, percent-decoded.</summary>
    public static string? NameFromUrl(string url, string container)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return null;
        }

        // The path as written, not System.Uri's: Uri turns '\' into '/' and removes "..", so a blob
        // named a\..\b.txt would be read as b.txt (and its own quarantine left to the nightly run).
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var pathStart = url.IndexOf('/', schemeEnd + 3);
        if (pathStart < 0)
        {
            return null;
        }

        var pathEnd = url.IndexOfAny(['?', '#'], pathStart);
        var path = url[pathStart..(pathEnd < 0 ? url.Length : pathEnd)];

        // https://acct.blob.core.windows.net/container/name or http://127.0.0.1:10000/devstoreaccount1/container/name
        var segments = path.Split('/', 4);
        string? raw = null;
        if (segments.Length >= 3 && segments[1] == container)
        {
            raw = path[(container.Length + 2)..];
        }
        else if (segments.Length >= 4 && segments[2] == container)
        {
            raw = segments[3];
        }

        return string.IsNullOrEmpty(raw) ? null : Uri.UnescapeDataString(raw);
    }

    /// <summary>The name in an Event Grid storage subject: /blobServices/default/containers/{c}/blobs/{name}.</summary>
    public static string? NameFromSubject(string? subject, string container)
    {
        var prefix = $"/blobServices/default/containers/{container}/blobs/";
        return subject is not null && subject.StartsWith(prefix, StringComparison.Ordinal) && subject.Length > prefix.Length
            ? subject[prefix.Length..]
            : null;
    }

    private static JsonElement Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        if (element.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return default;
    }

    /// <summary>Strips JSON-in-a-string layers: "\"abc\"" → abc, "{\"a\":1}" → the object.</summary>
    private static JsonElement Unwrap(JsonElement element)
    {
        for (var depth = 0; depth < 4 && element.ValueKind == JsonValueKind.String; depth++)
        {
            var text = element.GetString()!.Trim();
            if (text.Length < 2 || !((text[0] == '"' && text[^1] == '"') || (text[0] == '{' && text[^1] == '}') || (text[0] == '[' && text[^1] == ']')))
            {
                return element;
            }

            try
            {
                element = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException)
            {
                return element;
            }
        }

        return element;
    }

    private static string? Text(JsonElement element)
    {
        element = Unwrap(element);
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
            _ => null,
        };
    }
}

/// <summary>The parts of a storage Event Grid event the withdrawal needs.</summary>
internal sealed record StorageEvent(string? Id, string? Type, string? Subject, string? Url, DateTimeOffset? Time)
{
    public bool IsBlobDeleted => Type is "Microsoft.Storage.BlobDeleted";
}
