using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Cli.CommandLine;

namespace NvTrap.Cli.Eval;

/// <summary>
/// The header row of an <c>eval</c> input: which column holds the ESR, which hold the access's
/// fields (<c>op0 op1 crn crm op2 dir</c>), and which hold control registers. Every other
/// column is passed through untouched.
/// </summary>
internal sealed class EvalHeader
{
    /// <summary>The access-field columns, in this order in <see cref="AccessColumns"/>.</summary>
    public static readonly string[] AccessFieldNames = { "op0", "op1", "crn", "crm", "op2", "dir" };

    public const string EsrName = "esr";

    /// <summary>The optional column of the exception level the access comes from: el0, el1 (the default) or el2.</summary>
    public const string ContextName = "ctx";

    /// <summary>The optional column of whether the vCPU has nested virtualization: 1 (the default) or 0.</summary>
    public const string NestedName = "nv";

    private EvalHeader(int columnCount, int esrColumn, int contextColumn, int nestedColumn, int[] accessColumns, (int Column, int Register)[] registerColumns, string[] columnNames)
    {
        ColumnCount = columnCount;
        EsrColumn = esrColumn;
        ContextColumn = contextColumn;
        NestedColumn = nestedColumn;
        AccessColumns = accessColumns;
        RegisterColumns = registerColumns;
        ColumnNames = columnNames;
    }

    public int ColumnCount { get; }

    /// <summary>The <c>esr</c> column, or -1.</summary>
    public int EsrColumn { get; }

    /// <summary>The <c>ctx</c> column, or -1.</summary>
    public int ContextColumn { get; }

    /// <summary>The <c>nv</c> column, or -1.</summary>
    public int NestedColumn { get; }

    /// <summary>The columns of op0, op1, crn, crm, op2 and dir; all -1 when the header has none of them.</summary>
    public int[] AccessColumns { get; }

    public bool HasAccessFields => AccessColumns[0] >= 0;

    /// <summary>Register columns and the ruleset register each one sets.</summary>
    public (int Column, int Register)[] RegisterColumns { get; }

    public string[] ColumnNames { get; }

    /// <summary>Reads the header row; null with a message when it does not name the access.</summary>
    public static EvalHeader? Parse(ReadOnlySpan<char> line, IReadOnlyList<string> registers, out string? problem)
    {
        var names = line.ToString().Split('\t').Select(n => n.Trim()).ToArray();
        int esr = -1, context = -1, nested = -1;
        var access = new[] { -1, -1, -1, -1, -1, -1 };
        var registerColumns = new List<(int Column, int Register)>();
        var firstColumnOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int column = 0; column < names.Length; column++)
        {
            string name = names[column];
            string? known = null;
            if (name.Equals(EsrName, StringComparison.OrdinalIgnoreCase))
            {
                known = EsrName;
                esr = column;
            }
            else if (name.Equals(ContextName, StringComparison.OrdinalIgnoreCase))
            {
                known = ContextName;
                context = column;
            }
            else if (name.Equals(NestedName, StringComparison.OrdinalIgnoreCase))
            {
                known = NestedName;
                nested = column;
            }
            else if (Array.FindIndex(AccessFieldNames, f => f.Equals(name, StringComparison.OrdinalIgnoreCase)) is int field and >= 0)
            {
                known = AccessFieldNames[field];
                access[field] = column;
            }
            else if (RegisterNaming.Find(name, registers) is int register and >= 0)
            {
                known = registers[register];
                registerColumns.Add((column, register));
            }

            if (known is not null && !firstColumnOf.TryAdd(known, column))
            {
                problem = $"column {column + 1} ({name}) repeats column {firstColumnOf[known] + 1}; each of esr, op0..dir, ctx, nv and the registers may appear once.";
                return null;
            }
        }

        int given = access.Count(c => c >= 0);
        if (given is > 0 and < 6)
        {
            var missing = AccessFieldNames.Where((_, i) => access[i] < 0);
            problem = $"the header has {string.Join(", ", AccessFieldNames.Where((_, i) => access[i] >= 0))} but not {string.Join(", ", missing)}: give all of op0 op1 crn crm op2 dir, or none of them and an esr column.";
            return null;
        }

        if (esr < 0 && given == 0)
        {
            // "0x62300860" or "3" is a value, not a column name: the header row is probably missing.
            bool looksLikeData = names.Length > 0 && names[0].Length > 0
                && (names[0].StartsWith("0x", StringComparison.OrdinalIgnoreCase) || names[0].All(char.IsAsciiDigit))
                && HexValue.TryParse(names[0], out _, out _);
            problem = looksLikeData
                ? $"the first line must be a header row naming the columns, but it starts with the value {HexValue.Quote(names[0])}. Add a header such as: esr<TAB>hcr_el2 (or op0 op1 crn crm op2 dir and register columns)."
                : $"the header names no access column: give a column esr, or columns op0 op1 crn crm op2 dir (found {string.Join(", ", names.Select(n => HexValue.Quote(n)))}).";
            return null;
        }

        problem = null;
        return new EvalHeader(names.Length, esr, context, nested, access, registerColumns.ToArray(), names);
    }
}
