using System;
using System.IO;
using System.Text;

namespace NvTrap.Cli.Input;

/// <summary>Why <see cref="BoundedFile.TryReadText(string, long, out string?, out ReadFailure)"/> returned no text.</summary>
internal enum ReadFailure
{
    None,

    /// <summary>It does not exist, or cannot be opened or read.</summary>
    Unreadable,

    /// <summary>It is not a regular file: a folder, a named pipe, a device or a socket. It was not opened.</summary>
    NotAFile,

    /// <summary>It holds more bytes than the limit.</summary>
    TooLarge,
}

/// <summary>
/// Reads a whole text file with a cap on its size, counted while reading: a file's reported
/// length cannot be trusted (a file may grow while it is read), so the cap holds whatever the
/// file is. Only a regular file is opened (<see cref="InputFile"/>): a folder, a FIFO or a device
/// is refused by its kind before anything is read from it.
/// </summary>
internal static class BoundedFile
{
    /// <summary>
    /// The text, or null with <paramref name="problem"/> saying why and <paramref name="failure"/>
    /// what kind of failure it was: it cannot be opened or read, it is not a regular file, or it
    /// holds more than <paramref name="maxBytes"/> bytes.
    /// </summary>
    public static string? TryReadText(string path, long maxBytes, out string? problem, out ReadFailure failure)
    {
        var stream = InputFile.TryOpen(path, out problem, out bool refused);
        if (stream is null)
        {
            failure = refused ? ReadFailure.NotAFile : ReadFailure.Unreadable;
            return null;
        }

        try
        {
            using (stream)
            {
                return Read(stream, maxBytes, out problem, out failure);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            failure = ReadFailure.Unreadable;
            problem = $"it cannot be read: {ex.Message.TrimEnd('.')}";
            return null;
        }
    }

    /// <summary>The text, or null with <paramref name="problem"/> saying why (the kernel import reads its files with this).</summary>
    public static string? TryReadText(string path, long maxBytes, out string? problem) => TryReadText(path, maxBytes, out problem, out _);

    private static string? Read(FileStream stream, long maxBytes, out string? problem, out ReadFailure failure)
    {
        if (stream.CanSeek && stream.Length > maxBytes)
        {
            // A regular file already too long is refused without reading it.
            return TooLarge(maxBytes, out problem, out failure);
        }

        using var bytes = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (bytes.Length + read > maxBytes)
            {
                return TooLarge(maxBytes, out problem, out failure);
            }

            bytes.Write(buffer, 0, read);
        }

        problem = null;
        failure = ReadFailure.None;
        bytes.Position = 0;
        using var reader = new StreamReader(bytes, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static string? TooLarge(long maxBytes, out string? problem, out ReadFailure failure)
    {
        failure = ReadFailure.TooLarge;
        problem = FormattableString.Invariant($"it is larger than the limit of {maxBytes:N0} bytes");
        return null;
    }
}
