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

    // A buffer grown past this by a huge document is not kept for the next one.
    private const int KeptBufferLimit = 4 * 1024 * 1024;

    public static byte[] Serialize(Minutes minutes, JsonSerializerOptions options)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(64 * 1024);
        t_buffer = null; // a nested call (none today) would take a buffer of its own
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
            {
                Encoder = options.Encoder,
                Indented = options.WriteIndented,
                IndentCharacter = options.IndentCharacter,
                IndentSize = options.IndentSize,
                NewLine = options.NewLine,
                MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth,
                SkipValidation = true, // the walk below is the structure; the tests check it
            }))
            {
                Write(writer, minutes);
            }

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
        WriteStrings(w, "agenda", m.Agenda);

        w.WritePropertyName("attendees");
        if (m.Attendees is { } attendees)
        {
            w.WriteStartArray();
            foreach (var group in attendees)
            {
                if (group is null)
                {
                    w.WriteNullValue();
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("group", group.Group);
                WriteStrings(w, "members", group.Members);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName("rolls");
        if (m.Rolls is { } rolls)
        {
            w.WriteStartArray();
            foreach (var roll in rolls)
            {
                if (roll is null)
                {
                    w.WriteNullValue();
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("group", roll.Group);
                WritePeople(w, "entries", roll.Entries);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName("disclosure");
        if (m.Disclosure is { } disclosure)
        {
            w.WriteStartObject();
            WriteState(w, "meeting", disclosure.Meeting);
            w.WriteString("meetingReason", disclosure.MeetingReason);
            WriteState(w, "minutes", disclosure.Minutes);
            w.WriteString("reason", disclosure.Reason);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName("sections");
        if (m.Sections is { } sections)
        {
            w.WriteStartArray();
            foreach (var section in sections)
            {
                WriteSection(w, section);
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNullValue();
        }

        WriteStrings(w, "results", m.Results);
        WriteStrings(w, "materials", m.Materials);

        w.WritePropertyName("warnings");
        if (m.Warnings is { } warnings)
        {
            w.WriteStartArray();
            foreach (var warning in warnings)
            {
                if (warning is null)
                {
                    w.WriteNullValue();
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("code", warning.Code);
                w.WriteString("message", warning.Message);
                WriteNumber(w, "line", warning.Line);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName("source");
        if (m.Source is { } source)
        {
            w.WriteStartObject();
            w.WriteString("name", source.Name);
            w.WriteString("format", source.Format);
            w.WriteString("encoding", source.Encoding);
            w.WriteString("sha256", source.Sha256);
            w.WriteNumber("length", source.Length);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteEndObject();
    }

    private static void WriteSection(Utf8JsonWriter w, Section? section)
    {
        if (section is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString("heading", section.Heading);
        w.WritePropertyName("turns");
        if (section.Turns is { } turns)
        {
            w.WriteStartArray();
            foreach (var turn in turns)
            {
                if (turn is null)
                {
                    w.WriteNullValue();
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("speaker", turn.Speaker);
                w.WriteString("text", turn.Text);
                WriteKind(w, turn.Kind);
                w.WritePropertyName("person");
                WritePerson(w, turn.Person);
                WritePeople(w, "mentions", turn.Mentions);
                WriteNumber(w, "line", turn.Line);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteEndObject();
    }

    private static void WritePeople(Utf8JsonWriter w, string name, IReadOnlyList<PersonMention>? people)
    {
        w.WritePropertyName(name);
        if (people is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartArray();
        foreach (var person in people)
        {
            WritePerson(w, person);
        }

        w.WriteEndArray();
    }

    private static void WritePerson(Utf8JsonWriter w, PersonMention? person)
    {
        if (person is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString("written", person.Written);
        w.WriteString("name", person.Name);
        w.WriteString("familyName", person.FamilyName);
        w.WriteString("givenName", person.GivenName);
        w.WriteString("role", person.Role);
        w.WriteString("number", person.Number);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string>? items)
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
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
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
