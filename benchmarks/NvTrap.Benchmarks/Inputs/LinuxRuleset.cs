using NvTrap.Compiler;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler.Semantics;
using NvTrap.Testing.Reference;

namespace NvTrap.Benchmarks.Inputs;

/// <summary>
/// The Linux 6.6 rules compiled in-process by the compiler core (the bound model's catalogue
/// names the hot registers, the interpreter reads the lowered tables), and the kernel oracle,
/// structure (a). Built once per process.
/// </summary>
internal sealed class LinuxRuleset
{
    public const string Name = "linux-6.6";

    private static readonly Lazy<LinuxRuleset> Shared = new(() => new LinuxRuleset());

    private LinuxRuleset()
    {
        Sources = RuleFiles.Load(RuleFiles.LinuxRulesDirectory());
        var compilation = RuleCompiler.Compile(Sources);
        var errors = compilation.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The Linux rules do not compile:\n" + string.Join("\n", errors));
        }

        var compiled = compilation.Find(Name) ?? throw new InvalidOperationException($"Ruleset {Name} not found.");
        var bound = compilation.Bound[compilation.Rulesets.ToList().IndexOf(compiled)];
        Bound = bound;
        Lowered = compiled.Lowered ?? throw new InvalidOperationException($"Ruleset {Name} did not lower.");
        Kernel = new Linux66Reference();
        if (Lowered.Counts.ConfiguredEncodings != Linux66Traps.ConfiguredEncodingCount)
        {
            throw new InvalidOperationException(
                $"The rules on disk configure {Lowered.Counts.ConfiguredEncodings} encodings but the generated Linux66Traps has {Linux66Traps.ConfiguredEncodingCount}: rebuild NvTrap.Runtime.");
        }
    }

    public static LinuxRuleset Instance => Shared.Value;

    public IReadOnlyList<RuleSource> Sources { get; }

    public BoundRuleset Bound { get; }

    public LoweredRuleset Lowered { get; }

    /// <summary>The Linux 6.6 kernel oracle of the differential tests (tests/Shared/Reference).</summary>
    public Linux66Reference Kernel { get; }
}
