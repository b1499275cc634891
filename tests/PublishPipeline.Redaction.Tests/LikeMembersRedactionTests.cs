namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// A council's roll of <c>○○委員</c> entries through the real normaliser and redactor: a surname that is also a word
/// and a place (若竹) reads alone as an office, like 公募委員, but beside members read as a surname and 委員 it is one of
/// them. Before, 若竹委員 was published in the roll and as a speaker. Names are invented.
/// </summary>
public class LikeMembersRedactionTests
{
    private const string Upload = """
        第2回架空区区民会議 議事要旨
        日時：令和6年5月8日（水）午後6時30分～8時
        場所：架空区役所3階 会議室B
        出席委員：宇佐木委員（会長）、若竹委員、花房委員、公募委員
        議事要旨
        会長：第2回区民会議を始めます。
        若竹委員：公園の清掃について、参加者が増えている。
        花房委員：冬にも続けてほしい。
        """;

    [Fact]
    public async Task A_place_word_surname_among_members_is_masked_and_an_office_stays()
    {
        var json = await RedactedUploads.PublishedJsonAsync(Upload, "kumin.txt", new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        RedactedUploads.AssertNoneAppear(json, "宇佐木", "花房", "若竹委員");

        // 公募委員 is a seat, not a name.
        Assert.Contains("公募委員", json, StringComparison.Ordinal);
    }
}
