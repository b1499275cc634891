using PublishPipeline.Model;
using PublishPipeline.Normalization.People;

namespace PublishPipeline.Normalization.Tests;

/// <summary>What reading the people of a document costs: per turn that names no one, per name written apart.</summary>
public class PeopleAllocationTests
{
    [Fact]
    public void A_turn_without_a_bracket_costs_no_callback()
    {
        // Narrative lines with no bracket: no stage direction to read, so nothing to report as unread.
        var turns = Enumerable.Range(0, 2000)
            .Select(i => new SpeakerTurn { Text = $"議案第{i}号について審査した。", Kind = TurnKind.Procedure, Line = i + 1 })
            .ToList();
        var unread = 0;
        var people = new DocumentPeople(new KnownPeople()) { OnUnread = (_, _) => unread++ };
        people.ReadInPlace([new Section("議事", turns)]); // warm: the first call compiles the path

        List<Section> sections = [new Section("議事", turns)];
        var before = GC.GetAllocatedBytesForCurrentThread();
        people.ReadInPlace(sections);
        var perTurn = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)turns.Count;

        Assert.Equal(turns, sections[0].Turns); // the same turns, kept as they were
        Assert.Equal(0, unread);
        // The new list's slot (8 bytes) and little else; a closure and a delegate per turn were ~90 bytes.
        Assert.True(perTurn < 40, $"{perTurn:0.0} bytes allocated per turn");
    }

    [Fact]
    public void A_turn_saying_a_result_in_a_sentence_is_not_split_into_cells()
    {
        // 結果 in a sentence, as most turns that say it: no cell of a tally, so no members to read.
        var turns = Enumerable.Range(0, 2000)
            .Select(i => new SpeakerTurn { Text = $"審査の結果、議案第{i}号は原案のとおり可決すべきものと決定しました。", Kind = TurnKind.Procedure, Line = i + 1 })
            .ToList();
        var people = new DocumentPeople(new KnownPeople());
        people.ReadInPlace([new Section("議事", turns)]); // warm

        List<Section> sections = [new Section("議事", turns)];
        var before = GC.GetAllocatedBytesForCurrentThread();
        people.ReadInPlace(sections);
        var perTurn = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)turns.Count;

        Assert.Equal(turns, sections[0].Turns);
        // Splitting each turn and the next into cells (a string each, their arrays and lists) was 256 bytes a turn.
        Assert.True(perTurn < 100, $"{perTurn:0.0} bytes allocated per turn");
    }

    [Fact]
    public void A_tallys_members_are_still_read_from_its_head_row()
    {
        List<Section> sections = [new Section("議事", [
            new SpeakerTurn { Text = "議案の概要と審議結果\n議案 | 件名 | 粟津 | 霧島 | 結果\n第2号 | 規程の改正について | ○ | × | 可決", Kind = TurnKind.Procedure, Line = 4 },
        ])];
        new DocumentPeople(new KnownPeople()).ReadInPlace(sections);
        Assert.Equal(["粟津", "霧島"], sections[0].Turns[0].Mentions.Select(m => m.Written));
    }

    [Fact]
    public void A_stage_direction_naming_someone_unreadable_is_still_reported_with_its_line()
    {
        List<Section> sections = [new Section("議事", [
            new SpeakerTurn { Text = "議案について説明した。", Kind = TurnKind.Procedure, Line = 3 },
            new SpeakerTurn { Text = "〔Tom Reed君登壇〕", Kind = TurnKind.Procedure, Line = 7 },
        ])];
        var reported = new List<(string Where, int? Line)>();
        new DocumentPeople(new KnownPeople()) { OnUnread = (where, line) => reported.Add((where, line)) }.ReadInPlace(sections);
        Assert.Contains(("a stage direction", (int?)7), reported);
    }

    [Theory]
    [InlineData("山田　太郎", "山田", "太郎")]
    [InlineData("佐　藤　　花　子", "佐藤", "花子")]
    [InlineData("  川村 　 一　", "川村", "一")]
    public void A_name_written_apart_is_read_into_its_parts_and_little_else(string written, string family, string given)
    {
        var parts = WrittenName.Read(written); // warm
        Assert.Equal((family + given, family, given), (parts.Name, parts.FamilyName, parts.GivenName));

        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = WrittenName.Read(written);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // The name and its two parts (three short strings) and the result; a string per piece, a list and
        // LINQ over the pieces were ~700 bytes.
        Assert.True(allocated < 240, $"{allocated} bytes allocated");
    }
}
