using NvTrap.Testing.Reference;
using KernelEncoding = NvTrap.Testing.Reference.SysRegEncoding;

namespace NvTrap.Runtime.Tests.Linux;

/// <summary>Shape of the embedded Linux ruleset, and its lookup against a plain dictionary.</summary>
public class LinuxRulesetTests : IClassFixture<LinuxRulesetFixture>
{
    private readonly LinuxRulesetFixture _linux;

    public LinuxRulesetTests(LinuxRulesetFixture linux) => _linux = linux;

    [Fact]
    public void Counts_match_the_kernel_tables()
    {
        var counts = _linux.Lowered.Counts;
        Assert.Equal(39, counts.Controls);
        Assert.Equal(13, counts.Combinations);
        Assert.Equal(2, counts.Conditions);
        Assert.Equal(432, counts.CoarseEntries);
        Assert.Equal(22, counts.CoarseRanges);
        Assert.Equal(164, counts.FineGrainedEntries);
        Assert.Equal(6105, counts.ConfiguredEncodings);
        Assert.Equal(5679, counts.EncodingsFromRanges);
        Assert.Equal(410, counts.EncodingsFromSingleEntries);
        Assert.Equal(16, counts.EncodingsWithOnlyFineGrained);
        Assert.Equal(6105, Linux66Traps.ConfiguredEncodingCount);
    }

    [Fact]
    public void Fine_grained_groups_are_numbered_as_the_kernels_enum()
    {
        // enum fgt_group_id in emulate-nested.c: __NO_FGT_GROUP__, HFGxTR_GROUP, HFGITR_GROUP.
        Assert.Equal(1, Linux66Traps.FineGrainedGroups.HFGxTR);
        Assert.Equal(2, Linux66Traps.FineGrainedGroups.HFGITR);
        Assert.Equal(1, TrapConfigLayout.FineGrainedGroup(Linux66Traps.LookupConfig(SysRegEncoding.Parse("S3_3_C13_C0_5"))));
        Assert.Equal(2, TrapConfigLayout.FineGrainedGroup(Linux66Traps.LookupConfig(SysRegEncoding.Parse("S1_0_C8_C3_0"))));
    }

    [Fact]
    public void The_ruleset_compiles_with_only_the_warnings_for_the_kernels_own_mistakes()
    {
        // DBGWCR15_EL1 left out of its family, and SPSR_EL2 and ELR_EL2 left in the hole of the
        // HCR_EL2.NV ranges: the 6.6 table's, kept as it had them (docs/linux-6.6.md).
        Assert.Equal(
            new[] { ("NVT075", "traps/debug.nvtrap.yaml", 36), ("NVT077", "traps/nested-virt.nvtrap.yaml", 9) },
            _linux.Compilation.Diagnostics.Select(d => (d.Id, d.Span.Path.Replace('\\', '/'), d.Span.StartLine)));
    }

    [Fact]
    public void Generated_lookup_equals_the_compilers_table_for_every_encoding()
    {
        var tables = _linux.Lowered.Tables;
        for (int key = 0; key <= ushort.MaxValue; key++)
        {
            var encoding = new SysRegEncoding((ushort)key);
            uint config = tables.Lookup(encoding.IssKey);
            Assert.True(config == Linux66Traps.LookupConfig(encoding), $"encoding {encoding}: expected 0x{config:X}");
        }
    }

    [Fact]
    public void Lookup_by_iss_key_equals_lookup_by_encoding_for_every_encoding_whatever_rt_and_direction()
    {
        var rules = default(Linux66Traps.Rules);
        for (int key = 0; key <= ushort.MaxValue; key++)
        {
            var encoding = new SysRegEncoding((ushort)key);
            uint config = RuleTables.Lookup(rules, encoding);
            Assert.True(config == rules.LookupIssKey(encoding.IssKey), $"encoding {encoding}");
            var esr = Esr.ForSysRegAccess(encoding, isRead: key % 2 == 1, rt: key % 32);
            Assert.True(config == rules.LookupIssKey((uint)esr.Value), $"encoding {encoding} with Rt and direction bits");
        }
    }

    [Fact]
    public void Configured_encodings_are_exactly_those_with_a_config()
    {
        var configured = Linux66Traps.ConfiguredEncodings();
        Assert.Equal(Linux66Traps.ConfiguredEncodingCount, configured.Length);
        Assert.Equal(configured.OrderBy(e => e.Value), configured);
        var set = configured.ToHashSet();
        for (int key = 0; key <= ushort.MaxValue; key++)
        {
            var encoding = new SysRegEncoding((ushort)key);
            Assert.Equal(set.Contains(encoding), Linux66Traps.LookupConfig(encoding) != 0);
        }
    }

    [Fact]
    public void Generated_configs_agree_with_the_Linux_66_oracles_trap_configs()
    {
        // The oracle's union trap_config per encoding (populate_nv_trap_config over the extracted
        // encoding_to_cgt and encoding_to_fgt), against the generated lookup. Names, not ids, are
        // compared: the rules name each coarse group as the kernel's enum cgt_group_id without its
        // CGT_ prefix (CGT_HCR_TVM_TRVM is HCR_TVM_TRVM, CGT_CNTHCTL_EL1PCTEN is CNTHCTL_EL1PCTEN),
        // which is also how Linux66Table spells them, and each fine-grained group as enum
        // fgt_group_id without its _GROUP suffix (HFGxTR_GROUP is HFGxTR, HFGITR_GROUP is HFGITR).
        var kernel = new Linux66Reference();
        var names = default(Linux66Traps.Rules).Names;

        var expected = kernel.Config.Keys.Select(Product).Order().ToArray();
        var generated = Linux66Traps.ConfiguredEncodings().Select(e => e.Value).ToArray();
        Assert.Equal(expected.Length, generated.Length);
        Assert.Equal(expected, generated);

        foreach (var (encoding, tc) in kernel.Config)
        {
            ulong config = Linux66Traps.LookupConfig(new SysRegEncoding(Product(encoding)));
            string at = $"{encoding}";

            // The kernel's layout: [9:0] cgt, [13:10] fgt, [19:14] bit, [20] polarity; 6.6 has no
            // filters, so nothing above bit 20.
            Assert.True((tc.CoarseGroup ?? "none") == names.GroupName((int)(config & 0x3FF)), $"{at}: coarse group {tc.CoarseGroup}, generated {names.GroupName((int)(config & 0x3FF))}");
            Assert.True((tc.FineGroup ?? "none") == names.FineGrainedGroupName((int)((config >> 10) & 0xF)), $"{at}: fine-grained group {tc.FineGroup}, generated {names.FineGrainedGroupName((int)((config >> 10) & 0xF))}");
            Assert.True((ulong)tc.Bit == ((config >> 14) & 0x3F), $"{at}: bit {tc.Bit}, generated {(config >> 14) & 0x3F}");
            Assert.True((ulong)tc.Polarity == ((config >> 20) & 1), $"{at}: polarity {tc.Polarity}, generated {(config >> 20) & 1}");
            Assert.True((config >> 21) == 0, $"{at}: generated config 0x{config:X} has bits above the kernel's layout");
        }

        // The oracle's encoding, packed by its own fields into NvTrap's 16 bits.
        static ushort Product(KernelEncoding e) => SysRegEncoding.Create(e.Op0, e.Op1, e.CRn, e.CRm, e.Op2).Value;
    }

    [Fact]
    public void Catalogue_names_match_known_encodings()
    {
        var names = default(Linux66Traps.Rules).Names;
        Assert.Equal("SCTLR_EL1", names.SysRegName(SysRegEncoding.Parse("S3_0_C1_C0_0").Value));
        Assert.Equal("TTBR0_EL1", names.SysRegName(SysRegEncoding.Parse("S3_0_C2_C0_0").Value));
        Assert.Equal("CNTPCT_EL0", names.SysRegName(SysRegEncoding.Parse("S3_3_C14_C0_1").Value));
        Assert.Equal("TPIDR2_EL0", names.SysRegName(SysRegEncoding.Parse("S3_3_C13_C0_5").Value));
        Assert.Equal("PMEVCNTR30_EL0", names.SysRegName(SysRegEncoding.Parse("S3_3_C14_C11_6").Value));
        Assert.Equal("DBGBVR15_EL1", names.SysRegName(SysRegEncoding.Parse("S2_0_C0_C15_4").Value));
        Assert.Equal("TLBI_VMALLE1IS", names.SysRegName(SysRegEncoding.Parse("S1_0_C8_C3_0").Value));
        Assert.Null(names.SysRegName(SysRegEncoding.Parse("S0_0_C0_C0_0").Value));
    }
}
