using System.Collections.Generic;
using System.Linq;
using System;
using NvTrap.Compiler.Binding;
using NvTrap.Compiler.Checking;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler;

/// <summary>A rule file's path and text, as the compiler receives it.</summary>
internal sealed record RuleSource(string Path, string Text);

/// <summary>One file after parsing: its syntax (null if the YAML was unusable) and its diagnostics.</summary>
internal sealed record ParsedRuleFile(string Path, RuleFileSyntax? Syntax, EquatableArray<RuleDiagnostic> Diagnostics);

/// <summary>
/// One ruleset after binding, checking and lowering: <see cref="Lowered"/> is the runnable result,
/// present exactly when no file of the ruleset has an error; otherwise <see cref="StandIn"/> is
/// what the generator emits in its place (the API's declarations, nothing that runs).
/// </summary>
internal sealed record CompiledRuleset(string Name, LoweredRuleset? Lowered, EquatableArray<RuleDiagnostic> Diagnostics, LoweredRuleset? StandIn = null)
{
    public bool HasErrors => Lowered is null;
}

/// <summary>What compiling a set of rule files produced: every ruleset they name, and every diagnostic.</summary>
internal sealed class RuleCompilation
{
    public RuleCompilation(IReadOnlyList<ParsedRuleFile> files, IReadOnlyList<CompiledRuleset> rulesets, IReadOnlyList<BoundRuleset> bound, IReadOnlyList<RuleDiagnostic> failures)
    {
        Files = files;
        Rulesets = rulesets;
        Bound = bound;
        Failures = failures;
    }

    public IReadOnlyList<ParsedRuleFile> Files { get; }

    /// <summary>Every ruleset the files name, in name order.</summary>
    public IReadOnlyList<CompiledRuleset> Rulesets { get; }

    /// <summary>The bound form of each of <see cref="Rulesets"/>, in the same order (for tools and tests that inspect the rules).</summary>
    public IReadOnlyList<BoundRuleset> Bound { get; }

    /// <summary>Failures of the compiler itself (NVT090); when there is one, <see cref="Rulesets"/> is empty.</summary>
    public IReadOnlyList<RuleDiagnostic> Failures { get; }

    /// <summary>Every diagnostic, file diagnostics first, in a stable order.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics =>
        Files.SelectMany(f => f.Diagnostics).Concat(Rulesets.SelectMany(r => r.Diagnostics)).Concat(Failures).ToList();

    /// <summary>
    /// What a person is shown of <see cref="Diagnostics"/>: each file's and each ruleset's capped by
    /// <see cref="DiagnosticCap"/>, exactly as the build reports them.
    /// </summary>
    public IReadOnlyList<RuleDiagnostic> ShownDiagnostics =>
        Files.SelectMany(f => DiagnosticCap.Apply(f.Diagnostics)).Concat(Rulesets.SelectMany(r => DiagnosticCap.Apply(r.Diagnostics))).Concat(Failures).ToList();

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public CompiledRuleset? Find(string name) => Rulesets.FirstOrDefault(r => r.Name == name);
}

/// <summary>
/// The compiler's entry points, independent of Roslyn: parse files, then bind, check and lower
/// each ruleset. The generator, the <c>nvtrap</c> tool and the tests all go through here.
/// </summary>
internal static class RuleCompiler
{
    public const string FileSuffix = ".nvtrap.yaml";

    /// <summary>Parses, binds, checks and lowers every ruleset the sources name.</summary>
    public static RuleCompilation Compile(IEnumerable<RuleSource> sources) => Compile(sources.Select(ParseSafely).ToList());

    /// <summary>Binds, checks and lowers every ruleset named by already parsed files.</summary>
    public static RuleCompilation Compile(IReadOnlyList<ParsedRuleFile> files)
    {
        try
        {
            var directory = RulesetDirectory.Of(files.Where(f => f.Syntax is not null).Select(f => f.Syntax!).ToList());
            var results = files
                .Where(f => f.Syntax?.Ruleset is not null)
                .GroupBy(f => f.Syntax!.Ruleset!.Text, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => CompileRuleset(g.Key, g.Select(f => f.Syntax!), fileErrors: g.Any(f => f.Diagnostics.Any(d => d.IsError)), directory))
                .ToList();
            return new RuleCompilation(files, results.Select(r => r.Compiled).ToList(), results.Select(r => r.Bound).ToList(), Array.Empty<RuleDiagnostic>());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in the compiler: say so at the first file rather than crash the host.
            string path = files.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault() ?? "rules";
            return new RuleCompilation(files, Array.Empty<CompiledRuleset>(), Array.Empty<BoundRuleset>(), new[] { InternalError(SourceSpan.FileStart(path), "compiling the rulesets", ex) });
        }
    }

    /// <summary>
    /// Parses one file, with a failure inside the compiler reported as NVT090 at the file instead
    /// of thrown: hosts (the generator, the tool) must never crash on rules.
    /// </summary>
    public static ParsedRuleFile ParseSafely(RuleSource source)
    {
        try
        {
            var diagnostics = new List<RuleDiagnostic>();
            var syntax = RuleFileParser.Parse(source.Path, source.Text, diagnostics);
            return new ParsedRuleFile(source.Path, syntax, diagnostics.ToEquatableArray());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ParsedRuleFile(source.Path, null, new[] { InternalError(SourceSpan.FileStart(source.Path), "parsing", ex) }.ToEquatableArray());
        }
    }

    /// <summary>
    /// What stops a ruleset from being run by an interpreter rather than compiled: conditions
    /// written as C# methods (NVT082), each reported where its method is named.
    /// </summary>
    public static IReadOnlyList<RuleDiagnostic> InterpretationBlockers(BoundRuleset ruleset) =>
        ruleset.Groups
            .OfType<BoundCondition>()
            .Where(g => g.Logic is CSharpLogic)
            .Select(g => Descriptors.NotInterpretable.Create(((CSharpLogic)g.Logic!).Span,
                $"Condition '{g.Name}' is written in C# (csharp: {((CSharpLogic)g.Logic!).Method}), which only generated code can run; to interpret these rules (nvtrap --rules), write it as a 'when:' expression."))
            .ToList();

    /// <summary>
    /// The stand-in for a ruleset with errors. A failure building it is a bug of its own, reported
    /// (NVT090) with the ruleset's other diagnostics rather than in place of them, and the
    /// ruleset's stand-in is then the one with no names.
    /// </summary>
    private static LoweredRuleset StandIn(BoundRuleset bound, IReadOnlyList<RuleFileSyntax> files, List<RuleDiagnostic> diagnostics)
    {
        try
        {
            return StandInLowerer.Lower(bound, files);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Add(InternalError(SourceSpan.FileStart(bound.Files.FirstOrDefault() ?? bound.Name), "declaring the stand-in of a ruleset with errors", ex));
            return StandInLowerer.Empty(bound.Name);
        }
    }

    public static RuleDiagnostic InternalError(SourceSpan span, string phase, Exception ex) =>
        Descriptors.InternalError.Create(span, InternalErrorMessage(phase, ex));

    /// <summary>The NVT090 text, for hosts that report it at a location of their own (the generator's C# target).</summary>
    public static string InternalErrorMessage(string phase, Exception ex) =>
        $"The NvTrap rule compiler failed while {phase}: {ex.GetType().Name}: {ex.Message}. This is a bug in NvTrap; please report it with the rule files.";

    /// <summary>Binds, checks and (when error-free) lowers one ruleset.</summary>
    private static (CompiledRuleset Compiled, BoundRuleset Bound) CompileRuleset(string name, IEnumerable<RuleFileSyntax> syntax, bool fileErrors, RulesetDirectory directory)
    {
        var files = syntax.ToList();
        var diagnostics = new List<RuleDiagnostic>();
        var bound = Binder.Bind(name, files, diagnostics, directory);
        RulesetChecker.Check(bound, diagnostics);
        LoweredRuleset? lowered = null;
        if (!fileErrors && !diagnostics.Any(d => d.IsError))
        {
            lowered = Lowerer.Lower(bound, diagnostics);
        }

        var standIn = lowered is null ? StandIn(bound, files, diagnostics) : null;
        var ordered = diagnostics
            .OrderBy(d => d.Span.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.StartOffset)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToEquatableArray();
        return (new CompiledRuleset(name, lowered, ordered, standIn), bound);
    }
}
