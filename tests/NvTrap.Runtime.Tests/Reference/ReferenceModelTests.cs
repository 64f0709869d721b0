namespace NvTrap.Runtime.Tests.Reference;

// The oracles live in tests/Shared/Reference (namespace NvTrap.Testing.Reference). These usings
// sit inside the namespace so that the oracle's own SysRegEncoding is found before
// NvTrap.SysRegEncoding, which an enclosing namespace (NvTrap) would otherwise supply first.
using NvTrap.Testing.Reference;
using SysRegEncoding = NvTrap.Testing.Reference.SysRegEncoding;

/// <summary>
/// Checks on the kernel oracles themselves: the extracted tables against the kernels' boot
/// counts, the extraction against a hand-typed spot list, and decisions worked out by hand from
/// the kernel source. Nothing here touches NvTrap's compiler.
/// </summary>
public class ReferenceModelTests
{
    private static readonly Linux66Reference Kernel66 = new();
    private static readonly Linux71Reference Kernel71 = new();

    // ---------------------------------------------------------------- helpers

    private static SysRegEncoding E(int op0, int op1, int crn, int crm, int op2) => new(op0, op1, crn, crm, op2);

    /// <summary>An EC 0x18 ESR_EL2 for an access to the encoding (IL set, Rt = x0 unless given).</summary>
    private static ulong Esr(SysRegEncoding e, bool read, int rt = 0) =>
        (0x18UL << 26) | (1UL << 25) |
        ((ulong)e.Op0 << 20) | ((ulong)e.Op2 << 17) | ((ulong)e.Op1 << 14) |
        ((ulong)e.CRn << 10) | ((ulong)rt << 5) | ((ulong)e.CRm << 1) | (read ? 1UL : 0UL);

    private static ReferenceVcpu Vcpu(int el, params (string Name, ulong Value)[] registers) =>
        new(true, el, registers.ToDictionary(r => r.Name, r => r.Value));

    private static ReferenceVcpu NoNv(int el, params (string Name, ulong Value)[] registers) =>
        new(false, el, registers.ToDictionary(r => r.Name, r => r.Value));

    private static ulong Bit(int n) => 1UL << n;

    private static readonly SysRegEncoding Ttbr0El1 = E(3, 0, 2, 0, 0);
    private static readonly SysRegEncoding Tpidr2El0 = E(3, 3, 13, 0, 5);
    private static readonly SysRegEncoding CntpctEl0 = E(3, 3, 14, 0, 1);
    private static readonly SysRegEncoding TlbiVae1Is = E(1, 0, 8, 3, 1);
    private static readonly SysRegEncoding TlbiVae1Nxs = E(1, 0, 9, 7, 1);
    private static readonly SysRegEncoding Pmevcntr5El0 = E(3, 3, 14, 8, 5);
    private static readonly SysRegEncoding PmxevcntrEl0 = E(3, 3, 9, 13, 2);
    private static readonly SysRegEncoding SctlrEl12 = E(3, 5, 1, 0, 0);
    private static readonly SysRegEncoding Trcstatr = E(2, 1, 0, 3, 0);
    private static readonly SysRegEncoding OslarEl1 = E(2, 0, 1, 0, 4);
    private static readonly SysRegEncoding CntpCtlEl02 = E(3, 5, 14, 2, 1);
    private static readonly SysRegEncoding Fpmr = E(3, 3, 4, 4, 2);
    private static readonly SysRegEncoding IccDirEl1 = E(3, 0, 12, 11, 1);
    private static readonly SysRegEncoding Nzcv = E(3, 3, 4, 2, 0);

    private const ulong HcrTvm = 1UL << 26;
    private const ulong HcrTrvm = 1UL << 30;
    private const ulong HcrTge = 1UL << 27;
    private const ulong HcrE2h = 1UL << 34;
    private const ulong HcrNv = 1UL << 42;
    private const ulong HcrNv1 = 1UL << 43;
    private const ulong HcrNv2 = 1UL << 45;
    private const ulong HcrTtlb = 1UL << 25;
    private const ulong HcrTtlbis = 1UL << 54;

    /// <summary>encoding -> (coarse group, fine-grained entry) over a table's expanded entries.</summary>
    private static Dictionary<SysRegEncoding, (string? Coarse, KernelFineEntry? Fine)> Expand(
        KernelCoarseEntry[] coarse, KernelFineEntry[] fine)
    {
        var map = new Dictionary<SysRegEncoding, (string? Coarse, KernelFineEntry? Fine)>();
        foreach (var c in coarse)
        {
            foreach (var e in SysRegEncoding.Range(c.First, c.Last))
            {
                Assert.False(map.ContainsKey(e), $"duplicate coarse entry {e}");
                map[e] = (c.Group, null);
            }
        }

        foreach (var f in fine)
        {
            foreach (var e in SysRegEncoding.Range(f.First, f.Last))
            {
                map.TryGetValue(e, out var tc);
                Assert.Null(tc.Fine);
                map[e] = (tc.Coarse, f);
            }
        }

        return map;
    }

    // ---------------------------------------------------------------- (a) boot counts

    [Fact]
    public void Linux66_table_matches_the_kernel_boot_counts()
    {
        Assert.Equal(39, Linux66Table.Controls.Length);
        Assert.Equal(13, Linux66Table.Combinations.Length);
        Assert.Equal(2, Linux66Table.Conditions.Length);
        Assert.Equal(432, Linux66Table.Coarse.Length);
        Assert.Equal(22, Linux66Table.Coarse.Count(c => c.First != c.Last));
        Assert.Equal(164, Linux66Table.Fine.Length);
        Assert.All(Linux66Table.Fine, f => Assert.Contains(f.Group, new[] { "HFGxTR", "HFGITR" }));
        Assert.Equal(2, Linux66Table.FineGroups.Length);
        Assert.Equal(3, Linux66Table.FineGroups.SelectMany(g => new[] { g.ReadRegister, g.WriteRegister }).Distinct().Count());

        // Not boot figures (6.6 prints none for these): the expansion as first computed, kept so a
        // change to the table or to encoding_next() shows.
        int coarseEncodings = Linux66Table.Coarse.Sum(c => SysRegEncoding.Range(c.First, c.Last).Count());
        Assert.Equal(6089, coarseEncodings);
        Assert.Equal(6105, Kernel66.Config.Count);
    }

    [Fact]
    public void Linux71_table_matches_the_kernel_boot_counts()
    {
        Assert.Equal(51, Linux71Table.Controls.Length);
        Assert.Equal(17, Linux71Table.Combinations.Length);
        Assert.Equal(6, Linux71Table.Conditions.Length);

        Assert.Equal(570, Linux71Table.Coarse.Length);
        Assert.Equal(32, Linux71Table.Coarse.Count(c => c.First != c.Last));
        Assert.Equal(5434, Linux71Table.Coarse.Sum(c => SysRegEncoding.Range(c.First, c.Last).Count()));

        Assert.Equal(710, Linux71Table.Fine.Length);
        Assert.Equal(7, Linux71Table.Fine.Count(f => f.First != f.Last));
        Assert.Equal(860, Linux71Table.Fine.Sum(f => SysRegEncoding.Range(f.First, f.Last).Count()));
        Assert.Equal(30, Linux71Table.Fine.Count(f => f.Filter == "HCRX_FGTnXS"));

        Assert.Equal(9, Linux71Table.FineGroups.Length);
        Assert.Equal(14, Linux71Table.FineGroups.SelectMany(g => new[] { g.ReadRegister, g.WriteRegister }).Distinct().Count());
        Assert.Equal(6, Linux71Table.NonEc18Fine.Length);

        Assert.Equal(5753, Kernel71.Config.Count);
    }

    [Fact]
    public void Tables_are_internally_consistent()
    {
        foreach (var (controls, combinations, conditions, coarse) in new[]
        {
            (Linux66Table.Controls, Linux66Table.Combinations, Linux66Table.Conditions, Linux66Table.Coarse),
            (Linux71Table.Controls, Linux71Table.Combinations, Linux71Table.Conditions, Linux71Table.Coarse),
        })
        {
            var ids = controls.Select(c => c.Name).Concat(combinations.Select(c => c.Name)).Concat(conditions).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            var leaves = controls.Select(c => c.Name).Concat(conditions).ToHashSet();

            // The kernel refuses a combination inside a combination at boot ("Recursive MCB").
            Assert.All(combinations, c => Assert.All(c.Members, m => Assert.Contains(m, leaves)));
            Assert.All(coarse, c => Assert.Contains(c.Group, ids));
            Assert.All(coarse, c => Assert.True(c.First.Packed <= c.Last.Packed));
        }

        var groups71 = Linux71Table.FineGroups.Select(g => g.Name).ToHashSet();
        Assert.All(Linux71Table.Fine, f => Assert.Contains(Linux71Reference.CanonicalGroup(f.Group), groups71));
        Assert.All(Linux71Table.Fine, f => Assert.InRange(f.Bit, 0, 63));
        Assert.All(Linux71Table.FineGroups, g =>
        {
            Assert.Contains(Linux71Table.SysregMasks, m => m.Register == g.ReadRegister);
            Assert.Contains(Linux71Table.SysregMasks, m => m.Register == g.WriteRegister);
        });
        Assert.Equal(19, Linux71Table.SysregMasks.Length);
    }

    // ---------------------------------------------------------------- (b) hand-typed spot list

    [Fact]
    public void Spot71_has_the_coverage_it_claims()
    {
        Assert.True(Spot71.Entries.Length >= 60);
        var groups = Spot71.Entries.Where(s => s.FineGroup is not null)
            .Select(s => Linux71Reference.CanonicalGroup(s.FineGroup!)).ToHashSet();
        Assert.Equal(Linux71Table.FineGroups.Select(g => g.Name).ToHashSet(), groups);
        Assert.Superset(Linux71Table.Conditions.Where(c => c != "MDCR_HPMN").ToHashSet(),
            Spot71.Entries.Select(s => s.Coarse ?? "").ToHashSet());
        Assert.Contains(Spot71.Entries, s => s.Coarse == "MDCR_TPM_HPMN"); // MDCR_HPMN is only reached through it
        Assert.Contains(Spot71.Entries, s => s.Filter == "HCRX_FGTnXS");
        Assert.True(Spot71.Entries.Select(s => s.Coarse).Where(c => Linux71Table.Combinations.Any(m => m.Name == c)).Distinct().Count() >= 5);
        Assert.True(Linux71Table.Coarse.Count(c => c.First != c.Last &&
            Spot71.Entries.Any(s => s.Encoding.Packed >= c.First.Packed && s.Encoding.Packed <= c.Last.Packed)) >= 5);
    }

    [Fact]
    public void Spot71_agrees_with_the_extracted_7_1_table() => CheckSpots(Spot71.Entries, Expand(Linux71Table.Coarse, Linux71Table.Fine));

    [Fact]
    public void Spot66_agrees_with_the_extracted_6_6_table() => CheckSpots(Spot66.Entries, Expand(Linux66Table.Coarse, Linux66Table.Fine));

    private static void CheckSpots(SpotEntry[] spots, Dictionary<SysRegEncoding, (string? Coarse, KernelFineEntry? Fine)> map)
    {
        Assert.Equal(spots.Length, spots.Select(s => s.Encoding).Distinct().Count());
        foreach (var spot in spots)
        {
            Assert.True(map.TryGetValue(spot.Encoding, out var tc), $"{spot.Note} ({spot.Encoding}) is not in the table");
            Assert.True(spot.Coarse == tc.Coarse, $"{spot.Note} ({spot.Encoding}): coarse {spot.Coarse ?? "none"}, table {tc.Coarse ?? "none"}");
            if (spot.FineGroup is null)
            {
                Assert.True(tc.Fine is null, $"{spot.Note} ({spot.Encoding}): no fine-grained trap expected, table has {tc.Fine}");
                continue;
            }

            Assert.True(tc.Fine is not null, $"{spot.Note} ({spot.Encoding}): fine-grained trap expected");
            Assert.Equal((spot.FineGroup, spot.Bit, spot.Polarity, spot.Filter), (tc.Fine!.Group, tc.Fine.Bit, tc.Fine.Polarity, tc.Fine.Filter));
        }
    }

    // ---------------------------------------------------------------- (c) 6.6 decisions by hand

    [Fact]
    public void Linux66_TTBR0_EL1_write_with_TVM_forwards_and_vEL2_or_TGE_keep_it_local()
    {
        // The README's example: MSR TTBR0_EL1, x3 with HCR_EL2.TVM set.
        const ulong esr = 0x62300860;
        Assert.Equal(esr, Esr(Ttbr0El1, read: false, rt: 3));
        Assert.Equal(ReferenceDecision.Forward, Kernel66.Decide(Vcpu(1, ("HCR_EL2", HcrTvm)), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(Vcpu(2, ("HCR_EL2", HcrTvm)), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(Vcpu(1, ("HCR_EL2", HcrTvm | HcrTge)), esr)); // TGE alone is a hyp context
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(NoNv(1, ("HCR_EL2", HcrTvm)), esr));
        Assert.Equal(ReferenceDecision.Forward, Kernel66.Decide(Vcpu(0, ("HCR_EL2", HcrTvm)), esr)); // the L2 guest's EL0
    }

    [Fact]
    public void Linux66_TVM_traps_writes_only_and_TRVM_reads_only()
    {
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(Vcpu(1, ("HCR_EL2", HcrTvm)), Esr(Ttbr0El1, read: true)));
        Assert.Equal(ReferenceDecision.Forward, Kernel66.Decide(Vcpu(1, ("HCR_EL2", HcrTrvm)), Esr(Ttbr0El1, read: true)));
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(Vcpu(1, ("HCR_EL2", HcrTrvm)), Esr(Ttbr0El1, read: false)));
    }

    [Fact]
    public void Linux66_fine_grained_bits_are_checked_against_their_polarity_with_RES0_cleared()
    {
        // HFGxTR.TTBR0_EL1 is bit 36, traps when set: read uses HFGRTR_EL2, write HFGWTR_EL2.
        Assert.Equal(ReferenceDecision.Forward, Kernel66.Decide(Vcpu(1, ("HFGRTR_EL2", Bit(36))), Esr(Ttbr0El1, read: true)));
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(Vcpu(1, ("HFGRTR_EL2", Bit(36))), Esr(Ttbr0El1, read: false)));

        // nTPIDR2_EL0 is bit 55 with polarity 0: 6.6 forwards while the bit is clear.
        Assert.Equal(ReferenceDecision.Forward, Kernel66.Decide(Vcpu(1), Esr(Tpidr2El0, read: false)));
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(Vcpu(1, ("HFGWTR_EL2", Bit(55))), Esr(Tpidr2El0, read: false)));

        // A RES0 bit set by the guest hypervisor is cleared first: bit 63 of HFGRTR_EL2 traps nothing.
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(Vcpu(1, ("HFGRTR_EL2", Bit(63)), ("HFGWTR_EL2", Bit(55))), Esr(Tpidr2El0, read: false)));
    }

    [Fact]
    public void Linux66_CNTPCT_EL0_uses_bit_0_with_E2H_clear_and_bit_10_with_E2H_set()
    {
        var esr = Esr(CntpctEl0, read: true);
        Assert.Equal(ReferenceDecision.Forward, Kernel66.Decide(Vcpu(1), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(Vcpu(1, ("CNTHCTL_EL2", Bit(0))), esr));
        Assert.Equal(ReferenceDecision.Forward, Kernel66.Decide(Vcpu(1, ("HCR_EL2", HcrE2h), ("CNTHCTL_EL2", Bit(0))), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(Vcpu(1, ("HCR_EL2", HcrE2h), ("CNTHCTL_EL2", Bit(10))), esr));
    }

    [Fact]
    public void Linux66_combinations_OR_their_members_and_ranges_cover_their_inside()
    {
        var tlbi = Esr(TlbiVae1Is, read: false);
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(Vcpu(1), tlbi));
        Assert.Equal(ReferenceDecision.Forward, Kernel66.Decide(Vcpu(1, ("HCR_EL2", HcrTtlb)), tlbi));
        Assert.Equal(ReferenceDecision.Forward, Kernel66.Decide(Vcpu(1, ("HCR_EL2", HcrTtlbis)), tlbi));

        // SCTLR_EL12 is inside the (3,5,0,0,0)..(3,5,10,15,7) HCR_EL2.NV range.
        Assert.Equal(ReferenceDecision.Forward, Kernel66.Decide(Vcpu(1, ("HCR_EL2", HcrNv)), Esr(SctlrEl12, read: true)));
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(Vcpu(1), Esr(SctlrEl12, read: true)));

        // OSLAR_EL1 is MDCR_TDE_TDOSA: MDCR_EL2.TDOSA (bit 10) or TDE (bit 8).
        Assert.Equal(ReferenceDecision.Forward, Kernel66.Decide(Vcpu(1, ("MDCR_EL2", Bit(10))), Esr(OslarEl1, read: false)));
        Assert.Equal(ReferenceDecision.Forward, Kernel66.Decide(Vcpu(1, ("MDCR_EL2", Bit(8))), Esr(OslarEl1, read: false)));
    }

    [Fact]
    public void Linux66_unconfigured_encodings_and_other_exception_classes_are_local()
    {
        Assert.False(Kernel66.Config.ContainsKey(Nzcv));
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(Vcpu(1, ("HCR_EL2", ulong.MaxValue & ~HcrTge)), Esr(Nzcv, read: true)));
        Assert.Equal(ReferenceDecision.Local, Kernel66.Decide(Vcpu(1, ("HCR_EL2", HcrTvm)), 0x16UL << 26));
    }

    // ---------------------------------------------------------------- (c) 7.1 decisions by hand

    private static readonly ReferenceVm Vm = ReferenceVm.FullFeatured();

    [Fact]
    public void Linux71_TTBR0_EL1_write_with_TVM_forwards_and_is_local_at_vEL2_and_in_host_EL0()
    {
        var esr = Esr(Ttbr0El1, read: false, rt: 3);
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1, ("HCR_EL2", HcrTvm)), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(2, ("HCR_EL2", HcrTvm)), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, NoNv(1, ("HCR_EL2", HcrTvm)), esr));

        // Host EL0 (E2H and TGE, at EL0): TVM has no FORWARD_IN_HOST_EL0, and fine-grained bits never apply.
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(0, ("HCR_EL2", HcrTvm | HcrE2h | HcrTge)), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(0, ("HCR_EL2", HcrE2h | HcrTge), ("HFGWTR_EL2", Bit(36))), esr));
        // TGE set at EL1 is, to the kernel, host EL0 too: still local.
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("HCR_EL2", HcrTvm | HcrTge)), esr));
    }

    [Fact]
    public void Linux71_fine_grained_UNDEF_comes_before_the_nested_virt_check()
    {
        var vm = Vm with { Fgu = new Dictionary<string, ulong> { ["HFGRTR"] = Bit(36) } };
        Assert.Equal(ReferenceDecision.Undefined, Kernel71.Decide(vm, NoNv(1), Esr(Ttbr0El1, read: true)));
        Assert.Equal(ReferenceDecision.Undefined, Kernel71.Decide(vm, Vcpu(2), Esr(Ttbr0El1, read: false)));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, NoNv(1), Esr(Ttbr0El1, read: true)));

        // OSLAR_EL1 is written with the HDFGWTR alias: its UNDEF bit lives in the HDFGRTR group.
        var debug = Vm with { Fgu = new Dictionary<string, ulong> { ["HDFGRTR"] = Bit(8) } };
        Assert.Equal(ReferenceDecision.Undefined, Kernel71.Decide(debug, Vcpu(1), Esr(OslarEl1, read: false)));
    }

    [Fact]
    public void Linux71_nXS_TLBI_is_not_forwarded_by_HFGITR_when_HCRX_EL2_FGTnXS_is_set()
    {
        var esr = Esr(TlbiVae1Nxs, read: false);
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1, ("HFGITR_EL2", Bit(43))), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("HFGITR_EL2", Bit(43)), ("HCRX_EL2", Bit(4))), esr));
        // The coarse HCR_EL2.TTLB control still applies.
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1, ("HFGITR_EL2", Bit(43)), ("HCRX_EL2", Bit(4)), ("HCR_EL2", HcrTtlb)), esr));
        // The non-nXS twin (TLBI VAE1IS, bit 29) has no filter.
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1, ("HFGITR_EL2", Bit(29)), ("HCRX_EL2", Bit(4))), Esr(TlbiVae1Is, read: false)));
    }

    [Fact]
    public void Linux71_PMEVCNTR5_EL0_with_HPMN_3_of_31_forwards_even_in_host_EL0()
    {
        var esr = Esr(Pmevcntr5El0, read: true);
        var hostEl0 = Vcpu(0, ("HCR_EL2", HcrE2h | HcrTge), ("MDCR_EL2", 3));
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, hostEl0, esr));
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1, ("MDCR_EL2", 3)), esr));

        // HPMN = 6: counter 5 belongs to the guest, and MDCR_EL2.TPM is clear.
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("MDCR_EL2", 6)), esr));
        // HPMN >= N reserves nothing for EL2.
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm with { NrPmuCounters = 3 }, Vcpu(1, ("MDCR_EL2", 3)), esr));
        // MDCR_EL2.TPM (bit 6) forwards, and does so in host EL0 as well.
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(0, ("HCR_EL2", HcrE2h | HcrTge), ("MDCR_EL2", 31 | Bit(6))), esr));

        // PMXEVCNTR_EL0 takes the counter from PMSELR_EL0.SEL.
        var indirect = Esr(PmxevcntrEl0, read: true);
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1, ("MDCR_EL2", 3), ("PMSELR_EL0", 5)), indirect));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("MDCR_EL2", 3), ("PMSELR_EL0", 2)), indirect));
    }

    [Fact]
    public void Linux71_CNTHCTL_EL1PCTEN_uses_bit_0_with_E2H_clear_and_bit_10_with_E2H_set()
    {
        var esr = Esr(CntpctEl0, read: true);
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("CNTHCTL_EL2", Bit(0))), esr));
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1, ("HCR_EL2", HcrE2h), ("CNTHCTL_EL2", Bit(0))), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("HCR_EL2", HcrE2h), ("CNTHCTL_EL2", Bit(10))), esr));
    }

    [Fact]
    public void Linux71_negative_polarity_traps_only_when_the_bit_is_clear_and_not_RES0_for_the_VM()
    {
        var esr = Esr(Tpidr2El0, read: true);
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("HFGRTR_EL2", Bit(55))), esr));

        // A VM without SME: nTPIDR2_EL0 is RES0 in its HFGRTR_EL2, so a clear bit is no trap.
        var masks = Linux71Table.SysregMasks.ToDictionary(m => m.Register);
        masks["HFGRTR_EL2"] = masks["HFGRTR_EL2"] with { Res0 = masks["HFGRTR_EL2"].Res0 | Bit(55) };
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm with { Masks = masks }, Vcpu(1), esr));
    }

    [Fact]
    public void Linux71_reads_sanitised_registers_through_the_VMs_RES0_and_RES1()
    {
        var esr = Esr(Ttbr0El1, read: false);
        var masks = Linux71Table.SysregMasks.ToDictionary(m => m.Register);

        masks["HCR_EL2"] = new RegisterMasks("HCR_EL2", HcrTvm, 0);
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm with { Masks = masks }, Vcpu(1, ("HCR_EL2", HcrTvm)), esr));

        masks["HCR_EL2"] = new RegisterMasks("HCR_EL2", 0, HcrTvm);
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm with { Masks = masks }, Vcpu(1), esr));

        // HDFGRTR_EL2 bit 8 is RES0 (OSLAR_EL1 is write-only): set by L1, cleared before the check.
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("HDFGRTR_EL2", Bit(8))), Esr(OslarEl1, read: true)));
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1, ("HDFGWTR_EL2", Bit(8))), Esr(OslarEl1, read: false)));
    }

    [Fact]
    public void Linux71_CPTR_TTA_reads_CPTR_EL2_in_the_CPACR_layout()
    {
        var esr = Esr(Trcstatr, read: true);
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1), esr));
        // E2H set: CPTR_EL2 has the CPACR_EL1 layout, TTA at bit 28.
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1, ("HCR_EL2", HcrE2h), ("CPTR_EL2", Bit(28))), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("HCR_EL2", HcrE2h), ("CPTR_EL2", Bit(20))), esr));
        // E2H clear: the nVHE layout's TTA (bit 20) is translated to bit 28; bit 28 itself is dropped.
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1, ("CPTR_EL2", Bit(20))), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("CPTR_EL2", Bit(28))), esr));
    }

    [Fact]
    public void Linux71_EL1NVPCT_needs_an_NV2_guest_hypervisor_with_E2H()
    {
        var esr = Esr(CntpCtlEl02, read: true);
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1, ("HCR_EL2", HcrE2h | HcrNv | HcrNv2), ("CNTHCTL_EL2", Bit(15))), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("HCR_EL2", HcrE2h | HcrNv | HcrNv1 | HcrNv2), ("CNTHCTL_EL2", Bit(15))), esr));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("HCR_EL2", HcrE2h | HcrNv | HcrNv2)), esr));
    }

    [Fact]
    public void Linux71_HCRX_and_ICH_HCR_controls()
    {
        // FPMR traps while HCRX_EL2.EnFPM (bit 23) is clear.
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1), Esr(Fpmr, read: true)));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("HCRX_EL2", Bit(23))), Esr(Fpmr, read: true)));

        // ICC_DIR_EL1 is ICH_HCR_TC_TDIR: TDIR is bit 14, TC bit 10.
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1), Esr(IccDirEl1, read: false)));
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1, ("ICH_HCR_EL2", Bit(14))), Esr(IccDirEl1, read: false)));
        Assert.Equal(ReferenceDecision.Forward, Kernel71.Decide(Vm, Vcpu(1, ("ICH_HCR_EL2", Bit(10))), Esr(IccDirEl1, read: false)));
    }

    [Fact]
    public void Linux71_unconfigured_encodings_and_other_exception_classes_are_local()
    {
        Assert.False(Kernel71.Config.ContainsKey(Nzcv));
        var everything = Vm with { Fgu = Linux71Table.FineGroups.ToDictionary(g => g.Name, _ => ulong.MaxValue) };
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(everything, Vcpu(1, ("HCR_EL2", ulong.MaxValue & ~HcrTge)), Esr(Nzcv, read: true)));
        Assert.Equal(ReferenceDecision.Local, Kernel71.Decide(Vm, Vcpu(1, ("HCR_EL2", HcrTvm)), 0x16UL << 26));
    }
}
