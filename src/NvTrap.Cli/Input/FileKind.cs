using System;
using System.Runtime.InteropServices;

namespace NvTrap.Cli.Input;

/// <summary>What a path names, as the file system reports it (symbolic links followed).</summary>
internal enum FileKind
{
    /// <summary>The platform cannot tell without opening the path; the caller opens it as before.</summary>
    Unknown,

    /// <summary>Nothing is there (or a component of the path is not a folder).</summary>
    Missing,

    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}

/// <summary>
/// Finds the kind of a path without opening it. Opening is what must be avoided: opening a FIFO
/// for reading blocks until some other process opens it for writing, and opening a device can
/// have effects of its own; .NET exposes neither the kind of a file nor a way to open without
/// blocking, so this asks the C library. Linux: <c>statx(2)</c> (glibc 2.28, musl 1.2.5), whose
/// buffer layout is the same on every architecture. macOS: <c>stat(2)</c> with the 64-bit-inode
/// layout, whose <c>st_mode</c> is at offset 4 on x64 (as <c>stat$INODE64</c>) and arm64. On any
/// other platform, or a C library without the call, the kind is <see cref="FileKind.Unknown"/>
/// and readers rely on their byte limits alone.
/// </summary>
internal static partial class FileKinds
{
    // The S_IFMT values are the same on Linux, macOS and the BSDs.
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int Socket = 0xC000;

    private const int ENOENT = 2;
    private const int ENOTDIR = 20;

    // statx(2): AT_FDCWD makes a relative path relative to the working directory; with flags 0 a
    // final symbolic link is followed, as open(2) would; STATX_TYPE asks for the type bits of
    // stx_mode, a 16-bit field at offset 0x1C of the 256-byte struct statx.
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int StatxModeOffset = 0x1C;

    // macOS struct stat (64-bit inodes) is 144 bytes; st_mode is a 16-bit field at offset 4.
    private const int DarwinStatSize = 144;
    private const int DarwinModeOffset = 4;

    private static bool s_unavailable;

    /// <summary>The kind of what <paramref name="path"/> names, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (s_unavailable || path.Length == 0 || path.Contains('\0'))
        {
            return FileKind.Unknown;
        }

        try
        {
            if (OperatingSystem.IsLinux())
            {
                Span<byte> buffer = stackalloc byte[StatxSize];
                return Decode(Statx(AtFdCwd, path, 0, StatxType, buffer), buffer, StatxModeOffset);
            }

            if (OperatingSystem.IsMacOS())
            {
                Span<byte> buffer = stackalloc byte[DarwinStatSize];
                int result = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? DarwinStatX64(path, buffer) : DarwinStat(path, buffer);
                return Decode(result, buffer, DarwinModeOffset);
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without the call (glibc before 2.28, musl before 1.2.5): fall back to
            // opening, with the byte limits, for the rest of the run.
            s_unavailable = true;
        }

        return FileKind.Unknown;
    }

    /// <summary>How a message names a kind: "a named pipe (FIFO)", "a character device", ...</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "of an unknown kind",
    };

    private static FileKind Decode(int result, ReadOnlySpan<byte> buffer, int modeOffset)
    {
        if (result != 0)
        {
            // Missing is certain; any other failure (a folder on the way that cannot be searched,
            // a loop of links) is left to the open, which reports it in the usual words.
            int errno = Marshal.GetLastPInvokeError();
            return errno is ENOENT or ENOTDIR ? FileKind.Missing : FileKind.Unknown;
        }

        int mode = BitConverter.ToUInt16(buffer.Slice(modeOffset, 2));
        return (mode & TypeMask) switch
        {
            Regular => FileKind.Regular,
            Directory => FileKind.Directory,
            Fifo => FileKind.Fifo,
            CharacterDevice => FileKind.CharacterDevice,
            BlockDevice => FileKind.BlockDevice,
            Socket => FileKind.Socket,
            // A symbolic link is never the answer (the call follows links); anything else means
            // the buffer was not what this code expects: do not guess.
            _ => FileKind.Unknown,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int DarwinStat(string path, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "stat$INODE64", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int DarwinStatX64(string path, Span<byte> buffer);
}
