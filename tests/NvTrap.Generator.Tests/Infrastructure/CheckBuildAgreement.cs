using System.Collections.Immutable;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NvTrap.Compiler;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Evaluation;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Generator.Tests.Infrastructure;

/// <summary>
/// The contract between <c>nvtrap check</c> and the build, checked for one set of rule files: the
/// generator reports exactly check's NVT diagnostics and nothing else (no CS diagnostic, no CS8785,
/// no exception); the generated code compiles with zero diagnostics (warnings and XML documentation
/// included), and is the stand-in exactly when the target's ruleset has an error. Every hostile input goes through here, so "check accepts it" and "the build
/// compiles it" cannot drift apart.
/// </summary>
internal static class CheckBuildAgreement
{
    /// <summary>The class the rules are generated into (its name collides with no generated member).</summary>
    public const string TargetClass = "AgreementTarget";

    /// <summary>Strictest parsing: doc comments are parsed and their problems reported, as with GenerateDocumentationFile.</summary>
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>What both sides produced.</summary>
    internal sealed record Outcome(
        RuleCompilation Check,
        IReadOnlyList<string> CheckDiagnostics,
        IReadOnlyList<string> GeneratorDiagnostics,
        IReadOnlyList<SyntaxTree> Generated,
        Compilation Output)
    {
        public bool HasErrors => Check.HasErrors;

        /// <summary>The diagnostics of one id, as printed.</summary>
        public IReadOnlyList<string> Of(string id) => CheckDiagnostics.Where(d => d.Contains($" {id}: ", StringComparison.Ordinal)).ToList();

        public string GeneratedText => string.Join("\n", Generated.Select(t => t.ToString()));
    }

    /// <summary>One rule file named <c>rules/t.nvtrap.yaml</c>, for ruleset <c>t</c>.</summary>
    public static Outcome Verify(string yaml, string members = "", bool semantics = false) =>
        Verify(new[] { ("rules/t.nvtrap.yaml", yaml) }, "t", members, semantics);

    /// <param name="files">The rule files (path, text).</param>
    /// <param name="ruleset">The ruleset the target class names.</param>
    /// <param name="members">C# members of the target class (implementations of <c>csharp:</c> conditions).</param>
    /// <param name="semantics">When the rules compile: also load the generated code and hold every condition, filter and context test to the interpreter's evaluator.</param>
    public static Outcome Verify(IReadOnlyList<(string Path, string Text)> files, string ruleset, string members = "", bool semantics = false)
    {
        var check = RuleCompiler.Compile(files.Select(f => new RuleSource(f.Path, f.Text)));
        var checkDiagnostics = check.ShownDiagnostics.Select(d => d.ToDisplayString()).ToList();
        foreach (var diagnostic in check.Diagnostics)
        {
            Assert.True(diagnostic.Span.StartLine >= 1 && diagnostic.Span.StartColumn >= 1, $"unlocated: {diagnostic}");
            Assert.Contains(diagnostic.Span.Path, files.Select(f => f.Path));
            Assert.NotEqual("NVT090", diagnostic.Id);
            Assert.True(diagnostic.Message.All(c => !char.IsControl(c) && c is not ('\u2028' or '\u2029')), $"a diagnostic that is not one line: {diagnostic}");
        }

        string target = $"namespace Agreement;\n/// <summary>The class the rules are generated into.</summary>\n[NvTrap.NvTrapRuleset({SymbolDisplay.FormatLiteral(ruleset, quote: true)})]\npublic static partial class {TargetClass}\n{{\n{members}\n}}\n";
        var compilation = CSharpCompilation.Create(
            "Agreement",
            new[] { CSharpSyntaxTree.ParseText(target, ParseOptions, path: "Target.cs") },
            Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(NvTrap.TrapEngine).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
        var texts = files.Select(f => GeneratorHarness.Yaml(f.Path, f.Text)).ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(new[] { new NvTrapGenerator().AsSourceGenerator() }, texts, ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var run = driver.GetRunResult();
        Assert.All(run.Results, r => Assert.Null(r.Exception));

        var generatorDiagnostics = driverDiagnostics.Select(Display).ToList();
        Assert.DoesNotContain(generatorDiagnostics, d => !d.Contains(": error NVT", StringComparison.Ordinal) && !d.Contains(": warning NVT", StringComparison.Ordinal));
        Assert.Equal(checkDiagnostics.Order(StringComparer.Ordinal), generatorDiagnostics.Order(StringComparer.Ordinal));

        var csharp = output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        Assert.True(csharp.Count == 0, "the generated code does not compile cleanly:\n" + string.Join("\n", csharp.Take(20).Select(d => d.ToString())));
        var generated = run.GeneratedTrees.ToList();
        if (check.Find(ruleset)?.HasErrors ?? true)
        {
            // The stand-in: the API's declarations, compiled above with no diagnostic, and it emits.
            Assert.Equal(2, generated.Count);
            Assert.All(generated, tree => Assert.Contains("//   " + NvTrap.Compiler.Emitting.RulesetEmitter.StandInMarker, Header(tree)));
            using var stream = new MemoryStream();
            var emit = output.Emit(stream);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Take(20)));
        }
        else
        {
            Assert.Equal(2, generated.Count);
            Assert.All(generated, tree => Assert.DoesNotContain(NvTrap.Compiler.Emitting.RulesetEmitter.StandInMarker, Header(tree)));
            using var stream = new MemoryStream();
            var emit = output.Emit(stream);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Take(20)));
            if (semantics)
            {
                stream.Position = 0;
                HoldToInterpreter(stream, check.Find(ruleset)!.Lowered!);
            }
        }

        return new Outcome(check, checkDiagnostics, generatorDiagnostics, generated, output);
    }

    /// <summary>A generated file's header comment, up to its end marker.</summary>
    private static string Header(SyntaxTree tree)
    {
        string text = tree.ToString();
        int end = text.IndexOf("// </auto-generated>", StringComparison.Ordinal);
        return end < 0 ? text : text.Substring(0, end);
    }

    /// <summary>A Roslyn diagnostic printed as <c>dotnet build</c> prints it, which is also how check prints its own.</summary>
    private static string Display(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        string place = d.Location == Location.None ? "<no location>" : $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
        return $"{place}: {(d.Severity == DiagnosticSeverity.Error ? "error" : "warning")} {d.Id}: {d.GetMessage()}";
    }

    /// <summary>Every condition, filter and context test of the generated code against <see cref="ExpressionEvaluator"/> on random registers, encodings and exception levels.</summary>
    private static void HoldToInterpreter(Stream assemblyImage, LoweredRuleset lowered)
    {
        var context = new AssemblyLoadContext("agreement", isCollectible: true);
        try
        {
            var rulesType = context.LoadFromStream(assemblyImage).GetType($"Agreement.{TargetClass}+Rules", throwOnError: true)!;
            object rules = Activator.CreateInstance(rulesType)!;
            var evaluate = rulesType.GetMethod("EvaluateCondition")!.MakeGenericMethod(typeof(VcpuState), typeof(VmProfile));
            var filter = rulesType.GetMethod("FilterHolds")!.MakeGenericMethod(typeof(VcpuState), typeof(VmProfile));
            var hypervisor = rulesType.GetMethod("IsHypervisorContext")!.MakeGenericMethod(typeof(VcpuState), typeof(VmProfile));
            var hostEl0 = rulesType.GetMethod("IsHostEl0")!.MakeGenericMethod(typeof(VcpuState), typeof(VmProfile));
            var defaults = typeof(VmProfile).GetMethod(nameof(VmProfile.Defaults))!.MakeGenericMethod(rulesType);
            var vm = (VmProfile)defaults.Invoke(null, new[] { rules })!;
            var random = new Random(2024);
            for (int round = 0; round < 200; round++)
            {
                var state = new VcpuState { HasNestedVirtualization = true, CurrentEl = (ExceptionLevel)random.Next(3) };
                foreach (var register in lowered.Registers)
                {
                    state[register.Index] = random.Next(4) switch { 0 => 0, 1 => ulong.MaxValue, _ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40) };
                }

                var encoding = SysRegEncoding.Create(random.Next(4), random.Next(8), random.Next(16), random.Next(16), random.Next(8));
                var inputs = new EvaluationInputs(
                    r => lowered.Registers[r].IsSanitised ? (state.ReadRegister(r) & ~lowered.Registers[r].Res0) | lowered.Registers[r].Res1 : state.ReadRegister(r),
                    encoding.Value,
                    0,
                    (ulong)state.CurrentEl,
                    p => lowered.Parameters[p].Default);
                foreach (var condition in lowered.Conditions.Where(c => c.Logic is ExpressionLogic))
                {
                    bool expected = ExpressionEvaluator.Evaluate(((ExpressionLogic)condition.Logic).Expression, inputs) != 0;
                    Assert.True(expected == (bool)evaluate.Invoke(rules, new object[] { condition.Id, state, vm, encoding })!, $"condition {condition.Name} with {encoding} at {state.CurrentEl}");
                }

                foreach (var f in lowered.Filters)
                {
                    bool expected = ExpressionEvaluator.Evaluate(f.When.Expression, inputs) != 0;
                    Assert.True(expected == (bool)filter.Invoke(rules, new object[] { f.Id, state, vm })!, $"filter {f.Name}");
                }

                Assert.Equal(ExpressionEvaluator.Evaluate(lowered.Context.Hypervisor.Expression, inputs) != 0, (bool)hypervisor.Invoke(rules, new object[] { state, vm })!);
                Assert.Equal(lowered.Context.HostEl0 is { } host && ExpressionEvaluator.Evaluate(host.Expression, inputs) != 0, (bool)hostEl0.Invoke(rules, new object[] { state, vm })!);
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
