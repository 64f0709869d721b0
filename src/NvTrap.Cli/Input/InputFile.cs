using System;
using System.IO;

namespace NvTrap.Cli.Input;

/// <summary>
/// Opens a file the tool was told to read (a rule file, a <c>--state</c> or <c>--vm</c> file,
/// <c>eval</c>'s input): only a regular file is opened. A folder, a named pipe (FIFO), a device
/// or a socket is refused by its kind, found before opening (<see cref="FileKinds"/>): opening a
/// FIFO blocks until a writer appears, and a device such as <c>/dev/zero</c> never ends.
/// Standard input (<c>eval -</c>) is the way to stream data from a pipe.
/// </summary>
internal static class InputFile
{
    /// <summary>Why <paramref name="path"/> is not opened, or null if it is (or may be) a regular file.</summary>
    public static string? Refusal(string path)
    {
        var kind = FileKinds.Of(path);
        return kind switch
        {
            FileKind.Directory => "it is a folder, not a file",
            FileKind.Fifo or FileKind.CharacterDevice or FileKind.BlockDevice or FileKind.Socket => $"it is {FileKinds.Describe(kind)}, not a regular file",
            // Where the kind is unknown, a folder is still told apart: opening one says only "access denied".
            FileKind.Unknown when Directory.Exists(path) => "it is a folder, not a file",
            _ => null,
        };
    }

    /// <summary>
    /// The open file, or null with <paramref name="problem"/> saying why (refused by its kind,
    /// <paramref name="refused"/> then true; or it cannot be opened).
    /// </summary>
    public static FileStream? TryOpen(string path, out string? problem, out bool refused)
    {
        problem = Refusal(path);
        refused = problem is not null;
        if (refused)
        {
            return null;
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The runtime's messages end with a full stop; callers end the sentence themselves.
            problem = $"it cannot be read: {ex.Message.TrimEnd('.')}";
            return null;
        }
    }
}
