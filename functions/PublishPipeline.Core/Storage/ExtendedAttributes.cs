using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PublishPipeline.Storage;

/// <summary>
/// One extended attribute of a file (Linux <c>user.*</c> namespace), where the file-system store
/// keeps an object's properties with its bytes: set on the temporary file before it is renamed
/// into place, so content and properties are committed by the one rename, and an object is one
/// file instead of two. .NET has no API for extended attributes; these are the libc calls.
/// Every failure (no such attribute, a file system without them, another platform) is answered
/// with "not set", and the store falls back to its sidecar files.
/// </summary>
internal static partial class ExtendedAttributes
{
    /// <summary>The attribute's name: the object's properties as the store's JSON record.</summary>
    private const string Name = "user.minutes.object";

    private const int ERANGE = 34;

    /// <summary>errno when the file system keeps no extended attributes (EOPNOTSUPP on Linux).</summary>
    public const int NotSupported = 95;

    /// <summary>Sets the attribute on an open file: 0, or the errno of the failure.</summary>
    public static unsafe int TrySet(SafeFileHandle file, ReadOnlySpan<byte> value)
    {
        if (!OperatingSystem.IsLinux())
        {
            return NotSupported;
        }

        fixed (byte* p = value)
        {
            return FSetXAttr(file, Name, p, (nuint)value.Length, 0) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
    }

    /// <summary>The attribute of an open file, or null when it has none.</summary>
    public static byte[]? Get(SafeFileHandle file) => Read(file, null);

    /// <summary>The attribute of the file at a path (no open: a listing asks once per object), or null.</summary>
    public static byte[]? Get(string path) => Read(null, path);

    private static unsafe byte[]? Read(SafeFileHandle? file, string? path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // Most records are a few hundred bytes: one call with a stack buffer; a larger one is
        // asked for its size first.
        Span<byte> buffer = stackalloc byte[2048];
        for (var attempt = 0; attempt < 3; attempt++)
        {
            nint read;
            fixed (byte* p = buffer)
            {
                read = file is not null ? FGetXAttr(file, Name, p, (nuint)buffer.Length) : GetXAttr(path!, Name, p, (nuint)buffer.Length);
            }

            if (read >= 0)
            {
                return buffer[..(int)read].ToArray();
            }

            if (Marshal.GetLastPInvokeError() != ERANGE)
            {
                return null;
            }

            var size = file is not null ? FGetXAttr(file, Name, null, 0) : GetXAttr(path!, Name, null, 0);
            if (size < 0)
            {
                return null;
            }

            buffer = new byte[size];
        }

        return null; // it kept growing under us: treated as absent, like a stale sidecar
    }

    [LibraryImport("libc", EntryPoint = "fsetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int FSetXAttr(SafeFileHandle fd, string name, byte* value, nuint size, int flags);

    [LibraryImport("libc", EntryPoint = "fgetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial nint FGetXAttr(SafeFileHandle fd, string name, byte* value, nuint size);

    [LibraryImport("libc", EntryPoint = "getxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial nint GetXAttr(string path, string name, byte* value, nuint size);
}
