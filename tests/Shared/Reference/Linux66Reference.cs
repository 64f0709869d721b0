namespace NvTrap.Testing.Reference;

/// <summary>
/// Linux 6.6's decision for an L2 guest's EC 0x18 trap (arch/arm64/kvm/emulate-nested.c:
/// __check_nv_sr_forward, compute_trap_behaviour and the two CNTHCTL_EL2 conditions; is_hyp_ctxt
/// from kvm_emulate.h), restated in plain C# over <see cref="Linux66Table"/>. It is deliberately
/// simple: a dictionary from encoding to trap configuration, the kernel's tests in the kernel's
/// order, recursion for combinations. It shares no code or data with NvTrap's compiler.
/// </summary>
internal sealed class Linux66Reference
{
    private readonly Dictionary<SysRegEncoding, TrapConfig> _config = new();
    private readonly Dictionary<string, KernelControl> _controls;
    private readonly Dictionary<string, KernelCombination> _combinations;
    private readonly HashSet<string> _conditions;
    private readonly Dictionary<string, KernelFineGroup> _fineGroups;
    private readonly Dictionary<string, ulong> _res0;

    public Linux66Reference()
    {
        _controls = Linux66Table.Controls.ToDictionary(c => c.Name);
        _combinations = Linux66Table.Combinations.ToDictionary(c => c.Name);
        _conditions = new HashSet<string>(Linux66Table.Conditions);
        _fineGroups = Linux66Table.FineGroups.ToDictionary(g => g.Name);
        _res0 = Linux66Table.Res0Masks.ToDictionary(m => m.Register, m => m.Res0);

        // populate_nv_trap_config(): coarse entries first (a duplicate is a boot error), then the
        // fine-grained entries are merged into whatever is there (a second one is a boot error).
        foreach (var entry in Linux66Table.Coarse)
        {
            foreach (var e in SysRegEncoding.Range(entry.First, entry.Last))
            {
                if (!_config.TryAdd(e, new TrapConfig(entry.Group, null, 0, 0)))
                {
                    throw new InvalidOperationException($"duplicate coarse entry for {e}");
                }
            }
        }

        foreach (var entry in Linux66Table.Fine)
        {
            foreach (var e in SysRegEncoding.Range(entry.First, entry.Last))
            {
                _config.TryGetValue(e, out var tc);
                if (tc?.FineGroup is not null)
                {
                    throw new InvalidOperationException($"duplicate fine-grained entry for {e}");
                }

                _config[e] = new TrapConfig(tc?.CoarseGroup, entry.Group, entry.Bit, entry.Polarity);
            }
        }
    }

    /// <summary>Every configured encoding and its trap configuration (xa_load(&amp;sr_forward_xa, ...)).</summary>
    public IReadOnlyDictionary<SysRegEncoding, TrapConfig> Config => _config;

    /// <summary>
    /// __check_nv_sr_forward(): Forward when the trap must be re-injected into the guest hypervisor.
    /// The kernel only calls it for EC 0x18; any other exception class is answered Local here.
    /// </summary>
    public ReferenceDecision Decide(ReferenceVcpu vcpu, ulong esr)
    {
        if (((esr >> 26) & 0x3F) != 0x18)
        {
            return ReferenceDecision.Local;
        }

        if (!vcpu.HasNestedVirt || IsHypCtxt(vcpu))
        {
            return ReferenceDecision.Local;
        }

        var sysreg = SysRegEncoding.FromEsr(esr);
        bool isRead = (esr & 1) == 1; // ESR_ELx_SYS64_ISS_DIR_READ

        // A value of 0 for the whole entry: nothing known, handled locally.
        if (!_config.TryGetValue(sysreg, out var tc))
        {
            return ReferenceDecision.Local;
        }

        ulong val = 0;
        if (tc.FineGroup is not null)
        {
            // sanitised_sys_reg(): the register for the group and direction, RES0 bits cleared.
            var group = _fineGroups[tc.FineGroup];
            string register = isRead ? group.ReadRegister : group.WriteRegister;
            val = vcpu.Raw(register) & ~_res0[register];
        }

        // check_fgt_bit(): the bit equals the polarity.
        if (tc.FineGroup is not null && ((val >> tc.Bit) & 1) == (ulong)tc.Polarity)
        {
            return ReferenceDecision.Forward;
        }

        var b = ComputeTrapBehaviour(vcpu, tc.CoarseGroup);

        if (((b & KernelBehaviour.ForwardRead) != 0 && isRead) ||
            ((b & KernelBehaviour.ForwardWrite) != 0 && !isRead))
        {
            return ReferenceDecision.Forward;
        }

        return ReferenceDecision.Local;
    }

    /// <summary>compute_trap_behaviour(): the coarse group's behaviour (none: Local).</summary>
    public KernelBehaviour ComputeTrapBehaviour(ReferenceVcpu vcpu, string? group) =>
        group is null ? KernelBehaviour.Local : Compute(vcpu, group, KernelBehaviour.Local);

    // __compute_trap_behaviour(): a control, a combination (recursively, OR of its members) or a
    // complex condition.
    private KernelBehaviour Compute(ReferenceVcpu vcpu, string id, KernelBehaviour b)
    {
        if (_controls.TryGetValue(id, out var control))
        {
            return b | GetBehaviour(vcpu, control);
        }

        if (_combinations.TryGetValue(id, out var combination))
        {
            foreach (string member in combination.Members)
            {
                b |= Compute(vcpu, member, b);
            }

            return b;
        }

        if (_conditions.Contains(id))
        {
            return b | Condition(vcpu, id);
        }

        throw new InvalidOperationException($"unknown coarse group {id}");
    }

    // get_behaviour(): (register & mask) == value. 6.6's __vcpu_sys_reg applies no masks.
    private static KernelBehaviour GetBehaviour(ReferenceVcpu vcpu, KernelControl control) =>
        (vcpu.Raw(control.Register) & control.Mask) == control.Value ? control.Behaviour : KernelBehaviour.Local;

    private static KernelBehaviour Condition(ReferenceVcpu vcpu, string id) => id switch
    {
        // check_cnthctl_el1pcten(): local when the (E2H-format) EL1PCTEN bit is set.
        "CNTHCTL_EL1PCTEN" => (GetSanitizedCnthctl(vcpu) & (Linux66Table.CNTHCTL_EL1PCTEN << 10)) != 0
            ? KernelBehaviour.Local
            : KernelBehaviour.ForwardRW,

        // check_cnthctl_el1pten(): local when the (E2H-format) EL1PTEN bit is set.
        "CNTHCTL_EL1PTEN" => (GetSanitizedCnthctl(vcpu) & (Linux66Table.CNTHCTL_EL1PCEN << 10)) != 0
            ? KernelBehaviour.Local
            : KernelBehaviour.ForwardRW,
        _ => throw new InvalidOperationException($"unknown condition {id}"),
    };

    // get_sanitized_cnthctl(): with E2H clear, CNTHCTL_EL2[1:0] (EL1PCEN:EL1PCTEN) moved up to the
    // E2H layout's [11:10]; only those two bits are kept.
    private static ulong GetSanitizedCnthctl(ReferenceVcpu vcpu)
    {
        ulong val = vcpu.Raw("CNTHCTL_EL2");
        const ulong bits = Linux66Table.CNTHCTL_EL1PCEN | Linux66Table.CNTHCTL_EL1PCTEN;

        if (!VcpuEl2E2hIsSet(vcpu))
        {
            val = (val & bits) << 10;
        }

        return val & (bits << 10);
    }

    // 6.6's vcpu_el2_e2h_is_set(): the guest's HCR_EL2.E2H, as stored.
    private static bool VcpuEl2E2hIsSet(ReferenceVcpu vcpu) => (vcpu.Raw("HCR_EL2") & Linux66Table.HCR_E2H) != 0;

    private static bool VcpuEl2TgeIsSet(ReferenceVcpu vcpu) => (vcpu.Raw("HCR_EL2") & Linux66Table.HCR_TGE) != 0;

    /// <summary>6.6's is_hyp_ctxt(): at vEL2, or HCR_EL2.{E2H,TGE} = {1,1}, or TGE alone.</summary>
    public static bool IsHypCtxt(ReferenceVcpu vcpu) =>
        vcpu.ExceptionLevel == 2 ||
        (VcpuEl2E2hIsSet(vcpu) && VcpuEl2TgeIsSet(vcpu)) ||
        VcpuEl2TgeIsSet(vcpu);

    /// <summary>union trap_config, as names: coarse group or null, fine-grained group or null, bit, polarity.</summary>
    internal sealed record TrapConfig(string? CoarseGroup, string? FineGroup, int Bit, int Polarity);
}
