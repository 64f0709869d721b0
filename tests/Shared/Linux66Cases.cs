namespace NvTrap.Testing;

// Inside the namespace, so the alias is found before NvTrap.SysRegEncoding (from the enclosing
// namespace NvTrap): every encoding here is the oracle's.
using NvTrap.Testing.Reference;
using KernelEncoding = NvTrap.Testing.Reference.SysRegEncoding;

/// <summary>
/// Random Linux 6.6 trap cases for the differential tests against <see cref="Linux66Reference"/>,
/// drawn without anything from NvTrap's compiler: registers by the kernel's names (values from
/// <see cref="RandomRegisters"/>, HCR_EL2 from <see cref="RandomRegisters.NextHcr"/>), the
/// vCPU's EL (mostly EL1, one in eight EL0 and one in eight vEL2) and nested virtualization (one
/// in sixteen without), and an ESR_EL2 composed bit by bit: half of the encodings from the
/// oracle's own configured set, half from the whole 16-bit space, both directions, any Rt, and
/// one case in 64 with another exception class. The same case fills the oracle's
/// <see cref="ReferenceVcpu"/> and the generated <see cref="Linux66Traps.State"/>.
/// </summary>
internal sealed class Linux66Cases
{
    /// <summary>
    /// The registers the 6.6 decision reads, by the kernel's names: the coarse controls'
    /// registers, the fine-grained groups' registers, and CNTHCTL_EL2 for the two timer conditions.
    /// </summary>
    public static readonly string[] RegisterNames = Linux66Table.Controls.Select(c => c.Register)
        .Concat(Linux66Table.FineGroups.SelectMany(g => new[] { g.ReadRegister, g.WriteRegister }))
        .Append("CNTHCTL_EL2")
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToArray();

    private readonly Random _random;
    private readonly KernelEncoding[] _configured;
    private readonly Dictionary<string, ulong> _registers = new();

    public Linux66Cases(int seed, Linux66Reference reference)
    {
        _random = new Random(seed);
        _configured = reference.Config.Keys.OrderBy(e => e.Packed).ToArray();
    }

    /// <summary>The random source, for tests that draw more per case (a VM profile).</summary>
    public Random Random => _random;

    public bool HasNestedVirt { get; private set; }

    /// <summary>0, 1 or 2 (vEL2).</summary>
    public int El { get; private set; }

    /// <summary>The raw ESR_EL2.</summary>
    public ulong EsrValue { get; private set; }

    public IReadOnlyDictionary<string, ulong> Registers => _registers;

    /// <summary>The case as the oracle sees it (over this object's registers: valid until <see cref="Next"/>).</summary>
    public ReferenceVcpu Vcpu => new(HasNestedVirt, El, _registers);

    /// <summary>Draws the next case.</summary>
    public void Next()
    {
        foreach (string name in RegisterNames)
        {
            _registers[name] = name == "HCR_EL2" ? RandomRegisters.NextHcr(_random) : RandomRegisters.Next(_random);
        }

        HasNestedVirt = _random.Next(16) != 0;
        El = _random.Next(8) switch { 0 => 0, 1 => 2, _ => 1 };

        var e = _random.Next(2) == 0 ? _configured[_random.Next(_configured.Length)] : KernelEncoding.FromPacked(_random.Next(65536));
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

    /// <summary>The case as the generated Linux66Traps reads it, each register set by its name.</summary>
    public Linux66Traps.State State()
    {
        var state = new Linux66Traps.State
        {
            HasNestedVirtualization = HasNestedVirt,
            CurrentEl = (ExceptionLevel)El,
        };
        foreach (var (name, value) in _registers)
        {
            switch (name)
            {
                case "HCR_EL2": state.HCR_EL2 = value; break;
                case "MDCR_EL2": state.MDCR_EL2 = value; break;
                case "CNTHCTL_EL2": state.CNTHCTL_EL2 = value; break;
                case "HFGRTR_EL2": state.HFGRTR_EL2 = value; break;
                case "HFGWTR_EL2": state.HFGWTR_EL2 = value; break;
                case "HFGITR_EL2": state.HFGITR_EL2 = value; break;
                default: throw new InvalidOperationException($"the 6.6 oracle reads {name}, which Linux66Traps.State does not hold");
            }
        }

        return state;
    }

    /// <summary>The oracle's decision as the product's outcome.</summary>
    public static TrapOutcome Outcome(ReferenceDecision decision) => OracleCase.Outcome(decision);

    /// <summary>The case in one line: ESR, access, nesting, EL and every register.</summary>
    public override string ToString() => OracleCase.Describe(EsrValue, HasNestedVirt, El, RegisterNames.Select(n => (n, _registers[n])));
}
