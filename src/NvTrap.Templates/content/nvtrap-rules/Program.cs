using NvTrap;
using NvTrapRulesProject;

// The nested (L2) guest kernel writes TTBR0_EL1 while its hypervisor (L1) has set HCR_EL2.TVM,
// asking to trap writes to the virtual-memory control registers.
var state = new MyTraps.State
{
    HasNestedVirtualization = true,
    CurrentEl = ExceptionLevel.El1,
    HCR_EL2 = 1UL << 26,
};
var write = Esr.ForSysRegAccess(SysRegEncoding.Parse("S3_0_C2_C0_0"), isRead: false);

TrapDecision decision = MyTraps.Decide(state, write);
Console.WriteLine($"TTBR0_EL1 write with HCR_EL2.TVM set: {decision.Outcome}");
Console.Write(MyTraps.Explain(state, write));
