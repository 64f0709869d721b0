namespace NvTrap.Testing.Reference;

// The plain types the kernel reference models (Linux66Reference, Linux71Reference) and their
// data (Linux66Table, Linux71Table) are written in. Nothing here comes from NvTrap's compiler or
// runtime: the oracles must stand on their own.

/// <summary>A system-register encoding as the kernel's sys_reg() fields.</summary>
internal readonly record struct SysRegEncoding(int Op0, int Op1, int CRn, int CRm, int Op2)
{
    /// <summary>op0&lt;&lt;14 | op1&lt;&lt;11 | crn&lt;&lt;7 | crm&lt;&lt;3 | op2, ordered like the kernel's encodings.</summary>
    public int Packed => (Op0 << 14) | (Op1 << 11) | (CRn << 7) | (CRm << 3) | Op2;

    public static SysRegEncoding FromPacked(int packed) =>
        new((packed >> 14) & 3, (packed >> 11) & 7, (packed >> 7) & 15, (packed >> 3) & 15, packed & 7);

    /// <summary>
    /// The ESR_EL2 ISS of an EC 0x18 trap as an encoding: Op0 [21:20], Op2 [19:17], Op1 [16:14],
    /// CRn [13:10], CRm [4:1] (Rt [9:5] and the direction bit [0] are not part of it).
    /// </summary>
    public static SysRegEncoding FromEsr(ulong esr) =>
        new((int)((esr >> 20) & 3), (int)((esr >> 14) & 7), (int)((esr >> 10) & 15), (int)((esr >> 1) & 15), (int)((esr >> 17) & 7));

    /// <summary>The kernel's encoding_next(): the next encoding, in op2, crm, crn, op1, op0 order.</summary>
    public SysRegEncoding Next()
    {
        if (Op2 < 7)
        {
            return this with { Op2 = Op2 + 1 };
        }

        if (CRm < 15)
        {
            return this with { CRm = CRm + 1, Op2 = 0 };
        }

        if (CRn < 15)
        {
            return this with { CRn = CRn + 1, CRm = 0, Op2 = 0 };
        }

        if (Op1 < 7)
        {
            return new SysRegEncoding(Op0, Op1 + 1, 0, 0, 0);
        }

        return new SysRegEncoding(Op0 + 1, 0, 0, 0, 0);
    }

    /// <summary>Every encoding from first to last inclusive, as the kernel's for_each_encoding_in() walks them.</summary>
    public static IEnumerable<SysRegEncoding> Range(SysRegEncoding first, SysRegEncoding last)
    {
        for (var e = first; e.Packed <= last.Packed; e = e.Next())
        {
            yield return e;
        }
    }

    public override string ToString() => $"S{Op0}_{Op1}_C{CRn}_C{CRm}_{Op2}";
}

/// <summary>The kernel's enum trap_behaviour.</summary>
[Flags]
internal enum KernelBehaviour
{
    Local = 0,
    ForwardRead = 1,
    ForwardWrite = 2,
    ForwardRW = ForwardRead | ForwardWrite,

    /// <summary>7.1 only: the trap also applies when the guest hypervisor's own EL0 (InHost) runs.</summary>
    ForwardInHostEl0 = 4,
}

/// <summary>One coarse_trap_bits entry: the behaviour applies when (Register &amp; Mask) == Value.</summary>
internal sealed record KernelControl(string Name, string Register, ulong Mask, ulong Value, KernelBehaviour Behaviour);

/// <summary>One coarse_control_combo entry: the OR of its members' behaviours.</summary>
internal sealed record KernelCombination(string Name, string[] Members);

/// <summary>One encoding_to_cgt entry (First == Last unless it is a range).</summary>
internal sealed record KernelCoarseEntry(SysRegEncoding First, SysRegEncoding Last, string Group);

/// <summary>One encoding_to_fgt entry: group as written in the table, bit, polarity (1: traps when set), filter or null.</summary>
internal sealed record KernelFineEntry(SysRegEncoding First, SysRegEncoding Last, string Group, int Bit, int Polarity, string? Filter);

/// <summary>A fine-grained group (enum fgt_group_id without _GROUP), its id, and the register read for each direction.</summary>
internal sealed record KernelFineGroup(string Name, int Id, string ReadRegister, string WriteRegister);

/// <summary>A register's RES0 and RES1 masks.</summary>
internal sealed record RegisterMasks(string Register, ulong Res0, ulong Res1);

/// <summary>
/// A vCPU as the reference models see it: whether it has nested virtualization (vcpu_has_nv), its
/// current exception level (0, 1 or 2; 2 is the guest hypervisor's vEL2), and its registers by the
/// kernel's name (HCR_EL2, MDCR_EL2, ...). A register not in the dictionary reads as 0.
/// </summary>
internal sealed record ReferenceVcpu(bool HasNestedVirt, int ExceptionLevel, IReadOnlyDictionary<string, ulong> Registers)
{
    public ulong Raw(string register) => Registers.TryGetValue(register, out ulong v) ? v : 0;
}

/// <summary>What the kernel does with an L2 guest's EC 0x18 trap.</summary>
internal enum ReferenceDecision
{
    /// <summary>Handled by the host (L0) itself.</summary>
    Local,

    /// <summary>Re-injected into the guest hypervisor (L1).</summary>
    Forward,

    /// <summary>7.1 only: UNDEFINED injected, because the VM does not have the feature (fine-grained UNDEF).</summary>
    Undefined,
}
