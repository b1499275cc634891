using System.Text.RegularExpressions;
using PublishPipeline.Ingest;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Infra.Tests;

/// <summary>
/// One upload size limit: the reader's (MinutesReader.MaxBytes), which the pipeline quarantines at,
/// is the number infra/main.bicep hands the postdeploy hook for the Event Grid filter, and the one the
/// deployment docs state.
/// </summary>
public sealed partial class UploadLimitTests(MainTemplateFixture fixture) : IClassFixture<MainTemplateFixture>
{
    [Fact]
    public void The_event_grid_filter_the_pipeline_and_the_docs_use_one_number()
    {
        Assert.Equal(MinutesReader.MaxBytes, new PipelineOptions().MaxUploadBytes);
        Assert.Equal(MinutesReader.MaxBytes, fixture.Template.Root["variables"]!["maxUploadBytes"]!.GetValue<long>());
        Assert.Equal("[variables('maxUploadBytes')]", fixture.Template.Root["outputs"]!["MAX_UPLOAD_BYTES"]!["value"]!.GetValue<string>());

        var docs = File.ReadAllText(Path.Combine(InfraPaths.Root, "docs", "infra.md"));
        var stated = Stated().Match(docs);
        Assert.True(stated.Success, "docs/infra.md states no upload size limit (\"**N MiB** (N bytes)\")");
        Assert.Equal(MinutesReader.MaxBytes / (1024 * 1024), int.Parse(stated.Groups["mib"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(MinutesReader.MaxBytes, int.Parse(stated.Groups["bytes"].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"upload size limit is \*\*(?<mib>\d+) MiB\*\* \((?<bytes>[\d,]+) bytes\)")]
    private static partial Regex Stated();
}
