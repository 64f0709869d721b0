using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Binding;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Lowering;

/// <summary>
/// Turns a checked <see cref="BoundRuleset"/> into tables: ranges expanded, configs packed in
/// the kernel's layout and verified, combinations flattened, and a perfect hash built and
/// verified against the expanded table for every one of the 65,536 encodings.
/// </summary>
internal static class Lowerer
{
    /// <param name="ruleset">A bound ruleset with no errors.</param>
    /// <param name="diagnostics">Receives packing and hashing failures.</param>
    /// <param name="hashAttempts">Table sizes the perfect-hash search may try (tests lower it to force a failure).</param>
    public static LoweredRuleset? Lower(BoundRuleset ruleset, List<RuleDiagnostic> diagnostics, int hashAttempts = 6)
    {
        var groups = new List<LoweredGroup> { new(0, "none", GroupKind.Control, -1, 0, 0, 0, 0, 0, null, null, null) };
        var members = new List<ushort>();
        foreach (var group in ruleset.Groups)
        {
            int start = members.Count;
            if (group.Kind == GroupKind.Combination)
            {
                members.AddRange(group.Members.Select(m => (ushort)m));
            }
            else
            {
                members.Add((ushort)group.Id);
            }

            groups.Add(new LoweredGroup(group.Id, group.Name, group.Kind, group.Register, group.Mask, group.Value, (int)group.Behaviour, start, members.Count - start, group.When, group.WhenText, group.CSharpMethod));
        }

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

        var names = new Dictionary<ushort, string>();
        foreach (var named in ruleset.Catalogue)
        {
            if (!names.ContainsKey(named.Encoding))
            {
                names.Add(named.Encoding, named.Name);
            }
        }

        var entries = new List<LoweredEntry>();
        bool packingFailed = false;
        foreach (ushort encoding in groupOf.Keys.Concat(fineOf.Keys).Distinct().OrderBy(e => e))
        {
            groupOf.TryGetValue(encoding, out int group);
            fineOf.TryGetValue(encoding, out var fine);
            var packed = TrapConfigLayout.TryPack(group, fine?.FineGrainedGroup ?? 0, fine?.Bit ?? 0, fine is not null && fine.TrapWhenSet ? 1 : 0, out string? problem);
            if (packed is null)
            {
                var span = fine?.Span ?? ruleset.CoarseEntries.First(c => c.First <= encoding && encoding <= c.Last).Span;
                diagnostics.Add(Descriptors.PackedConfigInvalid.Create(span,
                    $"The packed trap config for {EncodingMath.GenericName(encoding)} is invalid: {problem}. Reduce the number of groups or fine-grained groups."));
                packingFailed = true;
                continue;
            }

            names.TryGetValue(encoding, out string? name);
            entries.Add(new LoweredEntry(encoding, packed.Value, name, fine?.BitName));
        }

        if (packingFailed)
        {
            return null;
        }

        var hash = PerfectHashTable.Build(entries.Select(e => new KeyValuePair<uint, uint>(EncodingMath.IssKey(e.Encoding), (uint)e.Config)).ToList(), out string? hashProblem, hashAttempts);
        if (hash is null || !Verify(hash, entries, out hashProblem))
        {
            diagnostics.Add(Descriptors.PerfectHashFailed.Create(SourceSpan.FileStart(ruleset.Files.FirstOrDefault() ?? ruleset.Name),
                $"Ruleset '{ruleset.Name}' could not be given a verified perfect hash: {hashProblem}. This is a bug in NvTrap; please report it with the rules."));
            return null;
        }

        int hcr = ruleset.FindRegister("HCR_EL2")?.Index ?? -1;
        var counts = new RulesetCounts(
            ruleset.Groups.Count(g => g.Kind == GroupKind.Control),
            ruleset.Groups.Count(g => g.Kind == GroupKind.Combination),
            ruleset.Groups.Count(g => g.Kind == GroupKind.Condition),
            ruleset.CoarseEntries.Count,
            ruleset.CoarseEntries.Count(e => e.IsRange),
            ruleset.FineGrainedEntries.Count,
            entries.Count,
            fromRanges,
            fromSingles,
            fineOf.Keys.Count(e => !groupOf.ContainsKey(e)));

        return new LoweredRuleset(
            ruleset.Name,
            ruleset.Files.ToEquatableArray(),
            ruleset.Registers.Select(r => new LoweredRegister(r.Index, r.Name, r.Res0, r.Encoding)).ToEquatableArray(),
            hcr,
            groups.ToEquatableArray(),
            members.ToEquatableArray(),
            DecisionTable.Build(groups, members),
            ruleset.FineGrainedGroups.Select(f => new LoweredFineGrainedGroup(f.Id, f.Name, f.ReadRegister, f.WriteRegister)).ToEquatableArray(),
            entries.ToEquatableArray(),
            hash,
            ruleset.Catalogue.Select(c => new CatalogueName(c.Name, c.Encoding)).ToEquatableArray(),
            counts);
    }

    /// <summary>The hash must return each entry's config and 0 for every other encoding.</summary>
    private static bool Verify(PerfectHashTable hash, List<LoweredEntry> entries, out string? problem)
    {
        var expected = entries.ToDictionary(e => e.Encoding, e => e.Config);
        for (int key = 0; key <= ushort.MaxValue; key++)
        {
            expected.TryGetValue((ushort)key, out ulong want);
            ulong got = hash.LookupEncoding((ushort)key);
            if (got != want)
            {
                problem = $"lookup of {EncodingMath.GenericName((ushort)key)} gives 0x{got:X} instead of 0x{want:X}";
                return false;
            }
        }

        problem = null;
        return true;
    }
}
