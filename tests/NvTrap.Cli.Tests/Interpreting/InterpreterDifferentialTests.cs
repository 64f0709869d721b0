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

        Assert.Equal(LinuxTraps.GroupCount, _linux.Handle.GroupCount);
        for (int group = 0; group <= LinuxTraps.GroupCount; group++)
        {
            Assert.Equal(generated.GroupName(group), interpreted.GroupName(group));
            Assert.Equal(generated.ConditionText(group), interpreted.ConditionText(group));
            Assert.Equal(generated.ConditionRegisters(group).ToArray(), interpreted.ConditionRegisters(group).ToArray());
        }
    }

    [Fact]
    public void Interpreted_tables_are_byte_for_byte_the_generated_ones()
    {
        // The interpreter holds the serializer's bytes; the generated code holds what the emitter
        // wrote from the same bytes. Equal tables mean the emitter's text encodes them faithfully.
        var generated = default(LinuxTraps.Rules);
        var interpreted = _linux.Rules;
        Assert.Equal(generated.LookupDisplacements.ToArray(), interpreted.LookupDisplacements.ToArray());
        Assert.Equal(generated.LookupSlots.ToArray(), interpreted.LookupSlots.ToArray());
        Assert.Equal(generated.DecisionListStarts.ToArray(), interpreted.DecisionListStarts.ToArray());
        Assert.Equal(generated.DecisionRecords.ToArray(), interpreted.DecisionRecords.ToArray());
        Assert.Equal(generated.GroupStarts.ToArray(), interpreted.GroupStarts.ToArray());
        Assert.Equal(generated.GroupRecords.ToArray(), interpreted.GroupRecords.ToArray());
        Assert.Equal(generated.GroupKinds.ToArray(), interpreted.GroupKinds.ToArray());
        Assert.Equal(generated.FineGrainedRegisters.ToArray(), interpreted.FineGrainedRegisters.ToArray());
        Assert.Equal(generated.RegisterRes0.ToArray(), interpreted.RegisterRes0.ToArray());
        Assert.Equal(generated.RegisterRes1.ToArray(), interpreted.RegisterRes1.ToArray());
        Assert.Equal(generated.ParameterDefaults.ToArray(), interpreted.ParameterDefaults.ToArray());
        Assert.Equal(generated.SanitisedRegisters, interpreted.SanitisedRegisters);
    }

    [Fact]
    public void Interpreted_and_generated_names_agree_on_every_encoding()
    {
        var generated = default(LinuxTraps.Rules).Names;
        var interpreted = _linux.Rules.Names;
        for (int encoding = 0; encoding <= ushort.MaxValue; encoding++)
        {
            ushort value = (ushort)encoding;
            Assert.True(generated.SysRegName(value) == interpreted.SysRegName(value), $"{new SysRegEncoding(value)}: {generated.SysRegName(value)} vs {interpreted.SysRegName(value)}");
            Assert.True(generated.FineGrainedBitName(value) == interpreted.FineGrainedBitName(value), $"{new SysRegEncoding(value)}");
        }
    }

    [Fact]
    public void Interpreter_decides_as_the_generated_code_on_a_million_cases()
    {
        var random = new Random(Seed);
        var generated = default(LinuxTraps.Rules);
        var interpreted = _linux.Rules;
        var configured = LinuxTraps.ConfiguredEncodings().Select(e => e.Value).ToArray();
        int registerCount = LinuxTraps.RegisterCount;
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
                state[r] = r == LinuxTraps.Registers.HCR_EL2 ? RandomRegisters.NextHcr(random) : RandomRegisters.Next(random);
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
            byCondition += expected.Reason == DecisionReason.CoarseTrap && RuleTables.KindOf(generated, expected.Member) == RuleGroupKind.Condition ? 1 : 0;
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
        foreach (var encoding in LinuxTraps.ConfiguredEncodings())
        {
            var state = VcpuState.NestedGuestAtEl1;
            for (int r = 0; r < LinuxTraps.RegisterCount; r++)
            {
                state[r] = RandomRegisters.Next(random);
            }

            foreach (bool isRead in new[] { true, false })
            {
                var esr = Esr.ForSysRegAccess(encoding, isRead);
                string expected = TrapExplainer.Explain(generated, state, esr).ToString();
                string actual = TrapExplainer.Explain(_linux.Rules, state, esr).ToString();
                Assert.Equal(expected, actual);
            }
        }
    }
}
