using System.Collections.Generic;
using System.Linq;

namespace NvTrap.Kernel.Diagnostics;

/// <summary>A place in a kernel file (or an overlay): the path as the user should see it, 1-based line and column.</summary>
internal readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public static readonly SourceLocation None = new("<command line>", 0, 0);

    public override string ToString() => $"{Path}({Line},{Column})";
}

/// <summary>One problem found while reading a kernel tree, located where a kernel developer fixes it.</summary>
internal sealed record KernelDiagnostic(SourceLocation Location, string Id, bool IsError, string Message)
{
    /// <summary>The <c>path(line,col): error NVTK0xx: message</c> form compilers print.</summary>
    public string ToDisplayString() =>
        $"{(Location.Line > 0 ? Location.ToString() : Location.Path)}: {(IsError ? "error" : "warning")} {Id}: {Message}";
}

/// <summary>Collects diagnostics in the order they are found.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<KernelDiagnostic> _items = new();

    public IReadOnlyList<KernelDiagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.IsError);

    public void Error(KernelDiagnosticId id, SourceLocation location, string message) =>
        _items.Add(new KernelDiagnostic(location, id.Code, true, message));

    public void Warning(KernelDiagnosticId id, SourceLocation location, string message) =>
        _items.Add(new KernelDiagnostic(location, id.Code, false, message));
}
