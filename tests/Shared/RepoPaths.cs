namespace PublishPipeline.Tests;

/// <summary>Finds the repository from a test's output folder, so tests read the real samples.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>The bundled samples, ordered by name.</summary>
    public static IReadOnlyList<string> SampleFiles =>
        [.. Directory.GetFiles(Samples, "*.txt").Order(StringComparer.Ordinal)];

    public static string Sample(string prefix) =>
        SampleFiles.Single(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PublishPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PublishPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
