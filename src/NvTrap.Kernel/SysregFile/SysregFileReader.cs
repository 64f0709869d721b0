using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NvTrap.Kernel.Diagnostics;
using NvTrap.Kernel.Preprocessing;

namespace NvTrap.Kernel.SysregFile;

/// <summary>A macro the sysreg file defines, as the kernel's build generates it, and the line it comes from.</summary>
internal sealed record GeneratedDefine(string Name, string Body, SourceLocation Location);

/// <summary>What the sysreg file defines: its register blocks by name, and the macros the kernel generates from them.</summary>
internal sealed class SysregCatalog
{
    public Dictionary<string, SysregDefinition> Blocks { get; } = new(StringComparer.Ordinal);

    public List<GeneratedDefine> Defines { get; } = new();

    /// <summary>A register's layout: its own fields, or those of the fields block it names.</summary>
    public IReadOnlyList<SysregField> FieldsOf(SysregDefinition register) =>
        register.FieldsFrom is { } from && Blocks.TryGetValue(from, out var block) ? block.Fields : register.Fields;

    public (ulong Res0, ulong Res1) ReservedOf(SysregDefinition register) =>
        register.FieldsFrom is { } from && Blocks.TryGetValue(from, out var block) ? (block.Res0, block.Res1) : (register.Res0, register.Res1);
}

/// <summary>
/// Reads arch/arm64/tools/sysreg: <c>Sysreg NAME op0 op1 crn crm op2</c> and
/// <c>SysregFields NAME</c> blocks of <c>Field</c>, <c>Res0</c>, <c>Res1</c>, <c>Unkn</c>,
/// <c>Raz</c>, <c>Enum</c>/<c>SignedEnum</c>/<c>UnsignedEnum</c> ... <c>EndEnum</c>,
/// <c>Fields</c>, <c>Mapping</c> and <c>Prefix</c> ... <c>EndPrefix</c>. It defines the macros the kernel's build
/// generates from the file (SYS_NAME, NAME_FIELD, its _MASK/_SHIFT/_WIDTH, enum values,
/// NAME_RES0/_RES1/_UNKN), each located at the line it comes from.
/// </summary>
internal static class SysregFileReader
{
    public static SysregCatalog Read(string path, string text, DiagnosticBag diagnostics)
    {
        var catalog = new SysregCatalog();
        SysregDefinition? block = null;
        string prefix = string.Empty;
        string? enumField = null;
        var res0 = new List<string>();
        var res1 = new List<string>();
        var unkn = new List<string>();
        var prefixRes0 = new List<string>();
        var prefixRes1 = new List<string>();
        bool prefixed = false;
        string[] lines = text.Split('\n');

        void Define(string name, string body, int line) => catalog.Defines.Add(new GeneratedDefine(name, body, new SourceLocation(path, line, 1)));

        for (int index = 0; index < lines.Length; index++)
        {
            int lineNumber = index + 1;
            var location = new SourceLocation(path, lineNumber, 1);
            string raw = lines[index];
            int comment = raw.IndexOf('#');
            string line = (comment >= 0 ? raw.Substring(0, comment) : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            string[] words = line.Split(new[] { ' ', '\t', '\r' }, StringSplitOptions.RemoveEmptyEntries);
            void Bad(string why) => diagnostics.Error(KernelDiagnosticId.BadSysregLine, location, $"'{line}': {why}");

            if (enumField is not null && words[0] != "EndEnum")
            {
                if (words.Length != 2 || ConstantExpression.ParseNumber(words[0]) is not { } enumValue)
                {
                    Bad("an Enum block holds lines of <value> <name>.");
                    continue;
                }

                Define($"{prefix}{enumField}_{words[1]}", $"UL({enumValue.Bits})", lineNumber);
                continue;
            }

            switch (words[0])
            {
                case "Sysreg":
                case "SysregFields":
                    {
                        if (block is not null)
                        {
                            Bad($"block {block.Name} (line {block.Location.Line}) is not closed.");
                        }

                        bool fields = words[0] == "SysregFields";
                        if (fields ? words.Length != 2 : words.Length != 7)
                        {
                            Bad(fields ? "expected SysregFields <name>." : "expected Sysreg <name> <op0> <op1> <crn> <crm> <op2>.");
                            block = null;
                            continue;
                        }

                        (int, int, int, int, int)? encoding = null;
                        if (!fields)
                        {
                            var numbers = words.Skip(2).Select(w => int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : -1).ToArray();
                            // A bad encoding is reported and the block still read (without its SYS_
                            // macros), so its End line and fields give no errors of their own.
                            if (numbers.Any(n => n < 0))
                            {
                                Bad("the encoding must be five decimal numbers.");
                            }
                            else if (numbers[0] > 3 || numbers[1] > 7 || numbers[2] > 15 || numbers[3] > 15 || numbers[4] > 7)
                            {
                                // sys_reg() would shift the excess into the neighbouring field.
                                Bad("the encoding's fields are op0 0..3, op1 0..7, CRn 0..15, CRm 0..15 and op2 0..7.");
                            }
                            else
                            {
                                encoding = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]);
                            }
                        }

                        if (encoding is var (op0, op1, crn, crm, op2))
                        {
                            var macros = SysregMacroNames.Encoding(words[1]);
                            var values = SysregMacroNames.EncodingValues(op0, op1, crn, crm, op2);
                            for (int k = 0; k < macros.Length; k++)
                            {
                                Define(macros[k], values[k], lineNumber);
                            }
                        }

                        block = new SysregDefinition(words[1], fields, encoding, location);
                        catalog.Blocks[block.Name] = block;
                        prefix = block.Name + "_";
                        prefixed = false;
                        res0.Clear();
                        res1.Clear();
                        unkn.Clear();
                        continue;
                    }

                case "EndSysreg":
                case "EndSysregFields":
                    if (block is null)
                    {
                        Bad("no block is open.");
                        continue;
                    }

                    if (block.FieldsFrom is null)
                    {
                        Define($"{block.Name}_{SysregMacroNames.Res0}", "(" + string.Join(" | ", new[] { "UL(0)" }.Concat(res0)) + ")", lineNumber);
                        Define($"{block.Name}_{SysregMacroNames.Res1}", "(" + string.Join(" | ", new[] { "UL(0)" }.Concat(res1)) + ")", lineNumber);
                        Define($"{block.Name}_{SysregMacroNames.Unknown}", "(" + string.Join(" | ", new[] { "UL(0)" }.Concat(unkn)) + ")", lineNumber);
                    }

                    block = null;
                    continue;

                case "Fields":
                    if (block is null || words.Length != 2)
                    {
                        Bad("expected Fields <name> inside a Sysreg block.");
                        continue;
                    }

                    block.FieldsFrom = words[1];
                    foreach (string kind in new[] { SysregMacroNames.Res0, SysregMacroNames.Res1, SysregMacroNames.Unknown })
                    {
                        Define($"{block.Name}_{kind}", $"({words[1]}_{kind})", lineNumber);
                    }

                    continue;

                case "Prefix":
                    if (block is null || words.Length != 2)
                    {
                        Bad("expected Prefix <name> inside a block.");
                        continue;
                    }

                    // An alternative layout (Prefix FEAT_X ... EndPrefix): its fields and reserved bits
                    // are named <REG>_FEAT_X_..., and are not the register's own.
                    prefix = block.Name + "_" + words[1] + "_";
                    prefixed = true;
                    prefixRes0.Clear();
                    prefixRes1.Clear();
                    continue;

                case "EndPrefix":
                    if (block is null || !prefixed)
                    {
                        Bad("no Prefix is open.");
                        continue;
                    }

                    Define(prefix + SysregMacroNames.Res0, "(" + string.Join(" | ", new[] { "UL(0)" }.Concat(prefixRes0)) + ")", lineNumber);
                    Define(prefix + SysregMacroNames.Res1, "(" + string.Join(" | ", new[] { "UL(0)" }.Concat(prefixRes1)) + ")", lineNumber);
                    prefix = block.Name + "_";
                    prefixed = false;
                    continue;

                case "Mapping":
                    // Names the register a VHE alias stands for; it defines nothing.
                    continue;

                case "EndEnum":
                    if (enumField is null)
                    {
                        Bad("no Enum is open.");
                    }

                    enumField = null;
                    continue;
            }

            if (block is null)
            {
                Bad("this line must be inside a Sysreg or SysregFields block.");
                continue;
            }

            bool isEnum = words[0] is "Enum" or "SignedEnum" or "UnsignedEnum";
            bool named = words[0] == "Field" || isEnum;
            bool reserved = words[0] is "Res0" or "Res1" or "Unkn" or "Raz";
            if (!named && !reserved)
            {
                Bad($"unknown keyword '{words[0]}'.");
                continue;
            }

            if ((named && words.Length != 3) || (reserved && words.Length != 2) || !TryBits(words[1], out int hi, out int lo))
            {
                Bad(named ? $"expected {words[0]} <msb>[:<lsb>] <name>, with 63 >= msb >= lsb >= 0." : $"expected {words[0]} <msb>[:<lsb>].");
                continue;
            }

            string mask = $"GENMASK_ULL({hi}, {lo})";
            ulong bits = (hi == 63 ? ulong.MaxValue : (1UL << (hi + 1)) - 1) & ~((1UL << lo) - 1);
            switch (words[0])
            {
                case "Res0" when prefixed:
                    prefixRes0.Add(mask);
                    continue;
                case "Res1" when prefixed:
                    prefixRes1.Add(mask);
                    continue;
                case "Res0":
                    res0.Add(mask);
                    block.Res0 |= bits;
                    continue;
                case "Res1":
                    res1.Add(mask);
                    block.Res1 |= bits;
                    continue;
                case "Unkn":
                    unkn.Add(mask);
                    continue;
                case "Raz":
                    continue;
            }

            string field = words[2];
            if (!prefixed)
            {
                block.Fields.Add(new SysregField(field, hi, lo, location));
            }

            var names = SysregMacroNames.Field(prefix, field);
            Define(names[0], mask, lineNumber);
            Define(names[1], mask, lineNumber);
            Define(names[2], lo.ToString(CultureInfo.InvariantCulture), lineNumber);
            Define(names[3], (hi - lo + 1).ToString(CultureInfo.InvariantCulture), lineNumber);
            if (words[0] != "Enum" && isEnum)
            {
                Define($"{prefix}{field}_SIGNED", words[0] == "SignedEnum" ? "true" : "false", lineNumber);
            }

            if (isEnum)
            {
                enumField = field;
            }
        }

        if (block is not null)
        {
            diagnostics.Error(KernelDiagnosticId.BadSysregLine, block.Location, $"Block {block.Name} has no End line before the end of the file.");
        }

        return catalog;
    }

    private static bool TryBits(string text, out int hi, out int lo)
    {
        string[] parts = text.Split(':');
        hi = lo = -1;
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out hi)
            || !int.TryParse(parts[parts.Length - 1], NumberStyles.None, CultureInfo.InvariantCulture, out lo))
        {
            return false;
        }

        return hi <= 63 && lo <= hi;
    }
}
