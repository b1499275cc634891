using PublishPipeline.Ingest;
using PublishPipeline.Normalization;

namespace PublishPipeline.Evaluation;

/// <summary>
/// Reads every upload of a folder through the real reader and normaliser, hands each document to the
/// scorers, and sums their counts per source (<see cref="SourceGroups"/>) and overall.
/// </summary>
public sealed class EvalRunner(IReadOnlyList<IDocumentScorer> scorers)
{
    /// <summary>The reading figures: documents, speaker turns, rolls, dates. Other concerns add their scorer to this list.</summary>
    public static IReadOnlyList<IDocumentScorer> ReadingScorers() =>
        [new DocumentScorer(), new SpeakerTurnScorer(), new RollScorer(), new DateScorer()];

    public IReadOnlyList<Metric> Metrics { get; } = [.. scorers.SelectMany(s => s.Metrics)];

    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public async Task<EvalReport> RunAsync(string folder, IReadOnlyDictionary<string, GoldEntry>? gold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: no such folder");
        }

        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        var files = Directory.EnumerateFiles(folder)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var documents = new List<DocumentFigures>(files.Count);
        foreach (var path in files)
        {
            var document = Read(path, folderName, gold);
            var sheet = new ScoreSheet();
            foreach (var scorer in scorers)
            {
                await scorer.ScoreAsync(document, sheet, cancellationToken).ConfigureAwait(false);
            }

            documents.Add(new DocumentFigures(document.Name, document.Source, document.Error, sheet.Counts));
        }

        var sources = documents.GroupBy(d => d.Source, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Sum(g.Key, g))
            .ToList();
        return new EvalReport(Metrics, sources, Sum("overall", documents), documents);
    }

    /// <summary>Reads one upload the way the pipeline does; a file that is not minutes is a document with an error, not a failed run.</summary>
    public static EvalDocument Read(string path, string folderName, IReadOnlyDictionary<string, GoldEntry>? gold)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        var bytes = File.ReadAllBytes(path);
        var source = SourceGroups.SourceOf(name, folderName);
        var entry = gold is not null && gold.TryGetValue(name, out var g) ? g : null;
        string? text = null;
        if (!DocxReader.LooksLikeZip(bytes))
        {
            try
            {
                text = SourceDecoder.Decode(name, bytes).Text;
            }
            catch (MinutesFormatException)
            {
                // Not decodable: no markers or dates to count; the normaliser says why below.
            }
        }

        try
        {
            var minutes = MinutesNormalizer.Normalize(new SourceFile(name, bytes));
            return new EvalDocument(name, source, bytes, text, minutes, null, entry);
        }
        catch (MinutesFormatException e)
        {
            return new EvalDocument(name, source, bytes, text, null, $"{e.Code}: {e.Message}", entry);
        }
    }

    private static SourceFigures Sum(string source, IEnumerable<DocumentFigures> documents)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var files = 0;
        foreach (var d in documents)
        {
            files++;
            foreach (var (key, value) in d.Counts)
            {
                counts[key] = counts.GetValueOrDefault(key) + value;
            }
        }

        return new SourceFigures(source, files, counts);
    }
}
