namespace NvTrap;

/// <summary>
/// What a decision reads about the VM rather than the vCPU: the fine-grained bits whose features
/// it hides (the kernel's FGU: an access behind such a bit is undefined), each register's reserved
/// bits (a sanitised register reads as <c>(value &amp; ~res0) | res1</c>), and the named numbers
/// the rules read. Taken as a struct-constrained generic parameter, like the state. A compiled
/// ruleset is itself the profile of a full-featured VM, its defaults; <see cref="VmProfile"/>
/// holds any other.
/// </summary>
public interface IVmProfile
{
    /// <summary>The bits of a fine-grained group whose accesses are undefined for this VM.</summary>
    ulong HiddenBits(int fineGrainedGroup);

    /// <summary>A register's RES0 bits for this VM (0 for a register the ruleset does not sanitise).</summary>
    ulong Res0(int register);

    /// <summary>A register's RES1 bits for this VM (0 for a register the ruleset does not sanitise).</summary>
    ulong Res1(int register);

    /// <summary>A named VM parameter's value, by the ruleset's parameter index.</summary>
    ulong Parameter(int parameter);
}
