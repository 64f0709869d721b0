using NvTrap.Compiler.Emitting;

namespace NvTrap.Generator;

/// <summary>
/// A class marked [NvTrapRuleset]: where to emit (null when the class cannot take generated
/// members, with <see cref="Problem"/> saying why), and where the attribute stands. The location
/// only reaches diagnostics: the source step sees <see cref="Target"/> alone, so moving the class
/// within its file does not re-run the emitter.
/// </summary>
internal sealed record TargetInfo(RulesetTarget? Target, string Ruleset, LocationInfo? Location, string? Problem);
