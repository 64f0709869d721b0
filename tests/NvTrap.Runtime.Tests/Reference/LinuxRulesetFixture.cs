using NvTrap.Compiler;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Runtime.Tests.Reference;

/// <summary>
/// The Linux 6.6 rule files compiled in-process by the compiler core (not by the generator), so
/// tests can compare the generated code against models built independently from the YAML.
/// </summary>
public sealed class LinuxRulesetFixture
{
    public LinuxRulesetFixture()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "LinuxRules");
        var sources = Directory.EnumerateFiles(root, "*.nvtrap.yaml", SearchOption.AllDirectories)
            .Select(path => new RuleSource(Path.GetRelativePath(root, path), File.ReadAllText(path)))
            .ToList();
        Assert.NotEmpty(sources);
        var compilation = RuleCompiler.Compile(sources);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var compiled = compilation.Find("linux-6.6") ?? throw new InvalidOperationException("ruleset linux-6.6 not found");
        var bound = compilation.Bound[compilation.Rulesets.ToList().IndexOf(compiled)];
        Compilation = compilation;
        Bound = bound;
        Lowered = compiled.Lowered ?? throw new InvalidOperationException("linux-6.6 did not lower");
        Reference = new KernelReferenceModel(bound);
    }

    internal RuleCompilation Compilation { get; }

    internal BoundRuleset Bound { get; }

    internal LoweredRuleset Lowered { get; }

    internal KernelReferenceModel Reference { get; }
}
