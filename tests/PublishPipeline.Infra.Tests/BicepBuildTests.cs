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

    // One build and one lint of the whole folder (InfraBicep); each file is judged on its own lines.
    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Builds_without_any_diagnostic(string file)
    {
        var path = Path.Combine(InfraPaths.Root, file);
        var build = InfraBicep.Build;

        Assert.True(build.ExitClears(path) && build.DiagnosticsFor(path).Count == 0, $"bicep build {file} {build.Describe(path)}");
        var output = build.Output(path);
        Assert.True(output is not null, $"bicep build {file} wrote no template {build.Describe(path)}");
        Assert.StartsWith("{", output.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Lints_without_any_diagnostic(string file)
    {
        var path = Path.Combine(InfraPaths.Root, file);
        var lint = InfraBicep.Lint;

        Assert.Contains(Path.GetFullPath(path), lint.Files);
        Assert.True(lint.ExitClears(path) && lint.DiagnosticsFor(path).Count == 0, $"bicep lint {file} {lint.Describe(path)}");
    }

    /// <summary>
    /// The checks above rely on bicep reporting problems on stderr, each line under the file it is
    /// about, when it builds and lints many files in one run; prove it does, with the fact this project
    /// depends on: staticWebsite is unknown to blobServices before 2026-04-01.
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

            var old = Probe("2025-01-01");
            var current = Probe("2026-04-01");
            // Compiles; the linter's one warning on it shows lint reads every file of the pattern.
            var unused = Path.Combine(dir.FullName, "unused.bicep");
            File.WriteAllText(unused, "param unused string\n");

            var build = BicepBatch.Run("build", dir.FullName, ".bicep");
            Assert.Contains("BCP037", BicepResult.CodesOf(build.DiagnosticsFor(old)));
            Assert.Empty(build.DiagnosticsFor(current));
            Assert.NotNull(build.Output(current));

            var lint = BicepBatch.Run("lint", dir.FullName, ".bicep");
            Assert.Contains("BCP037", BicepResult.CodesOf(lint.DiagnosticsFor(old)));
            Assert.Equal(["no-unused-params"], BicepResult.CodesOf(lint.DiagnosticsFor(unused)).Distinct());
            Assert.Empty(lint.DiagnosticsFor(current));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
