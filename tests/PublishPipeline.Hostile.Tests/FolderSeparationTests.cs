using PublishPipeline.Storage;
using PublishPipeline.Tests;

namespace PublishPipeline.Hostile.Tests;

/// <summary>
/// The private work folder never ends up inside the public site (or the other way round), however
/// symbolic links are laid: the folder itself, a parent, or a link inside either tree. Real links on
/// the real file system; the last test runs the real `minutes publish`.
/// </summary>
public sealed class FolderSeparationTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "separation-" + Guid.NewGuid().ToString("N"));

    public FolderSeparationTests() => Directory.CreateDirectory(root);

    private string P(params string[] parts) => Path.Combine([root, .. parts]);

    [Fact]
    public void Separate_folders_pass()
    {
        Directory.CreateDirectory(P("site"));
        Directory.CreateDirectory(P("work"));
        Assert.Null(FolderSeparation.Problem(P("site"), P("work")));
        Assert.Null(FolderSeparation.Problem(P("site"), P("not-yet", "work")));
        Assert.Null(FolderSeparation.Problem(P("site"), P("site-work"))); // a shared prefix is not nesting
    }

    [Fact]
    public void Plain_nesting_is_refused_both_ways()
    {
        Assert.Contains("is inside the site folder", FolderSeparation.Problem(P("site"), P("site", "private")), StringComparison.Ordinal);
        Assert.Contains("is inside the work folder", FolderSeparation.Problem(P("work", "site"), P("work")), StringComparison.Ordinal);
        Assert.NotNull(FolderSeparation.Problem(P("same"), P("same")));
    }

    [Fact]
    public void A_work_folder_that_is_a_link_into_the_site_is_refused()
    {
        Directory.CreateDirectory(P("site", "private"));
        Directory.CreateSymbolicLink(P("work"), P("site", "private"));
        var problem = FolderSeparation.Problem(P("site"), P("work"));
        Assert.NotNull(problem);
        Assert.Contains("once symbolic links are resolved", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_linked_parent_is_resolved_too()
    {
        // work = elsewhere/w where elsewhere -> site: the link is a parent, not the folder itself.
        Directory.CreateDirectory(P("site"));
        Directory.CreateSymbolicLink(P("elsewhere"), "site"); // relative target
        Assert.NotNull(FolderSeparation.Problem(P("site"), P("elsewhere", "w")));

        // And the site reached through a link that points into the work folder.
        Directory.CreateDirectory(P("work", "inner"));
        Directory.CreateSymbolicLink(P("public"), P("work", "inner"));
        Assert.Contains("is inside the work folder", FolderSeparation.Problem(P("public"), P("work")), StringComparison.Ordinal);
    }

    [Fact]
    public void Links_inside_either_tree_that_reach_the_other_are_refused()
    {
        Directory.CreateDirectory(P("site", "minutes"));
        Directory.CreateDirectory(P("work", "held"));
        Directory.CreateSymbolicLink(P("site", "minutes", "reports"), P("work", "held"));
        Assert.Contains("holds a link", FolderSeparation.Problem(P("site"), P("work")), StringComparison.Ordinal);
        File.Delete(P("site", "minutes", "reports"));

        Directory.CreateSymbolicLink(P("site", "up"), root); // a parent of the work folder
        Assert.NotNull(FolderSeparation.Problem(P("site"), P("work")));
        File.Delete(P("site", "up"));

        Directory.CreateSymbolicLink(P("work", "held", "out"), P("site", "minutes"));
        Assert.Contains("holds a link", FolderSeparation.Problem(P("site"), P("work")), StringComparison.Ordinal);
        File.Delete(P("work", "held", "out"));

        Assert.Null(FolderSeparation.Problem(P("site"), P("work")));
    }

    [Fact]
    public void A_link_loop_is_an_error_not_a_hang()
    {
        Directory.CreateSymbolicLink(P("a"), P("b"));
        Directory.CreateSymbolicLink(P("b"), P("a"));
        Assert.Throws<IOException>(() => FolderSeparation.Resolve(P("a", "x")));
    }

    [Fact]
    public void Minutes_publish_refuses_a_work_folder_linked_into_the_site_and_writes_nothing()
    {
        Directory.CreateDirectory(P("site", "private"));
        Directory.CreateSymbolicLink(P("work"), P("site", "private"));
        var (exit, stdout, stderr) = MinutesProcess.Run("publish", RepoPaths.Sample("000"), "--site", P("site"), "--work", P("work"));
        Assert.Equal(2, exit);
        Assert.Contains("once symbolic links are resolved", stdout + stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(P("site", "private")));
    }

    [Fact]
    public void Minutes_publish_refuses_a_link_deep_in_the_site_first_and_writes_nothing_while_the_inputs_are_read_beside_the_walk()
    {
        // The walk runs while the inputs are enumerated and the pipeline is made: its refusal still
        // comes before anything else is said (a missing input, a skipped link) or written.
        Directory.CreateDirectory(P("work"));
        Directory.CreateDirectory(P("site", "minutes", "m-1"));
        Directory.CreateSymbolicLink(P("site", "minutes", "m-1", "files"), P("work"));
        Directory.CreateDirectory(P("in"));
        File.Copy(RepoPaths.Sample("000"), P("in", "kaigi.txt"));
        Directory.CreateSymbolicLink(P("in", "elsewhere"), P("work"));
        var (exit, stdout, stderr) = MinutesProcess.Run("publish", P("in"), P("no-such-input"), "--site", P("site"), "--work", P("work"));
        Assert.Equal(2, exit);
        Assert.Contains("holds a link", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("no-such-input", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", stdout + stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(P("work")));
        Assert.Equal([P("site", "minutes", "m-1", "files")], Directory.EnumerateFileSystemEntries(P("site", "minutes", "m-1")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
