using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
    public void A_yaml_edit_that_changes_no_rule_does_not_regenerate_code()
    {
        var compilation = GeneratorHarness.CreateCompilation(Target);
        var a = GeneratorHarness.Yaml("a.nvtrap.yaml", FileA);
        var driver = GeneratorHarness.CreateDriver(new[] { a }).RunGenerators(compilation);

        // A comment at the end: the file is parsed again, but no rule and no location changed, so
        // the parse step's output is equal to the last one and nothing after it runs.
        driver = driver.ReplaceAdditionalText(a, GeneratorHarness.Yaml("a.nvtrap.yaml", FileA + "\n# reviewed\n")).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Equal(IncrementalStepRunReason.Unchanged, result.TrackedSteps[TrackingNames.Parse].Single().Outputs.Single().Reason);
        AssertNotRerun(result, TrackingNames.Rulesets);
        AssertNotRerun(result, TrackingNames.Emit);
    }

    [Fact]
    public void Moving_the_target_class_within_its_file_does_not_regenerate_code()
    {
        // The class's location reaches only the diagnostics output, as in System.Text.Json's generator.
        var compilation = GeneratorHarness.CreateCompilation(Target);
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Yaml("a.nvtrap.yaml", FileA) }).RunGenerators(compilation);

        var moved = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("// a comment\n\n// and another\n" + Target, GeneratorHarness.ParseOptions, path: compilation.SyntaxTrees.Single().FilePath));
        var result = driver.RunGenerators(moved).GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.Targets].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        AssertNotRerun(result, TrackingNames.TargetModels);
        AssertNotRerun(result, TrackingNames.Emit);
        Assert.All(result.TrackedOutputSteps["SourceOutput"].Where(s => s.Inputs.Any(i => i.Source.Name == TrackingNames.Emit)).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static void AssertNotRerun(GeneratorRunResult result, string step) =>
        Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));

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
