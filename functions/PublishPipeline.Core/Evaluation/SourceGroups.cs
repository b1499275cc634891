using System.Text.RegularExpressions;

namespace PublishPipeline.Evaluation;

/// <summary>
/// Which source (assembly, ward) an upload comes from: the file name's prefix before a trailing
/// <c>-NNN</c> (<c>otaru-003.txt</c> → <c>otaru</c>); files named otherwise belong to one source named
/// after their folder (the bundled samples are one source).
/// </summary>
public static partial class SourceGroups
{
    public static string SourceOf(string fileName, string folderName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var m = Numbered().Match(Path.GetFileNameWithoutExtension(fileName));
        return m.Success ? m.Groups["source"].Value : folderName;
    }

    [GeneratedRegex(@"^(?<source>.+?)-\d{1,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();
}
