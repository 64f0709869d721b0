namespace NvTrap.Cli.Tests.Infrastructure;

/// <summary>
/// A small ruleset of its own (registers CTL_EL2 and FGR_EL2, no HCR_EL2) for tests of
/// <c>--rules</c>: a control, a combination, an expression condition over a range, and a
/// fine-grained bit.
/// </summary>
public static class MiniRuleset
{
    public const string Text = """
        ruleset: mini
        registers:
          CTL_EL2:
            encoding: S3_4_C1_C1_0
            fields: { TA: 0, TB: 1, MODE: [7, 4] }
          FGR_EL2:
            res0: 0xFFFFFFFFFFFFFFF7
            fields: { nFOO: 3 }
        controls:
          CTL_TA: { register: CTL_EL2, mask: TA, value: TA, forward: write }
          CTL_TB: { register: CTL_EL2, mask: TB, value: TB, forward: read }
        combinations:
          CTL_TA_TB: [CTL_TA, CTL_TB]
        conditions:
          MODE_FIVE: { forward: any, when: "CTL_EL2.MODE == 5 && op2 == 1" }
        traps:
          - { group: CTL_TA_TB, sysreg: FOO_EL1 }
          - { group: MODE_FIVE, range: [S3_0_C15_C0_0, S3_0_C15_C0_7] }
        fine_grained:
          FGx: { both: FGR_EL2 }
        fine_grained_traps:
          - { sysreg: FOO_EL1, bit: FGx.nFOO, trap_when: clear }
        sysregs:
          FOO_EL1: S3_0_C11_C0_2
        """;

    /// <summary>ESR of a write to FOO_EL1 (S3_0_C11_C0_2).</summary>
    public static readonly Esr FooWrite = Esr.ForSysRegAccess(SysRegEncoding.Parse("S3_0_C11_C0_2"), isRead: false);

    /// <summary>ESR of a read of S3_0_C15_C0_1, which the MODE_FIVE condition guards.</summary>
    public static readonly Esr ModeRead = Esr.ForSysRegAccess(SysRegEncoding.Parse("S3_0_C15_C0_1"), isRead: true);

    public static string WriteTo(TempDirectory directory) => directory.Write("mini/mini.nvtrap.yaml", Text);
}
