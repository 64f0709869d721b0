using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Kernel.Import;
using NvTrap.Kernel.Tests.Infrastructure;

namespace NvTrap.Fuzz;

/// <summary>
/// The <c>kernel</c> fuzz target: one input as a kernel tree's <c>emulate-nested.c</c>, the rest
/// of the tree (sysreg file, headers, overlay) the kernel tests' fixture, through what
/// <c>nvtrap check --kernel</c> runs: the preprocessor, the C reader, the table readers, the rule
/// writer and the rule compiler. The import promises located diagnostics for any text; this
/// throws <see cref="FuzzFailure"/> (a crash to afl) where it does not. Compiled into the fuzz
/// harness and into NvTrap.Kernel.Tests, which replays fuzz/corpus/kernel and fuzz/regressions/kernel.
/// </summary>
internal static class KernelTarget
{
    /// <summary>Longer inputs are cut here, as in the other targets.</summary>
    public const int MaxInputBytes = 64 * 1024;

    /// <summary>
    /// The fixture tree, written once a process (the input never touches the disk: the import's
    /// reader returns it for emulate-nested.c). A process afl kills leaves its tree in the temp folder.
    /// </summary>
    private static TempTree? _tree;

    /// <summary>
    /// Seeds beside fuzz/corpus/kernel that live elsewhere: the fixture's own tables, which import
    /// and compile cleanly, so afl starts from an input that reaches every phase. fuzz/run.sh
    /// writes them into the run's input folder (<c>NvTrap.Fuzz kernel --write-seeds DIR</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Seeds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fixture-tables.c"] = Fixtures.Tables,
    };

    /// <summary>Runs one input; returns the check for callers that want to look at it.</summary>
    public static KernelTreeCheck Run(byte[] input)
    {
        var tree = _tree ??= Fixtures.Tree();
        string text = RulesTarget.Decode(input.Length > MaxInputBytes ? input[..MaxInputBytes] : input);
        string tables = tree.PathOf(KernelTree.Tables);
        string overlay = tree.PathOf("overlay.yaml");
        string? Read(string path, long maxBytes, out string? problem)
        {
            if (path == tables)
            {
                problem = null;
                return text;
            }

            return TempTree.ReadFile(path, maxBytes, out problem);
        }

        var check = KernelTreeCheck.Run(new ImportRequest(tree.Root, overlay, Array.Empty<string>(), Read));
        Check(check, text, overlay);
        return check;
    }

    /// <summary>Every import diagnostic in a file of the tree and inside it; no internal compiler error; every line printable.</summary>
    private static void Check(KernelTreeCheck check, string text, string overlay)
    {
        var files = new HashSet<string>(KernelTree.Headers.Append(KernelTree.Tables).Append(KernelTree.SysregFile).Append(overlay), StringComparer.Ordinal);
        int lines = RulesTarget.CountLines(text);
        foreach (var diagnostic in check.Import.Diagnostics)
        {
            var at = diagnostic.Location;
            if (!files.Contains(at.Path) && at.Path != "<import>")
            {
                throw new FuzzFailure($"diagnostic in '{at.Path}', not a file of the tree: {diagnostic.ToDisplayString()}");
            }

            if (at.Path == KernelTree.Tables && (at.Line < 0 || at.Line > lines + 1 || at.Column < 0))
            {
                throw new FuzzFailure($"location ({at.Line},{at.Column}) is outside the text ({lines} lines): {diagnostic.ToDisplayString()}");
            }
        }

        if (check.Import.HasErrors != (check.Compilation is null))
        {
            throw new FuzzFailure($"the import {(check.Import.HasErrors ? "had errors but wrote rules" : "had no errors but wrote no rules")}");
        }

        if (check.Compilation?.Diagnostics.FirstOrDefault(d => d.Id == "NVT090") is { } internalError)
        {
            throw new FuzzFailure($"internal compiler error on the imported rules: {internalError.ToDisplayString()}");
        }

        _ = check.Lines();
    }
}
