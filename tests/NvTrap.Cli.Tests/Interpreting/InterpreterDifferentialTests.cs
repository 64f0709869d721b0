using NvTrap.Testing;
namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>
/// The interpreter against the generated LinuxTraps on the Linux ruleset: the same random cases
/// as the runtime's differential test (half configured encodings, half the whole 16-bit space;
/// registers all-zero, all-one, dense or sparse; both directions; varied EL and nesting; a fixed
/// seed), compared decision for decision, including group, member and fine-grained bit.
/// </summary>
public class InterpreterDifferentialTests : IClassFixture<LinuxRulesFixture>
{
    private const int Seed = 20261125;
    private const int Cases = 1_000_000;

    private readonly LinuxRulesFixture _linux;

    public InterpreterDifferentialTests(LinuxRulesFixture linux) => _linux = linux;

    [Fact]
    public void Interpreted_and_generated_rules_number_registers_and_groups_alike()
    {
        var generated = default(LinuxTraps.Rules).Names;
        var interpreted = _linux.Rules.Names;

        Assert.Equal(generated.RulesetName, interpreted.RulesetName);
        Assert.Equal(generated.RegisterCount, interpreted.RegisterCount);
        for (int i = 0; i < generated.RegisterCount; i++)
        {
            Assert.Equal(generated.RegisterName(i), interpreted.RegisterName(i));
        }

        Assert.Equal(LinuxTraps.Groups.Count, _linux.Handle.GroupCount);
        for (int group = 0; group <= LinuxTraps.Groups.Count; group++)
        {
            Assert.Equal(generated.GroupName(group), interpreted.GroupName(group));
            Assert.Equal(generated.ConditionText(group), interpreted.ConditionText(group));
            Assert.Equal(generated.ConditionRegisters(group).ToArray(), interpreted.ConditionRegisters(group).ToArray());
        }
    }

    [Fact]
    public void Interpreted_and_generated_configs_agree_on_every_encoding()
    {
        var generated = default(LinuxTraps.Rules);
        for (int encoding = 0; encoding <= ushort.MaxValue; encoding++)
        {
            ushort value = (ushort)encoding;
            if (generated.LookupConfig(value) != _linux.Rules.LookupConfig(value)
                || generated.Names.SysRegName(value) != _linux.Rules.Names.SysRegName(value)
                || generated.Names.FineGrainedBitName(value) != _linux.Rules.Names.FineGrainedBitName(value))
            {
                Assert.Fail($"{new SysRegEncoding(value)}: generated 0x{generated.LookupConfig(value):X} {generated.Names.SysRegName(value)}, interpreted 0x{_linux.Rules.LookupConfig(value):X} {_linux.Rules.Names.SysRegName(value)}");
            }
        }
    }

    [Fact]
    public void Interpreter_decides_as_the_generated_code_on_a_million_cases()
    {
        var random = new Random(Seed);
        var generated = default(LinuxTraps.Rules);
        var interpreted = _linux.Rules;
        var configured = Enumerable.Range(0, LinuxTraps.ConfiguredEncodingCount).Select(i => LinuxTraps.ConfiguredEncoding(i).Value).ToArray();
        int registerCount = LinuxTraps.Registers.Count;
        int forwarded = 0, byCondition = 0, byFineGrained = 0;
        for (int i = 0; i < Cases; i++)
        {
            var state = new VcpuState
            {
                HasNestedVirtualization = random.Next(16) != 0,
                CurrentEl = random.Next(8) switch { 0 => ExceptionLevel.El0, 1 => ExceptionLevel.El2, _ => ExceptionLevel.El1 },
            };
            for (int r = 0; r < registerCount; r++)
            {
                state[r] = RandomRegisters.Next(random);
            }

            ushort encoding = random.Next(2) == 0 ? configured[random.Next(configured.Length)] : (ushort)random.Next(65536);
            var esr = Esr.ForSysRegAccess(new SysRegEncoding(encoding), isRead: random.Next(2) == 0, rt: random.Next(32));

            var expected = TrapEngine.Decide(generated, state, esr);
            var actual = TrapEngine.Decide(interpreted, state, esr);
            if (expected != actual)
            {
                Assert.Fail($"Mismatch at case {i} (seed {Seed}): {esr} {new SysRegEncoding(encoding)} nv={state.HasNestedVirtualization} el={state.CurrentEl} "
                    + string.Join(" ", Enumerable.Range(0, registerCount).Select(r => $"{generated.Names.RegisterName(r)}=0x{state[r]:X}"))
                    + $": generated {expected}, interpreted {actual}");
            }

            forwarded += expected.Forward ? 1 : 0;
            byCondition += expected.Reason == DecisionReason.CoarseTrap && generated.KindOf(expected.Member) == RuleGroupKind.Condition ? 1 : 0;
            byFineGrained += expected.Reason == DecisionReason.FineGrainedTrap ? 1 : 0;
        }

        // The mix must exercise both outcomes, the conditions and the fine-grained bits, or the comparison proves little.
        Assert.InRange(forwarded, Cases / 20, Cases - (Cases / 20));
        Assert.True(byCondition > 100, $"only {byCondition} decisions came from a condition");
        Assert.True(byFineGrained > 1000, $"only {byFineGrained} decisions came from a fine-grained bit");
    }

    [Fact]
    public void Interpreter_explains_as_the_generated_code_for_every_configured_encoding()
    {
        var random = new Random(Seed + 1);
        var generated = default(LinuxTraps.Rules);
        for (int i = 0; i < LinuxTraps.ConfiguredEncodingCount; i++)
        {
            var state = VcpuState.NestedGuestAtEl1;
            for (int r = 0; r < LinuxTraps.Registers.Count; r++)
            {
                state[r] = RandomRegisters.Next(random);
            }

            foreach (bool isRead in new[] { true, false })
            {
                var esr = Esr.ForSysRegAccess(LinuxTraps.ConfiguredEncoding(i), isRead);
                string expected = TrapExplainer.Explain(generated, state, esr).ToString();
                string actual = TrapExplainer.Explain(_linux.Rules, state, esr).ToString();
                Assert.Equal(expected, actual);
            }
        }
    }
}
