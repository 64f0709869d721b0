using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NvTrap.Compiler;
using NvTrap.Testing;

namespace NvTrap.Compiler.Tests.Architecture;

/// <summary>
/// The compiler's structure, checked rather than kept by convention: it references no Roslyn
/// assembly (so the tool and tests run it directly), and its namespaces, one per phase, depend on
/// each other without cycles.
/// </summary>
public class ArchitectureTests
{
    private static readonly Assembly CompilerAssembly = typeof(RuleCompiler).Assembly;

    [Fact]
    public void The_compiler_references_no_roslyn_assembly()
    {
        var references = CompilerAssembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("YamlDotNet", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void The_compiler_namespaces_have_no_cycles()
    {
        var graph = NamespaceGraph();
        Assert.Contains("NvTrap.Compiler.Syntax", graph.Keys);
        Assert.Contains("NvTrap.Compiler.Lowering", graph.Keys);
        Assert.Contains("NvTrap.Compiler.Diagnostics", graph["NvTrap.Compiler.Syntax"]);

        var cycles = StronglyConnected(graph).Where(c => c.Count > 1).ToList();
        Assert.True(cycles.Count == 0, "namespace cycles: " + string.Join("; ", cycles.Select(c => string.Join(" <-> ", c))));
    }

    [Fact]
    public void Phases_depend_only_on_earlier_phases()
    {
        string[] order =
        [
            "NvTrap.Compiler.Contract", "NvTrap.Compiler.Common", "NvTrap.Compiler.Diagnostics", "NvTrap.Compiler.Syntax",
            "NvTrap.Compiler.Semantics", "NvTrap.Compiler.Evaluation", "NvTrap.Compiler.Binding", "NvTrap.Compiler.Checking",
            "NvTrap.Compiler.Lowering", "NvTrap.Compiler.Profiles", "NvTrap.Compiler.Schema", "NvTrap.Compiler.Emitting", "NvTrap.Compiler",
        ];
        var graph = NamespaceGraph();
        Assert.Equal(order.OrderBy(n => n), graph.Keys.OrderBy(n => n));
        foreach (var (from, targets) in graph)
        {
            foreach (var to in targets)
            {
                Assert.True(Array.IndexOf(order, to) < Array.IndexOf(order, from), $"{from} depends on {to}, a later phase");
            }
        }
    }

    /// <summary>Which compiler namespaces each compiler namespace's code refers to, from the sources' semantic models.</summary>
    private static Dictionary<string, HashSet<string>> NamespaceGraph()
    {
        string root = Path.Combine(RepositoryPaths.Root, "src");
        var files = Directory.EnumerateFiles(Path.Combine(root, "NvTrap.Compiler"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "NvTrap.Contract"), "*.cs"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        var options = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: ["NVTRAP_COMPILER"]);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f)).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(YamlDotNet.Core.Parser).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Architecture", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        Assert.True(errors.Count == 0, "the compiler's sources do not compile here: " + string.Join("\n", errors));

        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                string from = model.GetDeclaredSymbol(type)!.ContainingNamespace.ToDisplayString();
                if (!from.StartsWith("NvTrap.Compiler", StringComparison.Ordinal))
                {
                    continue; // the netstandard2.0 polyfills
                }

                var targets = graph.TryGetValue(from, out var existing) ? existing : graph[from] = new HashSet<string>(StringComparer.Ordinal);
                foreach (var node in type.DescendantNodes().OfType<SimpleNameSyntax>())
                {
                    var symbol = model.GetSymbolInfo(node).Symbol;
                    var referenced = symbol switch
                    {
                        INamedTypeSymbol named => named,
                        { ContainingType: { } containing } => containing,
                        _ => null,
                    };
                    string? to = referenced?.ContainingNamespace?.ToDisplayString();
                    if (to is not null && to != from && to.StartsWith("NvTrap.Compiler", StringComparison.Ordinal))
                    {
                        targets.Add(to);
                    }
                }
            }
        }

        return graph;
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        int index = 0;
        var indices = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();

        void Visit(string node)
        {
            indices[node] = low[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (!indices.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], indices[next]);
                }
            }

            if (low[node] == indices[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                result.Add(component);
            }
        }

        foreach (var node in graph.Keys)
        {
            if (!indices.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return result;
    }
}
