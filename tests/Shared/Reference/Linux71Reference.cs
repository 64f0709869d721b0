namespace NvTrap.Testing.Reference;

/// <summary>
/// A VM as the 7.1 reference model sees it: the fine-grained UNDEF bits per fine-grained group
/// (kvm->arch.fgu, by canonical group name), the RES0/RES1 masks of the sanitised registers
/// (kvm->arch.sysreg_masks) and the number of PMU event counters (kvm->arch.nr_pmu_counters).
/// </summary>
internal sealed record ReferenceVm(
    IReadOnlyDictionary<string, ulong> Fgu,
    IReadOnlyDictionary<string, RegisterMasks> Masks,
    int NrPmuCounters)
{
    /// <summary>The full-featured VM: no fine-grained UNDEF, the sysreg file's masks, 31 counters.</summary>
    public static ReferenceVm FullFeatured() => new(
        new Dictionary<string, ulong>(),
        Linux71Table.SysregMasks.ToDictionary(m => m.Register),
        31);

    public ulong FguOf(string canonicalGroup) => Fgu.TryGetValue(canonicalGroup, out ulong v) ? v : 0;

    /// <summary>kvm_get_sysreg_resx(): no masks for a register means none apply.</summary>
    public RegisterMasks MasksOf(string register) =>
        Masks.TryGetValue(register, out var m) ? m : new RegisterMasks(register, 0, 0);
}

/// <summary>
/// The 7.1-era kernel's decision for an L2 guest's EC 0x18 trap (arch/arm64/kvm/emulate-nested.c:
/// triage_sysreg_trap, check_fgt_bit, compute_trap_behaviour and the six complex conditions, with
/// is_hyp_ctxt/vcpu_is_host_el0/vcpu_el2_e2h_is_set from kvm_emulate.h,
/// translate_cptr_el2_to_cpacr_el1 from kvm_nested.h, kvm_pmu_counter_is_hyp from pmu-emul.c and
/// __vcpu_sys_reg's sanitisation from kvm_host.h), restated in plain C# over
/// <see cref="Linux71Table"/>. It shares no code or data with NvTrap's compiler.
/// </summary>
/// <remarks>
/// <para>Host assumptions (the kernel asks the host CPU): the host has FEAT_FGT, so the
/// fine-grained entries are in the table at all (populate_nv_trap_config skips them otherwise),
/// and FEAT_NV1 (ARM64_HAS_HCR_NV1), so vcpu_el2_e2h_is_set() reads the guest's HCR_EL2.E2H
/// instead of forcing E2H on; vcpu_has_nv() is the vCPU's <see cref="ReferenceVcpu.HasNestedVirt"/>.</para>
/// <para>Out of scope: the kernel-internal sysreg index (tc.sri). The kernel injects UNDEF for a
/// trap it neither forwards nor knows a local handler for; here a configured encoding that is not
/// forwarded, and an unconfigured one, are both Local.</para>
/// </remarks>
internal sealed class Linux71Reference
{
    private readonly Dictionary<SysRegEncoding, TrapConfig> _config = new();
    private readonly Dictionary<string, KernelControl> _controls;
    private readonly Dictionary<string, KernelCombination> _combinations;
    private readonly HashSet<string> _conditions;
    private readonly Dictionary<string, KernelFineGroup> _fineGroups;
    private readonly HashSet<string> _sanitised;

    public Linux71Reference()
    {
        _controls = Linux71Table.Controls.ToDictionary(c => c.Name);
        _combinations = Linux71Table.Combinations.ToDictionary(c => c.Name);
        _conditions = new HashSet<string>(Linux71Table.Conditions);
        _fineGroups = Linux71Table.FineGroups.ToDictionary(g => g.Name);
        _sanitised = new HashSet<string>(Linux71Table.SanitisedRegisters);

        // populate_nv_trap_config(): coarse entries (a duplicate is a boot error), then the
        // fine-grained ones merged in (a second fine-grained entry is a boot error).
        foreach (var entry in Linux71Table.Coarse)
        {
            foreach (var e in SysRegEncoding.Range(entry.First, entry.Last))
            {
                if (!_config.TryAdd(e, new TrapConfig(entry.Group, null, 0, 0, null)))
                {
                    throw new InvalidOperationException($"duplicate coarse entry for {e}");
                }
            }
        }

        foreach (var entry in Linux71Table.Fine)
        {
            string group = CanonicalGroup(entry.Group);
            foreach (var e in SysRegEncoding.Range(entry.First, entry.Last))
            {
                _config.TryGetValue(e, out var tc);
                if (tc?.FineGroup is not null)
                {
                    throw new InvalidOperationException($"duplicate fine-grained entry for {e}");
                }

                _config[e] = new TrapConfig(tc?.CoarseGroup, group, entry.Bit, entry.Polarity, entry.Filter);
            }
        }
    }

    /// <summary>Every configured encoding and its trap configuration, fine-grained groups by canonical name.</summary>
    public IReadOnlyDictionary<SysRegEncoding, TrapConfig> Config => _config;

    /// <summary>The group an enum alias stands for (HDFGWTR is HDFGRTR_GROUP, and so on).</summary>
    public static string CanonicalGroup(string group) =>
        Linux71Table.FineGroupAliases.TryGetValue(group, out string? canonical) ? canonical : group;

    /// <summary>
    /// triage_sysreg_trap(): Forward (re-inject into the guest hypervisor), Undefined (fine-grained
    /// UNDEF) or Local. The kernel only calls it for EC 0x18; any other exception class is Local here.
    /// </summary>
    public ReferenceDecision Decide(ReferenceVm vm, ReferenceVcpu vcpu, ulong esr)
    {
        if (((esr >> 26) & 0x3F) != 0x18)
        {
            return ReferenceDecision.Local;
        }

        var sysreg = SysRegEncoding.FromEsr(esr);
        bool isRead = (esr & 1) == 1; // ESR_ELx_SYS64_ISS_DIR_READ

        // Nothing known about this encoding: cut it short.
        if (!_config.TryGetValue(sysreg, out var tc))
        {
            return ReferenceDecision.Local;
        }

        // A fine-grained trap used to forbid the feature: UNDEF, before anything else.
        if (tc.FineGroup is not null && (vm.FguOf(tc.FineGroup) & Bit(tc.Bit)) != 0)
        {
            return ReferenceDecision.Undefined;
        }

        // Not nesting: handled locally.
        if (!vcpu.HasNestedVirt)
        {
            return ReferenceDecision.Local;
        }

        // The guest hypervisor's own context, other than its EL0 (InHost): handled locally.
        if (IsHypCtxt(vm, vcpu) && !VcpuIsHostEl0(vm, vcpu))
        {
            return ReferenceDecision.Local;
        }

        string? fineGroup = tc.FineGroup;
        string? fgtreg = null;
        if (fineGroup is not null)
        {
            var group = _fineGroups[fineGroup];
            fgtreg = isRead ? group.ReadRegister : group.WriteRegister;

            // HFGITR_GROUP's one filter: with HCRX_EL2.FGTnXS set, the nXS TLBIs are not trapped
            // by HFGITR_EL2 at all.
            if (fineGroup == "HFGITR" && tc.Filter == "HCRX_FGTnXS" &&
                (VcpuSysReg(vm, vcpu, "HCRX_EL2") & Linux71Table.HCRX_EL2_FGTnXS) != 0)
            {
                fineGroup = null;
            }
        }

        if (fineGroup is not null && CheckFgtBit(vm, vcpu, fgtreg!, tc))
        {
            return ReferenceDecision.Forward;
        }

        var b = ComputeTrapBehaviour(vm, vcpu, esr, tc.CoarseGroup);

        if ((b & KernelBehaviour.ForwardInHostEl0) == 0 && VcpuIsHostEl0(vm, vcpu))
        {
            return ReferenceDecision.Local;
        }

        if (((b & KernelBehaviour.ForwardRead) != 0 && isRead) ||
            ((b & KernelBehaviour.ForwardWrite) != 0 && !isRead))
        {
            return ReferenceDecision.Forward;
        }

        return ReferenceDecision.Local;
    }

    // check_fgt_bit(): never in a hypervisor context; polarity 1 traps when the bit is set;
    // polarity 0 traps when the bit is clear and not RES0 for this VM (an unimplemented feature).
    private bool CheckFgtBit(ReferenceVm vm, ReferenceVcpu vcpu, string register, TrapConfig tc)
    {
        if (IsHypCtxt(vm, vcpu))
        {
            return false;
        }

        ulong val = VcpuSysReg(vm, vcpu, register);

        if (tc.Polarity == 1)
        {
            return (val & Bit(tc.Bit)) != 0;
        }

        if ((val & Bit(tc.Bit)) != 0)
        {
            return false;
        }

        return (vm.MasksOf(register).Res0 & Bit(tc.Bit)) == 0;
    }

    /// <summary>compute_trap_behaviour(): the coarse group's behaviour (none: Local).</summary>
    public KernelBehaviour ComputeTrapBehaviour(ReferenceVm vm, ReferenceVcpu vcpu, ulong esr, string? group) =>
        group is null ? KernelBehaviour.Local : Compute(vm, vcpu, esr, group, KernelBehaviour.Local);

    // __compute_trap_behaviour(): a control, a combination (recursively, OR of its members) or a
    // complex condition.
    private KernelBehaviour Compute(ReferenceVm vm, ReferenceVcpu vcpu, ulong esr, string id, KernelBehaviour b)
    {
        if (_controls.TryGetValue(id, out var control))
        {
            return b | GetBehaviour(vm, vcpu, control);
        }

        if (_combinations.TryGetValue(id, out var combination))
        {
            foreach (string member in combination.Members)
            {
                b |= Compute(vm, vcpu, esr, member, b);
            }

            return b;
        }

        if (_conditions.Contains(id))
        {
            return b | Condition(vm, vcpu, esr, id);
        }

        throw new InvalidOperationException($"unknown coarse group {id}");
    }

    // get_behaviour(): (__vcpu_sys_reg(register) & mask) == value.
    private KernelBehaviour GetBehaviour(ReferenceVm vm, ReferenceVcpu vcpu, KernelControl control) =>
        (VcpuSysReg(vm, vcpu, control.Register) & control.Mask) == control.Value ? control.Behaviour : KernelBehaviour.Local;

    private KernelBehaviour Condition(ReferenceVm vm, ReferenceVcpu vcpu, ulong esr, string id) => id switch
    {
        "CNTHCTL_EL1PCTEN" => CheckCnthctlEl1pcten(vm, vcpu),
        "CNTHCTL_EL1PTEN" => CheckCnthctlEl1pten(vm, vcpu),
        "CNTHCTL_EL1NVPCT" => CheckCnthctlEl1nvpct(vm, vcpu),
        "CNTHCTL_EL1NVVCT" => CheckCnthctlEl1nvvct(vm, vcpu),
        "CPTR_TTA" => CheckCptrTta(vm, vcpu),
        "MDCR_HPMN" => CheckMdcrHpmn(vm, vcpu, esr),
        _ => throw new InvalidOperationException($"unknown condition {id}"),
    };

    // get_sanitized_cnthctl(): with E2H clear, CNTHCTL_EL2[1:0] (EL1PCEN:EL1PCTEN) moved up to the
    // E2H layout's [11:10]; only those two bits are kept.
    private ulong GetSanitizedCnthctl(ReferenceVm vm, ReferenceVcpu vcpu)
    {
        ulong val = VcpuSysReg(vm, vcpu, "CNTHCTL_EL2");
        const ulong bits = Linux71Table.CNTHCTL_EL1PCEN | Linux71Table.CNTHCTL_EL1PCTEN;

        if (!VcpuEl2E2hIsSet(vm, vcpu))
        {
            val = (val & bits) << 10;
        }

        return val & (bits << 10);
    }

    private KernelBehaviour CheckCnthctlEl1pcten(ReferenceVm vm, ReferenceVcpu vcpu) =>
        (GetSanitizedCnthctl(vm, vcpu) & (Linux71Table.CNTHCTL_EL1PCTEN << 10)) != 0
            ? KernelBehaviour.Local
            : KernelBehaviour.ForwardRW;

    private KernelBehaviour CheckCnthctlEl1pten(ReferenceVm vm, ReferenceVcpu vcpu) =>
        (GetSanitizedCnthctl(vm, vcpu) & (Linux71Table.CNTHCTL_EL1PCEN << 10)) != 0
            ? KernelBehaviour.Local
            : KernelBehaviour.ForwardRW;

    // is_nested_nv2_guest(): HCR_EL2.{E2H,TGE,NV2,NV1,NV} == {1,0,1,0,1}.
    private bool IsNestedNv2Guest(ReferenceVm vm, ReferenceVcpu vcpu)
    {
        ulong val = VcpuSysReg(vm, vcpu, "HCR_EL2");
        const ulong mask = Linux71Table.HCR_E2H | Linux71Table.HCR_TGE | Linux71Table.HCR_NV2 | Linux71Table.HCR_NV1 | Linux71Table.HCR_NV;
        const ulong want = Linux71Table.HCR_E2H | Linux71Table.HCR_NV2 | Linux71Table.HCR_NV;
        return (val & mask) == want;
    }

    private KernelBehaviour CheckCnthctlEl1nvpct(ReferenceVm vm, ReferenceVcpu vcpu) =>
        !IsNestedNv2Guest(vm, vcpu) || (VcpuSysReg(vm, vcpu, "CNTHCTL_EL2") & Linux71Table.CNTHCTL_EL1NVPCT) == 0
            ? KernelBehaviour.Local
            : KernelBehaviour.ForwardRW;

    private KernelBehaviour CheckCnthctlEl1nvvct(ReferenceVm vm, ReferenceVcpu vcpu) =>
        !IsNestedNv2Guest(vm, vcpu) || (VcpuSysReg(vm, vcpu, "CNTHCTL_EL2") & Linux71Table.CNTHCTL_EL1NVVCT) == 0
            ? KernelBehaviour.Local
            : KernelBehaviour.ForwardRW;

    // check_cptr_tta(): CPTR_EL2 (not a sanitised register) in the CPACR_EL1 layout, TTA set.
    private KernelBehaviour CheckCptrTta(ReferenceVm vm, ReferenceVcpu vcpu)
    {
        ulong val = VcpuSysReg(vm, vcpu, "CPTR_EL2");

        if (!VcpuEl2E2hIsSet(vm, vcpu))
        {
            val = TranslateCptrEl2ToCpacrEl1(val);
        }

        return (val & Linux71Table.CPACR_EL1_TTA) != 0 ? KernelBehaviour.ForwardRW : KernelBehaviour.Local;
    }

    // translate_cptr_el2_to_cpacr_el1() (kvm_nested.h): the nVHE CPTR_EL2 layout to CPACR_EL1's.
    private static ulong TranslateCptrEl2ToCpacrEl1(ulong cptrEl2)
    {
        ulong cpacrEl1 = Linux71Table.CPACR_EL1_RES1;

        if ((cptrEl2 & Linux71Table.CPTR_EL2_TTA) != 0)
        {
            cpacrEl1 |= Linux71Table.CPACR_EL1_TTA;
        }

        if ((cptrEl2 & Linux71Table.CPTR_EL2_TFP) == 0)
        {
            cpacrEl1 |= Linux71Table.CPACR_EL1_FPEN;
        }

        if ((cptrEl2 & Linux71Table.CPTR_EL2_TZ) == 0)
        {
            cpacrEl1 |= Linux71Table.CPACR_EL1_ZEN;
        }

        cpacrEl1 |= cptrEl2 & (Linux71Table.CPTR_EL2_TCPAC | Linux71Table.CPTR_EL2_TAM);

        return cpacrEl1;
    }

    // check_mdcr_hpmn(): the counter the access names (from the encoding, or PMSELR_EL0.SEL for
    // the indirect accessors) is reserved for EL2 -> forwarded, even from the host's EL0.
    private KernelBehaviour CheckMdcrHpmn(ReferenceVm vm, ReferenceVcpu vcpu, ulong esr)
    {
        var sysreg = SysRegEncoding.FromEsr(esr);
        int sr = sysreg.Packed;
        int idx;

        if ((sr >= Linux71Table.PMEVTYPER0_EL0.Packed && sr <= Linux71Table.PMEVTYPER30_EL0.Packed) ||
            (sr >= Linux71Table.PMEVCNTR0_EL0.Packed && sr <= Linux71Table.PMEVCNTR30_EL0.Packed))
        {
            idx = ((sysreg.CRm & 0x3) << 3) | sysreg.Op2;
        }
        else if (sysreg == Linux71Table.PMXEVTYPER_EL0 || sysreg == Linux71Table.PMXEVCNTR_EL0)
        {
            ulong pmselr = VcpuSysReg(vm, vcpu, "PMSELR_EL0");
            idx = (int)((pmselr & Linux71Table.PMSELR_EL0_SEL) >> Linux71Table.PMSELR_EL0_SEL_SHIFT);
        }
        else
        {
            // The kernel flags this as a bug (KVM_BUG_ON) and handles the trap locally.
            return KernelBehaviour.Local;
        }

        if (KvmPmuCounterIsHyp(vm, vcpu, idx))
        {
            return KernelBehaviour.ForwardRW | KernelBehaviour.ForwardInHostEl0;
        }

        return KernelBehaviour.Local;
    }

    // kvm_pmu_counter_is_hyp() (pmu-emul.c): counters [HPMN, N-1] belong to EL2; none when
    // HPMN >= N (the kernel's choice for the CONSTRAINED UNPREDICTABLE case).
    private bool KvmPmuCounterIsHyp(ReferenceVm vm, ReferenceVcpu vcpu, int idx)
    {
        if (!vcpu.HasNestedVirt)
        {
            return false;
        }

        int hpmn = (int)((VcpuSysReg(vm, vcpu, "MDCR_EL2") & Linux71Table.MDCR_EL2_HPMN) >> Linux71Table.MDCR_EL2_HPMN_SHIFT);
        int n = vm.NrPmuCounters;

        if (hpmn >= n)
        {
            return false;
        }

        ulong mask = GenMask(n - 1, hpmn);
        return (mask & Bit(idx)) != 0;
    }

    /// <summary>
    /// __vcpu_sys_reg(): the stored value, and for a nested vCPU and a register in the sanitised
    /// range, (value &amp; ~RES0) | RES1 with the VM's masks (kvm_vcpu_apply_reg_masks).
    /// </summary>
    public ulong VcpuSysReg(ReferenceVm vm, ReferenceVcpu vcpu, string register)
    {
        ulong v = vcpu.Raw(register);
        if (vcpu.HasNestedVirt && _sanitised.Contains(register))
        {
            var masks = vm.MasksOf(register);
            v = (v & ~masks.Res0) | masks.Res1;
        }

        return v;
    }

    // vcpu_el2_e2h_is_set(): E2H is forced on when the host lacks FEAT_NV1; this model's host has
    // it, so the guest's (sanitised) HCR_EL2.E2H decides.
    private bool VcpuEl2E2hIsSet(ReferenceVm vm, ReferenceVcpu vcpu) =>
        (VcpuSysReg(vm, vcpu, "HCR_EL2") & Linux71Table.HCR_E2H) != 0;

    /// <summary>7.1's is_hyp_ctxt(): nested, and at vEL2, or HCR_EL2.{E2H,TGE} = {1,1}, or TGE alone.</summary>
    public bool IsHypCtxt(ReferenceVm vm, ReferenceVcpu vcpu)
    {
        if (!vcpu.HasNestedVirt)
        {
            return false;
        }

        ulong hcr = VcpuSysReg(vm, vcpu, "HCR_EL2");
        bool e2h = (hcr & Linux71Table.HCR_E2H) != 0;
        bool tge = (hcr & Linux71Table.HCR_TGE) != 0;

        return vcpu.ExceptionLevel == 2 || (e2h && tge) || tge;
    }

    /// <summary>vcpu_is_host_el0(): a hypervisor context that is not vEL2.</summary>
    public bool VcpuIsHostEl0(ReferenceVm vm, ReferenceVcpu vcpu) => IsHypCtxt(vm, vcpu) && vcpu.ExceptionLevel != 2;

    private static ulong Bit(int n) => 1UL << n;

    private static ulong GenMask(int high, int low) =>
        (high == 63 ? ulong.MaxValue : (1UL << (high + 1)) - 1) & ~((1UL << low) - 1);

    /// <summary>union trap_config, as names: coarse group or null, canonical fine-grained group or null, bit, polarity, filter.</summary>
    internal sealed record TrapConfig(string? CoarseGroup, string? FineGroup, int Bit, int Polarity, string? Filter);
}
