using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NvTrap.Cli.Text;

/// <summary>
/// Writes a listing as TSV (a header row, then one tab-separated row per item: for tools) or as
/// text (the same columns padded with spaces: for people).
/// </summary>
internal static class TableFormat
{
    public const string Tsv = "tsv";
    public const string Text = "text";

    public static readonly string[] Names = { Tsv, Text };

    public static void Write(TextWriter output, string format, IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        if (format == Tsv)
        {
            output.Write(string.Join('\t', header));
            output.Write('\n');
            foreach (var row in rows)
            {
                output.Write(string.Join('\t', row));
                output.Write('\n');
            }

            return;
        }

        var widths = header.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        WriteAligned(output, header, widths);
        foreach (var row in rows)
        {
            WriteAligned(output, row, widths);
        }
    }

    private static void WriteAligned(TextWriter output, IReadOnlyList<string> cells, int[] widths)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            bool last = i == cells.Count - 1;
            // The last column is not padded, so lines carry no trailing spaces.
            output.Write(last ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        output.Write('\n');
    }
}
