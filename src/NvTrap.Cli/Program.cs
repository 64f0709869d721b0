using System;
using System.IO;
using System.Text;
using NvTrap.Cli.CommandLine;

namespace NvTrap.Cli;

/// <summary>The <c>nvtrap</c> executable.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        // Console.Out flushes on every write; eval writes a line per row, so give it a large
        // buffer and flush once at the end. UTF-8 without a byte-order mark, as tools expect.
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
        var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        try
        {
            int exitCode = App.Run(args, input, output, Console.Error);
            output.Flush();
            return exitCode;
        }
        catch (IOException ex)
        {
            // Typically the reader of the output went away (`nvtrap table | head`) or standard
            // input failed: report it in one line rather than with a stack trace. The writer is
            // not disposed, since disposing would flush into the same broken stream again.
            Console.Error.WriteLine($"nvtrap: input/output error: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
