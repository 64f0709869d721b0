using System.Collections.Generic;

namespace NvTrap.Compiler.Profiles;

/// <summary>
/// What a VM profile file may name, taken from a compiled ruleset: its fine-grained groups
/// (<see cref="FineGrainedGroups"/>[id - 1]), its registers by index and which of them are
/// sanitised (only those have reserved bits), and its parameters with their ranges.
/// </summary>
internal sealed record VmProfileSchema(
    string RulesetName,
    IReadOnlyList<string> FineGrainedGroups,
    IReadOnlyList<string> Registers,
    uint SanitisedRegisters,
    IReadOnlyList<ProfileParameter> Parameters)
{
    public bool IsSanitised(int register) => register < 32 && (SanitisedRegisters & (1u << register)) != 0;
}

/// <summary>A VM parameter as a profile may set it: by index, within its inclusive range.</summary>
internal sealed record ProfileParameter(string Name, ulong Min, ulong Max);
