using System.Collections.Generic;
using NvTrap.Compiler.Contract;

namespace NvTrap.Compiler.Lowering;

/// <summary>Little-endian bytes of table values: the one serialization of every table.</summary>
internal static class TableSerializer
{
    /// <summary>Each value as <paramref name="width"/> little-endian bytes.</summary>
    public static byte[] Words(IReadOnlyList<ulong> values, int width)
    {
        var bytes = new byte[values.Count * width];
        for (int i = 0; i < values.Count; i++)
        {
            Write(bytes, i * width, values[i], width);
        }

        return bytes;
    }

    /// <summary>Each value as <paramref name="width"/> little-endian bytes.</summary>
    public static byte[] Words(IReadOnlyList<uint> values, int width) => Words(Widen(values, v => v), width);

    /// <summary>Each value as <paramref name="width"/> little-endian bytes.</summary>
    public static byte[] Words(IReadOnlyList<ushort> values, int width) => Words(Widen(values, v => v), width);

    private static ulong[] Widen<T>(IReadOnlyList<T> values, System.Func<T, ulong> widen)
    {
        var wide = new ulong[values.Count];
        for (int i = 0; i < wide.Length; i++)
        {
            wide[i] = widen(values[i]);
        }

        return wide;
    }

    /// <summary>Each record as its three words: mask, value, packed.</summary>
    public static byte[] Records(IReadOnlyList<MemberTest> records)
    {
        var bytes = new byte[records.Count * MemberTest.Size];
        for (int i = 0; i < records.Count; i++)
        {
            Write(bytes, i * MemberTest.Size, records[i].Mask, 8);
            Write(bytes, (i * MemberTest.Size) + 8, records[i].Value, 8);
            Write(bytes, (i * MemberTest.Size) + 16, records[i].Packed, 8);
        }

        return bytes;
    }

    private static void Write(byte[] bytes, int offset, ulong value, int width)
    {
        for (int b = 0; b < width; b++)
        {
            bytes[offset + b] = (byte)(value >> (8 * b));
        }
    }
}
