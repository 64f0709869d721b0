#if NVTRAP_COMPILER
namespace NvTrap.Compiler.Contract;
#else
namespace NvTrap;
#endif

/// <summary>
/// The words rule files, explanations and tool output use for behaviours and group kinds:
/// <c>forward: read</c> in a rule file, "control" in a listing.
/// </summary>
public static class RuleWords
{
    /// <summary>read, write, any or none, with <c>+host_el0</c> when the behaviour also applies in host EL0.</summary>
    public static string Of(TrapBehaviour behaviour)
    {
        string access = (behaviour & TrapBehaviour.Any) switch
        {
            TrapBehaviour.Read => "read",
            TrapBehaviour.Write => "write",
            TrapBehaviour.Any => "any",
            _ => "none",
        };
        return (behaviour & TrapBehaviour.InHostEl0) != 0 ? access + "+host_el0" : access;
    }

    /// <summary>control, combination, condition, or none.</summary>
    public static string Of(RuleGroupKind kind) => kind switch
    {
        RuleGroupKind.Control => "control",
        RuleGroupKind.Combination => "combination",
        RuleGroupKind.Condition => "condition",
        _ => "none",
    };
}
