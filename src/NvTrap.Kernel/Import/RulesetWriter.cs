using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NvTrap.Compiler.Schema;
using NvTrap.Kernel.Diagnostics;

namespace NvTrap.Kernel.Import;

/// <summary>
/// Rule files written from an import, and for each file the kernel (or overlay) place each of its
/// lines came from, so diagnostics on the YAML can be reported where the kernel wrote the rule.
/// </summary>
internal sealed class WrittenRuleset
{
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SortedDictionary<int, SourceLocation>> Origins { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The kernel place of a YAML line: the line's own, else the nearest mapped line above it in
    /// the same file (an entry's continuation), else the first mapped line below (a section key).
    /// </summary>
    public SourceLocation? Origin(string file, int line)
    {
        if (!Origins.TryGetValue(file.Replace('\\', '/'), out var lines))
        {
            return null;
        }

        if (lines.Count == 0)
        {
            return null;
        }

        SourceLocation? found = null;
        foreach (var (mapped, location) in lines)
        {
            if (mapped > line)
            {
                break;
            }

            found = location;
        }

        return found ?? lines.Values.FirstOrDefault();
    }
}

/// <summary>
/// Writes an imported ruleset in the layout of rules/: controls/ one file per control register
/// (its fields, controls, combinations and conditions), traps/ one file per register whose
/// groups the coarse entries use, fine-grained/groups plus one file per fine-grained group, and
/// sysregs/ for the catalogue. The kernel's order is kept within each file, and every entry
/// carries its kernel line in a comment. Each file starts with the YAML language server's
/// modeline naming the rule-file schema, as the files of rules/ do, so an editor checks and
/// explains an imported file as it does a hand-written one.
/// </summary>
internal static class RulesetWriter
{
    /// <summary>
    /// The rule-file schema seen from a ruleset folder laid out as rules/&lt;ruleset&gt; of an NvTrap
    /// checkout: what the files of rules/ name, and the default when the caller knows no better.
    /// </summary>
    public static readonly string CheckoutSchema = "../../" + ShippedSchemas.Folder + "/" + ShippedSchemas.Rules.FileName;

    /// <param name="ruleset">The import.</param>
    /// <param name="schema">
    /// The rule-file schema for the modelines: a path relative to the folder the files are written
    /// to (each file deeper in it gets one more '../'), or an absolute URL, written as it is.
    /// </param>
    public static WrittenRuleset Write(ImportedRuleset ruleset, string? schema = null)
    {
        schema ??= CheckoutSchema;
        bool absolute = Uri.TryCreate(schema, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
        var written = new WrittenRuleset();
        var files = new Dictionary<string, FileBuilder>(StringComparer.Ordinal);
        FileBuilder File(string path, string description)
        {
            if (!files.TryGetValue(path, out var file))
            {
                string depth = string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));
                file = new FileBuilder(absolute ? schema : depth + schema, ruleset.Name, description);
                files[path] = file;
            }

            return file;
        }

        var groups = ruleset.Groups.ToDictionary(g => g.Name, StringComparer.Ordinal);
        string? Home(ImportedGroup group, int depth = 0) => group.Kind switch
        {
            ImportedGroupKind.Control => group.Register,
            ImportedGroupKind.Combination => depth < 4 && group.Members.Count > 0 && groups.TryGetValue(group.Members[0], out var first) ? Home(first, depth + 1) : null,
            _ => group.Register,
        };
        string Slug(string? name) => (name ?? "conditions").ToLowerInvariant();

        var fineRegisters = new HashSet<string>(ruleset.FineGroups.SelectMany(g => new[] { g.Read, g.Write }), StringComparer.Ordinal);

        // Context tests and VM parameters are ruleset-wide: one file.
        if (ruleset.Context.Count > 0 || ruleset.Parameters.Count > 0)
        {
            var context = File("context.nvtrap.yaml", "The context tests and VM parameters the kernel computes in C, from the overlay.");
            if (ruleset.Context.Count > 0)
            {
                context.Line("context:");
                foreach (var item in ruleset.Context)
                {
                    context.Line($"  {item.Name}: {Quote(item.Text)}", item.Location);
                }
            }

            if (ruleset.Parameters.Count > 0)
            {
                context.Line("parameters:");
                foreach (var item in ruleset.Parameters)
                {
                    context.Line($"  {item.Name}: {item.Text}", item.Location);
                }
            }
        }

        // Control registers with their controls, combinations and conditions.
        var controlHomes = ruleset.Groups.Select(g => Home(g)).Concat(ruleset.Registers.Keys.Where(r => !fineRegisters.Contains(r))).Distinct().ToList();
        foreach (string? home in controlHomes)
        {
            var file = File($"controls/{Slug(home)}.nvtrap.yaml", home is null ? "Conditions the overlay files under no register." : $"{home}: its fields, the coarse trap controls that test it, and their combinations and conditions.");
            if (home is not null && ruleset.Registers.TryGetValue(home, out var register))
            {
                WriteRegisters(file, new[] { register });
            }

            var mine = ruleset.Groups.Where(g => Home(g) == home).ToList();
            WriteSection(file, "controls", mine.Where(g => g.Kind == ImportedGroupKind.Control), g =>
                file.Line($"  {g.Name}: {{ register: {g.Register}, mask: {Bits(g.Mask)}, value: {Bits(g.Value)}, forward: {g.Forward}{(g.InHostEl0 ? ", in_host_el0: true" : string.Empty)} }}{Where(g.Location)}", g.Location));
            WriteSection(file, "combinations", mine.Where(g => g.Kind == ImportedGroupKind.Combination), g =>
                file.Line($"  {g.Name}: [{string.Join(", ", g.Members)}]{Where(g.Location)}", g.Location));
            WriteSection(file, "conditions", mine.Where(g => g.Kind == ImportedGroupKind.Condition), g =>
            {
                file.Line($"  {g.Name}:{Where(g.Location)} ({g.Function})", g.Location);
                file.Line($"    forward: {g.Forward}", g.Location);
                if (g.InHostEl0)
                {
                    file.Line("    in_host_el0: true", g.Location);
                }

                file.Line($"    when: {Quote(g.When ?? "false")}", g.WhenLocation ?? g.Location);
            });
        }

        // Fine-grained groups (all in one file, so their ids follow the kernel's enum), filters, then one file per group.
        if (ruleset.FineGroups.Count > 0)
        {
            var groupsFile = File("fine-grained/groups.nvtrap.yaml", "The fine-grained groups, defined here in the order of the kernel's enum fgt_group_id so that they are numbered as the kernel numbers them.");
            groupsFile.Line("fine_grained:");
            foreach (var group in ruleset.FineGroups)
            {
                string registers = group.Read == group.Write ? $"both: {group.Read}" : $"read: {group.Read}, write: {group.Write}";
                groupsFile.Line($"  {group.Name}: {{ {registers} }}{Where(group.Location)}", group.Location);
            }

            if (ruleset.Filters.Count > 0)
            {
                groupsFile.Line("filters:");
                foreach (var filter in ruleset.Filters)
                {
                    groupsFile.Line($"  {filter.Name}: {Quote(filter.Text)}{Where(filter.Location)}", filter.Location);
                }
            }

            foreach (var group in ruleset.FineGroups)
            {
                var file = File($"fine-grained/{Slug(group.Name)}.nvtrap.yaml", $"Fine-grained traps of group {group.Name} ({(group.Read == group.Write ? group.Read : group.Read + " for reads, " + group.Write + " for writes")}).");
                WriteRegisters(file, new[] { group.Read, group.Write }.Distinct().Where(ruleset.Registers.ContainsKey).Select(r => ruleset.Registers[r]));
                WriteSection(file, "fine_grained_traps", ruleset.FineEntries.Where(e => e.Group == group.Name), e =>
                {
                    string where = e.First == e.Last ? $"sysreg: {e.First!.Name}" : $"range: [{e.First!.Name}, {e.Last!.Name}]";
                    file.Line($"  - {{ {where}, bit: {Bit(e)}, trap_when: {(e.TrapWhenSet ? "set" : "clear")}{(e.Filter is null ? string.Empty : ", filter: " + e.Filter)} }}{Where(e.Location)}", e.Location);
                });
                WriteSection(file, "fine_grained_non_sysreg", ruleset.NonSysregFineEntries.Where(e => e.Group == group.Name), e =>
                    file.Line($"  - {{ bit: {Bit(e)}, trap_when: {(e.TrapWhenSet ? "set" : "clear")} }}{Where(e.Location)}", e.Location));
            }
        }

        // Coarse entries, one file per home register of their groups, in the kernel's order.
        foreach (var home in ruleset.CoarseEntries.Select(e => groups.TryGetValue(e.Group, out var g) ? Home(g) : null).Distinct().ToList())
        {
            var file = File($"traps/{Slug(home)}.nvtrap.yaml", $"Coarse traps whose groups test {home ?? "conditions"}, in the order of the kernel's encoding_to_cgt[].");
            WriteSection(file, "traps", ruleset.CoarseEntries.Where(e => (groups.TryGetValue(e.Group, out var g) ? Home(g) : null) == home), e =>
            {
                string where = e.First == e.Last ? $"sysreg: {e.First.Name}" : $"range: [{e.First.Name}, {e.Last.Name}]";
                file.Line($"  - {{ group: {e.Group}, {where} }}{Where(e.Location)}", e.Location);
            });
        }

        // The catalogue, by kind of encoding.
        foreach (var kind in ruleset.Catalogue.GroupBy(c => CatalogueFile(c.Value)).OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var file = File($"sysregs/{kind.Key}.nvtrap.yaml", "System registers and instructions the tables name, with the encodings of the kernel's SYS_ and OP_ macros.");
            file.Line("sysregs:");
            var families = CatalogueFamilies.Fit(ruleset, kind.Select(c => c.Key));
            var written2 = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in kind.OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
            {
                if (ruleset.FamilyMembers.TryGetValue(entry.Key, out var member) && families.TryGetValue(member.Family, out var family))
                {
                    if (written2.Add(member.Family))
                    {
                        file.Line($"  {member.Family}: {{ n: {family.Low}..{family.High}, encoding: [{string.Join(", ", family.Fields)}] }}");
                    }

                    continue;
                }

                file.Line($"  {entry.Key}: {Generic(entry.Value)}");
            }
        }

        foreach (var (path, file) in files)
        {
            written.Files[path] = file.Text.ToString();
            written.Origins[path] = file.Origins;
        }

        return written;
    }

    private static string CatalogueFile(ushort encoding) => (encoding >> 14) switch
    {
        1 => "instructions",
        2 => "debug",
        _ => ((encoding >> 11) & 7) is 4 or 5 or 6 ? "el2" : "registers",
    };

    private static void WriteSection<T>(FileBuilder file, string key, IEnumerable<T> items, Action<T> write)
    {
        bool first = true;
        foreach (var item in items)
        {
            if (first)
            {
                file.Line($"{key}:");
                first = false;
            }

            write(item);
        }
    }

    private static void WriteRegisters(FileBuilder file, IEnumerable<ImportedRegister> registers)
    {
        bool first = true;
        foreach (var register in registers)
        {
            if (first)
            {
                file.Line("registers:");
                first = false;
            }

            file.Line($"  {register.Name}:{Where(register.Location)}", register.Location);
            if (register.Encoding is { } encoding)
            {
                file.Line($"    encoding: {Generic(encoding)}", register.Location);
            }

            if (register.Res0 != 0 || (register.Sanitised && register.Res1 == 0))
            {
                file.Line($"    res0: {Hex(register.Res0)}", register.Location);
            }

            if (register.Res1 != 0)
            {
                file.Line($"    res1: {Hex(register.Res1)}", register.Location);
            }

            if (register.Fields.Count > 0)
            {
                file.Line("    fields:", register.Location);
                foreach (var (name, (hi, lo)) in register.Fields.OrderByDescending(f => f.Value.Hi).ThenBy(f => f.Key, StringComparer.Ordinal))
                {
                    file.Line(hi == lo ? $"      {name}: {hi}" : $"      {name}: [{hi}, {lo}]", register.Location);
                }
            }
        }
    }

    private static string Bits(BitsValue? value) => value switch
    {
        null => "[]",
        { Fields: { Count: 1 } fields } => fields[0],
        { Fields: { } fields } => "[" + string.Join(", ", fields) + "]",
        { Bits: 0 } => "[]",
        _ => Hex(value.Bits),
    };

    private static string Bit(ImportedFineEntry entry) =>
        entry.BitName.StartsWith("[", StringComparison.Ordinal) ? Quote(entry.Group + entry.BitName) : $"{entry.Group}.{entry.BitName}";

    public static string Hex(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);

    public static string Generic(ushort encoding) => $"S{encoding >> 14}_{(encoding >> 11) & 7}_C{(encoding >> 7) & 15}_C{(encoding >> 3) & 15}_{encoding & 7}";

    private static string Where(SourceLocation location) => location.Line > 0 ? $"  # {location.Path}:{location.Line}" : string.Empty;

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private sealed class FileBuilder
    {
        private int _lines;

        public FileBuilder(string schema, string ruleset, string description)
        {
            Line($"# yaml-language-server: $schema={schema}");
            Line($"ruleset: {ruleset}");
            Line($"# {description}");
            Line("# Written by nvtrap import kernel; each entry's comment is the kernel line it comes from.");
            Line(string.Empty);
        }

        public StringBuilder Text { get; } = new();

        public SortedDictionary<int, SourceLocation> Origins { get; } = new();

        public void Line(string text, SourceLocation? origin = null)
        {
            Text.Append(text).Append('\n');
            _lines++;
            if (origin is { } o)
            {
                Origins[_lines] = o;
            }
        }
    }
}
