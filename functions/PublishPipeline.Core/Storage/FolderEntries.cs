using System.IO.Enumeration;
using System.Runtime.InteropServices;

namespace PublishPipeline.Storage;

/// <summary>
/// The entries of one folder and what each is, for walks over large trees (the input folder, the
/// site/work separation check): whether an entry is a folder or a link comes with its name from
/// the listing (readdir's d_type), not from a stat of each entry. A site or work folder of a
/// 10,000-minutes archive holds ~250,000 entries, and a stat and a readlink of each took most of a
/// second. .NET's enumeration reads d_type too, but asks for an entry's attributes (to tell a link)
/// with a stat, so on Linux the folder is read with readdir(3) itself.
/// </summary>
public static partial class FolderEntries
{
    // d_type values (dirent.h) and where d_type and d_name lie in struct dirent on 64-bit Linux
    // (glibc and musl alike: d_ino 8 bytes, d_off 8, d_reclen 2, d_type 1, d_name).
    private const byte TypeUnknown = 0;
    private const byte TypeFolder = 4;
    private const byte TypeLink = 10;
    private const int TypeOffset = 18;
    private const int NameOffset = 19;

    /// <summary>
    /// The entries of <paramref name="folder"/> (not recursive, hidden ones included); with
    /// <paramref name="files"/> false only its folders and links (a walk that looks for links
    /// makes no string for each of a site's files). Throws as
    /// <see cref="Directory.EnumerateFileSystemEntries(string)"/> does when the folder cannot be listed.
    /// </summary>
    public static List<FolderEntry> List(string folder, bool files = true) =>
        OperatingSystem.IsLinux() && Environment.Is64BitProcess ? ReadFolder(folder, files) : [.. Enumerate(folder).Where(e => files || e.IsFolder || e.IsLink)];

    private static unsafe List<FolderEntry> ReadFolder(string folder, bool files)
    {
        var handle = OpenDir(folder);
        if (handle == 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                2 => new DirectoryNotFoundException($"Could not find a part of the path '{folder}'."), // ENOENT
                13 or 1 => new UnauthorizedAccessException($"Access to the path '{folder}' is denied."), // EACCES, EPERM
                _ => new IOException($"{folder}: cannot be listed ({Marshal.GetPInvokeErrorMessage(errno)})"),
            };
        }

        var entries = new List<FolderEntry>();
        try
        {
            while (true)
            {
                Marshal.SetLastPInvokeError(0);
                var entry = ReadDir(handle);
                if (entry == 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno != 0)
                    {
                        throw new IOException($"{folder}: cannot be listed ({Marshal.GetPInvokeErrorMessage(errno)})");
                    }

                    return entries;
                }

                var type = *(byte*)(entry + TypeOffset);
                if (!files && type is not (TypeFolder or TypeLink or TypeUnknown))
                {
                    continue;
                }

                var name = Marshal.PtrToStringUTF8(entry + NameOffset);
                if (name is null or "." or "..")
                {
                    continue;
                }

                var path = Path.Join(folder, name);
                var found = type switch
                {
                    TypeFolder => new FolderEntry(path, IsFolder: true, IsLink: false),
                    TypeLink => new FolderEntry(path, Directory.Exists(path), IsLink: true),
                    TypeUnknown => Asked(path), // a file system that does not say: one stat
                    _ => new FolderEntry(path, IsFolder: false, IsLink: false),
                };
                if (files || found.IsFolder || found.IsLink)
                {
                    entries.Add(found);
                }
            }
        }
        finally
        {
            _ = CloseDir(handle);
        }
    }

    private static FolderEntry Asked(string path)
    {
        var link = new FileInfo(path).LinkTarget is not null;
        return new FolderEntry(path, Directory.Exists(path), link);
    }

    /// <summary>Elsewhere: a link is an entry the listing that skips links leaves out, confirmed by reading it.</summary>
    private static List<FolderEntry> Enumerate(string folder)
    {
        var all = new FileSystemEnumerable<(string, bool)>(folder, (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory), Listing(skipLinks: false));
        var notLinks = new HashSet<string>(new FileSystemEnumerable<string>(folder, (ref FileSystemEntry e) => e.ToFullPath(), Listing(skipLinks: true)), StringComparer.Ordinal);
        return [.. all.Select(e => new FolderEntry(e.Item1, e.Item2, !notLinks.Contains(e.Item1) && new FileInfo(e.Item1).LinkTarget is not null))];
    }

    private static EnumerationOptions Listing(bool skipLinks) =>
        new() { AttributesToSkip = skipLinks ? FileAttributes.ReparsePoint : 0, IgnoreInaccessible = false, RecurseSubdirectories = false };

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint OpenDir(string name);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial nint ReadDir(nint dir);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(nint dir);
}

/// <summary>One entry of a folder: its full path, whether it is (or links to) a folder, and whether it is a symbolic link.</summary>
public readonly record struct FolderEntry(string Path, bool IsFolder, bool IsLink);
