using System.Runtime.InteropServices;

namespace PublishPipeline.Storage;

/// <summary>
/// A file's size, last-write time, inode change time and inode number from one <c>statx(2)</c>, for the checks
/// that stat every file of a 10,000-minutes archive (the listing cache, the site check): .NET's
/// <see cref="FileInfo"/> costs an object and its own state per file, and does not give the change
/// time at all. The change time (ctime) moves with anything done to the inode — a write, a rename
/// onto it, an extended attribute set, a <c>cp -a</c> that puts an old time back — and cannot be
/// set by a program, so a cache keyed on it sees what size and last-write time alone miss; the
/// inode number tells a file renamed into place from the one it replaced even within one tick of
/// the clock.
/// Elsewhere than 64-bit Linux (and when statx is refused) the file is asked through
/// <see cref="FileInfo"/>, with no change time (0): the caller then goes by size and time alone.
/// </summary>
public static partial class FileStatus
{
    // struct statx (linux/stat.h): the same layout on every 64-bit architecture.
    private const int StatxSize = 256;
    private const int InodeOffset = 32;
    private const int SizeOffset = 40;
    private const int CtimeOffset = 96;
    private const int MtimeOffset = 112;
    private const int ModeOffset = 28;
    private const uint StatxBasicStats = 0x7ff; // STATX_BASIC_STATS: size, times, mode
    private const int AtFdCwd = -100;
    private const ushort TypeMask = 0xF000; // S_IFMT
    private const ushort RegularFile = 0x8000; // S_IFREG
    private const ushort Directory = 0x4000; // S_IFDIR

    private static bool _native = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>The regular file at <paramref name="path"/> (links followed), or null when there is none.</summary>
    public static Stamp? Of(string path)
    {
        if (_native)
        {
            try
            {
                return Native(path, RegularFile, out var refused) is { } stamp ? stamp : refused ? Managed(path) : null;
            }
            catch (EntryPointNotFoundException)
            {
                _native = false; // a libc without statx: ask .NET from now on
            }
        }

        return Managed(path);
    }

    /// <summary>
    /// The folder at <paramref name="path"/> (links followed): its size, times and inode, which
    /// move when an entry is added, removed or renamed in it; null when there is none, or where
    /// the platform gives no change time and inode (elsewhere than 64-bit Linux).
    /// </summary>
    public static Stamp? OfFolder(string path)
    {
        try
        {
            return _native ? Native(path, Directory, out _) : null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static unsafe Stamp? Native(string path, ushort type, out bool refused)
    {
        refused = false;
        var buffer = stackalloc byte[StatxSize];
        if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            refused = errno is 38 or 1; // ENOSYS, EPERM (a sandbox that filters the call)
            return null;
        }

        if ((*(ushort*)(buffer + ModeOffset) & TypeMask) != type)
        {
            return null;
        }

        return new Stamp(*(long*)(buffer + SizeOffset), Ticks(buffer + MtimeOffset), Ticks(buffer + CtimeOffset), *(long*)(buffer + InodeOffset));
    }

    // struct statx_timestamp: tv_sec (s64), tv_nsec (u32). Truncated to 100 ns as .NET's times are.
    private static unsafe long Ticks(byte* timestamp) =>
        DateTime.UnixEpoch.Ticks + (*(long*)timestamp * TimeSpan.TicksPerSecond) + (*(uint*)(timestamp + 8) / 100);

    private static Stamp? Managed(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new Stamp(info.Length, info.LastWriteTimeUtc.Ticks, 0, 0) : null;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    /// <summary>Size, last-write time, inode change time (ticks, UTC) and inode number; the last two 0 where the platform does not give them.</summary>
    public readonly record struct Stamp(long Length, long LastWriteTicks, long ChangeTicks, long Inode)
    {
        public DateTime LastWriteUtc => new(LastWriteTicks, DateTimeKind.Utc);
    }
}
