using PublishPipeline.Model;

namespace PublishPipeline.Site;

/// <summary>
/// The index header (<see cref="SiteBuilder.IndexHeader"/>) in binary fields: how the index
/// summary keeps it between runs, and what a listing page's key hashes for each minutes it lists
/// (<see cref="ListingPages"/>; a reflection-based JSON serialisation of 10,000 headers was most
/// of the keys' cost).
/// </summary>
internal static class IndexHeaderCodec
{
    /// <summary>
    /// The fields <see cref="SiteBuilder.IndexHeader"/> keeps, each as it is; a field added there
    /// must be added here and the index summary's format version raised (IndexSummaryTests round-trips a
    /// header with every field set).
    /// </summary>
    public static void Write(BinaryWriter w, Minutes header)
    {
        w.Write(header.SchemaVersion);
        w.Write(header.Id);
        WriteOptional(w, header.Title);
        WriteOptional(w, header.Body);
        WriteOptional(w, header.Municipality);
        WriteOptional(w, header.Session);
        w.Write(header.Date?.DayNumber ?? -1);
        w.Write(header.FiscalYear.HasValue);
        w.Write(header.FiscalYear ?? 0);
        WriteOptional(w, header.StartTime);
        w.Write((int)header.Disclosure.Meeting);
        WriteOptional(w, header.Disclosure.MeetingReason);
        w.Write((int)header.Disclosure.Minutes);
        WriteOptional(w, header.Disclosure.Reason);
    }

    public static Minutes Read(BinaryReader r)
    {
        var schemaVersion = r.ReadInt32();
        var id = r.ReadString();
        var (title, body, municipality, session) = (ReadOptional(r), ReadOptional(r), ReadOptional(r), ReadOptional(r));
        var day = r.ReadInt32();
        var (hasYear, year) = (r.ReadBoolean(), r.ReadInt32());
        var startTime = ReadOptional(r);
        var (meeting, meetingReason, minutes, reason) = (State(r.ReadInt32()), ReadOptional(r), State(r.ReadInt32()), ReadOptional(r));
        return new Minutes
        {
            SchemaVersion = schemaVersion,
            Id = id,
            Title = title,
            Body = body,
            Municipality = municipality,
            Session = session,
            Date = day < 0 ? null : DateOnly.FromDayNumber(day),
            FiscalYear = hasYear ? year : null,
            StartTime = startTime,
            Disclosure = meeting == DisclosureState.Unknown && meetingReason is null && minutes == DisclosureState.Unknown && reason is null
                ? Disclosure.Unknown
                : new Disclosure { Meeting = meeting, MeetingReason = meetingReason, Minutes = minutes, Reason = reason },
        };

        static DisclosureState State(int value) =>
            Enum.IsDefined((DisclosureState)value) ? (DisclosureState)value : throw new IOException("unknown disclosure state");
    }

    private static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
