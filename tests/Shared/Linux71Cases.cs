namespace NvTrap.Testing;

// Inside the namespace, so the alias is found before NvTrap.SysRegEncoding (from the enclosing
// namespace NvTrap): every encoding here is the oracle's.
using NvTrap.Testing.Reference;
using KernelEncoding = NvTrap.Testing.Reference.SysRegEncoding;

/// <summary>
/// Random Linux 7.1 trap cases for the differential tests against <see cref="Linux71Reference"/>,
/// drawn without anything from NvTrap's compiler: registers by the kernel's names (values from
/// <see cref="RandomRegisters"/>, HCR_EL2 from <see cref="RandomRegisters.NextHcr"/>), the
/// vCPU's EL (mostly EL1, one in eight EL0 and one in eight vEL2) and nested virtualization (one
/// in sixteen without), and an ESR_EL2 composed bit by bit: half of the encodings from the
/// oracle's own configured set, half from the whole 16-bit space, both directions, any Rt, and
/// one case in 64 with another exception class. The same case fills the oracle's
/// <see cref="ReferenceVcpu"/> and the generated <see cref="Linux71Traps.State"/>.
/// </summary>
/// <remarks>
/// Uniform draws would seldom reach two 7.1 paths, so one configured draw in eight is aimed at
/// them: the PMU event counters that check_mdcr_hpmn() decides (PMEVCNTR&lt;n&gt;_EL0 and
/// PMEVTYPER&lt;n&gt;_EL0 by their encoding, PMXEVCNTR_EL0 and PMXEVTYPER_EL0 through
/// PMSELR_EL0.SEL), with the counter index, MDCR_EL2.HPMN and the VM's counter count N drawn
/// around each other, MDCR_EL2.TPM clear half the time so the HPMN condition is what decides;
/// and the nXS TLBIs that HCRX_EL2.FGTnXS filters out of HFGITR_EL2 (HCRX_EL2 random, so the
/// filter is on and off about equally). Both sets come from the oracle's tables.
/// </remarks>
internal sealed class Linux71Cases
{
    /// <summary>
    /// The registers the 7.1 decision reads, by the kernel's names: the coarse controls'
    /// registers (HCR_EL2, HCRX_EL2, MDCR_EL2, CPTR_EL2, CNTHCTL_EL2, ICH_HCR_EL2), the
    /// fine-grained groups' fourteen registers, and PMSELR_EL0, which only check_mdcr_hpmn() reads.
    /// </summary>
    public static readonly string[] RegisterNames = Linux71Table.Controls.Select(c => c.Register)
        .Concat(Linux71Table.FineGroups.SelectMany(g => new[] { g.ReadRegister, g.WriteRegister }))
        .Concat(["CNTHCTL_EL2", "CPTR_EL2", "PMSELR_EL0"])
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The encodings check_mdcr_hpmn() decides: PMEVCNTR0..30_EL0, PMEVTYPER0..30_EL0, PMXEVCNTR_EL0, PMXEVTYPER_EL0.</summary>
    public static readonly KernelEncoding[] PmuCounterEncodings =
        KernelEncoding.Range(Linux71Table.PMEVCNTR0_EL0, Linux71Table.PMEVCNTR30_EL0)
            .Concat(KernelEncoding.Range(Linux71Table.PMEVTYPER0_EL0, Linux71Table.PMEVTYPER30_EL0))
            .Append(Linux71Table.PMXEVCNTR_EL0)
            .Append(Linux71Table.PMXEVTYPER_EL0)
            .ToArray();

    private readonly Random _random;
    private readonly KernelEncoding[] _configured;
    private readonly KernelEncoding[] _nxs;
    private readonly Dictionary<string, ulong> _registers = new();

    public Linux71Cases(int seed, Linux71Reference reference)
    {
        _random = new Random(seed);
        _configured = reference.Config.Keys.OrderBy(e => e.Packed).ToArray();
        _nxs = reference.Config.Where(c => c.Value.Filter == "HCRX_FGTnXS").Select(c => c.Key).OrderBy(e => e.Packed).ToArray();
    }

    /// <summary>The random source, for tests that draw more per case (a VM profile).</summary>
    public Random Random => _random;

    public bool HasNestedVirt { get; private set; }

    /// <summary>0, 1 or 2 (vEL2).</summary>
    public int El { get; private set; }

    /// <summary>The raw ESR_EL2.</summary>
    public ulong EsrValue { get; private set; }

    /// <summary>Whether this case was aimed at the PMU counters (see the remarks).</summary>
    public bool AimedAtPmu { get; private set; }

    /// <summary>Whether this case was aimed at PMXEVCNTR_EL0 or PMXEVTYPER_EL0 (the counter index in PMSELR_EL0.SEL).</summary>
    public bool AimedAtIndirectPmu { get; private set; }

    /// <summary>Whether this case was aimed at the nXS TLBIs.</summary>
    public bool AimedAtNxs { get; private set; }

    public IReadOnlyDictionary<string, ulong> Registers => _registers;

    /// <summary>The case as the oracle sees it (over this object's registers: valid until <see cref="Next"/>).</summary>
    public ReferenceVcpu Vcpu => new(HasNestedVirt, El, _registers);

    /// <summary>Draws the next case, for a VM with <paramref name="nrPmuCounters"/> PMU event counters.</summary>
    public void Next(int nrPmuCounters = 31)
    {
        foreach (string name in RegisterNames)
        {
            _registers[name] = name == "HCR_EL2" ? RandomRegisters.NextHcr(_random) : RandomRegisters.Next(_random);
        }

        HasNestedVirt = _random.Next(16) != 0;
        El = _random.Next(8) switch { 0 => 0, 1 => 2, _ => 1 };
        AimedAtPmu = AimedAtIndirectPmu = AimedAtNxs = false;

        KernelEncoding e;
        if (_random.Next(2) == 0)
        {
            switch (_random.Next(8))
            {
                case 0: e = AimAtPmu(nrPmuCounters); AimedAtPmu = true; break;
                case 1: e = _nxs[_random.Next(_nxs.Length)]; AimedAtNxs = true; break;
                default: e = _configured[_random.Next(_configured.Length)]; break;
            }
        }
        else
        {
            e = KernelEncoding.FromPacked(_random.Next(65536));
        }

        bool isRead = _random.Next(2) == 0;
        int rt = _random.Next(32);
        int ec = 0x18;
        if (_random.Next(64) == 0)
        {
            ec = _random.Next(63);
            ec += ec >= 0x18 ? 1 : 0;
        }

        // ESR_EL2: EC [31:26], IL [25], and the EC 0x18 ISS: Op0 [21:20], Op2 [19:17], Op1 [16:14],
        // CRn [13:10], Rt [9:5], CRm [4:1], direction [0] (1: read).
        EsrValue = ((ulong)ec << 26) | (1UL << 25)
            | ((ulong)e.Op0 << 20) | ((ulong)e.Op2 << 17) | ((ulong)e.Op1 << 14)
            | ((ulong)e.CRn << 10) | ((ulong)rt << 5) | ((ulong)e.CRm << 1) | (isRead ? 1UL : 0UL);
    }

    /// <summary>
    /// A PMU counter access with MDCR_EL2.HPMN near N and the counter index near HPMN or N:
    /// kvm_pmu_counter_is_hyp() says the counters [HPMN, N-1] are the guest hypervisor's.
    /// </summary>
    private KernelEncoding AimAtPmu(int n)
    {
        int hpmn = Math.Clamp(n + _random.Next(-3, 2), 0, 31);
        int idx = _random.Next(5) switch
        {
            0 => hpmn - 1,
            1 => hpmn,
            2 => n - 1,
            3 => n,
            _ => _random.Next(32),
        };
        idx = Math.Clamp(idx + _random.Next(-1, 2), 0, 31);

        const ulong tpm = 1UL << 6; // MDCR_EL2.TPM: traps every PMU access, whatever HPMN says
        ulong mdcr = (_registers["MDCR_EL2"] & ~Linux71Table.MDCR_EL2_HPMN) | ((ulong)hpmn << Linux71Table.MDCR_EL2_HPMN_SHIFT);
        _registers["MDCR_EL2"] = _random.Next(2) == 0 ? mdcr & ~tpm : mdcr;

        // The indirect accessors read the index from PMSELR_EL0.SEL; the direct ones (index 31 has
        // none: PMCCNTR_EL0 and PMCCFILTR_EL0 are elsewhere) carry it in CRm[1:0]:op2.
        if (idx == 31 || _random.Next(4) == 0)
        {
            _registers["PMSELR_EL0"] = (_registers["PMSELR_EL0"] & ~Linux71Table.PMSELR_EL0_SEL) | ((ulong)idx << Linux71Table.PMSELR_EL0_SEL_SHIFT);
            AimedAtIndirectPmu = true;
            return _random.Next(2) == 0 ? Linux71Table.PMXEVCNTR_EL0 : Linux71Table.PMXEVTYPER_EL0;
        }

        var first = _random.Next(2) == 0 ? Linux71Table.PMEVCNTR0_EL0 : Linux71Table.PMEVTYPER0_EL0;
        return KernelEncoding.FromPacked(first.Packed + idx); // CRm[1:0]:op2 counts up from the first
    }

    /// <summary>The case as the generated Linux71Traps reads it, each register set by its name.</summary>
    public Linux71Traps.State State()
    {
        var state = new Linux71Traps.State
        {
            HasNestedVirtualization = HasNestedVirt,
            CurrentEl = (ExceptionLevel)El,
        };
        foreach (var (name, value) in _registers)
        {
            switch (name)
            {
                case "HCR_EL2": state.HCR_EL2 = value; break;
                case "HCRX_EL2": state.HCRX_EL2 = value; break;
                case "MDCR_EL2": state.MDCR_EL2 = value; break;
                case "CPTR_EL2": state.CPTR_EL2 = value; break;
                case "CNTHCTL_EL2": state.CNTHCTL_EL2 = value; break;
                case "ICH_HCR_EL2": state.ICH_HCR_EL2 = value; break;
                case "PMSELR_EL0": state.PMSELR_EL0 = value; break;
                case "HFGRTR_EL2": state.HFGRTR_EL2 = value; break;
                case "HFGWTR_EL2": state.HFGWTR_EL2 = value; break;
                case "HFGITR_EL2": state.HFGITR_EL2 = value; break;
                case "HDFGRTR_EL2": state.HDFGRTR_EL2 = value; break;
                case "HDFGWTR_EL2": state.HDFGWTR_EL2 = value; break;
                case "HAFGRTR_EL2": state.HAFGRTR_EL2 = value; break;
                case "HFGRTR2_EL2": state.HFGRTR2_EL2 = value; break;
                case "HFGWTR2_EL2": state.HFGWTR2_EL2 = value; break;
                case "HFGITR2_EL2": state.HFGITR2_EL2 = value; break;
                case "HDFGRTR2_EL2": state.HDFGRTR2_EL2 = value; break;
                case "HDFGWTR2_EL2": state.HDFGWTR2_EL2 = value; break;
                case "ICH_HFGRTR_EL2": state.ICH_HFGRTR_EL2 = value; break;
                case "ICH_HFGWTR_EL2": state.ICH_HFGWTR_EL2 = value; break;
                case "ICH_HFGITR_EL2": state.ICH_HFGITR_EL2 = value; break;
                default: throw new InvalidOperationException($"the 7.1 oracle reads {name}, which Linux71Traps.State does not hold");
            }
        }

        return state;
    }

    /// <summary>The oracle's decision as the product's outcome.</summary>
    public static TrapOutcome Outcome(ReferenceDecision decision) => OracleCase.Outcome(decision);

    /// <summary>The case in one line: ESR, access, nesting, EL and every register.</summary>
    public override string ToString() => OracleCase.Describe(EsrValue, HasNestedVirt, El, RegisterNames.Select(n => (n, _registers[n])));
}

/// <summary>
/// A VM for the 7.1 differential tests, drawn once and given to both sides: the oracle's
/// <see cref="ReferenceVm"/> (fine-grained UNDEF bits by the kernel's canonical group name, RES0
/// and RES1 masks by register name, the PMU counter count) and the same settings applied by
/// number to an NvTrap <see cref="VmProfile"/> (the generated <c>FineGrainedGroups</c>,
/// <c>Registers</c> and <c>Parameters</c> constants, paired with the kernel's names in the two
/// tables below, typed here). A random VM hides random bits in some fine-grained groups, gives
/// some sanitised registers random disjoint RES0/RES1 masks (the others keep the full-featured
/// VM's), and has 0..31 counters.
/// </summary>
internal sealed class Linux71Vm
{
    /// <summary>enum fgt_group_id's canonical names and the generated ids.</summary>
    public static readonly IReadOnlyDictionary<string, int> FineGrainedGroupIds = new Dictionary<string, int>
    {
        ["HFGRTR"] = Linux71Traps.FineGrainedGroups.HFGRTR,
        ["HDFGRTR"] = Linux71Traps.FineGrainedGroups.HDFGRTR,
        ["HFGITR"] = Linux71Traps.FineGrainedGroups.HFGITR,
        ["HAFGRTR"] = Linux71Traps.FineGrainedGroups.HAFGRTR,
        ["HFGRTR2"] = Linux71Traps.FineGrainedGroups.HFGRTR2,
        ["HDFGRTR2"] = Linux71Traps.FineGrainedGroups.HDFGRTR2,
        ["HFGITR2"] = Linux71Traps.FineGrainedGroups.HFGITR2,
        ["ICH_HFGRTR"] = Linux71Traps.FineGrainedGroups.ICH_HFGRTR,
        ["ICH_HFGITR"] = Linux71Traps.FineGrainedGroups.ICH_HFGITR,
    };

    /// <summary>The kernel's register names and the generated register indices.</summary>
    public static readonly IReadOnlyDictionary<string, int> RegisterIds = new Dictionary<string, int>
    {
        ["HCR_EL2"] = Linux71Traps.Registers.HCR_EL2,
        ["HCRX_EL2"] = Linux71Traps.Registers.HCRX_EL2,
        ["MDCR_EL2"] = Linux71Traps.Registers.MDCR_EL2,
        ["CPTR_EL2"] = Linux71Traps.Registers.CPTR_EL2,
        ["CNTHCTL_EL2"] = Linux71Traps.Registers.CNTHCTL_EL2,
        ["ICH_HCR_EL2"] = Linux71Traps.Registers.ICH_HCR_EL2,
        ["PMSELR_EL0"] = Linux71Traps.Registers.PMSELR_EL0,
        ["HFGRTR_EL2"] = Linux71Traps.Registers.HFGRTR_EL2,
        ["HFGWTR_EL2"] = Linux71Traps.Registers.HFGWTR_EL2,
        ["HFGITR_EL2"] = Linux71Traps.Registers.HFGITR_EL2,
        ["HDFGRTR_EL2"] = Linux71Traps.Registers.HDFGRTR_EL2,
        ["HDFGWTR_EL2"] = Linux71Traps.Registers.HDFGWTR_EL2,
        ["HAFGRTR_EL2"] = Linux71Traps.Registers.HAFGRTR_EL2,
        ["HFGRTR2_EL2"] = Linux71Traps.Registers.HFGRTR2_EL2,
        ["HFGWTR2_EL2"] = Linux71Traps.Registers.HFGWTR2_EL2,
        ["HFGITR2_EL2"] = Linux71Traps.Registers.HFGITR2_EL2,
        ["HDFGRTR2_EL2"] = Linux71Traps.Registers.HDFGRTR2_EL2,
        ["HDFGWTR2_EL2"] = Linux71Traps.Registers.HDFGWTR2_EL2,
        ["ICH_HFGRTR_EL2"] = Linux71Traps.Registers.ICH_HFGRTR_EL2,
        ["ICH_HFGWTR_EL2"] = Linux71Traps.Registers.ICH_HFGWTR_EL2,
        ["ICH_HFGITR_EL2"] = Linux71Traps.Registers.ICH_HFGITR_EL2,
    };

    private static readonly Dictionary<string, RegisterMasks> FullFeaturedMasks = Linux71Table.SysregMasks.ToDictionary(m => m.Register);

    private Linux71Vm(bool isDefault, Dictionary<string, ulong> hidden, Dictionary<string, RegisterMasks> reserved, int nrPmuCounters)
    {
        IsDefault = isDefault;
        Hidden = hidden;
        Reserved = reserved;
        NrPmuCounters = nrPmuCounters;
        var masks = new Dictionary<string, RegisterMasks>(FullFeaturedMasks);
        foreach (var (register, m) in reserved)
        {
            masks[register] = m;
        }

        Reference = new ReferenceVm(hidden, masks, nrPmuCounters);
    }

    /// <summary>The full-featured VM, as <see cref="ReferenceVm.FullFeatured"/> and <c>Linux71Traps.DefaultVm()</c>.</summary>
    public static Linux71Vm Default { get; } = new(true, new(), new(), 31);

    public bool IsDefault { get; }

    /// <summary>Hidden (FGU) bits by canonical fine-grained group name; groups not here hide nothing.</summary>
    public IReadOnlyDictionary<string, ulong> Hidden { get; }

    /// <summary>The sanitised registers whose masks differ from the full-featured VM's, by name.</summary>
    public IReadOnlyDictionary<string, RegisterMasks> Reserved { get; }

    public int NrPmuCounters { get; }

    /// <summary>The VM as the oracle sees it.</summary>
    public ReferenceVm Reference { get; }

    /// <summary>Draws a random VM.</summary>
    public static Linux71Vm Random(Random random)
    {
        ulong Sparse() => RandomRegisters.Next(random) & RandomRegisters.Next(random) & RandomRegisters.Next(random);

        var hidden = new Dictionary<string, ulong>();
        foreach (var group in Linux71Table.FineGroups)
        {
            // Half the groups hide nothing, so the fine-grained traps stay reachable.
            ulong bits = random.Next(4) switch { 0 or 1 => 0, 2 => Sparse(), _ => RandomRegisters.Next(random) };
            if (bits != 0)
            {
                hidden[group.Name] = bits;
            }
        }

        var reserved = new Dictionary<string, RegisterMasks>();
        foreach (string register in Linux71Table.SanitisedRegisters)
        {
            if (random.Next(2) == 0)
            {
                continue; // the full-featured VM's masks
            }

            ulong defaultRes0 = FullFeaturedMasks[register].Res0;
            ulong res0 = random.Next(4) switch { 0 => defaultRes0 | Sparse(), 1 => Sparse(), 2 => RandomRegisters.Next(random), _ => defaultRes0 };
            ulong res1 = (random.Next(2) == 0 ? 0 : random.Next(4) == 0 ? RandomRegisters.Next(random) : Sparse()) & ~res0;
            reserved[register] = new RegisterMasks(register, res0, res1);
        }

        return new Linux71Vm(false, hidden, reserved, random.Next(32));
    }

    /// <summary>Applies this VM to a profile made from the 7.1 ruleset's defaults, by the generated numbering.</summary>
    public void ApplyTo(ref VmProfile profile)
    {
        foreach (var (group, bits) in Hidden)
        {
            profile.SetHiddenBits(FineGrainedGroupIds[group], bits);
        }

        foreach (var (register, masks) in Reserved)
        {
            profile.SetReserved(RegisterIds[register], masks.Res0, masks.Res1);
        }

        profile.SetParameter(Linux71Traps.Parameters.nr_pmu_counters, (ulong)NrPmuCounters);
    }

    /// <summary>This VM as a generated-code profile: <c>Linux71Traps.DefaultVm()</c> with the settings applied.</summary>
    public VmProfile Generated()
    {
        var profile = Linux71Traps.DefaultVm();
        ApplyTo(ref profile);
        return profile;
    }

    public override string ToString() => IsDefault
        ? "full-featured VM"
        : string.Join(" ", Hidden.Select(h => $"fgu {h.Key}=0x{h.Value:X}")
            .Concat(Reserved.Values.Select(m => $"{m.Register} res0=0x{m.Res0:X} res1=0x{m.Res1:X}"))
            .Append($"nr_pmu_counters={NrPmuCounters}"));
}
