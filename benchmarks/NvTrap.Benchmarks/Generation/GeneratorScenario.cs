using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NvTrap.Compiler;
using NvTrap.Generator;

namespace NvTrap.Benchmarks.Generation;

/// <summary>
/// A consumer project as the compiler sees it: the .NET 10 reference assemblies and
/// NvTrap.Runtime, one class marked <c>[NvTrapRuleset]</c>, an unrelated class, and the rule
/// files as AdditionalFiles. Runs the real incremental generator through Roslyn's driver.
/// </summary>
internal sealed class GeneratorScenario
{
    private const int Edits = 16;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(TrapEngine).Assembly.Location)).ToArray());

    private readonly CSharpCompilation _compilation;
    private readonly SyntaxTree _unrelated;
    private readonly SyntaxTree[] _edits;
    private readonly AdditionalText[] _rules;
    private GeneratorDriver? _primed;
    private int _nextEdit;

    public GeneratorScenario(BenchmarkRulesets rulesets)
    {
        Rulesets = rulesets;
        var target = CSharpSyntaxTree.ParseText(
            $"namespace Consumer;\n[NvTrap.NvTrapRuleset(\"{rulesets.RulesetName}\")]\npublic static partial class {rulesets.ClassName} {{ }}\n",
            ParseOptions, path: "Traps.cs");
        _unrelated = CSharpSyntaxTree.ParseText(UnrelatedSource(0), ParseOptions, path: "Unrelated.cs");
        _edits = Enumerable.Range(1, Edits).Select(i => CSharpSyntaxTree.ParseText(UnrelatedSource(i), ParseOptions, path: "Unrelated.cs")).ToArray();
        _compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { target, _unrelated },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _rules = rulesets.Sources.Select(s => (AdditionalText)new InMemoryAdditionalText("rules/" + s.Path, s.Text)).ToArray();
    }

    public BenchmarkRulesets Rulesets { get; }

    /// <summary>
    /// A first run: a new driver (nothing cached) over a fresh copy of the compilation (no
    /// semantic caches from earlier runs), as a clean build does.
    /// </summary>
    public GeneratorDriver RunFull() => CreateDriver(track: false).RunGenerators(_compilation.Clone());

    /// <summary>
    /// After a first run, the user edits an unrelated C# file (a different edit each time, on a
    /// fresh compilation): every generator step should be cached.
    /// </summary>
    public GeneratorDriver RunAfterUnrelatedEdit()
    {
        _primed ??= CreateDriver(track: false).RunGenerators(_compilation);
        var edited = _compilation.ReplaceSyntaxTree(_unrelated, _edits[_nextEdit++ % Edits]);
        return _primed.RunGenerators(edited);
    }

    /// <summary>Checks the generator produced its two source files and no error, and that an unrelated edit hits the cache.</summary>
    public void Verify()
    {
        var first = CreateDriver(track: true).RunGenerators(_compilation);
        var result = first.GetRunResult().Results.Single();
        if (result.Exception is not null || result.GeneratedSources.Length != 2 || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException(
                $"{Rulesets.Key}: the generator produced {result.GeneratedSources.Length} sources, exception {result.Exception?.Message ?? "none"}, "
                + string.Join("; ", result.Diagnostics.Take(5)));
        }

        var again = first.RunGenerators(_compilation.ReplaceSyntaxTree(_unrelated, _edits[0])).GetRunResult().Results.Single();
        var recomputed = TrackingNames.All
            .SelectMany(name => again.TrackedSteps.TryGetValue(name, out var steps) ? steps.SelectMany(s => s.Outputs).Select(o => (name, o.Reason)) : Enumerable.Empty<(string, IncrementalStepRunReason)>())
            .Where(o => o.Item2 is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .ToList();
        if (recomputed.Count > 0)
        {
            throw new InvalidOperationException($"{Rulesets.Key}: an unrelated edit recomputed " + string.Join(", ", recomputed));
        }
    }

    /// <summary>
    /// A clean build's whole compiler work: a first generator run, then compiling the consumer
    /// with the generated code into an assembly. Returns the diagnostics the build would print
    /// (the generator's and the C# compiler's) and the assembly's size (0 when it did not compile).
    /// </summary>
    public (int Diagnostics, long AssemblyBytes) BuildFull()
    {
        CreateDriver(track: false).RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out var output, out var generatorDiagnostics);
        using var assembly = new MemoryStream();
        var emitted = output.Emit(assembly);
        return (generatorDiagnostics.Length + emitted.Diagnostics.Length, emitted.Success ? assembly.Length : 0);
    }

    /// <summary>Loads the reference assemblies' metadata, as the compiler has before it runs generators.</summary>
    public void LoadReferences() => _compilation.GetTypeByMetadataName("NvTrap.NvTrapRulesetAttribute");

    /// <summary>The generated source's length, for the record.</summary>
    public int GeneratedCharacters() =>
        CreateDriver(track: false).RunGenerators(_compilation).GetRunResult().Results.Single().GeneratedSources.Sum(s => s.SourceText.Length);

    private GeneratorDriver CreateDriver(bool track) =>
        CSharpGeneratorDriver.Create(
            new[] { new NvTrapGenerator().AsSourceGenerator() },
            _rules,
            ParseOptions,
            optionsProvider: null,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    private static string UnrelatedSource(int edit) =>
        $"namespace Consumer;\n\ninternal sealed class Unrelated\n{{\n    public int Value => {edit};\n}}\n";
}
