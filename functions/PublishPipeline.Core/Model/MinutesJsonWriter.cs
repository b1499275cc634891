using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace PublishPipeline.Model;

/// <summary>
/// Writes <see cref="Minutes"/> as <see cref="MinutesJson.Options"/> would, byte for byte, walking
/// the model directly: every stage writes at least one document (normalised, redacted, the public
/// JSON, the index header), and the general serializer's per-property dispatch was most of that
/// cost. Property names and order are the serializer's (camelCase, declaration order, nulls
/// written); <c>MinutesJsonWriterTests</c> checks both against each other, property by property, so a field
/// added to the model and not here fails the build's tests rather than the published JSON.
/// </summary>
internal static class MinutesJsonWriter
{
    // Reused per thread: a document's JSON is 10 KB – 1 MB and written several times per document.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    // A buffer grown past this by a large document is not kept for the next one: every thread
    // that writes keeps its buffer for the whole run, through the index rebuild's peak.
    private const int KeptBufferLimit = 256 * 1024;

    public static byte[] Serialize(Minutes minutes, JsonSerializerOptions options)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(64 * 1024);
        t_buffer = null; // a nested call (none today) would take a buffer of its own
        try
        {
            Serialize(minutes, options, buffer);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity <= KeptBufferLimit)
            {
                buffer.ResetWrittenCount();
                t_buffer = buffer;
            }
        }
    }

    /// <summary>The same bytes into <paramref name="output"/> (one that passes them on as they come keeps a large document from being one array).</summary>
    public static void Serialize(Minutes minutes, JsonSerializerOptions options, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth,
            SkipValidation = true, // the walk below is the structure; the tests check it
        });
        Write(writer, minutes);
    }

    private static void Write(Utf8JsonWriter w, Minutes m)
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", m.SchemaVersion);
        w.WriteString("id", m.Id);
        w.WriteString("title", m.Title);
        w.WriteString("body", m.Body);
        w.WriteString("municipality", m.Municipality);
        w.WriteString("session", m.Session);
        if (m.Date is { } date)
        {
            w.WriteString("date", date.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("date");
        }

        WriteNumber(w, "fiscalYear", m.FiscalYear);
        w.WriteString("startTime", m.StartTime);
        w.WriteString("endTime", m.EndTime);
        w.WriteString("venue", m.Venue);
        w.WriteString("secretariat", m.Secretariat);
        WriteArray(w, "agenda", m.Agenda, static (w, item) => w.WriteStringValue(item));
        WriteArray(w, "attendees", m.Attendees, static (w, group) => WriteObject(w, group, static (w, g) =>
        {
            w.WriteString("group", g.Group);
            WriteArray(w, "members", g.Members, static (w, item) => w.WriteStringValue(item));
        }));
        WriteArray(w, "rolls", m.Rolls, static (w, roll) => WriteObject(w, roll, static (w, r) =>
        {
            w.WriteString("group", r.Group);
            WriteArray(w, "entries", r.Entries, WritePerson);
        }));
        w.WritePropertyName("disclosure");
        WriteObject(w, m.Disclosure, static (w, d) =>
        {
            WriteState(w, "meeting", d.Meeting);
            w.WriteString("meetingReason", d.MeetingReason);
            WriteState(w, "minutes", d.Minutes);
            w.WriteString("reason", d.Reason);
        });
        WriteArray(w, "sections", m.Sections, static (w, section) => WriteObject(w, section, static (w, s) =>
        {
            w.WriteString("heading", s.Heading);
            WriteArray(w, "turns", s.Turns, WriteTurn);
        }));
        WriteArray(w, "results", m.Results, static (w, item) => w.WriteStringValue(item));
        WriteArray(w, "materials", m.Materials, static (w, item) => w.WriteStringValue(item));
        WriteArray(w, "warnings", m.Warnings, static (w, warning) => WriteObject(w, warning, static (w, x) =>
        {
            w.WriteString("code", x.Code);
            w.WriteString("message", x.Message);
            WriteNumber(w, "line", x.Line);
        }));
        w.WritePropertyName("source");
        WriteObject(w, m.Source, static (w, x) =>
        {
            w.WriteString("name", x.Name);
            w.WriteString("format", x.Format);
            w.WriteString("encoding", x.Encoding);
            w.WriteString("sha256", x.Sha256);
            w.WriteNumber("length", x.Length);
        });
        w.WriteEndObject();
    }

    private static void WriteTurn(Utf8JsonWriter w, SpeakerTurn? turn) => WriteObject(w, turn, static (w, t) =>
    {
        w.WriteString("speaker", t.Speaker);
        w.WriteString("text", t.Text);
        WriteKind(w, t.Kind);
        w.WritePropertyName("person");
        WritePerson(w, t.Person);
        WriteArray(w, "mentions", t.Mentions, WritePerson);
        WriteNumber(w, "line", t.Line);
    });

    private static void WritePerson(Utf8JsonWriter w, PersonMention? person) => WriteObject(w, person, static (w, p) =>
    {
        w.WriteString("written", p.Written);
        w.WriteString("name", p.Name);
        w.WriteString("familyName", p.FamilyName);
        w.WriteString("givenName", p.GivenName);
        w.WriteString("role", p.Role);
        w.WriteString("number", p.Number);
    });

    /// <summary>A property holding a list: <c>null</c>, or each item written by <paramref name="write"/>.</summary>
    private static void WriteArray<T>(Utf8JsonWriter w, string name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> write)
    {
        w.WritePropertyName(name);
        if (items is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartArray();
        foreach (var item in items)
        {
            write(w, item);
        }

        w.WriteEndArray();
    }

    /// <summary>An object value: <c>null</c>, or its properties written by <paramref name="write"/>.</summary>
    private static void WriteObject<T>(Utf8JsonWriter w, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        write(w, value);
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    // The names given by JsonStringEnumMemberName, as the serializer writes them; a value with no
    // name (never made by the pipeline) is written as its number, as the serializer does.
    private static void WriteState(Utf8JsonWriter w, string name, DisclosureState state)
    {
        var text = state switch
        {
            DisclosureState.Unknown => "unknown",
            DisclosureState.Public => "public",
            DisclosureState.Closed => "closed",
            DisclosureState.Partial => "partial",
            _ => null,
        };
        if (text is null)
        {
            w.WriteNumber(name, (int)state);
        }
        else
        {
            w.WriteString(name, text);
        }
    }

    private static void WriteKind(Utf8JsonWriter w, TurnKind kind)
    {
        var text = kind switch
        {
            TurnKind.Speech => "speech",
            TurnKind.Procedure => "procedure",
            TurnKind.NonDisclosureStart => "nonDisclosureStart",
            TurnKind.NonDisclosureEnd => "nonDisclosureEnd",
            TurnKind.Notice => "notice",
            _ => null,
        };
        if (text is null)
        {
            w.WriteNumber("kind", (int)kind);
        }
        else
        {
            w.WriteString("kind", text);
        }
    }
}
