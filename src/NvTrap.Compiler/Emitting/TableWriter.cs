using System.Globalization;
using System;

namespace NvTrap.Compiler.Emitting;

/// <summary>
/// Writes a table's bytes into generated code as a zero-allocation <c>ReadOnlySpan&lt;byte&gt;</c>
/// property, one row per line with a comment saying what the row holds.
/// </summary>
/// <remarks>
/// Tables of 16-bit or wider values are written as a string literal of 16-bit units
/// (<c>"\u1E00\u0030"</c>, little-endian, so <c>0x0030_1E00</c> reads as its two units low first)
/// reinterpreted as bytes: the C# compiler stores the literal once and the JIT embeds its
/// address, so reading it allocates nothing in any build, and a literal is one token, where an
/// array initializer costs the compiler a syntax node per byte (a 512 KB table as bytes measured
/// 5 s and 450 MB of build; as a literal 0.5 s and 20 MB). Byte tables are small and written as
/// byte arrays, which the compiler also maps straight to the assembly's data. Tables longer than
/// <see cref="MaxCommentedRows"/> rows are written in blocks with one comment per block.
/// </remarks>
internal static class TableWriter
{
    /// <summary>Beyond this many rows a table is written in blocks, so huge rulesets stay quick to build.</summary>
    public const int MaxCommentedRows = 16384;

    /// <summary>Rows merged into one line when no comment distinguishes them.</summary>
    private const int MergedRows = 16;

    /// <summary>
    /// Writes <c>public static ReadOnlySpan&lt;byte&gt; name =&gt; ...;</c>. <paramref name="describe"/>
    /// gives a row's comment, or null for a row that says nothing (an empty slot): consecutive
    /// such rows share a line and <paramref name="describeGap"/>'s comment.
    /// </summary>
    public static void Write(CodeWriter w, string name, string summary, byte[] bytes, int rowSize, Func<int, string?> describe, Func<int, int, string> describeGap)
    {
        int rows = rowSize == 0 ? 0 : bytes.Length / rowSize;
        bool wide = rowSize % 2 == 0;
        w.Summary(summary);
        if (!wide)
        {
            w.Line($"public static global::System.ReadOnlySpan<byte> {name} => new byte[]");
            w.Line("{").Indent();
        }
        else
        {
            w.Line($"public static global::System.ReadOnlySpan<byte> {name} => global::System.Runtime.InteropServices.MemoryMarshal.AsBytes(global::System.MemoryExtensions.AsSpan(");
            w.Indent();
        }

        if (rows > MaxCommentedRows)
        {
            int block = (rows + MaxCommentedRows - 1) / MaxCommentedRows;
            for (int row = 0; row < rows; row += block)
            {
                int last = Math.Min(rows, row + block) - 1;
                WriteRow(w, bytes, row * rowSize, (last - row + 1) * rowSize, wide, last == rows - 1, Invariant($"rows {row}-{last}"));
            }
        }
        else
        {
            for (int row = 0; row < rows;)
            {
                string? comment = describe(row);
                int count = 1;
                if (comment is null)
                {
                    while (row + count < rows && count < MergedRows && describe(row + count) is null)
                    {
                        count++;
                    }

                    comment = describeGap(row, row + count - 1);
                }

                WriteRow(w, bytes, row * rowSize, count * rowSize, wide, row + count == rows, comment);
                row += count;
            }
        }

        if (rows == 0 && wide)
        {
            w.Line("\"\"");
        }

        w.Outdent();
        w.Line(wide ? "));" : "};");
    }

    private static void WriteRow(CodeWriter w, byte[] bytes, int offset, int length, bool wide, bool last, string comment)
    {
        w.Start(wide ? "\"" : string.Empty);
        for (int i = 0; i < length; i += wide ? 2 : 1)
        {
            if (wide)
            {
                int unit = bytes[offset + i] | (bytes[offset + i + 1] << 8);
                w.Append("\\u").Append(unit.ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                w.Append(i == 0 ? "0x" : " 0x").Append(bytes[offset + i].ToString("X2", CultureInfo.InvariantCulture)).Append(',');
            }
        }

        if (wide)
        {
            w.Append(last ? "\"" : "\" +");
        }

        w.Append(" // ").Append(CSharpText.OneLine(comment)).End();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
