// Decides a few accesses under the made-up SANDBOX_CTL_EL2 rules and explains one of them.
using CustomRules;
using NvTrap;

var cases = new (string What, string Encoding, bool IsRead, ulong Control)[]
{
    ("write SANDBOX_CFG_EL1, TCFG set", "S3_1_C15_C0_0", false, 0b1_0001),
    ("read SANDBOX_CFG_EL1, TCFG set", "S3_1_C15_C0_0", true, 0b1_0001),
    ("read SANDBOX_STAT_EL1, TSTAT set", "S3_1_C15_C0_1", true, 0b1_0010),
    ("read SANDBOX_KEY_EL1, LOCK clear", "S3_1_C15_C1_0", true, 0),
    ("read SANDBOX_KEY_EL1, LOCK set", "S3_1_C15_C1_0", true, 0b1_0000),
    ("write S3_1_C15_C5_3, MODE 2", "S3_1_C15_C5_3", false, 0b10_0001_0000),
    ("write S3_1_C15_C3_3, MODE 2", "S3_1_C15_C3_3", false, 0b10_0001_0000),
};

foreach (var (what, encoding, isRead, control) in cases)
{
    var state = new SandboxTraps.State { HasNestedVirtualization = true, CurrentEl = ExceptionLevel.El1, SANDBOX_CTL_EL2 = control };
    var decision = SandboxTraps.Decide(state, Esr.ForSysRegAccess(SysRegEncoding.Parse(encoding), isRead));
    Console.WriteLine($"{what,-36} {(decision.Forward ? "forward" : "local")}");
}

var guarded = new SandboxTraps.State { HasNestedVirtualization = true, CurrentEl = ExceptionLevel.El1, SANDBOX_CTL_EL2 = 0b10_0001_0000 };
Console.WriteLine();
Console.Write(SandboxTraps.Explain(guarded, Esr.ForSysRegAccess(SysRegEncoding.Parse("S3_1_C15_C5_3"), isRead: false)));
