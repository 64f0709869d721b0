using System.Text.RegularExpressions;
using NvTrap.Compiler;
using NvTrap.Compiler.Semantics;
using NvTrap.Kernel.Tests.Infrastructure;

namespace NvTrap.Kernel.Tests.Checks;

/// <summary>
/// NVT072 and NVT058 say what the kernel's boot check of its fine-grained tables says. The check
/// is restated here from emulate-nested.c (aggregate_fgt() gathers each entry's bit into its
/// registers' trap-when-set or trap-when-clear mask, leaving out a register that reserves it;
/// check_fgt_masks() wants the reserved bits and the two masks of each register to cover its 64
/// bits without overlapping, and rejects a bit in both masks), and held against the compiler on
/// both built-in rulesets and on mutations that break each half of it.
/// </summary>
public class FineGrainedMaskTests
{
    private static string LinuxRules(string name) => Path.Combine(AppContext.BaseDirectory, "LinuxRules", name);

    /// <summary>The registers the kernel would call inconsistent, and those with a bit of both polarities.</summary>
    private static (SortedSet<string> Inconsistent, SortedSet<string> BothPolarities) Kernel(BoundRuleset ruleset)
    {
        var set = new Dictionary<int, ulong>();
        var clear = new Dictionary<int, ulong>();
        var entries = ruleset.FineGrainedEntries.Select(e => (e.FineGrainedGroup, e.Bit, e.TrapWhenSet))
            .Concat(ruleset.NonSysregBits.Select(b => (b.FineGrainedGroup, b.Bit, b.TrapWhenSet)));
        foreach (var (groupId, bit, whenSet) in entries)
        {
            var group = ruleset.FineGrainedGroups[groupId - 1];
            foreach (int register in new[] { group.ReadRegister, group.WriteRegister }.Distinct())
            {
                var r = ruleset.Registers[register];
                ulong kept = (1UL << bit) & ~(r.Res0 | r.Res1);
                var masks = whenSet ? set : clear;
                masks[register] = masks.GetValueOrDefault(register) | kept;
            }
        }

        var inconsistent = new SortedSet<string>(StringComparer.Ordinal);
        var both = new SortedSet<string>(StringComparer.Ordinal);
        foreach (int register in ruleset.FineGrainedGroups.SelectMany(g => new[] { g.ReadRegister, g.WriteRegister }).Distinct())
        {
            var r = ruleset.Registers[register];
            ulong mask = set.GetValueOrDefault(register), nmask = clear.GetValueOrDefault(register);
            if ((mask & nmask) != 0)
            {
                both.Add(r.Name);
            }

            if ((r.Res0 | r.Res1 | mask | nmask) != ulong.MaxValue || (r.Res0 & r.Res1) != 0 || (mask & nmask) != 0)
            {
                inconsistent.Add(r.Name);
            }
        }

        return (inconsistent, both);
    }

    private static void AssertAgrees(IReadOnlyList<KeyValuePair<string, string>> files, int inconsistent, int bothPolarities)
    {
        var compilation = RuleCompiler.Compile(files.Select(f => new RuleSource(f.Key, f.Value)));
        var (kernelInconsistent, kernelBoth) = Kernel(compilation.Bound.Single());
        var incomplete = compilation.Diagnostics.Where(d => d.Id == "NVT072")
            .Select(d => Regex.Match(d.Message, "of fine-grained register (\\w+) are").Groups[1].Value);
        var polarities = compilation.Diagnostics.Where(d => d.Id == "NVT058")
            .Select(d => Regex.Match(d.Message, "\\(bit \\d+ of (\\w+)\\)").Groups[1].Value);

        // NVT058 names the register at which it met the contradiction; the kernel counts it in every register of the group.
        Assert.Equal(kernelInconsistent.Where(r => !kernelBoth.Contains(r)), new SortedSet<string>(incomplete, StringComparer.Ordinal).Where(r => !kernelBoth.Contains(r)));
        Assert.Equal(kernelBoth.Count > 0, polarities.Any());
        Assert.True(polarities.All(kernelBoth.Contains));
        Assert.Equal(inconsistent, kernelInconsistent.Count);
        Assert.Equal(bothPolarities, kernelBoth.Count);
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Edit(string ruleset, string file, Func<string, string> edit) =>
        RulesetModel.Read(LinuxRules(ruleset)).Select(f => f.Key == file ? new KeyValuePair<string, string>(f.Key, edit(f.Value)) : f).ToList();

    [Theory]
    [InlineData("linux-6.6")]
    [InlineData("linux-7.1")]
    public void Both_built_in_rulesets_pass_the_kernels_check_as_they_pass_the_compilers(string ruleset)
    {
        AssertAgrees(RulesetModel.Read(LinuxRules(ruleset)), inconsistent: 0, bothPolarities: 0);
    }

    [Theory]
    // 6.6's tables did not describe HFGITR_EL2's SVC and ERET bits; without the declarations the
    // hand-written files add, the register is incomplete, as the kernel's check would say.
    [InlineData("linux-6.6", "fine-grained/hfgitr.nvtrap.yaml", "  - { bit: HFGITR.ERET, trap_when: set }\n")]
    [InlineData("linux-7.1", "fine-grained/hfgitr.nvtrap.yaml", "  - { bit: HFGITR.ERET, trap_when: set }  # arch/arm64/kvm/emulate-nested.c:2122\n")]
    public void A_bit_nothing_accounts_for_is_reported_where_the_kernel_finds_the_masks_inconsistent(string ruleset, string file, string line)
    {
        var files = Edit(ruleset, file, text => text.Contains(line, StringComparison.Ordinal) ? text.Replace(line, string.Empty) : throw new InvalidOperationException($"{file} has no '{line.Trim()}'"));
        AssertAgrees(files, inconsistent: 1, bothPolarities: 0);
    }

    [Fact]
    public void A_bit_given_both_polarities_is_an_error_where_the_kernel_fails_to_boot()
    {
        // ERXMISC0..3_EL1 share HFGRTR's ERXMISCn_EL1 bit; one of them turned to trap when clear.
        const string line = "  - { sysreg: ERXMISC0_EL1, bit: HFGRTR.ERXMISCn_EL1, trap_when: set }";
        var files = Edit("linux-7.1", "fine-grained/hfgrtr.nvtrap.yaml", text => text.Replace(line, line.Replace("set }", "clear }")));
        AssertAgrees(files, inconsistent: 2, bothPolarities: 2);
    }
}
