using System.Collections.Generic;

namespace NvTrap.Compiler.Profiles;

/// <summary>
/// What a VM profile file changes from the ruleset's defaults, by the ruleset's numbers: the bits
/// each fine-grained group hides, each register's reserved bits (a mask the file does not give
/// keeps its default), and parameter values. Every name and value has been checked.
/// </summary>
internal sealed record VmProfileSettings(
    IReadOnlyList<HiddenBitsSetting> HiddenBits,
    IReadOnlyList<ReservedBitsSetting> ReservedBits,
    IReadOnlyList<ParameterSetting> Parameters);

/// <summary>The bits of fine-grained group <see cref="FineGrainedGroup"/> (an id, 1-based) whose accesses are undefined.</summary>
internal sealed record HiddenBitsSetting(int FineGrainedGroup, ulong Bits);

/// <summary>A register's reserved bits; null keeps the ruleset's default for that mask.</summary>
internal sealed record ReservedBitsSetting(int Register, ulong? Res0, ulong? Res1);

/// <summary>A parameter's value, by index.</summary>
internal sealed record ParameterSetting(int Parameter, ulong Value);
