using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler;

namespace NvTrap.Kernel.Import;

/// <summary>
/// A kernel tree imported in memory and the rules it gives compiled with every check, as
/// <c>nvtrap check --kernel</c> reports them (and the kernel fuzz target drives them): the
/// import's diagnostics, then the compiler's, each put at the kernel line its rule came from.
/// </summary>
internal sealed class KernelTreeCheck
{
    private KernelTreeCheck(ImportResult import, WrittenRuleset? written, RuleCompilation? compilation)
    {
        Import = import;
        Written = written;
        Compilation = compilation;
    }

    public ImportResult Import { get; }

    /// <summary>The rule files the import wrote in memory; null when the import had errors.</summary>
    public WrittenRuleset? Written { get; }

    /// <summary>The rule compiler's run over <see cref="Written"/>; null when the import had errors.</summary>
    public RuleCompilation? Compilation { get; }

    public static KernelTreeCheck Run(ImportRequest request)
    {
        var import = KernelImporter.Import(request);
        if (import.Ruleset is null)
        {
            return new KernelTreeCheck(import, null, null);
        }

        var written = RulesetWriter.Write(import.Ruleset);
        var compilation = RuleCompiler.Compile(written.Files.Select(f => new RuleSource(KernelLocator.GeneratedPrefix + f.Key, f.Value)));
        return new KernelTreeCheck(import, written, compilation);
    }

    /// <summary>Every diagnostic as the line <c>check --kernel</c> prints, the import's first.</summary>
    public List<(bool IsError, string Line)> Lines()
    {
        var lines = Import.Diagnostics.Select(d => (d.IsError, d.ToDisplayString())).ToList();
        if (Written is { } written && Compilation is { } compilation)
        {
            lines.AddRange(compilation.Diagnostics.Select(d => (d.IsError, KernelLocator.Translate(written, d.Id, d.IsError, d.Message, d.Span.Path, d.Span.StartLine, d.Span.StartColumn))));
        }

        return lines;
    }
}
