using PublishPipeline.Model;

namespace PublishPipeline.Redaction.Tests;

/// <summary>Turns redacted in a document of their own (public minutes, one section): the name rules with nothing else around them.</summary>
internal static class RedactedTurns
{
    public static async Task<Minutes> RedactAsync(RedactionPolicy policy, params SpeakerTurn[] turns)
    {
        var doc = new Minutes
        {
            Id = "names",
            Disclosure = new Model.Disclosure { Minutes = DisclosureState.Public },
            Sections = [new Section("議事", turns)],
        };
        var outcome = await new Redactor(policy).RedactAsync(doc, new RedactionRequest("names"));
        Assert.True(outcome.IsPublishable);
        return outcome.Redacted!;
    }

    /// <summary>One procedural line of prose, redacted under the default policy: its text.</summary>
    public static async Task<string> ProseAsync(string text) =>
        (await RedactAsync(new RedactionPolicy(), new SpeakerTurn { Text = text, Kind = TurnKind.Procedure })).Sections[0].Turns[0].Text;
}
