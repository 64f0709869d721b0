using NvTrap.Testing;
using NvTrap.Testing.Reference;
using KernelEncoding = NvTrap.Testing.Reference.SysRegEncoding;

namespace NvTrap.Runtime.Tests.Linux;

/// <summary>
/// Shape of the generated Linux71Traps, read from its own tables (RuleTables and the generated
/// constants), against the 7.1 kernel: the numbers it prints at boot, the hand-typed
/// <see cref="Spot71"/> list, the oracle's whole trap-config table, and the full-featured VM.
/// </summary>
public class Linux71RulesetTests
{
    private static readonly Linux71Traps.Rules Rules = default;

    [Fact]
    public void Counts_match_the_kernels_boot_numbers()
    {
        // The kernel's boot check prints the controls, combinations and conditions of
        // enum cgt_group_id; the generated group kinds say which each group is.
        var kinds = Enumerable.Range(1, RuleTables.GroupCount(Rules)).Select(g => RuleTables.KindOf(Rules, g)).ToArray();
        Assert.Equal(Linux71Traps.GroupCount, kinds.Length);
        Assert.Equal(51, kinds.Count(k => k == RuleGroupKind.Control));
        Assert.Equal(17, kinds.Count(k => k == RuleGroupKind.Combination));
        Assert.Equal(6, kinds.Count(k => k == RuleGroupKind.Condition));
        Assert.Equal(74, kinds.Length);

        // Encodings: 5,434 with a coarse group (encoding_to_cgt expanded), 860 with a
        // fine-grained entry (encoding_to_fgt expanded), 30 of them behind the nXS filter, and
        // 5,753 configured in all.
        var configured = Linux71Traps.ConfiguredEncodings();
        var configs = configured.Select(Linux71Traps.LookupConfig).ToArray();
        Assert.Equal(5753, configured.Length);
        Assert.Equal(5753, Linux71Traps.ConfiguredEncodingCount);
        Assert.All(configs, c => Assert.NotEqual(0UL, c));
        Assert.Equal(5434, configs.Count(c => TrapConfigLayout.Group(c) != 0));
        Assert.Equal(860, configs.Count(c => TrapConfigLayout.FineGrainedGroup(c) != 0));
        Assert.Equal(30, configs.Count(c => TrapConfigLayout.Filter(c) == Linux71Traps.Filters.HCRX_FGTnXS));
        Assert.All(configs.Where(c => TrapConfigLayout.Filter(c) != 0),
            c => Assert.Equal(Linux71Traps.FineGrainedGroups.HFGITR, TrapConfigLayout.FineGrainedGroup(c)));
        Assert.Equal(1, Linux71Traps.FilterCount);

        // 9 fine-grained groups (enum fgt_group_id less __NO_FGT_GROUP__) over 14 registers.
        Assert.Equal(9, Linux71Traps.FineGrainedGroupCount);
        var rules = Rules;
        var registers = Enumerable.Range(1, Linux71Traps.FineGrainedGroupCount)
            .SelectMany(g => new[] { RuleTables.FineGrainedRegister(ref rules, g, true), RuleTables.FineGrainedRegister(ref rules, g, false) })
            .Distinct()
            .ToArray();
        Assert.Equal(14, registers.Length);
    }

    [Fact]
    public void Every_Spot71_entry_is_the_generated_config()
    {
        // Spot71 was typed by hand from the kernel's SR_TRAP/SR_FGT lines; names, not ids, are
        // compared (the rules name groups as the kernel's enums, without CGT_ and _GROUP).
        var names = Rules.Names;
        foreach (var spot in Spot71.Entries)
        {
            var e = spot.Encoding;
            ulong config = Linux71Traps.LookupConfig(SysRegEncoding.Create(e.Op0, e.Op1, e.CRn, e.CRm, e.Op2));
            string at = $"{spot.Note} ({e})";
            Assert.True(config != 0, $"{at}: not configured");
            Assert.True((spot.Coarse ?? "none") == names.GroupName(TrapConfigLayout.Group(config)),
                $"{at}: coarse {spot.Coarse ?? "none"}, generated {names.GroupName(TrapConfigLayout.Group(config))}");
            string fineGroup = spot.FineGroup is null ? "none" : Canonical(spot.FineGroup);
            Assert.True(fineGroup == names.FineGrainedGroupName(TrapConfigLayout.FineGrainedGroup(config)),
                $"{at}: fine-grained group {fineGroup}, generated {names.FineGrainedGroupName(TrapConfigLayout.FineGrainedGroup(config))}");
            if (spot.FineGroup is not null)
            {
                Assert.True(spot.Bit == TrapConfigLayout.Bit(config), $"{at}: bit {spot.Bit}, generated {TrapConfigLayout.Bit(config)}");
                Assert.True(spot.Polarity == TrapConfigLayout.Polarity(config), $"{at}: polarity {spot.Polarity}, generated {TrapConfigLayout.Polarity(config)}");
            }

            Assert.True((spot.Filter ?? "none") == names.FilterName(TrapConfigLayout.Filter(config)),
                $"{at}: filter {spot.Filter ?? "none"}, generated {names.FilterName(TrapConfigLayout.Filter(config))}");
        }
    }

    [Fact]
    public void Generated_configs_agree_with_the_Linux_71_oracles_trap_configs()
    {
        // The oracle's union trap_config per encoding (populate_nv_trap_config over the extracted
        // encoding_to_cgt and encoding_to_fgt) against the generated lookup, encoding by encoding.
        var kernel = new Linux71Reference();
        var names = Rules.Names;
        var expected = kernel.Config.Keys.Select(Product).Order().ToArray();
        Assert.Equal(expected, Linux71Traps.ConfiguredEncodings().Select(e => e.Value).ToArray());

        foreach (var (encoding, tc) in kernel.Config)
        {
            ulong config = Linux71Traps.LookupConfig(new SysRegEncoding(Product(encoding)));
            string at = $"{encoding}";
            Assert.True((tc.CoarseGroup ?? "none") == names.GroupName(TrapConfigLayout.Group(config)), $"{at}: coarse group {tc.CoarseGroup}, generated {names.GroupName(TrapConfigLayout.Group(config))}");
            Assert.True((tc.FineGroup ?? "none") == names.FineGrainedGroupName(TrapConfigLayout.FineGrainedGroup(config)), $"{at}: fine-grained group {tc.FineGroup}");
            Assert.True(tc.Bit == TrapConfigLayout.Bit(config), $"{at}: bit {tc.Bit}, generated {TrapConfigLayout.Bit(config)}");
            Assert.True(tc.Polarity == TrapConfigLayout.Polarity(config), $"{at}: polarity {tc.Polarity}, generated {TrapConfigLayout.Polarity(config)}");
            Assert.True((tc.Filter ?? "none") == names.FilterName(TrapConfigLayout.Filter(config)), $"{at}: filter {tc.Filter}, generated {names.FilterName(TrapConfigLayout.Filter(config))}");
            Assert.True((config & TrapConfigLayout.UnusedMask) == 0, $"{at}: generated config 0x{config:X} has bits above the layout");
        }

        // The oracle's encoding, packed by its own fields into NvTrap's 16 bits.
        static ushort Product(KernelEncoding e) => SysRegEncoding.Create(e.Op0, e.Op1, e.CRn, e.CRm, e.Op2).Value;
    }

    [Fact]
    public void The_test_name_tables_pair_every_kernel_name_with_its_generated_number()
    {
        // Linux71Vm's tables are what the differential tests trust to give the oracle and the
        // generated code the same VM: they must be complete and say what the generated names say.
        var names = Rules.Names;
        Assert.Equal(Linux71Table.FineGroups.Select(g => g.Name).Order(), Linux71Vm.FineGrainedGroupIds.Keys.Order());
        Assert.Equal(Enumerable.Range(1, Linux71Traps.FineGrainedGroupCount), Linux71Vm.FineGrainedGroupIds.Values.Order());
        Assert.All(Linux71Vm.FineGrainedGroupIds, p => Assert.Equal(p.Key, names.FineGrainedGroupName(p.Value)));

        Assert.Equal(Linux71Cases.RegisterNames.Order(), Linux71Vm.RegisterIds.Keys.Order());
        Assert.Equal(Enumerable.Range(0, Linux71Traps.RegisterCount), Linux71Vm.RegisterIds.Values.Order());
        Assert.All(Linux71Vm.RegisterIds, p => Assert.Equal(p.Key, names.RegisterName(p.Value)));

        // Each group tests, per direction, the register the kernel's triage_sysreg_trap reads.
        var rules = Rules;
        foreach (var group in Linux71Table.FineGroups)
        {
            int id = Linux71Vm.FineGrainedGroupIds[group.Name];
            Assert.Equal(Linux71Vm.RegisterIds[group.ReadRegister], RuleTables.FineGrainedRegister(ref rules, id, isRead: true));
            Assert.Equal(Linux71Vm.RegisterIds[group.WriteRegister], RuleTables.FineGrainedRegister(ref rules, id, isRead: false));
        }
    }

    [Fact]
    public void DefaultVm_is_the_oracles_full_featured_VM()
    {
        // The registers __vcpu_sys_reg sanitises, their masks from the sysreg file, nothing
        // hidden, 31 counters: ReferenceVm.FullFeatured().
        var vm = Linux71Traps.DefaultVm();
        var full = ReferenceVm.FullFeatured();
        foreach (var (name, id) in Linux71Vm.RegisterIds)
        {
            bool sanitised = Linux71Table.SanitisedRegisters.Contains(name);
            Assert.True(sanitised == vm.IsSanitised(id), $"{name}: sanitised {sanitised} in the kernel");
            var masks = full.MasksOf(name);
            Assert.True(masks.Res0 == vm.Res0(id), $"{name}: RES0 0x{masks.Res0:X}, generated 0x{vm.Res0(id):X}");
            Assert.True(masks.Res1 == vm.Res1(id), $"{name}: RES1 0x{masks.Res1:X}, generated 0x{vm.Res1(id):X}");
        }

        Assert.All(Enumerable.Range(0, Linux71Traps.FineGrainedGroupCount + 1), g => Assert.Equal(0UL, vm.HiddenBits(g)));
        Assert.Equal((ulong)full.NrPmuCounters, vm.Parameter(Linux71Traps.Parameters.nr_pmu_counters));
        Assert.Equal((0UL, 31UL), Rules.Names.ParameterRange(Linux71Traps.Parameters.nr_pmu_counters));
    }

    private static string Canonical(string group) =>
        Linux71Table.FineGroupAliases.TryGetValue(group, out string? canonical) ? canonical : group;
}
