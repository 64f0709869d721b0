using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Lowering;

/// <summary>
/// Turns a checked <see cref="BoundRuleset"/> into a <see cref="LoweredRuleset"/>: ranges
/// expanded, configs packed in the kernel's layout and verified, combinations flattened, and the
/// lookup table built and verified against the expanded table for every one of the 65,536
/// encodings.
/// </summary>
internal static class Lowerer
{
    /// <param name="ruleset">A bound ruleset with no errors.</param>
    /// <param name="diagnostics">Receives packing and hashing failures.</param>
    /// <param name="hashAttempts">Table sizes the lookup search may try (tests lower it to force a failure).</param>
    public static LoweredRuleset? Lower(BoundRuleset ruleset, List<RuleDiagnostic> diagnostics, int hashAttempts = 6)
    {
        // Expand every entry to the encodings it covers. Overlaps were reported by the checker;
        // lowering only runs on an error-free ruleset, so each encoding is written once.
        var groupOf = new Dictionary<ushort, int>();
        int fromRanges = 0, fromSingles = 0;
        foreach (var entry in ruleset.CoarseEntries)
        {
            for (int e = entry.First; e <= entry.Last; e++)
            {
                groupOf[(ushort)e] = entry.Group;
            }

            if (entry.IsRange)
            {
                fromRanges += entry.Last - entry.First + 1;
            }
            else
            {
                fromSingles++;
            }
        }

        var fineOf = new Dictionary<ushort, FineGrainedEntry>();
        foreach (var entry in ruleset.FineGrainedEntries)
        {
            for (int e = entry.First; e <= entry.Last; e++)
            {
                fineOf[(ushort)e] = entry;
            }
        }

        var configured = groupOf.Keys.Concat(fineOf.Keys).Distinct().OrderBy(e => e).ToList();
        var configs = new List<KeyValuePair<uint, uint>>(configured.Count);
        foreach (ushort encoding in configured)
        {
            groupOf.TryGetValue(encoding, out int group);
            fineOf.TryGetValue(encoding, out var fine);
            var packed = TrapConfigLayout.TryPack(group, fine?.FineGrainedGroup ?? 0, fine?.Bit ?? 0, fine is not null && fine.TrapWhenSet ? 1 : 0, fine?.Filter ?? 0, out string? problem);
            if (packed is null)
            {
                var span = fine?.Span ?? ruleset.CoarseEntries.First(c => c.First <= encoding && encoding <= c.Last).Span;
                diagnostics.Add(Descriptors.PackedConfigInvalid.Create(span,
                    $"The packed trap config for {EncodingLayout.GenericName(encoding)} is invalid: {problem}. Reduce the number of groups or fine-grained groups."));
                return null;
            }

            configs.Add(new KeyValuePair<uint, uint>(EncodingLayout.IssKey(encoding), (uint)packed.Value));
        }

        var hash = PerfectHashBuilder.Build(configs, out string? hashProblem, hashAttempts);
        if (hash is null)
        {
            ReportHashFailure(ruleset, diagnostics, hashProblem!);
            return null;
        }

        var (groupStarts, groupRecords, groupKinds) = DecisionListBuilder.GroupTables(ruleset);
        var (listStarts, listRecords) = DecisionListBuilder.DecisionLists(ruleset);
        var fineGrainedRegisters = new byte[TableLayout.FineGrainedRegisters.Count];
        foreach (var group in ruleset.FineGrainedGroups)
        {
            fineGrainedRegisters[TableLayout.FineGrainedRegisters.Index(group.Id, isRead: true)] = (byte)group.ReadRegister;
            fineGrainedRegisters[TableLayout.FineGrainedRegisters.Index(group.Id, isRead: false)] = (byte)group.WriteRegister;
        }

        var res0 = new ulong[Capacities.MaxRegisters];
        var res1 = new ulong[Capacities.MaxRegisters];
        uint sanitised = 0;
        foreach (var register in ruleset.Registers)
        {
            res0[register.Index] = register.Res0;
            res1[register.Index] = register.Res1;
            sanitised |= register.IsSanitised ? 1u << register.Index : 0;
        }

        var parameters = new ulong[Capacities.MaxParameters];
        foreach (var parameter in ruleset.Parameters)
        {
            parameters[parameter.Index] = parameter.Default;
        }

        var tables = new RuntimeTables(
            hash.Value.SlotBits,
            hash.Value.Displacements.ToEquatableArray(),
            hash.Value.Slots.ToEquatableArray(),
            listStarts.ToEquatableArray(),
            listRecords.ToEquatableArray(),
            groupStarts.ToEquatableArray(),
            groupRecords.ToEquatableArray(),
            groupKinds.ToEquatableArray(),
            fineGrainedRegisters.ToEquatableArray(),
            res0.ToEquatableArray(),
            res1.ToEquatableArray(),
            parameters.ToEquatableArray(),
            sanitised);
        if (!Verify(tables, configs, out hashProblem))
        {
            ReportHashFailure(ruleset, diagnostics, hashProblem!);
            return null;
        }

        var counts = new RulesetCounts(
            ruleset.Groups.Count(g => g is BoundControl),
            ruleset.Groups.Count(g => g is BoundCombination),
            ruleset.Groups.Count(g => g is BoundCondition),
            ruleset.CoarseEntries.Count,
            ruleset.CoarseEntries.Count(e => e.IsRange),
            ruleset.FineGrainedEntries.Count,
            configured.Count,
            fromRanges,
            fromSingles,
            fineOf.Keys.Count(e => !groupOf.ContainsKey(e)));

        return new LoweredRuleset(
            ruleset.Name,
            ruleset.Files.ToEquatableArray(),
            tables,
            RulesetDescriber.Names(ruleset, fineOf),
            RulesetDescriber.Conditions(ruleset),
            RulesetDescriber.Groups(ruleset),
            RulesetDescriber.Registers(ruleset),
            RulesetDescriber.FineGrainedGroups(ruleset),
            new LoweredContext(ruleset.Context.Hypervisor, ruleset.Context.HostEl0),
            ruleset.Filters.Select(f => new LoweredFilter(f.Id, f.Name, f.When!, SourceLocation.Of(f.Span))).ToEquatableArray(),
            ruleset.Parameters.Select(p => new ParameterDescription(p.Index, p.Name, p.Default, p.Min, p.Max, SourceLocation.Of(p.Span))).ToEquatableArray(),
            counts);
    }

    private static void ReportHashFailure(BoundRuleset ruleset, List<RuleDiagnostic> diagnostics, string problem) =>
        diagnostics.Add(Descriptors.PerfectHashFailed.Create(SourceSpan.FileStart(ruleset.Files.FirstOrDefault() ?? ruleset.Name),
            $"Ruleset '{ruleset.Name}' could not be given a verified lookup table: {problem}. This is a bug in NvTrap; please report it with the rules."));

    /// <summary>The lookup must give each configured encoding its config and every other encoding 0.</summary>
    private static bool Verify(RuntimeTables tables, List<KeyValuePair<uint, uint>> configs, out string? problem)
    {
        var expected = configs.ToDictionary(c => c.Key, c => c.Value);
        for (int encoding = 0; encoding <= ushort.MaxValue; encoding++)
        {
            uint key = EncodingLayout.IssKey((ushort)encoding);
            expected.TryGetValue(key, out uint want);
            uint got = tables.Lookup(key);
            if (got != want)
            {
                problem = $"lookup of {EncodingLayout.GenericName((ushort)encoding)} gives 0x{got:X} instead of 0x{want:X}";
                return false;
            }
        }

        problem = null;
        return true;
    }
}
