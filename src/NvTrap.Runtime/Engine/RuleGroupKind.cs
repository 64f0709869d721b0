namespace NvTrap;

/// <summary>The kind of a coarse group.</summary>
public enum RuleGroupKind : byte
{
    /// <summary>Group id 0: no coarse group.</summary>
    None,

    /// <summary>One register, a mask, a value and a behaviour.</summary>
    Control,

    /// <summary>The OR of several controls and conditions (an MCB).</summary>
    Combination,

    /// <summary>Logic a mask cannot express (a CCC).</summary>
    Condition,
}
