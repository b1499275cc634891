namespace PublishPipeline.Site;

/// <summary>
/// Writes site files to a local folder (the CLI's --site, tests, benchmarks). A file whose bytes
/// are already there is left alone, so a re-render touches nothing that did not change; each
/// write goes to a temporary file first and is moved into place, so a reader never sees half a page.
/// </summary>
public static class SiteDirectory
{
    public sealed record WriteResult(int Written, int Unchanged);

    public static WriteResult Write(string root, IEnumerable<SiteFile> files)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(files);
        var fullRoot = Path.GetFullPath(root);
        Directory.CreateDirectory(fullRoot);
        int written = 0, unchanged = 0;
        foreach (var file in files)
        {
            var target = Resolve(fullRoot, file.Path);
            if (File.Exists(target) && HasContent(target, file))
            {
                unchanged++;
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temp = target + ".tmp-" + Environment.ProcessId;
            File.WriteAllBytes(temp, file.StoredContent().ToArray());
            File.Move(temp, target, overwrite: true);
            written++;
        }

        return new WriteResult(written, unchanged);
    }

    /// <summary>True when the file on disk holds the file's content (stored precompressed or not).</summary>
    private static bool HasContent(string target, SiteFile file)
    {
        if (file.ContentEncoding != Precompression.Gzip && new FileInfo(target).Length != file.Content.Length)
        {
            return false;
        }

        var bytes = File.ReadAllBytes(target);
        if (file.ContentEncoding == Precompression.Gzip)
        {
            // Comparing the plain bytes costs a decompression, not a compression.
            return Precompression.IsGzip(bytes) && Precompression.Decompress(bytes).AsSpan().SequenceEqual(file.Content.Span);
        }

        return bytes.AsSpan().SequenceEqual(file.Content.Span);
    }

    /// <summary>
    /// Deletes content-hashed files (under assets/ and search/) that the current build no longer
    /// references: each template or index change leaves its old hashed names behind otherwise.
    /// Returns how many were deleted.
    /// </summary>
    public static int RemoveStaleHashedFiles(string root, IEnumerable<SiteFile> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var fullRoot = Path.GetFullPath(root);
        var keep = current.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var deleted = 0;
        foreach (var folder in HashedFolders)
        {
            var dir = Path.Combine(fullRoot, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir))
            {
                var sitePath = folder + "/" + Path.GetFileName(file);
                if (!keep.Contains(sitePath))
                {
                    File.Delete(file);
                    deleted++;
                }
            }
        }

        return deleted;
    }

    private static readonly string[] HashedFolders = ["assets", "search"];

    /// <summary>Deletes the files of one minutes (withdrawal); returns how many existed.</summary>
    public static int DeleteMinutes(string root, string id)
    {
        var fullRoot = Path.GetFullPath(root);
        var deleted = 0;
        foreach (var path in SiteUrls.MinutesPaths(id))
        {
            var target = Resolve(fullRoot, path);
            if (File.Exists(target))
            {
                File.Delete(target);
                deleted++;
            }
        }

        var folder = Resolve(fullRoot, SiteUrls.MinutesFolder(id).TrimEnd('/'));
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }

        return deleted;
    }

    /// <summary>The full path of a site path, refusing anything that would land outside the root.</summary>
    public static string Resolve(string fullRoot, string sitePath)
    {
        ArgumentNullException.ThrowIfNull(sitePath);
        if (sitePath.Length == 0 || sitePath.StartsWith('/') || sitePath.Contains('\\', StringComparison.Ordinal)
            || sitePath.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"Site path '{sitePath}' is not a plain relative path.", nameof(sitePath));
        }

        var full = Path.GetFullPath(Path.Combine(fullRoot, sitePath));
        var rootWithSlash = fullRoot.EndsWith(Path.DirectorySeparatorChar) ? fullRoot : fullRoot + Path.DirectorySeparatorChar;
        return full.StartsWith(rootWithSlash, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"Site path '{sitePath}' leaves the site folder.", nameof(sitePath));
    }
}
