using System.Globalization;
using System.Runtime.CompilerServices;
using PublishPipeline.Model;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Redaction;

/// <summary>One piece of text of the minutes that may hold a name, with where it is.</summary>
/// <param name="Path">Where it is; <see cref="Location"/> spells it out.</param>
internal readonly record struct TextField(FieldPath Path, string Text, NameContext Context)
{
    /// <summary>Audit location, e.g. <c>sections[2].turns[5].text</c>: made when asked for (an audit entry, a hold), not per field.</summary>
    public string Location => Path.ToString();
}

/// <summary>
/// Every text of a <see cref="Minutes"/> in one fixed order, and the rebuild that puts replaced
/// texts back in the same order. Anything published that is text must be listed here. One walk
/// serves both, so the order cannot drift; the rebuild copies only what changed (a document with
/// three names replaced shares every other turn with the original) and makes no location strings.
/// </summary>
internal static class MinutesTextFields
{
    public static List<TextField> Collect(Minutes m)
    {
        // Counted first, so a document of 400,000 fields fills one list instead of growing it 13 times.
        var counter = new Counter();
        Walk(m, counter);
        var collector = new Collector(counter.Count);
        Walk(m, collector);
        return collector.Fields;
    }

    /// <summary>Sees every field in the order <see cref="Collect"/> lists them, without a list (a long document has hundreds of thousands).</summary>
    public static void ForEach(Minutes m, Action<TextField> action) => Walk(m, new Each(action));

    /// <summary>Puts the texts back by location; fields not in <paramref name="replaced"/> stay as they were.</summary>
    public static Minutes Rebuild(Minutes m, IReadOnlyDictionary<string, string> replaced)
    {
        if (replaced.Count == 0)
        {
            return m;
        }

        var fields = Collect(m);
        var byField = new string?[fields.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            byField[f] = replaced.TryGetValue(fields[f].Location, out var r) ? r : null;
        }

        return Rebuild(m, byField);
    }

    /// <summary>Puts the texts back by field: <paramref name="byField"/>[i] replaces the i-th field <see cref="Collect"/> lists (null: unchanged).</summary>
    public static Minutes Rebuild(Minutes m, IReadOnlyList<string?> byField) => Walk(m, new Replacer(byField));

    /// <summary>Sees each field in order; returns its new text, or null to keep it.</summary>
    private abstract class Visitor
    {
        public abstract string? Visit(FieldPath path, string text, NameContext context);
    }

    private sealed class Counter : Visitor
    {
        public int Count { get; private set; }

        public override string? Visit(FieldPath path, string text, NameContext context)
        {
            Count++;
            return null;
        }
    }

    private sealed class Collector(int capacity) : Visitor
    {
        public List<TextField> Fields { get; } = new(capacity);

        public override string? Visit(FieldPath path, string text, NameContext context)
        {
            Fields.Add(new TextField(path, text, context));
            return null;
        }
    }

    private sealed class Each(Action<TextField> action) : Visitor
    {
        public override string? Visit(FieldPath path, string text, NameContext context)
        {
            action(new TextField(path, text, context));
            return null;
        }
    }

    private sealed class Replacer(IReadOnlyList<string?> byField) : Visitor
    {
        private int next;

        public override string? Visit(FieldPath path, string text, NameContext context) => next < byField.Count ? byField[next++] : null;
    }

    /// <summary>Visits every field in order and returns the document with the visitor's texts (the same instance when none changed).</summary>
    private static Minutes Walk(Minutes m, Visitor v)
    {
        // A field is visited only when it holds text, as Collect lists it.
        string? F(FieldPath path, string? text, NameContext context) =>
            string.IsNullOrEmpty(text) ? text : v.Visit(path, text, context) ?? text;

        // A person's parts are published in the JSON too, so each is a field of its own.
        PersonMention P(FieldPath path, PersonMention person, NameContext context)
        {
            var written = F(path with { Part = PersonPart.Written }, person.Written, context)!;
            var name = F(path with { Part = PersonPart.Name }, person.Name, context);
            var family = F(path with { Part = PersonPart.FamilyName }, person.FamilyName, context);
            var given = F(path with { Part = PersonPart.GivenName }, person.GivenName, context);
            var role = F(path with { Part = PersonPart.Role }, person.Role, NameContext.SpeakerLabel);
            return Same(written, person.Written) && Same(name, person.Name) && Same(family, person.FamilyName) && Same(given, person.GivenName) && Same(role, person.Role)
                ? person
                : person with { Written = written, Name = name, FamilyName = family, GivenName = given, Role = role };
        }

        var title = F(new(FieldArea.Title), m.Title, NameContext.Text);
        var body = F(new(FieldArea.Body), m.Body, NameContext.Text);
        var venue = F(new(FieldArea.Venue), m.Venue, NameContext.Text);
        var secretariat = F(new(FieldArea.Secretariat), m.Secretariat, NameContext.Text);
        var agenda = Texts(m.Agenda, FieldArea.Agenda, F);

        List<AttendeeGroup>? attendees = null;
        for (var g = 0; g < m.Attendees.Count; g++)
        {
            var group = m.Attendees[g];
            // A group's name is a heading (出席委員, 応（不応）招議員…), not a label whose brackets hold a speaker's name.
            var name = F(new(FieldArea.AttendeeGroup, g), group.Group, NameContext.Text)!;
            List<string>? members = null;
            for (var j = 0; j < group.Members.Count; j++)
            {
                var member = F(new(FieldArea.AttendeeMember, g, j), group.Members[j], NameContext.AttendeeMember)!;
                if (!Same(member, group.Members[j]))
                {
                    (members ??= [.. group.Members])[j] = member;
                }
            }

            if (!Same(name, group.Group) || members is not null)
            {
                (attendees ??= [.. m.Attendees])[g] = new AttendeeGroup(name, members ?? group.Members);
            }
        }

        List<Roll>? rolls = null;
        for (var r = 0; r < m.Rolls.Count; r++)
        {
            var roll = m.Rolls[r];
            var group = F(new(FieldArea.RollGroup, r), roll.Group, NameContext.Text)!; // a heading, as the attendees' group above
            List<PersonMention>? entries = null;
            for (var e = 0; e < roll.Entries.Count; e++)
            {
                var entry = P(new(FieldArea.RollEntry, r, e), roll.Entries[e], NameContext.AttendeeMember);
                if (!ReferenceEquals(entry, roll.Entries[e]))
                {
                    (entries ??= [.. roll.Entries])[e] = entry;
                }
            }

            if (!Same(group, roll.Group) || entries is not null)
            {
                (rolls ??= [.. m.Rolls])[r] = new Roll(group, entries ?? roll.Entries);
            }
        }

        var meetingReason = F(new(FieldArea.MeetingReason), m.Disclosure.MeetingReason, NameContext.Text);
        var reason = F(new(FieldArea.DisclosureReason), m.Disclosure.Reason, NameContext.Text);

        List<Section>? sections = null;
        for (var s = 0; s < m.Sections.Count; s++)
        {
            var section = m.Sections[s];
            var heading = F(new(FieldArea.SectionHeading, s), section.Heading, NameContext.Text);
            List<SpeakerTurn>? turns = null;
            for (var t = 0; t < section.Turns.Count; t++)
            {
                var turn = section.Turns[t];
                var speaker = F(new(FieldArea.TurnSpeaker, s, t), turn.Speaker, NameContext.SpeakerLabel);
                var text = F(new(FieldArea.TurnText, s, t), turn.Text, NameContext.Text)!;
                var person = turn.Person is { } p ? P(new(FieldArea.TurnPerson, s, t), p, NameContext.SpeakerLabel) : null;
                List<PersonMention>? mentions = null;
                for (var k = 0; k < turn.Mentions.Count; k++)
                {
                    var mention = P(new(FieldArea.TurnMention, s, t, k), turn.Mentions[k], NameContext.AttendeeMember);
                    if (!ReferenceEquals(mention, turn.Mentions[k]))
                    {
                        (mentions ??= [.. turn.Mentions])[k] = mention;
                    }
                }

                if (!Same(speaker, turn.Speaker) || !Same(text, turn.Text) || !ReferenceEquals(person, turn.Person) || mentions is not null)
                {
                    (turns ??= [.. section.Turns])[t] = turn with { Speaker = speaker, Text = text, Person = person, Mentions = mentions ?? turn.Mentions };
                }
            }

            if (!Same(heading, section.Heading) || turns is not null)
            {
                (sections ??= [.. m.Sections])[s] = new Section(heading, turns ?? section.Turns);
            }
        }

        var results = Texts(m.Results, FieldArea.Result, F);
        var materials = Texts(m.Materials, FieldArea.Material, F);
        List<NormalizationWarning>? warnings = null;
        for (var i = 0; i < m.Warnings.Count; i++)
        {
            var message = F(new(FieldArea.WarningMessage, i), m.Warnings[i].Message, NameContext.Text)!;
            if (!Same(message, m.Warnings[i].Message))
            {
                (warnings ??= [.. m.Warnings])[i] = m.Warnings[i] with { Message = message };
            }
        }

        // The upload's own name is published with the document (e.g. 山田議員の質問.docx).
        var sourceName = F(new(FieldArea.SourceName), m.Source?.Name, NameContext.Text);

        var disclosureChanged = !Same(meetingReason, m.Disclosure.MeetingReason) || !Same(reason, m.Disclosure.Reason);
        if (Same(title, m.Title) && Same(body, m.Body) && Same(venue, m.Venue) && Same(secretariat, m.Secretariat) && agenda is null
            && attendees is null && rolls is null && !disclosureChanged && sections is null && results is null && materials is null
            && warnings is null && Same(sourceName, m.Source?.Name))
        {
            return m;
        }

        return m with
        {
            Title = title,
            Body = body,
            Venue = venue,
            Secretariat = secretariat,
            Agenda = agenda ?? m.Agenda,
            Attendees = attendees ?? m.Attendees,
            Rolls = rolls ?? m.Rolls,
            Disclosure = disclosureChanged ? m.Disclosure with { MeetingReason = meetingReason, Reason = reason } : m.Disclosure,
            Sections = sections ?? m.Sections,
            Results = results ?? m.Results,
            Materials = materials ?? m.Materials,
            Warnings = warnings ?? m.Warnings,
            Source = m.Source is null || Same(sourceName, m.Source.Name) ? m.Source : m.Source with { Name = sourceName! },
        };
    }

    /// <summary>A list of plain texts (agenda, results, materials): a copy only when one changed.</summary>
    private static List<string>? Texts(IReadOnlyList<string> items, FieldArea area, Func<FieldPath, string?, NameContext, string?> f)
    {
        List<string>? changed = null;
        for (var i = 0; i < items.Count; i++)
        {
            var text = f(new(area, i), items[i], NameContext.Text)!;
            if (!Same(text, items[i]))
            {
                (changed ??= [.. items])[i] = text;
            }
        }

        return changed;
    }

    private static bool Same(string? a, string? b) => ReferenceEquals(a, b);
}

/// <summary>Where a field sits in the document; its text form is the audit location (made only when asked for).</summary>
internal readonly record struct FieldPath(FieldArea Area, int A = 0, int B = 0, int C = 0, PersonPart Part = PersonPart.None)
{
    public override string ToString()
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[64]);
        Write(ref text);
        return text.ToStringAndClear();
    }

    /// <summary>The location appended to <paramref name="text"/>, for a caller that joins it to more (an audit line).</summary>
    public void WriteTo(ref DefaultInterpolatedStringHandler text) => Write(ref text);

    /// <summary>The audit location of an offset in the field, <c>sections[2].turns[5].text@14</c>, made in one string.</summary>
    public string At(int offset)
    {
        var text = new DefaultInterpolatedStringHandler(1, 1, CultureInfo.InvariantCulture, stackalloc char[64]);
        WriteAt(offset, ref text);
        return text.ToStringAndClear();
    }

    /// <summary>The same location appended to <paramref name="text"/>, for a writer that needs no string (the audit's JSON).</summary>
    public void WriteAt(int offset, ref DefaultInterpolatedStringHandler text)
    {
        Write(ref text);
        text.AppendLiteral("@");
        text.AppendFormatted(offset);
    }

    private void Write(ref DefaultInterpolatedStringHandler text)
    {
        switch (Area)
        {
            case FieldArea.Title: text.AppendLiteral("title"); break;
            case FieldArea.Body: text.AppendLiteral("body"); break;
            case FieldArea.Venue: text.AppendLiteral("venue"); break;
            case FieldArea.Secretariat: text.AppendLiteral("secretariat"); break;
            case FieldArea.Agenda: Indexed(ref text, "agenda[", A, "]"); break;
            case FieldArea.AttendeeGroup: Indexed(ref text, "attendees[", A, "].group"); break;
            case FieldArea.AttendeeMember: Indexed(ref text, "attendees[", A, "].members[", B, "]"); break;
            case FieldArea.RollGroup: Indexed(ref text, "rolls[", A, "].group"); break;
            case FieldArea.RollEntry: Indexed(ref text, "rolls[", A, "].entries[", B, "]"); break;
            case FieldArea.MeetingReason: text.AppendLiteral("disclosure.meetingReason"); break;
            case FieldArea.DisclosureReason: text.AppendLiteral("disclosure.reason"); break;
            case FieldArea.SectionHeading: Indexed(ref text, "sections[", A, "].heading"); break;
            case FieldArea.TurnSpeaker: Indexed(ref text, "sections[", A, "].turns[", B, "].speaker"); break;
            case FieldArea.TurnText: Indexed(ref text, "sections[", A, "].turns[", B, "].text"); break;
            case FieldArea.TurnPerson: Indexed(ref text, "sections[", A, "].turns[", B, "].person"); break;
            case FieldArea.TurnMention:
                Indexed(ref text, "sections[", A, "].turns[", B, "].mentions[");
                text.AppendFormatted(C);
                text.AppendLiteral("]");
                break;
            case FieldArea.Result: Indexed(ref text, "results[", A, "]"); break;
            case FieldArea.Material: Indexed(ref text, "materials[", A, "]"); break;
            case FieldArea.WarningMessage: Indexed(ref text, "warnings[", A, "].message"); break;
            case FieldArea.SourceName: text.AppendLiteral("source.name"); break;
            default: throw new InvalidOperationException($"unknown field area {Area}");
        }

        text.AppendLiteral(Part switch
        {
            PersonPart.None => "",
            PersonPart.Written => ".written",
            PersonPart.Name => ".name",
            PersonPart.FamilyName => ".familyName",
            PersonPart.GivenName => ".givenName",
            PersonPart.Role => ".role",
            _ => throw new InvalidOperationException($"unknown person part {Part}"),
        });
    }

    private static void Indexed(ref DefaultInterpolatedStringHandler text, string before, int a, string after)
    {
        text.AppendLiteral(before);
        text.AppendFormatted(a);
        text.AppendLiteral(after);
    }

    private static void Indexed(ref DefaultInterpolatedStringHandler text, string before, int a, string between, int b, string after)
    {
        Indexed(ref text, before, a, between);
        text.AppendFormatted(b);
        text.AppendLiteral(after);
    }
}

internal enum FieldArea
{
    Title,
    Body,
    Venue,
    Secretariat,
    Agenda,
    AttendeeGroup,
    AttendeeMember,
    RollGroup,
    RollEntry,
    MeetingReason,
    DisclosureReason,
    SectionHeading,
    TurnSpeaker,
    TurnText,
    TurnPerson,
    TurnMention,
    Result,
    Material,
    WarningMessage,
    SourceName,
}

internal enum PersonPart
{
    None,
    Written,
    Name,
    FamilyName,
    GivenName,
    Role,
}
