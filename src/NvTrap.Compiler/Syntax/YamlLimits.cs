using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Syntax;

/// <summary>
/// Bounds on what the YAML front end accepts. Rule files are small, hand-written tables: these
/// limits are far above any real ruleset and keep hostile input from exhausting the stack or
/// memory of the compiler (which runs inside the IDE).
/// </summary>
internal sealed record YamlLimits(int MaxDepth, int MaxNodes, int MaxChars, int MaxScalarChars)
{
    public static YamlLimits Default { get; } = new(MaxDepth: 64, MaxNodes: 1_000_000, MaxChars: 16 * 1024 * 1024, MaxScalarChars: 64 * 1024);
}
