using NvTrap.Compiler;
using NvTrap.Compiler.Lowering;

namespace NvTrap.Runtime.Tests.Linux;

/// <summary>
/// The Linux 6.6 rule files compiled in-process by the compiler core (not by the generator), for
/// the tests about the compiled model itself: its counts, its diagnostics and its tables. It is
/// not an oracle: whether the rules decide as the kernel does is checked against the independent
/// kernel oracle, NvTrap.Testing.Reference.Linux66Reference.
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
        Compilation = compilation;
        Lowered = compiled.Lowered ?? throw new InvalidOperationException("linux-6.6 did not lower");
    }

    internal RuleCompilation Compilation { get; }

    internal LoweredRuleset Lowered { get; }
}
