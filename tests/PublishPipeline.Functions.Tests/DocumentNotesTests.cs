using System.Text;
using PublishPipeline.LocalSite;
using PublishPipeline.Model;
using PublishPipeline.Pipeline;
using PublishPipeline.Redaction;
using PublishPipeline.Redaction.Audit;
using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// The warnings <c>minutes publish</c> prints for a document are read from the normalised JSON and
/// the audit record by a reader that skips everything else (a large document's JSON is never parsed
/// whole for them).
/// </summary>
public sealed class DocumentNotesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-notes-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Warnings_are_read_from_the_normalised_document_and_the_audit_record()
    {
        var store = new FileSystemObjectStore(_root.FullName);
        var id = MinutesId.FromSourceName("a.txt");
        var minutes = new Minutes
        {
            Id = id,
            Title = "第1回 委員会",
            Sections = [new Section("審議", [new SpeakerTurn { Speaker = "委員長", Text = "\"warnings\": [] と書かれた発言" }])],
            Warnings = [new NormalizationWarning("date-missing", "no date found", 3), new NormalizationWarning("agenda-inferred", "the agenda is read from the headings")],
        };
        await store.PutAsync(Containers.Normalized, PipelineNames.Document(id), MinutesJson.Serialize(minutes), ObjectProperties.None);
        var audit = new RedactionAudit(id, "a.txt", "p1", []) { Warnings = ["one name was not read"] };
        await store.PutAsync(Containers.Audit, PipelineNames.Document(id), RedactionAuditJson.Serialize(audit), ObjectProperties.None);

        Assert.Equal(
            ["line 3: date-missing: no date found", "agenda-inferred: the agenda is read from the headings", "redaction: one name was not read"],
            await DocumentNotes.WarningsAsync(store, id));
    }

    [Theory]
    [InlineData("{\"warnings\": [{\"code\": \"x\", \"message\": \"m\"}]} trailing")]
    [InlineData("{\"warnings\": [{\"code\": \"x\", \"message\": \"m\"}]")]
    [InlineData("[{\"code\": \"x\"}]")]
    [InlineData("{\"warnings\": {\"code\": \"x\"}}")]
    public async Task Unreadable_json_or_no_warnings_array_gives_no_warnings(string json)
    {
        var store = new FileSystemObjectStore(_root.FullName);
        await store.PutAsync(Containers.Normalized, "m1.json", Encoding.UTF8.GetBytes(json), ObjectProperties.None);
        Assert.Empty(await DocumentNotes.WarningsAsync(store, "m1"));
    }

    [Fact]
    public async Task The_last_warnings_property_is_the_one_read_as_a_whole_parse_reads_it()
    {
        var store = new FileSystemObjectStore(_root.FullName);
        await store.PutAsync(Containers.Normalized, "m1.json", "{\"warnings\": [{\"code\": \"a\", \"message\": \"first\"}], \"sections\": [[1, {\"warnings\": 2}]], \"warnings\": [{\"code\": \"b\", \"message\": \"last\"}]}"u8.ToArray(), ObjectProperties.None);
        Assert.Equal(["b: last"], await DocumentNotes.WarningsAsync(store, "m1"));
    }
}
