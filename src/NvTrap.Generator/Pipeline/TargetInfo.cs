using NvTrap.Compiler.Emitting;

namespace NvTrap.Compiler.Pipeline;

/// <summary>
/// A class marked [NvTrapRuleset]: where to emit (null when the class cannot take generated
/// members) and, if not, why.
/// </summary>
internal sealed record TargetInfo(RulesetTarget? Target, string Ruleset, LocationInfo? Location, string? Problem);
