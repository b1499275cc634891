using System.IO.Enumeration;

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
            List<(string Path, bool IsFolder, FileAttributes Attributes)> entries;
            try
            {
                // One pass over the folder: whether an entry is a folder comes with its name (no
                // stat for a plain file or folder); a link is stat'ed to see what it points at.
                entries = [.. new FileSystemEnumerable<(string, bool, FileAttributes)>(
                    folder,
                    (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory, e.Attributes),
                    new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false })];
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                skipped.Add($"{Relative(root, folder)}/: cannot be listed ({e.Message})");
                continue;
            }

            foreach (var (entry, isFolder, attributes) in entries)
            {
                var isLink = attributes != (FileAttributes)(-1) && attributes.HasFlag(FileAttributes.ReparsePoint);
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
