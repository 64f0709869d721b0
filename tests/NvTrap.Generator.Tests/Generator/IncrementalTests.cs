using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NvTrap.Compiler.Pipeline;
using NvTrap.Generator.Tests.Infrastructure;

namespace NvTrap.Generator.Tests.Generator;

/// <summary>Incremental caching: unrelated edits reuse every step; one YAML edit re-parses one file.</summary>
public class IncrementalTests
{
    private const string Target = "namespace S; [NvTrap.NvTrapRuleset(\"t\")] public static partial class T { }";

    private static readonly string FileA = GeneratorTests.SnapshotRules;

    private const string FileB = """
        ruleset: t
        sysregs:
          MIDR_EL1: S3_0_C0_C0_0
        """;

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Target, "class Unrelated { }");
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Yaml("a.nvtrap.yaml", FileA), GeneratorHarness.Yaml("b.nvtrap.yaml", FileB) });
        driver = driver.RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("class Unrelated { int x; }", GeneratorHarness.ParseOptions, path: compilation.SyntaxTrees.Last().FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in TrackingNames.All)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var step in result.TrackedSteps[name])
            {
                Assert.All(step.Outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
            }
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_yaml_file_reparses_only_that_file()
    {
        var compilation = GeneratorHarness.CreateCompilation(Target);
        var a = GeneratorHarness.Yaml("a.nvtrap.yaml", FileA);
        var b = GeneratorHarness.Yaml("b.nvtrap.yaml", FileB);
        var driver = GeneratorHarness.CreateDriver(new[] { a, b }).RunGenerators(compilation);

        var editedB = GeneratorHarness.Yaml("b.nvtrap.yaml", FileB + "\n  CTR_EL0: S3_3_C0_C0_1\n");
        driver = driver.ReplaceAdditionalText(b, editedB).RunGenerators(compilation);
        var parse = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Parse];

        var reasons = parse.Select(step => (Path: ((NvTrap.Compiler.ParsedRuleFile)step.Outputs.Single().Value).Path, step.Outputs.Single().Reason)).ToList();
        Assert.Contains(("a.nvtrap.yaml", IncrementalStepRunReason.Cached), reasons);
        Assert.Contains(("b.nvtrap.yaml", IncrementalStepRunReason.Modified), reasons);
        Assert.Equal(2, reasons.Count);
    }

    [Fact]
    public void Moving_a_rule_without_changing_it_does_not_regenerate_code()
    {
        var compilation = GeneratorHarness.CreateCompilation(Target);
        var a = GeneratorHarness.Yaml("a.nvtrap.yaml", FileA);
        var driver = GeneratorHarness.CreateDriver(new[] { a }).RunGenerators(compilation);

        // A comment line above everything shifts every location but changes no rule.
        driver = driver.ReplaceAdditionalText(a, GeneratorHarness.Yaml("a.nvtrap.yaml", "# moved\n" + FileA)).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[TrackingNames.Parse].Single().Outputs.Single().Reason);
        Assert.All(result.TrackedSteps[TrackingNames.Lowered].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.All(result.TrackedSteps[TrackingNames.Emit].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void No_step_output_holds_roslyn_objects()
    {
        var compilation = GeneratorHarness.CreateCompilation(Target);
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Yaml("a.nvtrap.yaml", FileA) }).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        foreach (var name in TrackingNames.All)
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, name, 0);
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, string step, int depth)
    {
        if (value is null || depth > 6)
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SemanticModel or Location, $"step {step} holds a {value.GetType().Name}");
        var type = value.GetType();
        if (type.IsPrimitive || value is string || type.IsEnum)
        {
            return;
        }

        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items.Cast<object?>().Take(20))
            {
                AssertNoRoslynObjects(item, step, depth + 1);
            }

            return;
        }

        foreach (var property in type.GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertNoRoslynObjects(property.GetValue(value), step, depth + 1);
        }
    }
}
