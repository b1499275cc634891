using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PublishPipeline.Storage;

/// <summary>
/// A stored file opened to read, or null when it is not there, without an exception for the miss:
/// a publish asks for about eight objects per document that do not exist yet (review records, the
/// record a stage is about to write), and .NET answers each with a FileNotFoundException thrown and
/// caught, several times the cost of the failed open itself. On Linux the file is opened by libc;
/// elsewhere, and for any failure but "no such file or folder", by .NET as before (its exception).
/// </summary>
internal static partial class FileToRead
{
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int O_RDONLY = 0;
    private const int O_CLOEXEC = 0x80000;

    public static SafeFileHandle? Open(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var fd = OpenFile(path, O_RDONLY | O_CLOEXEC);
            if (fd >= 0)
            {
                return new SafeFileHandle(fd, ownsHandle: true);
            }

            if (Marshal.GetLastPInvokeError() is ENOENT or ENOTDIR)
            {
                return null;
            }
        }

        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenFile(string path, int flags);
}
