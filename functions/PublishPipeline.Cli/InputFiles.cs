using PublishPipeline.Storage;

namespace PublishPipeline.Cli;

/// <summary>
/// The files of an input folder, for `publish` and `normalize`. Hidden entries (names starting with
/// '.': .DS_Store, .git, editor backups) are not read, and neither are links to folders (they may
/// loop or leave the folder), but nothing is left out silently: each one is reported with the reason.
/// </summary>
internal static class InputFiles
{
    /// <summary>Files under <paramref name="root"/>, in ordinal order; what was left out goes to <paramref name="skipped"/> as "path: reason".</summary>
    public static List<string> Enumerate(string root, List<string> skipped)
    {
        var files = new List<string>();
        var folders = new Stack<string>([root]);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            List<FolderEntry> entries;
            try
            {
                entries = FolderEntries.List(folder);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                skipped.Add($"{Relative(root, folder)}/: cannot be listed ({e.Message})");
                continue;
            }

            foreach (var (entry, isFolder, isLink) in entries)
            {
                var relative = Relative(root, entry) + (isFolder ? "/" : string.Empty);
                if (Path.GetFileName(entry).StartsWith('.'))
                {
                    skipped.Add($"{relative}: hidden (the name starts with '.'), not read");
                }
                else if (isFolder && isLink)
                {
                    skipped.Add($"{relative}: a symbolic link to a folder, not followed");
                }
                else if (isFolder)
                {
                    folders.Push(entry);
                }
                else if (!isLink || File.Exists(entry))
                {
                    files.Add(entry);
                }
                else
                {
                    skipped.Add($"{relative}: not a readable file (a broken link?)");
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        skipped.Sort(StringComparer.Ordinal);
        return files;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
}
