using NvTrap.Testing;

namespace NvTrap.Runtime.Tests.Engine;

/// <summary>Deciding is allocation-free: measured, not assumed.</summary>
public class AllocationTests
{
    [Fact]
    public void Decide_allocates_nothing_over_a_million_calls()
    {
        var state = new Linux66Traps.State { HasNestedVirtualization = true, CurrentEl = ExceptionLevel.El1, HCR_EL2 = 1UL << 26, CNTHCTL_EL2 = 1 };
        var generic = VcpuState.NestedGuestAtEl1;
        var encodings = Linux66Traps.ConfiguredEncodings().Select(e => e.Value).ToArray();
        var esrs = new Esr[4096];
        var random = new Random(1234);
        for (int i = 0; i < esrs.Length; i++)
        {
            ushort encoding = i % 4 == 0 ? (ushort)random.Next(65536) : encodings[random.Next(encodings.Length)];
            esrs[i] = Esr.ForSysRegAccess(new SysRegEncoding(encoding), isRead: random.Next(2) == 0);
        }

        int forwarded = 0;
        // Warm up so tiering and static initialization happen outside the measurement.
        for (int i = 0; i < 200_000; i++)
        {
            forwarded += Linux66Traps.Decide(state, esrs[i & 4095]).Forward ? 1 : 0;
            forwarded += Linux66Traps.Decide(generic, esrs[i & 4095]).Forward ? 1 : 0;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000_000; i++)
        {
            forwarded += Linux66Traps.Decide(state, esrs[i & 4095]).Forward ? 1 : 0;
            forwarded += Linux66Traps.Decide(generic, esrs[i & 4095]).Forward ? 1 : 0;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(forwarded > 0);
    }

    [Fact]
    public void Deciding_with_a_vm_profile_in_every_context_allocates_nothing()
    {
        // The test ruleset takes every path: hidden bits, filters, host EL0, conditions with parameters.
        var vm = TestTraps.DefaultVm();
        vm.SetHiddenBits(TestTraps.FineGrainedGroups.FG, 1UL << 6);
        vm.SetReserved(TestTraps.Registers.HCR_EL2, res0: 0, res1: 1UL << 31);
        vm.SetParameter(TestTraps.Parameters.NR_COUNTERS, 2);
        var states = new TestTraps.State[64];
        var esrs = new Esr[4096];
        var random = new Random(99);
        var encodings = TestTraps.ConfiguredEncodings();
        for (int i = 0; i < states.Length; i++)
        {
            states[i] = new TestTraps.State
            {
                HasNestedVirtualization = random.Next(8) != 0,
                CurrentEl = (ExceptionLevel)random.Next(3),
                HCR_EL2 = RandomRegisters.Next(random),
                CTL_EL2 = RandomRegisters.Next(random),
                FGR_EL2 = RandomRegisters.Next(random),
                FGW_EL2 = RandomRegisters.Next(random),
            };
        }

        for (int i = 0; i < esrs.Length; i++)
        {
            esrs[i] = Esr.ForSysRegAccess(encodings[random.Next(encodings.Length)], isRead: random.Next(2) == 0);
        }

        var reasons = new int[16];
        for (int i = 0; i < 200_000; i++)
        {
            reasons[(int)TestTraps.Decide(states[i & 63], vm, esrs[i & 4095]).Reason]++;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000_000; i++)
        {
            reasons[(int)TestTraps.Decide(states[i & 63], vm, esrs[(i * 7) & 4095]).Reason]++;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        foreach (var reason in new[] { DecisionReason.FeatureHidden, DecisionReason.HypervisorContext, DecisionReason.HostEl0NotForwarded, DecisionReason.FineGrainedTrap, DecisionReason.CoarseTrap, DecisionReason.NotTrapped })
        {
            Assert.True(reasons[(int)reason] > 0, $"no decision took the {reason} path");
        }
    }
}
