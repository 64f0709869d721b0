using System.Collections.Immutable;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NvTrap.Generator;

namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>
/// The build's side of the contract: the NvTrap generator run by Roslyn's driver over rule files
/// given as AdditionalFiles and target classes, as <c>dotnet build</c> runs it. Many rulesets (each
/// with its own target class) go through one driver run, and a driver can be kept and re-run with
/// one file replaced, so the generator's per-file parse cache does the work it does in an IDE.
/// </summary>
internal static class BuildHost
{
    /// <summary>Strictest parsing: XML documentation comments are parsed and their problems reported.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        optimizationLevel: OptimizationLevel.Release,
        concurrentBuild: false,
        deterministic: true);

    public static readonly ImmutableArray<MetadataReference> References =
        Net100.References.All.Cast<MetadataReference>().Append(MetadataReference.CreateFromFile(typeof(NvTrap.TrapEngine).Assembly.Location)).ToImmutableArray();

    /// <summary>A compilation holding only the target classes.</summary>
    public static CSharpCompilation Targets(IEnumerable<Target> targets, string name) =>
        CSharpCompilation.Create(name, targets.Select(TargetTree), References, CompilationOptions);

    public static SyntaxTree TargetTree(Target target) =>
        CSharpSyntaxTree.ParseText(target.Source, ParseOptions, path: target.Namespace + ".Target.cs", encoding: Encoding.UTF8);

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> files) =>
        CSharpGeneratorDriver.Create(
            new[] { new NvTrapGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            optionsProvider: null,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    public static AdditionalText Text(RuleFile file) => new InMemoryText(file.Path, file.Text);

    /// <summary>Runs <paramref name="driver"/> over <paramref name="targets"/>: the driver after the run (its caches filled) and what it produced.</summary>
    public static (GeneratorDriver Driver, GeneratorRunResult Result) Run(GeneratorDriver driver, Compilation targets)
    {
        driver = driver.RunGenerators(targets);
        return (driver, driver.GetRunResult().Results.Single());
    }

    private sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
