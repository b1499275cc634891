namespace PublishPipeline.Normalization.Header;

/// <summary>
/// A caption that joins two header labels by 及び or 並びに (議案及び議事内容 over <c>&lt;議案&gt;</c> and <c>&lt;議事内容&gt;</c>):
/// it names the labels below, and is neither a field nor the start of the proceedings. Before, it was no label, so the
/// header ended there and the agenda items under it were read as procedure.
/// </summary>
internal static class JointCaption
{
    public static bool Is(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = Cleanup.TextCleanup.RemoveSpaces(line);
        if (text.Length > 20)
        {
            return false;
        }

        var parts = text.Split(["及び", "並びに"], StringSplitOptions.None);
        return parts.Length == 2 && parts.All(p => HeaderLabels.ReadParagraph(p) is { Value.Length: 0 });
    }
}
