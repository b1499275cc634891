using PublishPipeline.Storage;

namespace PublishPipeline.Functions.Tests;

/// <summary>
/// The file-system store removes a folder when its last object is deleted; a write of another
/// object into the same folder at that moment must still succeed (the local publish works on many
/// documents at once, and their rendered records share one folder).
/// </summary>
public sealed class FileSystemStoreRaceTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pp-fsrace-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Writes_into_a_folder_that_a_concurrent_delete_empties_do_not_fail()
    {
        var store = new FileSystemObjectStore(_root.FullName);
        var failures = new List<Exception>();

        async Task ChurnAsync(string name)
        {
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    await store.PutAsync(Containers.Audit, "_pipeline/rendered/" + name, new byte[] { 1 }, ObjectProperties.None);
                    await store.DeleteAsync(Containers.Audit, "_pipeline/rendered/" + name);
                }
                catch (IOException e)
                {
                    lock (failures)
                    {
                        failures.Add(e);
                    }
                }
            }
        }

        await Task.WhenAll(Task.Run(() => ChurnAsync("a.json")), Task.Run(() => ChurnAsync("b.json")), Task.Run(() => ChurnAsync("c.json")));

        Assert.Empty(failures);
    }
}
