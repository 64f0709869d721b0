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

    /// <summary>
    /// True once a limit stopped the import (<see cref="Stop"/>): what was read is incomplete, so
    /// every phase after it does nothing, rather than report what follows from the missing part.
    /// </summary>
    public bool IsStopped { get; private set; }

    /// <summary>Reports the first limit reached as an error and stops the import; later calls add nothing.</summary>
    public void Stop(KernelDiagnosticId id, SourceLocation location, string message)
    {
        if (!IsStopped)
        {
            Error(id, location, message);
            IsStopped = true;
        }
    }

    /// <summary>Adds an error, unless a limit stopped the import: then it would only follow from the part not read.</summary>
    public void Error(KernelDiagnosticId id, SourceLocation location, string message) => Add(new KernelDiagnostic(location, id.Code, true, message));

    /// <summary>Adds a warning, unless a limit stopped the import.</summary>
    public void Warning(KernelDiagnosticId id, SourceLocation location, string message) => Add(new KernelDiagnostic(location, id.Code, false, message));

    private void Add(KernelDiagnostic diagnostic)
    {
        if (!IsStopped)
        {
            _items.Add(diagnostic);
        }
    }
}
