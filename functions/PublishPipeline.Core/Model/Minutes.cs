using System.Text.Json.Serialization;

namespace PublishPipeline.Model;

/// <summary>
/// One set of minutes (会議録) as the pipeline understands it: the normalised form every later
/// stage reads. Field names are part of the published JSON schema; add, never rename.
/// </summary>
public sealed record Minutes
{
    /// <summary>Bumped when a field changes meaning; readers check it.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Stable ASCII id: the same upload name always gives the same id (see <see cref="MinutesId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>会議体の名称 as written, e.g. 平成30年度 第1回豊島区行政情報化推進本部.</summary>
    public string? Title { get; init; }

    /// <summary>The standing body without 回次/年度, e.g. 豊島区行政情報化推進本部.</summary>
    public string? Body { get; init; }

    /// <summary>The municipality, e.g. 豊島区.</summary>
    public string? Municipality { get; init; }

    /// <summary>回次 as written after folding digits, e.g. 第1回 or 第10期第5回.</summary>
    public string? Session { get; init; }

    /// <summary>開催日 (ISO yyyy-MM-dd in JSON), null when the upload does not say.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>年度: April–March fiscal year as a Western year (令和5年度 → 2023).</summary>
    public int? FiscalYear { get; init; }

    /// <summary>Start time, "HH:mm".</summary>
    public string? StartTime { get; init; }

    /// <summary>End time, "HH:mm".</summary>
    public string? EndTime { get; init; }

    /// <summary>開催場所.</summary>
    public string? Venue { get; init; }

    /// <summary>事務局 (担当課), when the header names it.</summary>
    public string? Secretariat { get; init; }

    /// <summary>議題, one entry per item, in order.</summary>
    public IReadOnlyList<string> Agenda { get; init; } = [];

    /// <summary>出席者 by group (委員, 幹事, 事務局, 区側 …).</summary>
    public IReadOnlyList<AttendeeGroup> Attendees { get; init; } = [];

    /// <summary>The rolls of people (出席議員, 説明のため出席した者 …), each entry parsed into number, role and name.</summary>
    public IReadOnlyList<Roll> Rolls { get; init; } = [];

    /// <summary>公開の可否 of the meeting and of the minutes.</summary>
    public Disclosure Disclosure { get; init; } = Disclosure.Unknown;

    /// <summary>The proceedings (審議経過 / 発言内容) as sections of turns.</summary>
    public IReadOnlyList<Section> Sections { get; init; } = [];

    /// <summary>会議の結果.</summary>
    public IReadOnlyList<string> Results { get; init; } = [];

    /// <summary>提出された資料 / 配付資料.</summary>
    public IReadOnlyList<string> Materials { get; init; } = [];

    /// <summary>What the normaliser could not read or had to guess; never stops the document.</summary>
    public IReadOnlyList<NormalizationWarning> Warnings { get; init; } = [];

    /// <summary>Where the document came from (name, format, encoding, hash).</summary>
    public SourceInfo? Source { get; init; }
}

/// <summary>A group of attendees as the roll lists them, e.g. 委員: [区長, 副区長(2), …].</summary>
public sealed record AttendeeGroup(string Group, IReadOnlyList<string> Members);

/// <summary>Disclosure (公開の可否) read from the checked box of the header table.</summary>
public sealed record Disclosure
{
    public static readonly Disclosure Unknown = new();

    /// <summary>Whether the meeting itself was open to the public (会議).</summary>
    public DisclosureState Meeting { get; init; } = DisclosureState.Unknown;

    /// <summary>Reason given for a closed or partly closed meeting.</summary>
    public string? MeetingReason { get; init; }

    /// <summary>Whether the minutes may be published (会議録). This is what redaction obeys.</summary>
    public DisclosureState Minutes { get; init; } = DisclosureState.Unknown;

    /// <summary>Reason given for closed or partly closed minutes.</summary>
    public string? Reason { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<DisclosureState>))]
public enum DisclosureState
{
    /// <summary>No box checked, several boxes checked, or no disclosure table at all.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
    /// <summary>公開.</summary>
    [JsonStringEnumMemberName("public")] Public,
    /// <summary>非公開.</summary>
    [JsonStringEnumMemberName("closed")] Closed,
    /// <summary>一部非公開.</summary>
    [JsonStringEnumMemberName("partial")] Partial,
}

/// <summary>A part of the proceedings, usually one agenda item, with its turns in order.</summary>
public sealed record Section(string? Heading, IReadOnlyList<SpeakerTurn> Turns);

/// <summary>
/// One utterance or one narrative line. Paragraphs inside <see cref="Text"/> are separated by "\n".
/// </summary>
public sealed record SpeakerTurn
{
    /// <summary>The speaker label as written after clean-up (本部長, 齊藤副区長, 柴崎委員(会長)); null for narrative lines, kept on a stage direction that follows a label (`(情報公開課長) ——— …説明 ———`).</summary>
    public string? Speaker { get; init; }

    public required string Text { get; init; }

    public TurnKind Kind { get; init; } = TurnKind.Speech;

    /// <summary>The speaker label parsed into role and name (either may be missing); null when there is no speaker.</summary>
    public PersonMention? Person { get; init; }

    /// <summary>People a stage direction or procedure line names, e.g. 〔20番飯田智男議員登壇〕.</summary>
    public IReadOnlyList<PersonMention> Mentions { get; init; } = [];

    /// <summary>1-based line in the decoded upload where the turn starts, so a report can point staff at their own file; null when unknown.</summary>
    public int? Line { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<TurnKind>))]
public enum TurnKind
{
    /// <summary>Words someone said.</summary>
    [JsonStringEnumMemberName("speech")] Speech,
    /// <summary>Narrative: 〔事務局：…を説明〕, —了承—, ⇒提案のとおり決定する。, [14:40 終了].</summary>
    [JsonStringEnumMemberName("procedure")] Procedure,
    /// <summary>A staff-typed marker opening a non-disclosed passage (【非公開】, &lt;!-- 非公開 --&gt;). Never published.</summary>
    [JsonStringEnumMemberName("nonDisclosureStart")] NonDisclosureStart,
    /// <summary>The marker closing it (【非公開ここまで】, 【/非公開】, &lt;!-- /非公開 --&gt;). Never published.</summary>
    [JsonStringEnumMemberName("nonDisclosureEnd")] NonDisclosureEnd,
    /// <summary>A visible notice put in by redaction where a passage was removed.</summary>
    [JsonStringEnumMemberName("notice")] Notice,
}

/// <summary>Something the normaliser wants a person to know; <see cref="Line"/> is 1-based in the decoded text.</summary>
public sealed record NormalizationWarning(string Code, string Message, int? Line = null);

/// <summary>Facts about the uploaded file itself.</summary>
public sealed record SourceInfo(string Name, string Format, string Encoding, string Sha256, long Length);
