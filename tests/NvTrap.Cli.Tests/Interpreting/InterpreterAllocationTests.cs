using NvTrap.Testing;

namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>
/// The interpreter decides without allocating once a thread has its expression frame: the
/// context tests, filters and conditions run compiled, on the sample ruleset that has all three.
/// </summary>
public class InterpreterAllocationTests : IClassFixture<TestRulesFixture>
{
    private readonly TestRulesFixture _rules;

    public InterpreterAllocationTests(TestRulesFixture rules) => _rules = rules;

    [Fact]
    public void Interpreted_decisions_with_a_vm_profile_allocate_nothing()
    {
        var rules = _rules.Rules;
        var vm = VmProfile.Defaults(rules);
        vm.SetParameter(0, 2);
        var random = new Random(5);
        var encodings = RuleTables.ConfiguredEncodings(rules);
        var states = new VcpuState[64];
        for (int i = 0; i < states.Length; i++)
        {
            states[i] = new VcpuState { HasNestedVirtualization = true, CurrentEl = (ExceptionLevel)random.Next(3) };
            for (int r = 0; r < rules.Names.RegisterCount; r++)
            {
                states[i][r] = RandomRegisters.Next(random);
            }
        }

        var esrs = Enumerable.Range(0, 1024).Select(_ => Esr.ForSysRegAccess(encodings[random.Next(encodings.Length)], random.Next(2) == 0)).ToArray();
        int forwarded = 0;
        for (int i = 0; i < 50_000; i++)
        {
            forwarded += TrapEngine.Decide(rules, states[i & 63], vm, esrs[i & 1023]).Forward ? 1 : 0;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200_000; i++)
        {
            forwarded += TrapEngine.Decide(rules, states[i & 63], vm, esrs[(i * 7) & 1023]).Forward ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(forwarded > 0);
    }
}
