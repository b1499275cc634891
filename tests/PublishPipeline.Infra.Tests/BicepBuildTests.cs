namespace PublishPipeline.Infra.Tests;

/// <summary>Every Bicep file builds and lints with no diagnostic at all: warnings count as errors.</summary>
public class BicepBuildTests
{
    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in InfraPaths.BicepFiles)
        {
            data.Add(Path.GetRelativePath(InfraPaths.Root, file));
        }

        return data;
    }

    [Fact]
    public void Infra_has_the_azd_entry_point_and_its_modules()
    {
        var files = InfraPaths.BicepFiles.Select(f => Path.GetRelativePath(InfraPaths.Infra, f).Replace('\\', '/')).ToList();
        Assert.Contains("main.bicep", files);
        Assert.True(files.Count >= 5, "expected main.bicep plus modules, found: " + string.Join(", ", files));
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Builds_without_any_diagnostic(string file)
    {
        var result = Bicep.Run("build", Path.Combine(InfraPaths.Root, file), "--stdout");

        Assert.True(result.ExitCode == 0 && result.Diagnostics.Count == 0,
            $"bicep build {file} (exit {result.ExitCode}):\n{string.Join('\n', result.Diagnostics)}");
        Assert.StartsWith("{", result.StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Lints_without_any_diagnostic(string file)
    {
        var result = Bicep.Run("lint", Path.Combine(InfraPaths.Root, file));

        Assert.True(result.ExitCode == 0 && result.Diagnostics.Count == 0,
            $"bicep lint {file} (exit {result.ExitCode}):\n{string.Join('\n', result.Diagnostics)}");
    }

    /// <summary>
    /// The checks above rely on bicep reporting problems on stderr; prove it does, with the fact
    /// this project depends on: staticWebsite is unknown to blobServices before 2026-04-01.
    /// </summary>
    [Fact]
    public void Diagnostics_are_seen_and_static_website_needs_api_version_2026_04_01()
    {
        var dir = Directory.CreateTempSubdirectory("bicep-probe-");
        try
        {
            string Probe(string apiVersion)
            {
                var file = Path.Combine(dir.FullName, $"probe-{apiVersion}.bicep");
                File.WriteAllText(file, $$"""
                    resource account 'Microsoft.Storage/storageAccounts@{{apiVersion}}' existing = {
                      name: 'stprobe'
                    }

                    resource blobService 'Microsoft.Storage/storageAccounts/blobServices@{{apiVersion}}' = {
                      parent: account
                      name: 'default'
                      properties: {
                        staticWebsite: {
                          enabled: true
                          indexDocument: 'index.html'
                        }
                      }
                    }

                    """);
                return file;
            }

            var old = Bicep.Run("build", Probe("2025-01-01"), "--stdout");
            Assert.Contains("BCP037", old.Codes);

            var current = Bicep.Run("build", Probe("2026-04-01"), "--stdout");
            Assert.Empty(current.Diagnostics);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
