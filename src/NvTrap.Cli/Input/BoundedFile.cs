using System;
using System.IO;
using System.Text;

namespace NvTrap.Cli.Input;

/// <summary>
/// Reads a whole text file with a cap on its size, counted while reading: a file's reported
/// length cannot be trusted (a device such as <c>/dev/zero</c> reports 0 and never ends, and a
/// file may grow while it is read), so the cap holds whatever the file is.
/// </summary>
internal static class BoundedFile
{
    /// <summary>
    /// The text, or null with <paramref name="problem"/> saying why: it cannot be opened or read,
    /// it is a folder, or it holds more than <paramref name="maxBytes"/> bytes (then
    /// <paramref name="tooLarge"/> is true).
    /// </summary>
    public static string? TryReadText(string path, long maxBytes, out string? problem, out bool tooLarge)
    {
        tooLarge = false;
        try
        {
            if (Directory.Exists(path))
            {
                problem = "it is a folder, not a file";
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            if (stream.CanSeek && stream.Length > maxBytes)
            {
                // A regular file already too long is refused without reading it.
                tooLarge = true;
                problem = FormattableString.Invariant($"it is larger than the limit of {maxBytes:N0} bytes");
                return null;
            }

            using var bytes = new MemoryStream();
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (bytes.Length + read > maxBytes)
                {
                    tooLarge = true;
                    problem = FormattableString.Invariant($"it is larger than the limit of {maxBytes:N0} bytes");
                    return null;
                }

                bytes.Write(buffer, 0, read);
            }

            problem = null;
            bytes.Position = 0;
            using var reader = new StreamReader(bytes, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = $"it cannot be read: {ex.Message}";
            return null;
        }
    }
}
