using PublishPipeline.Redaction.Names;

namespace PublishPipeline.Redaction.People;

/// <summary>
/// Stage directions in the text of the proceedings (<c>〔20番山田太郎議員登壇〕</c>,
/// <c>〔副市長　山田太郎君登壇〕</c>, <c>〔盛谷政策企画部長登壇〕</c>): structure, so every name in them
/// goes to the register.
/// </summary>
internal static class StageDirectionReader
{
    private static readonly string[] Actions = ["登壇", "降壇", "退席", "退場", "入場", "着席", "発言する者あり"];

    public static void Read(TextField field, List<NameSpan> spans, PeopleRegister register, OfflineNameRecognizer words)
    {
        var text = field.Text;
        for (var open = text.IndexOfAny(['〔', '［']); open >= 0; open = text.IndexOfAny(['〔', '［'], open + 1))
        {
            var close = text.IndexOfAny(['〕', '］'], open + 1);
            if (close < 0 || close - open > 60)
            {
                continue;
            }

            var inner = text[(open + 1)..close];
            var action = Actions.Select(a => inner.IndexOf(a, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(-1).Min();
            if (action <= 0)
            {
                continue;
            }

            var source = new PersonSource(PersonSourceKind.StageDirection, field.Location, text[open..(close + 1)]);
            foreach (var span in spans)
            {
                if (span.Start > open && span.Start + span.Length <= open + 1 + action)
                {
                    var name = text.Substring(span.Start, span.Length);
                    register.Add(name, source, 0.95, surnameOnly: NameShape.IsSurnameOnly(name, words.Lexicon));
                }
            }

            if (LabelReader.SurnameBeforeOffice(NameShape.Core(inner[..action]), words) is { } surname)
            {
                register.Add(surname, source, 0.9, surnameOnly: true);
            }
        }
    }
}
