using System.Diagnostics;
using NvTrap.Testing;

namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>
/// The interpreter against the generated code on the sample ruleset that uses every construct of
/// the language (a hypervisor context with host EL0, a parameter, RES0 and RES1, a filter,
/// behaviours forwarded in host EL0, both fine-grained polarities): the Linux ruleset has no
/// host EL0, parameters, RES1 or filters, so the Linux differential cannot reach that code.
/// Random states, contexts, encodings and VM profiles (hidden bits, reserved bits, the parameter
/// within its range); whole decisions compared.
/// </summary>
public class TestRulesDifferentialTests : IClassFixture<TestRulesFixture>
{
    private const int Seed = 20261126;
    private const int Cases = 1_000_000;

    private readonly TestRulesFixture _test;

    public TestRulesDifferentialTests(TestRulesFixture test) => _test = test;

    [Fact]
    public void Interpreted_tables_and_names_are_the_generated_ones()
    {
        RulesAgreement.SameTables(default(TestTraps.Rules), _test.Rules);
        RulesAgreement.SameNumbering(default(TestTraps.Rules).Names, _test.Rules.Names, TestTraps.GroupCount);
    }

    [Fact]
    public void Interpreter_decides_as_the_generated_code_on_random_cases_and_profiles()
    {
        var random = new Random(Seed);
        var generated = default(TestTraps.Rules);
        var interpreted = _test.Rules;
        var names = generated.Names;
        var configured = TestTraps.ConfiguredEncodings();
        var reasons = new int[Enum.GetValues<DecisionReason>().Length];
        var mismatches = new List<string>();
        int mismatchCount = 0, filtered = 0, withProfile = 0;
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < Cases; i++)
        {
            // The context: any EL, and HCR_EL2.TGE in one case in eight, so the hypervisor
            // context (vEL2, or TGE) and host EL0 (TGE below vEL2) are both frequent.
            var state = new TestTraps.State
            {
                HasNestedVirtualization = random.Next(16) != 0,
                CurrentEl = (ExceptionLevel)random.Next(3),
                HCR_EL2 = RandomRegisters.NextHcr(random),
                CTL_EL2 = RandomRegisters.Next(random),
                FGR_EL2 = RandomRegisters.Next(random),
                FGW_EL2 = RandomRegisters.Next(random),
            };

            var encoding = random.Next(2) == 0 ? configured[random.Next(configured.Length)] : new SysRegEncoding((ushort)random.Next(65536));
            var esr = Esr.ForSysRegAccess(encoding, isRead: random.Next(2) == 0, rt: random.Next(32));
            if (random.Next(64) == 0)
            {
                // Another exception class, same ISS.
                ulong ec = (ulong)random.Next(63);
                ec += ec >= Esr.SysRegTrapClass ? 1UL : 0UL;
                esr = new Esr((esr.Value & ~(0x3FUL << 26)) | (ec << 26));
            }

            TrapDecision expected, actual;
            string profile = "default profile";
            if (random.Next(2) == 0)
            {
                expected = TrapEngine.Decide(generated, state, esr);
                actual = TrapEngine.Decide(interpreted, state, esr);
            }
            else
            {
                withProfile++;
                var generatedVm = TestTraps.DefaultVm();
                var interpretedVm = VmProfile.Defaults(interpreted);
                profile = RandomVmProfile.Draw(random, names, ref generatedVm, ref interpretedVm);
                expected = TrapEngine.Decide(generated, state, generatedVm, esr);
                actual = TrapEngine.Decide(interpreted, state, interpretedVm, esr);
            }

            if (expected != actual && mismatchCount++ < 10)
            {
                mismatches.Add($"case {i}: {esr} {encoding} nv={state.HasNestedVirtualization} el={state.CurrentEl} "
                    + $"HCR_EL2=0x{state.HCR_EL2:X} CTL_EL2=0x{state.CTL_EL2:X} FGR_EL2=0x{state.FGR_EL2:X} FGW_EL2=0x{state.FGW_EL2:X} "
                    + $"({profile}): generated {expected}, interpreted {actual}\n{TestTraps.Explain(state, esr)}");
            }

            reasons[(int)expected.Reason]++;
            filtered += expected.Filter != 0 ? 1 : 0;
        }

        string counts = string.Join(", ", Enum.GetValues<DecisionReason>().Select(r => $"{r} {reasons[(int)r]}"));
        Assert.True(mismatchCount == 0, $"{mismatchCount} of {Cases} cases (seed {Seed}) disagree; the first:\n" + string.Join("\n", mismatches));

        // Every reason, and an entry switched off by its filter, or the mix proves little. (One
        // configured encoding of 175 has a filter, hence the smaller bound.)
        foreach (var reason in Enum.GetValues<DecisionReason>())
        {
            Assert.True(reasons[(int)reason] >= 1_000, $"only {reasons[(int)reason]} decisions for {reason}; {counts}");
        }

        Assert.True(filtered >= 250, $"only {filtered} decisions name a filter; {counts}");
        Assert.InRange(withProfile, Cases * 2 / 5, Cases * 3 / 5);
        Console.WriteLine($"{Cases} cases on the test ruleset, {withProfile} with a random profile, in {stopwatch.Elapsed.TotalSeconds:F1} s: {counts}, filtered {filtered}");
    }
}
