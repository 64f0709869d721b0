using NvTrap.Testing;
using NvTrap.Runtime.Tests.Reference;

namespace NvTrap.Runtime.Tests.Linux;

/// <summary>
/// The generated Decide against the kernel-faithful reference model on a million random cases.
/// Encodings come half from the configured set and half from the whole 16-bit space; register
/// values mix all-zero, all-one, dense and sparse random bits; both directions; a fixed seed.
/// </summary>
public class DifferentialTests : IClassFixture<LinuxRulesetFixture>
{
    public const int Seed = 20261125;
    private const int Cases = 1_000_000;

    private readonly LinuxRulesetFixture _linux;

    public DifferentialTests(LinuxRulesetFixture linux) => _linux = linux;

    [Fact]
    public void Generated_Decide_matches_the_reference_model_on_a_million_cases()
    {
        var random = new Random(Seed);
        var configured = _linux.Reference.Config.Keys.OrderBy(k => k).ToArray();
        var names = default(LinuxTraps.Rules).Names;
        int registerCount = _linux.Bound.Registers.Count;
        // Map the bound model's register numbering to the generated one by name.
        var generatedIndex = _linux.Bound.Registers
            .Select(r => Enumerable.Range(0, names.RegisterCount).Single(i => names.RegisterName(i) == r.Name))
            .ToArray();

        var registers = new ulong[registerCount];
        int hcr = _linux.Bound.Registers.Single(r => r.Name == "HCR_EL2").Index;
        int forwarded = 0;
        for (int i = 0; i < Cases; i++)
        {
            for (int r = 0; r < registerCount; r++)
            {
                registers[r] = r == hcr ? RandomRegisters.NextHcr(random) : RandomRegisters.Next(random);
            }

            ushort encoding = random.Next(2) == 0 ? configured[random.Next(configured.Length)] : (ushort)random.Next(65536);
            bool isRead = random.Next(2) == 0;
            bool nested = random.Next(16) != 0;
            var el = random.Next(8) switch { 0 => ExceptionLevel.El0, 1 => ExceptionLevel.El2, _ => ExceptionLevel.El1 };
            var esr = Esr.ForSysRegAccess(new SysRegEncoding(encoding), isRead, rt: random.Next(32));

            var state = new VcpuState { HasNestedVirtualization = nested, CurrentEl = el };
            for (int r = 0; r < registerCount; r++)
            {
                state[generatedIndex[r]] = registers[r];
            }

            bool expected = _linux.Reference.Forward(nested, el, registers, esr.Value);
            var actual = LinuxTraps.Decide(state, esr);
            if (expected != actual.Forward)
            {
                Assert.Fail($"Mismatch at case {i} (seed {Seed}): {esr} {new SysRegEncoding(encoding)} {(isRead ? "read" : "write")} nv={nested} el={el} "
                    + string.Join(" ", _linux.Bound.Registers.Select((r, n) => $"{r.Name}=0x{registers[n]:X}"))
                    + $": reference {(expected ? "forwards" : "does not forward")}, generated {actual}");
            }

            forwarded += expected ? 1 : 0;
        }

        // The mix must exercise both outcomes substantially, or the comparison proves little.
        Assert.InRange(forwarded, Cases / 20, Cases - (Cases / 20));
    }
}
