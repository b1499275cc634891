using PublishPipeline.Model;
using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Redaction;

/// <summary>One piece of text of the minutes that may hold a name, with where it is.</summary>
/// <param name="Location">Audit location, e.g. <c>sections[2].turns[5].text</c>.</param>
internal readonly record struct TextField(string Location, string Text, NameContext Context);

/// <summary>
/// Every text of a <see cref="Minutes"/> in one fixed order, and the rebuild that puts replaced
/// texts back in the same order. Anything published that is text must be listed here.
/// </summary>
internal static class MinutesTextFields
{
    public static List<TextField> Collect(Minutes m)
    {
        var fields = new List<TextField>(64);
        void Add(string location, string? text, NameContext context)
        {
            if (!string.IsNullOrEmpty(text))
            {
                fields.Add(new TextField(location, text, context));
            }
        }

        // A person's parts are published in the JSON too, so each is a field of its own.
        void AddPerson(string location, PersonMention person, NameContext context)
        {
            Add($"{location}.written", person.Written, context);
            Add($"{location}.name", person.Name, context);
            Add($"{location}.familyName", person.FamilyName, context);
            Add($"{location}.givenName", person.GivenName, context);
            Add($"{location}.role", person.Role, NameContext.SpeakerLabel);
        }

        Add("title", m.Title, NameContext.Text);
        Add("body", m.Body, NameContext.Text);
        Add("venue", m.Venue, NameContext.Text);
        Add("secretariat", m.Secretariat, NameContext.Text);
        for (var i = 0; i < m.Agenda.Count; i++)
        {
            Add($"agenda[{i}]", m.Agenda[i], NameContext.Text);
        }

        for (var g = 0; g < m.Attendees.Count; g++)
        {
            Add($"attendees[{g}].group", m.Attendees[g].Group, NameContext.SpeakerLabel);
            for (var j = 0; j < m.Attendees[g].Members.Count; j++)
            {
                Add($"attendees[{g}].members[{j}]", m.Attendees[g].Members[j], NameContext.AttendeeMember);
            }
        }

        for (var r = 0; r < m.Rolls.Count; r++)
        {
            Add($"rolls[{r}].group", m.Rolls[r].Group, NameContext.SpeakerLabel);
            for (var e = 0; e < m.Rolls[r].Entries.Count; e++)
            {
                AddPerson($"rolls[{r}].entries[{e}]", m.Rolls[r].Entries[e], NameContext.AttendeeMember);
            }
        }

        Add("disclosure.meetingReason", m.Disclosure.MeetingReason, NameContext.Text);
        Add("disclosure.reason", m.Disclosure.Reason, NameContext.Text);
        for (var s = 0; s < m.Sections.Count; s++)
        {
            Add($"sections[{s}].heading", m.Sections[s].Heading, NameContext.Text);
            for (var t = 0; t < m.Sections[s].Turns.Count; t++)
            {
                var turn = m.Sections[s].Turns[t];
                Add($"sections[{s}].turns[{t}].speaker", turn.Speaker, NameContext.SpeakerLabel);
                Add($"sections[{s}].turns[{t}].text", turn.Text, NameContext.Text);
                if (turn.Person is { } person)
                {
                    AddPerson($"sections[{s}].turns[{t}].person", person, NameContext.SpeakerLabel);
                }

                for (var p = 0; p < turn.Mentions.Count; p++)
                {
                    AddPerson($"sections[{s}].turns[{t}].mentions[{p}]", turn.Mentions[p], NameContext.AttendeeMember);
                }
            }
        }

        for (var i = 0; i < m.Results.Count; i++)
        {
            Add($"results[{i}]", m.Results[i], NameContext.Text);
        }

        for (var i = 0; i < m.Materials.Count; i++)
        {
            Add($"materials[{i}]", m.Materials[i], NameContext.Text);
        }

        for (var i = 0; i < m.Warnings.Count; i++)
        {
            Add($"warnings[{i}].message", m.Warnings[i].Message, NameContext.Text);
        }

        // The upload's own name is published with the document (e.g. 山田議員の質問.docx).
        Add("source.name", m.Source?.Name, NameContext.Text);
        return fields;
    }

    /// <summary>Puts the texts back by location; fields not in <paramref name="replaced"/> stay as they were.</summary>
    public static Minutes Rebuild(Minutes m, IReadOnlyDictionary<string, string> replaced)
    {
        if (replaced.Count == 0)
        {
            return m;
        }

        string? R(string location, string? text) => text is not null && replaced.TryGetValue(location, out var r) ? r : text;

        PersonMention P(string location, PersonMention person) => person with
        {
            Written = R($"{location}.written", person.Written)!,
            Name = R($"{location}.name", person.Name),
            FamilyName = R($"{location}.familyName", person.FamilyName),
            GivenName = R($"{location}.givenName", person.GivenName),
            Role = R($"{location}.role", person.Role),
        };

        return m with
        {
            Title = R("title", m.Title),
            Body = R("body", m.Body),
            Venue = R("venue", m.Venue),
            Secretariat = R("secretariat", m.Secretariat),
            Agenda = [.. m.Agenda.Select((a, i) => R($"agenda[{i}]", a)!)],
            Attendees = [.. m.Attendees.Select((g, gi) => new AttendeeGroup(
                R($"attendees[{gi}].group", g.Group)!,
                [.. g.Members.Select((x, j) => R($"attendees[{gi}].members[{j}]", x)!)]))],
            Rolls = [.. m.Rolls.Select((roll, ri) => new Roll(
                R($"rolls[{ri}].group", roll.Group)!,
                [.. roll.Entries.Select((e, ei) => P($"rolls[{ri}].entries[{ei}]", e))]))],
            Disclosure = m.Disclosure with
            {
                MeetingReason = R("disclosure.meetingReason", m.Disclosure.MeetingReason),
                Reason = R("disclosure.reason", m.Disclosure.Reason),
            },
            Sections = [.. m.Sections.Select((s, si) => new Section(
                R($"sections[{si}].heading", s.Heading),
                [.. s.Turns.Select((t, ti) => t with
                {
                    Speaker = R($"sections[{si}].turns[{ti}].speaker", t.Speaker),
                    Text = R($"sections[{si}].turns[{ti}].text", t.Text)!,
                    Person = t.Person is null ? null : P($"sections[{si}].turns[{ti}].person", t.Person),
                    Mentions = [.. t.Mentions.Select((p, pi) => P($"sections[{si}].turns[{ti}].mentions[{pi}]", p))],
                })]))],
            Results = [.. m.Results.Select((x, i) => R($"results[{i}]", x)!)],
            Materials = [.. m.Materials.Select((x, i) => R($"materials[{i}]", x)!)],
            Warnings = [.. m.Warnings.Select((w, i) => w with { Message = R($"warnings[{i}].message", w.Message)! })],
            Source = m.Source is null ? null : m.Source with { Name = R("source.name", m.Source.Name)! },
        };
    }
}
