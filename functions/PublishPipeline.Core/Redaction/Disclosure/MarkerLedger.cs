using System.Text.RegularExpressions;
using PublishPipeline.Ingest;
using PublishPipeline.Model;

namespace PublishPipeline.Redaction.Disclosure;

/// <summary>
/// Every non-disclosure marker an upload contains must reach the normalised document, where the
/// passage rules place it or the residual check holds it. A marker inside a header field that is
/// read into something other than text (開催日時 → a date and times, 公開の可否 → a state, a caption →
/// 年度 and 回次) or in a line the normaliser drops would otherwise vanish without a trace, and with
/// it whatever staff meant to hide. The ledger counts marker-like text in the upload's blocks and in
/// the document; what is missing becomes a <see cref="Code"/> warning, which the redactor holds on.
/// </summary>
public static partial class MarkerLedger
{
    // Trim(params char[]) would allocate its array on every call.
    private static readonly char[] NumberingChars = [' ', '\u3000', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '．'];

    /// <summary>The warning code the redactor holds a document for.</summary>
    public const string Code = "marker-unplaced";

    /// <summary>Warnings for marker-like text in <paramref name="source"/> that <paramref name="minutes"/> no longer holds.</summary>
    public static List<NormalizationWarning> Unplaced(SourceDocument source, Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(source);
        var inventory = new Inventory(source.Format);
        foreach (var block in source.Blocks)
        {
            inventory.Take(block);
        }

        return inventory.Unplaced(minutes);
    }

    /// <summary>
    /// The marker-like text of an upload, taken from its blocks as they pass (the normaliser does not
    /// keep them), then compared with the document: <see cref="Unplaced(Minutes)"/>.
    /// </summary>
    internal sealed class Inventory(SourceFormat format)
    {
        private readonly List<(string Marker, int Line, string? Field)> _inSource = [];
        private readonly List<(DisclosureMarkerBlock Marker, TableRowBlock? Row)> _markers = [];
        // Only where a line is one row: an HTML page may be a single line.
        private readonly bool _rowsByLine = format is SourceFormat.Text or SourceFormat.Docx;
        // The first row of more than one cell on the latest line that has one (rows come in line order).
        private TableRowBlock? _row;

        public void Take(SourceBlock block)
        {
            switch (block)
            {
                case TableRowBlock row:
                    if (_rowsByLine && row.Cells.Count > 1 && row.Line != _row?.Line)
                    {
                        _row = row;
                        // A marker split out of the line before its row (<!-- 非公開 -->開催日時\t…) belongs to it too.
                        for (var i = _markers.Count - 1; i >= 0 && _markers[i].Marker.Line == row.Line; i--)
                        {
                            _markers[i] = (_markers[i].Marker, row);
                        }
                    }

                    for (var c = 0; c < row.Cells.Count; c++)
                    {
                        foreach (var paragraph in row.Cells[c].Paragraphs)
                        {
                            if (MayHoldMarker(paragraph))
                            {
                                Collect(paragraph, row.Line, c > 0 ? Label(row.Cells[0].Text) : null, _inSource);
                            }
                        }
                    }

                    break;
                case HeadingBlock heading:
                    Collect(heading.Text, heading.Line, null, _inSource);
                    break;
                case ParagraphBlock paragraph:
                    var line = paragraph.Line;
                    var text = paragraph.Text;
                    foreach (var range in text.AsSpan().Split('\n'))
                    {
                        // The line is made a string (and its label read) only when it may hold a marker: few do.
                        if (MayHoldMarker(text.AsSpan()[range]))
                        {
                            var part = text[range];
                            Collect(part, line, LabelOfParagraph(part), _inSource);
                        }

                        line++;
                    }

                    break;
                case DisclosureMarkerBlock marker:
                    Collect(marker.Marker, marker.Line, null, _inSource);
                    _markers.Add((marker, _rowsByLine && _row?.Line == marker.Line ? _row : null));
                    break;
                default:
                    break;
            }
        }

        /// <summary>Warnings for the marker-like text taken that <paramref name="minutes"/> no longer holds.</summary>
        public List<NormalizationWarning> Unplaced(Minutes minutes)
        {
            ArgumentNullException.ThrowIfNull(minutes);
            return MarkerLedger.Unplaced(_inSource, _markers, minutes);
        }
    }

    private static List<NormalizationWarning> Unplaced(List<(string Marker, int Line, string? Field)> inSource, List<(DisclosureMarkerBlock Marker, TableRowBlock? Row)> markers, Minutes minutes)
    {
        var warnings = new List<NormalizationWarning>();

        // A comment marker inside a header row of a text export (開催日時\t… <!-- 非公開 -->) is split out
        // by the reader and so kept as a marker; but a header field is no passage, so what it meant is
        // unclear.
        foreach (var (marker, row) in markers)
        {
            if (row?.Cells[0].Text is { } label && Normalization.Header.HeaderLabels.Classify(label)
                is not (Normalization.Header.HeaderField.Unknown or Normalization.Header.HeaderField.Agenda or Normalization.Header.HeaderField.Results
                    or Normalization.Header.HeaderField.Materials or Normalization.Header.HeaderField.Proceedings))
            {
                warnings.Add(Warning(marker.Marker, marker.Line, Label(label)));
            }
        }

        if (inSource.Count == 0)
        {
            return warnings;
        }

        // What the document keeps, counted once per place it can be published from: copies made by
        // the normaliser (an agenda inferred from headings, people parsed out of a roll, warnings
        // quoting a line) would otherwise stand in for a marker that was dropped.
        var agendaInferred = minutes.Warnings.Any(w => w.Code == "agenda-inferred");
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        MinutesTextFields.ForEach(minutes, field =>
        {
            // By the field's path, not its location string: one of those per field would cost more than the walk.
            if (field.Path is { Area: FieldArea.WarningMessage or FieldArea.RollGroup or FieldArea.RollEntry or FieldArea.TurnMention }
                or { Area: FieldArea.TurnPerson, Part: not PersonPart.None } or { Area: FieldArea.SourceName, Part: PersonPart.None }
                || (agendaInferred && field.Path.Area == FieldArea.Agenda) || !MayHoldMarker(field.Text))
            {
                return;
            }

            foreach (Match m in MarkerLike().Matches(field.Text))
            {
                kept[Key(m.Value)] = kept.GetValueOrDefault(Key(m.Value)) + 1;
            }
        });

        // 【非公開】 read as a stamp on the whole document is placed: the minutes are 非公開 for it.
        var stamped = minutes.Warnings.Where(w => w.Code == Normalization.Header.DisclosureStamp.WarningCode).Select(w => w.Line).ToHashSet();
        foreach (var group in inSource.Where(o => !stamped.Contains(o.Line)).GroupBy(o => Key(o.Marker)))
        {
            var missing = group.Count() - kept.GetValueOrDefault(group.Key);
            if (missing <= 0)
            {
                continue;
            }

            // Which ones are gone cannot be told from counts alone; those in labelled fields go first.
            foreach (var (marker, line, field) in group.OrderBy(o => o.Field is null ? 1 : 0).ThenBy(o => o.Line).Take(missing))
            {
                warnings.Add(Warning(marker, line, field));
            }
        }

        return warnings;
    }

    private static NormalizationWarning Warning(string marker, int line, string? field) => new(
        Code,
        $"非公開の印「{marker.Trim()}」({(field is null ? string.Empty : field + "、")}{line}行目) は、規則で範囲を決められる場所にありません "
        + $"(a non-disclosure marker on line {line}{(field is null ? string.Empty : $" in the field {field}")} is in a place no passage rule covers)",
        line);

    // Every marker-like text holds 非 (非公開).
    private static bool MayHoldMarker(ReadOnlySpan<char> text) => text.Contains('非');

    private static void Collect(string text, int line, string? field, List<(string, int, string?)> into)
    {
        if (!MayHoldMarker(text))
        {
            return;
        }

        foreach (Match m in MarkerLike().Matches(text))
        {
            into.Add((m.Value, line, field));
        }
    }

    private static string Key(string marker) => WhiteSpace().Replace(marker, string.Empty);

    /// <summary>A table row's label cell, as staff wrote it (開催日時, 公開の可否 …).</summary>
    private static string? Label(string cell)
    {
        var label = WhiteSpace().Replace(cell, string.Empty);
        return label.Length is > 0 and <= 16 ? label : null;
    }

    /// <summary>"日時：令和…" → 日時: the label of a labelled paragraph line.</summary>
    private static string? LabelOfParagraph(string text)
    {
        var colon = text.AsSpan().IndexOfAny('：', ':');
        return colon is > 0 and <= 16 ? Label(text[..colon].TrimStart(NumberingChars)) : null;
    }

    // The residual check's notion of marker-like text: the same text the passage rules and the
    // safety net look for, so whatever either would act on is counted.
    private static Regex MarkerLike() => ResidualMarkers.MarkerLike();

    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex WhiteSpace();
}
