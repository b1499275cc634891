using PublishPipeline.Redaction.Names;
using PublishPipeline.Redaction.People;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// What masking a document allocates per hit (issue #14: at most 3 bytes per upload byte): a name
/// looked up in the register by its place in the text makes no string, and the matcher built per
/// document from one transition table still finds every occurrence a plain search finds.
/// </summary>
public class MaskingAllocationTests
{
    [Fact]
    public void A_register_lookup_of_a_name_inside_a_text_makes_no_string()
    {
        var register = new PeopleRegister(NameLexicon.Default);
        Assert.NotNull(register.Add("谷村　柾人", new PersonSource(PersonSourceKind.Roll, "rolls[0].entries[0]", "谷村　柾人"), 0.95, familyName: "谷村", givenName: "柾人"));
        const string text = "ただいまの谷村　柾人議員の質問";
        var name = text.AsSpan(5, 5); // 谷村　柾人, spaced as written
        Assert.True(register.Contains(name));
        Assert.True(register.Contains(text.AsSpan(5, 2))); // the surname alone
        Assert.False(register.Contains(text.AsSpan(10, 2))); // 議員

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = register.Contains(name) && register.Contains(text.AsSpan(8, 2)) && !register.Contains(text.AsSpan(0, 4));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(found);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_matcher_finds_every_occurrence_a_plain_search_finds_overlapping_ones_included()
    {
        var random = new Random(14);
        for (var round = 0; round < 200; round++)
        {
            // A small alphabet, so patterns share prefixes and suffixes and the failure links matter.
            string Word(int max) => new([.. Enumerable.Range(0, random.Next(1, max + 1)).Select(_ => "山田川太郎"[random.Next(5)])]);
            var patterns = Enumerable.Range(0, random.Next(1, 12)).Select(_ => Word(4)).ToList();
            var text = Word(60);
            var matcher = new AhoCorasick<int>();
            for (var p = 0; p < patterns.Count; p++)
            {
                matcher.Add(patterns[p], p);
            }

            var found = new List<(int Start, int Length, int Value)>();
            matcher.FindAll(text, found);

            var expected = new List<(int Start, int Length, int Value)>();
            for (var p = 0; p < patterns.Count; p++)
            {
                for (var at = text.IndexOf(patterns[p], StringComparison.Ordinal); at >= 0; at = text.IndexOf(patterns[p], at + 1, StringComparison.Ordinal))
                {
                    expected.Add((at, patterns[p].Length, p));
                }
            }

            Assert.Equal(expected.Order(), found.Order());
            Assert.True(found.Select(f => f.Start + f.Length).SequenceEqual(found.Select(f => f.Start + f.Length).Order()), "in order of their end");
        }
    }
}
