using PublishPipeline.Model;
using Xunit.Abstractions;

namespace PublishPipeline.Redaction.Tests.Evaluation;

/// <summary>
/// Recall and precision of the whole redactor (offline recogniser + spreading + masking) on the
/// labelled set, per context and overall. Fails below recall 99 % / precision 97 %.
/// Recall counts a name as found only when every character of it is masked; precision counts a
/// masked span as right only when it lies wholly inside labelled names.
/// </summary>
public class EvaluationTests(ITestOutputHelper output)
{
    private sealed class Tally
    {
        public int Names;
        public int Recalled;
        public int Predicted;
        public int Correct;
        public List<string> Misses { get; } = [];
        public List<string> FalsePositives { get; } = [];
    }

    [Fact]
    public async Task Recall_and_precision_meet_the_bar_in_every_context()
    {
        var redactor = new Redactor(new RedactionPolicy { UnknownDisclosure = UnknownDisclosureHandling.Publish });
        var tallies = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var docs = EvaluationSet.Build();
        foreach (var doc in docs)
        {
            var tally = tallies.TryGetValue(doc.Context, out var t) ? t : tallies[doc.Context] = new Tally();
            var (minutes, gold) = Build(doc);
            var outcome = await redactor.RedactAsync(minutes, new RedactionRequest("eval"));
            Assert.True(outcome.IsPublishable, string.Join("; ", outcome.Hold?.Reasons ?? []));

            var predicted = outcome.Audit.Entries.Select(e =>
            {
                var at = e.Location.LastIndexOf('@');
                return (Location: e.Location[..at], Start: int.Parse(e.Location[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture), e.Original.Length, e.Original);
            }).ToList();

            foreach (var (location, (text, names)) in gold)
            {
                var masked = new bool[text.Length];
                foreach (var p in predicted.Where(p => p.Location == location))
                {
                    for (var i = p.Start; i < p.Start + p.Length; i++)
                    {
                        masked[i] = true;
                    }
                }

                var isName = new bool[text.Length];
                foreach (var (start, length) in names)
                {
                    tally.Names++;
                    var all = true;
                    for (var i = start; i < start + length; i++)
                    {
                        isName[i] = true;
                        all &= masked[i];
                    }

                    if (all)
                    {
                        tally.Recalled++;
                    }
                    else
                    {
                        tally.Misses.Add($"{text.Substring(start, length)} in 「{text}」");
                    }
                }

                foreach (var p in predicted.Where(p => p.Location == location))
                {
                    tally.Predicted++;
                    var inside = true;
                    for (var i = p.Start; i < p.Start + p.Length; i++)
                    {
                        inside &= isName[i];
                    }

                    if (inside)
                    {
                        tally.Correct++;
                    }
                    else
                    {
                        tally.FalsePositives.Add($"{p.Original} in 「{text}」");
                    }
                }
            }
        }

        var total = new Tally();
        output.WriteLine($"{"context",-22} {"names",6} {"recall",8} {"masks",6} {"precision",9}");
        foreach (var (context, t) in tallies)
        {
            output.WriteLine($"{context,-22} {t.Names,6} {Percent(t.Recalled, t.Names),8} {t.Predicted,6} {Percent(t.Correct, t.Predicted),9}");
            foreach (var m in t.Misses)
            {
                output.WriteLine("    missed: " + m);
            }

            foreach (var f in t.FalsePositives)
            {
                output.WriteLine("    false positive: " + f);
            }

            if (context.StartsWith("known-limit", StringComparison.Ordinal))
            {
                continue; // reported, not gated: see docs/redact.md
            }

            total.Names += t.Names;
            total.Recalled += t.Recalled;
            total.Predicted += t.Predicted;
            total.Correct += t.Correct;
        }

        output.WriteLine($"{"overall (gated)",-22} {total.Names,6} {Percent(total.Recalled, total.Names),8} {total.Predicted,6} {Percent(total.Correct, total.Predicted),9}");
        Assert.True(total.Names >= 300, $"the set must hold at least 300 names, has {total.Names}");
        Assert.True(total.Recalled >= 0.99 * total.Names, $"overall recall {Percent(total.Recalled, total.Names)} < 99 %");
        Assert.True(total.Correct >= 0.97 * total.Predicted, $"overall precision {Percent(total.Correct, total.Predicted)} < 97 %");
        foreach (var (context, t) in tallies.Where(x => !x.Key.StartsWith("known-limit", StringComparison.Ordinal)))
        {
            Assert.True(t.Recalled >= 0.99 * t.Names, $"{context}: recall {Percent(t.Recalled, t.Names)} < 99 %");
            Assert.True(t.Correct >= 0.97 * t.Predicted, $"{context}: precision {Percent(t.Correct, t.Predicted)} < 97 %");
        }
    }

    private static string Percent(int a, int b) => b == 0 ? "n/a" : $"{100.0 * a / b:0.0}%";

    /// <summary>Lays the labelled lines out as minutes: roll entries, speaker labels and turn texts.</summary>
    internal static (Minutes Minutes, Dictionary<string, (string Text, List<(int Start, int Length)> Names)> Gold) Build(EvalDocument doc)
    {
        var gold = new Dictionary<string, (string, List<(int, int)>)>();
        var members = new List<string>();
        var turns = new List<SpeakerTurn>();
        foreach (var item in doc.Items)
        {
            var (text, names) = EvaluationSet.Parse(item.Marked);
            switch (item.Field)
            {
                case EvalField.Attendee:
                    gold[$"attendees[0].members[{members.Count}]"] = (text, names);
                    members.Add(text);
                    break;
                case EvalField.Speaker:
                    gold[$"sections[0].turns[{turns.Count}].speaker"] = (text, names);
                    turns.Add(new SpeakerTurn { Speaker = text, Text = "ご説明ありがとうございました。" });
                    break;
                default:
                    gold[$"sections[0].turns[{turns.Count}].text"] = (text, names);
                    turns.Add(new SpeakerTurn { Text = text, Kind = TurnKind.Procedure });
                    break;
            }
        }

        var minutes = new Minutes
        {
            Id = "eval-" + doc.Context,
            Title = "令和6年度第2回情報公開審議会",
            Attendees = [new AttendeeGroup("委員", members)],
            Disclosure = new Model.Disclosure { Meeting = DisclosureState.Public, Minutes = DisclosureState.Public },
            Sections = [new Section("議事", turns)],
        };
        return (minutes, gold);
    }
}
