using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Binding;
using NvTrap.Compiler.Checking;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler;

/// <summary>A rule file's path and text, as the compiler receives it.</summary>
internal sealed record RuleSource(string Path, string Text);

/// <summary>One file after parsing: its syntax (null if the YAML was unusable) and its diagnostics.</summary>
internal sealed record ParsedRuleFile(string Path, RuleFileSyntax? Syntax, EquatableArray<RuleDiagnostic> Diagnostics);

/// <summary>One ruleset after binding, checking and lowering.</summary>
internal sealed record CompiledRuleset(string Name, LoweredRuleset? Lowered, EquatableArray<RuleDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>The result of compiling a set of rule files: every ruleset, and every diagnostic.</summary>
internal sealed class RuleCompilation
{
    public RuleCompilation(IReadOnlyList<ParsedRuleFile> files, IReadOnlyList<(CompiledRuleset Compiled, BoundRuleset Bound)> rulesets)
    {
        Files = files;
        Rulesets = rulesets;
    }

    public IReadOnlyList<ParsedRuleFile> Files { get; }

    public IReadOnlyList<(CompiledRuleset Compiled, BoundRuleset Bound)> Rulesets { get; }

    /// <summary>Every diagnostic, file diagnostics first, in a stable order.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics =>
        Files.SelectMany(f => f.Diagnostics).Concat(Rulesets.SelectMany(r => r.Compiled.Diagnostics)).ToList();

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public (CompiledRuleset Compiled, BoundRuleset Bound)? Find(string name) =>
        Rulesets.Where(r => r.Compiled.Name == name).Select(r => ((CompiledRuleset, BoundRuleset)?)r).FirstOrDefault();
}

/// <summary>
/// The compiler core's entry points, independent of Roslyn: parse files, then bind, check and
/// lower each ruleset. The generator, the CLI and the tests all go through here.
/// </summary>
internal static class RuleCompiler
{
    public const string FileSuffix = ".nvtrap.yaml";

    /// <summary>
    /// <see cref="Parse"/>, with a failure inside the compiler reported as NVT090 at the file
    /// instead of thrown: hosts (the generator, the CLI) must never crash on rules.
    /// </summary>
    public static ParsedRuleFile ParseSafely(RuleSource source)
    {
        try
        {
            return Parse(source);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ParsedRuleFile(source.Path, null, new[] { InternalError(SourceSpan.FileStart(source.Path), "parsing", ex) }.ToEquatableArray());
        }
    }

    /// <summary><see cref="CompileRulesets"/>, with a failure inside the compiler reported as NVT090 at the first file.</summary>
    public static IReadOnlyList<(CompiledRuleset Compiled, BoundRuleset Bound)> CompileRulesetsSafely(IReadOnlyList<ParsedRuleFile> files)
    {
        try
        {
            return CompileRulesets(files);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            string path = files.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault() ?? "rules";
            var failure = InternalError(SourceSpan.FileStart(path), "compiling the rulesets", ex);
            return new[] { (new CompiledRuleset("?", null, new[] { failure }.ToEquatableArray()), new BoundRuleset("?")) };
        }
    }

    /// <summary>
    /// What stops a ruleset from being run by an interpreter rather than compiled: conditions
    /// written as C# methods (NVT082), each reported where its method is named.
    /// </summary>
    public static IReadOnlyList<RuleDiagnostic> InterpretationBlockers(BoundRuleset ruleset) =>
        ruleset.Groups
            .Where(g => g.CSharpMethod is not null)
            .Select(g => Descriptors.NotInterpretable.Create(g.CSharpSpan ?? g.Span,
                $"Condition '{g.Name}' is written in C# (csharp: {g.CSharpMethod}), which only generated code can run; to interpret these rules (nvtrap --rules), write it as a 'when:' expression."))
            .ToList();

    public static RuleDiagnostic InternalError(SourceSpan span, string phase, Exception ex) =>
        Descriptors.InternalError.Create(span, InternalErrorMessage(phase, ex));

    /// <summary>The NVT090 text, for hosts that report it at a location of their own (the generator's C# target).</summary>
    public static string InternalErrorMessage(string phase, Exception ex) =>
        $"The NvTrap rule compiler failed while {phase}: {ex.GetType().Name}: {ex.Message}. This is a bug in NvTrap; please report it with the rule files.";

    public static ParsedRuleFile Parse(RuleSource source)
    {
        var diagnostics = new List<RuleDiagnostic>();
        var syntax = RuleFileParser.Parse(source.Path, source.Text, diagnostics);
        return new ParsedRuleFile(source.Path, syntax, diagnostics.ToEquatableArray());
    }

    /// <summary>Compiles every ruleset the files name.</summary>
    public static RuleCompilation Compile(IEnumerable<RuleSource> sources)
    {
        var files = sources.Select(ParseSafely).ToList();
        return new RuleCompilation(files, CompileRulesetsSafely(files));
    }

    public static IReadOnlyList<(CompiledRuleset Compiled, BoundRuleset Bound)> CompileRulesets(IEnumerable<ParsedRuleFile> files)
    {
        return files
            .Where(f => f.Syntax?.Ruleset is not null)
            .GroupBy(f => f.Syntax!.Ruleset!.Text, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => CompileRuleset(g.Key, g.Select(f => f.Syntax!), fileErrors: g.Any(f => f.Diagnostics.Any(d => d.IsError))))
            .ToList();
    }

    /// <summary>Binds, checks and (when error-free) lowers one ruleset.</summary>
    public static (CompiledRuleset Compiled, BoundRuleset Bound) CompileRuleset(string name, IEnumerable<RuleFileSyntax> files, bool fileErrors = false)
    {
        var diagnostics = new List<RuleDiagnostic>();
        var bound = Binder.Bind(name, files, diagnostics);
        RulesetChecker.Check(bound, diagnostics);
        LoweredRuleset? lowered = null;
        if (!fileErrors && !diagnostics.Any(d => d.IsError))
        {
            lowered = Lowerer.Lower(bound, diagnostics);
        }

        var ordered = diagnostics
            .OrderBy(d => d.Span.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.StartOffset)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToEquatableArray();
        return (new CompiledRuleset(name, lowered, ordered), bound);
    }
}
