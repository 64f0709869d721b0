using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>
/// Generated code compiled by Roslyn in memory, checked for zero warnings and errors (documentation
/// and nullable analysis included), emitted and loaded into a collectible context that is unloaded
/// when done: a long run loads thousands of these.
/// </summary>
internal sealed class InMemoryAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private InMemoryAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>
    /// Compiles <paramref name="compilation"/>. Its warnings and errors are failures, each
    /// attributed to the target whose generated file it is in (by <paramref name="owner"/>).
    /// </summary>
    public static InMemoryAssembly Compile(Compilation compilation, Func<string, string> owner)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (problems.Count > 0 || !emit.Success)
        {
            var first = problems.FirstOrDefault();
            string where = first is null ? "?" : owner(first.Location.SourceTree?.FilePath ?? string.Empty);
            throw new PropertyFailure("roslyn:" + (first?.Id ?? "emit"), $"Roslyn reported {problems.Count} warnings or errors over the generated code of {where}:\n"
                + string.Join("\n", problems.Take(10).Select(d => "  " + d + Excerpt(d))));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("nvtrap-properties", isCollectible: true);
        try
        {
            return new InMemoryAssembly(context, context.LoadFromStream(stream));
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    public void Dispose() => _context.Unload();

    /// <summary>The generated line a diagnostic points at, to see which rule text broke it.</summary>
    private static string Excerpt(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        if (tree is null)
        {
            return string.Empty;
        }

        string line = tree.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
        return "\n      > " + (line.Length > 200 ? line[..200] + "..." : line);
    }
}
