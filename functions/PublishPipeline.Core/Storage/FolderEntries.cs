using System.IO.Enumeration;

namespace PublishPipeline.Storage;

/// <summary>
/// The entries of one folder and what each is, for walks over large trees (the input folder, the
/// site/work separation check): whether an entry is a folder or a link comes with its name from
/// the listing (readdir's d_type), not from a stat of each entry. A site or work folder of a
/// 10,000-minutes archive holds ~250,000 entries, and a stat and a readlink of each took most of a
/// second.
/// </summary>
public static class FolderEntries
{
    /// <summary>
    /// The entries of <paramref name="folder"/> (not recursive, hidden ones included). A link is an
    /// entry the listing that skips links leaves out, confirmed by reading it. Throws as
    /// <see cref="Directory.EnumerateFileSystemEntries(string)"/> does when the folder cannot be listed.
    /// </summary>
    public static List<FolderEntry> List(string folder)
    {
        var all = new FileSystemEnumerable<(string, bool)>(folder, (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory), Listing(skipLinks: false));
        var notLinks = new HashSet<string>(new FileSystemEnumerable<string>(folder, (ref FileSystemEntry e) => e.ToFullPath(), Listing(skipLinks: true)), StringComparer.Ordinal);
        return [.. all.Select(e => new FolderEntry(e.Item1, e.Item2, !notLinks.Contains(e.Item1) && new FileInfo(e.Item1).LinkTarget is not null))];
    }

    private static EnumerationOptions Listing(bool skipLinks) =>
        new() { AttributesToSkip = skipLinks ? FileAttributes.ReparsePoint : 0, IgnoreInaccessible = false, RecurseSubdirectories = false };
}

/// <summary>One entry of a folder: its full path, whether it is (or links to) a folder, and whether it is a symbolic link.</summary>
public readonly record struct FolderEntry(string Path, bool IsFolder, bool IsLink);
