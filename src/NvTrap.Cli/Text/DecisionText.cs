namespace NvTrap.Cli.Text;

/// <summary>Short words for a decision, shared by <c>eval</c>'s reason column and <c>explain</c>'s output.</summary>
internal static class DecisionText
{
    /// <summary>
    /// What decided the access: <c>GROUP:MEMBER</c> for a member of a combination, the group's
    /// name when the group itself matched, the fine-grained bit's name (<c>HFGxTR.nTPIDR2_EL0</c>)
    /// that forwarded it or that the VM hides, or <c>none</c> when the access is handled locally.
    /// </summary>
    public static string Reason(in TrapDecision decision, RulesetNames names) => decision.Reason switch
    {
        DecisionReason.CoarseTrap => decision.Group == decision.Member
            ? names.GroupName(decision.Member)
            : names.GroupName(decision.Group) + ":" + names.GroupName(decision.Member),
        DecisionReason.FineGrainedTrap or DecisionReason.FeatureHidden => names.FineGrainedBitName(decision.Encoding.Value)
            ?? $"{names.FineGrainedGroupName(decision.FineGrainedGroup)}[{decision.FineGrainedBit}]",
        _ => "none",
    };

    /// <summary>The decision's <see cref="DecisionReason"/> as a stable lower-case word.</summary>
    public static string ReasonCode(DecisionReason reason) => reason switch
    {
        DecisionReason.NotSysRegTrap => "not-sysreg-trap",
        DecisionReason.NoConfiguration => "no-configuration",
        DecisionReason.FeatureHidden => "feature-hidden",
        DecisionReason.NoNestedVirtualization => "no-nested-virtualization",
        DecisionReason.HypervisorContext => "hypervisor-context",
        DecisionReason.FineGrainedTrap => "fine-grained-trap",
        DecisionReason.CoarseTrap => "coarse-trap",
        DecisionReason.NotTrapped => "not-trapped",
        DecisionReason.HostEl0NotForwarded => "host-el0-not-forwarded",
        _ => throw new System.ArgumentOutOfRangeException(nameof(reason), reason, "a reason without a code"),
    };

    /// <summary>The outcome as <c>eval</c>'s outcome column and <c>explain --json</c> write it: forward, local or undef.</summary>
    public static string Outcome(TrapOutcome outcome) => outcome switch
    {
        TrapOutcome.Forward => "forward",
        TrapOutcome.Undefined => "undef",
        _ => "local",
    };

    /// <summary>"read (MRS)", "write (MSR)", or SYS/SYSL for the System instruction space (op0 = 1).</summary>
    public static string Direction(Esr esr) => (esr.IsRead, esr.Op0 == 1) switch
    {
        (true, true) => "read (SYSL)",
        (false, true) => "write (SYS)",
        (true, false) => "read (MRS)",
        _ => "write (MSR)",
    };

    /// <summary>"x3", or "xzr" for register 31.</summary>
    public static string Rt(int rt) => rt == 31 ? "xzr" : "x" + rt;
}
