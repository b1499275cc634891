namespace PublishPipeline.Storage;

/// <summary>
/// The local door's guard between the public site folder and the private work folder (held reports,
/// original uploads, audit records). Paths are compared after resolving symbolic links, component by
/// component like realpath(3), so a link cannot put one inside the other: not the folder itself, not a
/// parent, and not a link inside either tree that points into the other.
/// </summary>
public static class FolderSeparation
{
    // Link chains longer than this are loops (Linux gives up at 40 too).
    private const int MaxLinkHops = 40;

    // Trees are walked for links inside them; past this many folders the walk stops (and says so).
    private const int MaxFoldersWalked = 100_000;

    /// <summary>Null when the two folders are apart, else why they are not (both paths as resolved).</summary>
    public static string? Problem(string sitePath, string workPath)
    {
        ArgumentNullException.ThrowIfNull(sitePath);
        ArgumentNullException.ThrowIfNull(workPath);
        var site = Resolve(sitePath);
        var work = Resolve(workPath);
        if (IsSameOrUnder(work, site))
        {
            return $"the work folder {workPath} is inside the site folder {sitePath}" + Via(workPath, work, sitePath, site);
        }

        if (IsSameOrUnder(site, work))
        {
            return $"the site folder {sitePath} is inside the work folder {workPath}" + Via(sitePath, site, workPath, work);
        }

        // A link inside the site that reaches the work folder (or one of its parents) publishes it;
        // a link inside the work folder that reaches into the site writes private files there.
        if (LinkInto(site, target => IsSameOrUnder(work, target) || IsSameOrUnder(target, work)) is { } fromSite)
        {
            return $"the site folder {sitePath} holds a link {fromSite.Link} to {fromSite.Target}, which is or holds the work folder";
        }

        if (LinkInto(work, target => IsSameOrUnder(target, site) || IsSameOrUnder(site, target)) is { } fromWork)
        {
            return $"the work folder {workPath} holds a link {fromWork.Link} to {fromWork.Target}, which is or is inside the site folder";
        }

        return null;
    }

    /// <summary>The path with every symbolic link in it resolved; parts that do not exist yet are kept as written.</summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(current)) ?? root;
                continue;
            }

            var next = Path.Combine(current, part);
            FileSystemInfo info = new DirectoryInfo(next);
            if (!info.Exists)
            {
                info = new FileInfo(next);
            }

            if (info.LinkTarget is { } target)
            {
                if (++hops > MaxLinkHops)
                {
                    throw new IOException($"{path}: too many levels of symbolic links");
                }

                // Resolve the target in place of this component, then carry on with the rest.
                var absolute = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                foreach (var p in Path.GetFullPath(absolute)[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    pending.Push(p);
                }

                current = root;
                continue;
            }

            current = next;
        }

        return Path.TrimEndingDirectorySeparator(current);
    }

    private static (string Link, string Target)? LinkInto(string tree, Func<string, bool> forbidden)
    {
        if (!Directory.Exists(tree))
        {
            return null;
        }

        var folders = new Stack<string>([tree]);
        var walked = 0;
        while (folders.Count > 0 && walked++ < MaxFoldersWalked)
        {
            var folder = folders.Pop();
            List<FolderEntry> children;
            try
            {
                children = FolderEntries.List(folder, files: false);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                continue;
            }

            foreach (var (child, isFolder, isLink) in children)
            {
                if (isLink)
                {
                    var target = Resolve(child);
                    if (forbidden(target))
                    {
                        return (child, target);
                    }
                }
                else if (isFolder)
                {
                    folders.Push(child);
                }
            }
        }

        return null;
    }

    private static string Via(string givenInner, string inner, string givenOuter, string outer) =>
        inner == Path.TrimEndingDirectorySeparator(Path.GetFullPath(givenInner)) && outer == Path.TrimEndingDirectorySeparator(Path.GetFullPath(givenOuter))
            ? string.Empty
            : $" once symbolic links are resolved ({inner} is under {outer})";

    private static bool IsSameOrUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
