using NvTrap.Compiler;
using NvTrap.Properties.Tests.Generation;
using NvTrap.Properties.Tests.Infrastructure;
using NvTrap.Properties.Tests.Mutation;
using Xunit.Abstractions;

namespace NvTrap.Properties.Tests;

/// <summary>
/// (b) Random mutations of the shipped rule files (rules/linux-6.6, rules/linux-7.1, the samples)
/// yield only located diagnostics, never an exception or NVT090, and check and the build report
/// the same ones. A mutant that still compiles is, now and then, compiled by Roslyn and held to
/// the interpreter like a valid ruleset.
/// </summary>
/// <remarks>
/// Each mutant is checked within its whole ruleset, so cross-file references stay meaningful:
/// the other files' parses are reused by check and by the build's generator driver (which was run
/// once over the pristine ruleset and is re-run with one file replaced), so a mutant costs one
/// file's parse and one compile of its ruleset on each side.
/// </remarks>
public sealed class MutationProperties(ITestOutputHelper output)
{
    private const int CompileEvery = 500;

    /// <summary>One mutant with errors in this many has the stand-in the build emits for it compiled by Roslyn.</summary>
    private const int StandInCompileEvery = 25;

    [Fact]
    public void Mutated_shipped_rules_give_located_diagnostics_that_check_and_build_agree_on()
    {
        PropertyRunner.Run(
            "mutation",
            Documents.Mutants,
            normalCount: 150,
            batchSize: 1,
            normalSeed: 0x5EED_0B12,
            batch => Check(batch[0]),
            mutant => mutant.ToString(),
            output);
    }

    private static void Check(Drawn<Mutant> drawn)
    {
        var mutant = drawn.Value;
        var ruleset = ShippedRuleset.All[mutant.Ruleset];
        var files = ruleset.Files.ToArray();
        files[mutant.File] = mutant.Text;
        var parsed = ruleset.Parsed.ToArray();
        var check = Agreement.Check(() =>
        {
            parsed[mutant.File] = RuleCompiler.ParseSafely(new RuleSource(mutant.Text.Path, mutant.Text.Text));
            return RuleCompiler.Compile(parsed);
        });
        var build = ruleset.Build(mutant.File, mutant.Text);
        Agreement.Verify(files, check, build, new[] { ruleset.Target });

        if (drawn.Index % CompileEvery == 0 && check.Find(ruleset.Name) is { HasErrors: false } compiled && compiled.Lowered is { } lowered
            && lowered.Conditions.All(c => c.Logic is Compiler.Semantics.ExpressionLogic))
        {
            using var assembly = InMemoryAssembly.Compile(Compilation(ruleset, build, drawn.Index), _ => ruleset.Target.TypeName);
            var type = assembly.Assembly.GetType(ruleset.Target.TypeName) ?? throw new PropertyFailure("generated-shape", $"no type {ruleset.Target.TypeName} was generated");
            Differential.Run(new GeneratedRules(type), lowered, Array.Empty<ControlHint>(), new Draw(CsCheck.PCG.Parse(drawn.Seed)), 2_000);
        }
        else if (drawn.Index % StandInCompileEvery == 0 && check.Find(ruleset.Name) is { StandIn: { Conditions.Count: 0 } })
        {
            // Rules with errors: the build emitted a stand-in (Agreement.Verify checked that), which
            // must compile with no warning; its C# conditions would need the user's methods, so
            // only rulesets without them.
            using var _ = InMemoryAssembly.Compile(Compilation(ruleset, build, drawn.Index), _ => ruleset.Target.TypeName + " (stand-in)");
        }
    }

    private static Microsoft.CodeAnalysis.CSharp.CSharpCompilation Compilation(ShippedRuleset ruleset, Microsoft.CodeAnalysis.GeneratorRunResult build, long index)
    {
        var trees = new[] { BuildHost.TargetTree(ruleset.Target) }.Concat(build.GeneratedSources.Select(s => s.SyntaxTree));
        return Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Mutant" + index, trees, BuildHost.References, BuildHost.CompilationOptions);
    }
}
