using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Checking;

// The kernel's boot check of its fine-grained tables, done at build time: for each register a
// fine-grained group tests, every one of its 64 bits must be exactly one of RES0, RES1, trap when
// set, or trap when clear, counting the bits that trap something other than a system-register
// access; a bit may not trap with both polarities. A bit reserved in a register is not counted
// as a trap bit of that register (the other register of its group may use it).
internal static partial class RulesetChecker
{
    private static void CheckFineGrainedRegisters(BoundRuleset ruleset, List<RuleDiagnostic> diagnostics)
    {
        var uses = new Dictionary<int, RegisterBits>();
        RegisterBits Of(int register) => uses.TryGetValue(register, out var bits) ? bits : uses[register] = new RegisterBits(ruleset.Registers[register]);

        // A group whose register is not defined (-1, reported by the binder) has no bound entries.
        foreach (var group in ruleset.FineGrainedGroups.Where(g => g.ReadRegister >= 0 && g.WriteRegister >= 0))
        {
            Of(group.ReadRegister);
            Of(group.WriteRegister);
        }

        // One report per bit given both polarities: an entry over a range or list, or a group with
        // separate read and write registers, would otherwise repeat it.
        var reported = new HashSet<(int Group, int Bit)>();
        var entries = ruleset.FineGrainedEntries.Select(e => (e.FineGrainedGroup, e.Bit, e.TrapWhenSet, e.BitName, e.Span))
            .Concat(ruleset.NonSysregBits.Select(b => (b.FineGrainedGroup, b.Bit, b.TrapWhenSet, b.BitName, b.Span)));
        foreach (var (groupId, bit, whenSet, name, span) in entries)
        {
            var group = ruleset.FineGrainedGroups[groupId - 1];
            var registers = group.ReadRegister == group.WriteRegister ? new[] { group.ReadRegister } : new[] { group.ReadRegister, group.WriteRegister };
            foreach (int register in registers)
            {
                var bits = Of(register);
                ulong mask = 1UL << bit;
                if ((bits.Reserved & mask) != 0)
                {
                    continue;
                }

                var (same, other) = whenSet ? (bits.Set, bits.Clear) : (bits.Clear, bits.Set);
                if (other.TryGetValue(bit, out var first))
                {
                    if (!reported.Add((groupId, bit)))
                    {
                        continue;
                    }

                    diagnostics.Add(Descriptors.BothPolarities.Create(span,
                        $"{name} (bit {bit} of {bits.Register.Name}) traps when {(whenSet ? "set" : "clear")} here, but when {(whenSet ? "clear" : "set")} at {first.ToDisplayString()}; a fine-grained bit has one polarity. Fix the polarity of one entry.",
                        first));
                    continue;
                }

                if (!same.ContainsKey(bit))
                {
                    same[bit] = span;
                }
            }
        }

        foreach (var bits in uses.Values.Where(b => ruleset.FineGrainedGroups.Count > 0))
        {
            ulong accounted = bits.Reserved | bits.Set.Keys.Aggregate(0UL, (m, b) => m | (1UL << b)) | bits.Clear.Keys.Aggregate(0UL, (m, b) => m | (1UL << b));
            if (accounted != ulong.MaxValue)
            {
                diagnostics.Add(Descriptors.IncompleteFineGrainedRegister.Create(bits.Register.Span,
                    $"Bits {BitRanges(~accounted)} of fine-grained register {bits.Register.Name} are none of RES0, RES1, trap when set or trap when clear: no entry uses them and the register does not reserve them. Declare them reserved ('res0'/'res1'), give them an entry, or list the bits that trap something else under 'fine_grained_non_sysreg'."));
            }
        }
    }

    /// <summary>"63:60, 12, 3:0": the set bits of a mask as ranges, high to low.</summary>
    private static string BitRanges(ulong mask)
    {
        var parts = new List<string>();
        for (int bit = 63; bit >= 0;)
        {
            if (((mask >> bit) & 1) == 0)
            {
                bit--;
                continue;
            }

            int hi = bit;
            while (bit >= 0 && ((mask >> bit) & 1) != 0)
            {
                bit--;
            }

            int lo = bit + 1;
            parts.Add(hi == lo ? Invariant.Number(hi) : $"{hi}:{lo}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>What the entries say about one fine-grained register's bits, and where each was first said.</summary>
    private sealed class RegisterBits
    {
        public RegisterBits(BoundRegister register)
        {
            Register = register;
            Reserved = register.Res0 | register.Res1;
        }

        public BoundRegister Register { get; }

        public ulong Reserved { get; }

        public Dictionary<int, SourceSpan> Set { get; } = new();

        public Dictionary<int, SourceSpan> Clear { get; } = new();
    }
}
