using NvTrap.Compiler;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Semantics;
using NvTrap.Kernel.Import;

namespace NvTrap.Kernel.Tests.Infrastructure;

/// <summary>
/// Compiles rule files with the rule compiler and states what they decide in names, not ids:
/// each group's definition, and for every configured encoding its coarse group and fine-grained
/// bit. Two rulesets with equal models decide every access alike.
/// </summary>
public static class RulesetModel
{
    /// <summary>Keys the compiler accepts today; the others (context, filters, in_host_el0, ...) are being added.</summary>
    internal static RuleCompilation Compile(IEnumerable<KeyValuePair<string, string>> files) =>
        RuleCompiler.Compile(files.Select(f => new RuleSource(f.Key, f.Value)));

    internal static BoundRuleset Bound(IEnumerable<KeyValuePair<string, string>> files)
    {
        var compilation = Compile(files);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics.Select(d => d.ToDisplayString())));
        return Assert.Single(compilation.Bound);
    }

    internal static IReadOnlyList<KeyValuePair<string, string>> Read(string folder) =>
        Directory.EnumerateFiles(folder, "*.nvtrap.yaml", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new KeyValuePair<string, string>(Path.GetRelativePath(folder, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();

    /// <summary>
    /// What a ruleset says, in names: groups, registers (fields, reserved bits, sanitised or not),
    /// fine-grained groups, filters, parameters, context tests, non-EC-0x18 bits, and per
    /// configured encoding its coarse group and fine-grained bit (polarity, filter, bit name).
    /// Catalogue names are left to <see cref="Names"/>.
    /// </summary>
    internal static SortedDictionary<string, string> Describe(BoundRuleset ruleset)
    {
        var model = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string Register(int index) => ruleset.Registers[index].Name;
        foreach (var group in ruleset.Groups)
        {
            model["group " + group.Name] = group switch
            {
                BoundControl c => $"{c.Id} control {Register(c.Register)} mask {c.Mask:X} value {c.Value:X} {c.Behaviour}",
                BoundCombination m => $"{m.Id} combination " + string.Join(",", m.Members.Select(x => ruleset.GroupById(x.Group).Name)),
                BoundCondition k => $"{k.Id} condition {k.Behaviour} {(k.Logic as ExpressionLogic)?.Text}",
                _ => "?",
            };
        }

        foreach (var register in ruleset.Registers)
        {
            string fields = string.Join(",", register.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value.Hi}:{f.Value.Lo}"));
            model["register " + register.Name] = $"res0 {register.Res0:X} res1 {register.Res1:X} sanitised {register.IsSanitised} encoding {register.Encoding?.ToString("X4") ?? "-"} fields {fields}";
        }

        foreach (var group in ruleset.FineGrainedGroups)
        {
            model["fine group " + group.Name] = $"{group.Id} {Register(group.ReadRegister)} {Register(group.WriteRegister)}";
        }

        foreach (var filter in ruleset.Filters)
        {
            model["filter " + filter.Name] = $"{filter.Id} {filter.When?.Text}";
        }

        foreach (var parameter in ruleset.Parameters)
        {
            model["parameter " + parameter.Name] = $"{parameter.Default} {parameter.Min}..{parameter.Max}";
        }

        model["context"] = $"{ruleset.Context.Hypervisor.Text} | {ruleset.Context.HostEl0?.Text ?? "-"}";
        foreach (var bit in ruleset.NonSysregBits)
        {
            model[$"non-0x18 {ruleset.FineGrainedGroups[bit.FineGrainedGroup - 1].Name}[{bit.Bit}]"] = $"{(bit.TrapWhenSet ? "set" : "clear")} {bit.BitName}";
        }

        foreach (var entry in ruleset.CoarseEntries)
        {
            for (int e = entry.First; e <= entry.Last; e++)
            {
                model[$"encoding {e:X4} coarse"] = ruleset.GroupById(entry.Group).Name;
            }
        }

        foreach (var entry in ruleset.FineGrainedEntries)
        {
            string filter = entry.Filter == 0 ? "-" : ruleset.Filters[entry.Filter - 1].Name;
            for (int e = entry.First; e <= entry.Last; e++)
            {
                model[$"encoding {e:X4} fine"] = $"{ruleset.FineGrainedGroups[entry.FineGrainedGroup - 1].Name}[{entry.Bit}] {(entry.TrapWhenSet ? "set" : "clear")} {filter} {entry.BitName}";
            }
        }

        return model;
    }

    /// <summary>The name the listings show for each configured encoding: the first catalogue name of it, or -.</summary>
    internal static SortedDictionary<ushort, string> Names(BoundRuleset ruleset)
    {
        var first = new Dictionary<ushort, string>();
        foreach (var entry in ruleset.Catalogue)
        {
            first.TryAdd(entry.Encoding, entry.Name);
        }

        var names = new SortedDictionary<ushort, string>();
        foreach (var (a, b) in ruleset.CoarseEntries.Select(e => (e.First, e.Last)).Concat(ruleset.FineGrainedEntries.Select(e => (e.First, e.Last))))
        {
            for (int e = a; e <= b; e++)
            {
                names[(ushort)e] = first.GetValueOrDefault((ushort)e, "-");
            }
        }

        return names;
    }

    /// <summary>The kernel's decision for a read or write at virtual EL1 with nested virtualization, conditions left out.</summary>
    internal static bool? Forwards(BoundRuleset ruleset, ushort encoding, bool read, IReadOnlyDictionary<string, ulong> registers)
    {
        ulong Value(int index) => registers.TryGetValue(ruleset.Registers[index].Name, out ulong v) ? v : 0;
        var fine = ruleset.FineGrainedEntries.FirstOrDefault(e => e.First <= encoding && encoding <= e.Last);
        if (fine is not null)
        {
            var group = ruleset.FineGrainedGroups[fine.FineGrainedGroup - 1];
            int register = read ? group.ReadRegister : group.WriteRegister;
            ulong bits = Value(register) & ~ruleset.Registers[register].Res0;
            if (((bits >> fine.Bit) & 1) == (fine.TrapWhenSet ? 1UL : 0UL))
            {
                return true;
            }
        }

        var coarse = ruleset.CoarseEntries.FirstOrDefault(e => e.First <= encoding && encoding <= e.Last);
        if (coarse is null)
        {
            return fine is null ? null : false;
        }

        TrapBehaviour Behaviour(BoundGroup g) => g switch
        {
            BoundControl c => (Value(c.Register) & c.Mask) == c.Value ? c.Behaviour : TrapBehaviour.None,
            BoundCombination m => m.Members.Aggregate(TrapBehaviour.None, (b, x) => b | Behaviour(ruleset.GroupById(x.Group))),
            _ => TrapBehaviour.None,
        };
        var behaviour = Behaviour(ruleset.GroupById(coarse.Group));
        return (behaviour & (read ? TrapBehaviour.Read : TrapBehaviour.Write)) != 0;
    }
}
