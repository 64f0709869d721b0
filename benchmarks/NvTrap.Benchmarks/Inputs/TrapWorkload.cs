using NvTrap.Testing.Reference;

namespace NvTrap.Benchmarks.Inputs;

/// <summary>
/// Pre-generated inputs shared by every structure: 4,096 traps (an ESR and the vCPU state it came
/// from) for one access pattern. States come from a pool of 64 so the whole working set of states
/// stays in cache and the measurement is the decision, not memory traffic; each state exists
/// twice, as the runtime's <see cref="VcpuState"/> and as the <see cref="ReferenceVcpu"/> the
/// kernel oracle reads (registers by name). A fixed seed makes every run decide the same traps.
/// </summary>
internal sealed class TrapWorkload
{
    public const int Cases = 4096;
    public const int StatePoolSize = 64;

    /// <summary>The differential tests' seed.</summary>
    public const int Seed = 20261125;

    public TrapWorkload(AccessPattern pattern)
    {
        var linux = LinuxRuleset.Instance;
        var random = new Random(Seed + (int)pattern);
        Pattern = pattern;

        var names = default(Linux66Traps.Rules).Names;
        int registerCount = names.RegisterCount;

        States = new VcpuState[StatePoolSize];
        TypedStates = new Linux66Traps.State[StatePoolSize];
        ReferenceVcpus = new ReferenceVcpu[StatePoolSize];
        for (int s = 0; s < StatePoolSize; s++)
        {
            // Traps come from the nested guest: EL1 mostly, EL0 now and then (which, with
            // HCR_EL2.{E2H,TGE} both set, is the guest hypervisor's own user space).
            var el = random.Next(8) == 0 ? ExceptionLevel.El0 : ExceptionLevel.El1;
            var registers = new Dictionary<string, ulong>();
            var state = new VcpuState { HasNestedVirtualization = true, CurrentEl = el };
            for (int r = 0; r < registerCount; r++)
            {
                state[r] = NvTrap.Testing.RandomRegisters.Next(random);
                registers[names.RegisterName(r)] = state[r];
            }

            States[s] = state;
            TypedStates[s] = TypedState(state);
            ReferenceVcpus[s] = new ReferenceVcpu(true, (int)el, registers);
        }

        var hot = HotRegisters.Resolve(linux);
        Esrs = new Esr[Cases];
        StateIndex = new int[Cases];
        Encodings = new ushort[Cases];
        IssKeys = new uint[Cases];
        for (int i = 0; i < Cases; i++)
        {
            ushort encoding = pattern switch
            {
                AccessPattern.Uniform => Configured[random.Next(Configured.Length)].Value,
                AccessPattern.Hot => hot[random.Next(hot.Length)],
                _ => (ushort)random.Next(65536),
            };
            Encodings[i] = encoding;
            Esrs[i] = Esr.ForSysRegAccess(new SysRegEncoding(encoding), isRead: random.Next(2) == 0, rt: random.Next(32));
            IssKeys[i] = Esrs[i].IssKey;
            StateIndex[i] = random.Next(StatePoolSize);
        }
    }

    public AccessPattern Pattern { get; }

    /// <summary>The pooled states as the runtime's general-purpose <see cref="VcpuState"/> (32 registers inline, 264 bytes).</summary>
    public VcpuState[] States { get; }

    /// <summary>The same states as the ruleset's own generated state type (its six registers as fields, 56 bytes).</summary>
    public Linux66Traps.State[] TypedStates { get; }

    /// <summary>The same states as the kernel oracle reads them.</summary>
    public ReferenceVcpu[] ReferenceVcpus { get; }

    public Esr[] Esrs { get; }

    /// <summary>Which pooled state each trap came from.</summary>
    public int[] StateIndex { get; }

    /// <summary>Each trap's encoding, for the lookup-only benchmarks.</summary>
    public ushort[] Encodings { get; }

    /// <summary>Each trap's <see cref="Esr.IssKey"/>, for the lookup the generated table makes inside a decision.</summary>
    public uint[] IssKeys { get; }

    /// <summary>Copies a state into the generated state type, register by register name.</summary>
    private static readonly SysRegEncoding[] Configured = Linux66Traps.ConfiguredEncodings();

    private static Linux66Traps.State TypedState(VcpuState state)
    {
        object typed = new Linux66Traps.State { HasNestedVirtualization = state.HasNestedVirtualization, CurrentEl = state.CurrentEl };
        var names = default(Linux66Traps.Rules).Names;
        for (int r = 0; r < names.RegisterCount; r++)
        {
            var property = typeof(Linux66Traps.State).GetProperty(names.RegisterName(r))
                ?? throw new InvalidOperationException($"Linux66Traps.State has no property for register {names.RegisterName(r)}.");
            property.SetValue(typed, state.ReadRegister(r));
        }

        var result = (Linux66Traps.State)typed;
        for (int r = 0; r < names.RegisterCount; r++)
        {
            if (result.ReadRegister(r) != state.ReadRegister(r))
            {
                throw new InvalidOperationException($"Linux66Traps.State reads register {r} differently.");
            }
        }

        return result;
    }
}
