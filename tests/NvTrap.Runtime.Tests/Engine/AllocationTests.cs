namespace NvTrap.Runtime.Tests.Engine;

/// <summary>Deciding is allocation-free: measured, not assumed.</summary>
public class AllocationTests
{
    [Fact]
    public void Decide_allocates_nothing_over_a_million_calls()
    {
        var state = new LinuxTraps.State { HasNestedVirtualization = true, CurrentEl = ExceptionLevel.El1, HCR_EL2 = 1UL << 26, CNTHCTL_EL2 = 1 };
        var generic = VcpuState.NestedGuestAtEl1;
        var encodings = LinuxTraps.ConfiguredEncodings().Select(e => e.Value).ToArray();
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
            forwarded += LinuxTraps.Decide(state, esrs[i & 4095]).Forward ? 1 : 0;
            forwarded += LinuxTraps.Decide(generic, esrs[i & 4095]).Forward ? 1 : 0;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000_000; i++)
        {
            forwarded += LinuxTraps.Decide(state, esrs[i & 4095]).Forward ? 1 : 0;
            forwarded += LinuxTraps.Decide(generic, esrs[i & 4095]).Forward ? 1 : 0;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(forwarded > 0);
    }
}
