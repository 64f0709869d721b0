using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Emitting;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler.Pipeline;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler;

/// <summary>
/// The incremental generator: a thin adapter from Roslyn to the compiler core. Each
/// <c>*.nvtrap.yaml</c> AdditionalFile is parsed on its own (so editing one file re-parses only
/// it); the parsed files are compiled per ruleset; each class marked
/// <c>[NvTrapRuleset("name")]</c> receives its ruleset's code. Diagnostics flow separately from
/// source, and the lowered model carries no locations, so moving a rule without changing it does
/// not regenerate code. The generator never throws: a failure inside it becomes NVT090.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NvTrapGenerator : IIncrementalGenerator
{
    private const string AttributeName = "NvTrap.NvTrapRulesetAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(RuleCompiler.FileSuffix, StringComparison.OrdinalIgnoreCase))
            .Select(static (text, ct) => ParseSafely(text, ct))
            .WithTrackingName(TrackingNames.Parse);

        var compiled = parsed.Collect()
            .Select(static (files, ct) => CompileSafely(files, ct))
            .WithTrackingName(TrackingNames.Compile);

        var lowered = compiled
            .Select(static (rulesets, _) => rulesets.Select(r => new LoweredEntryForTarget(r.Name, r.Lowered)).ToEquatableArray())
            .WithTrackingName(TrackingNames.Lowered);

        var targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => TargetFactory.Create(ctx))
            .WithTrackingName(TrackingNames.Targets);

        var emits = targets.Combine(lowered)
            .Select(static (pair, ct) => EmitSafely(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.Emit);

        context.RegisterSourceOutput(parsed.Select(static (file, _) => file.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(compiled.Select(static (rulesets, _) => rulesets.SelectMany(r => r.Diagnostics).ToEquatableArray()), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(emits, static (spc, result) =>
        {
            if (result.Source is not null)
            {
                spc.AddSource(result.HintName!, result.Source);
            }

            if (result.Diagnostic is not null)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticMapper.DescriptorFor(result.Diagnostic.Value.Id), result.Diagnostic.Value.Location?.ToLocation(), result.Diagnostic.Value.Message));
            }
        });
    }

    private static void Report(SourceProductionContext context, EquatableArray<RuleDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(DiagnosticMapper.ToRoslyn(diagnostic));
        }
    }

    private static ParsedRuleFile ParseSafely(Microsoft.CodeAnalysis.AdditionalText text, CancellationToken cancellationToken)
    {
        try
        {
            var content = text.GetText(cancellationToken);
            if (content is null)
            {
                return new ParsedRuleFile(text.Path, null, new[]
                {
                    Descriptors.YamlSyntax.Create(SourceSpan.FileStart(text.Path), "Rule file could not be read; check that it exists and is readable."),
                }.ToEquatableArray());
            }

            return RuleCompiler.ParseSafely(new RuleSource(text.Path, content.ToString()));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Reading the AdditionalText itself failed (the core cannot see that).
            return new ParsedRuleFile(text.Path, null, new[] { RuleCompiler.InternalError(SourceSpan.FileStart(text.Path), "reading the rule file", ex) }.ToEquatableArray());
        }
    }

    private static EquatableArray<CompiledRuleset> CompileSafely(System.Collections.Immutable.ImmutableArray<ParsedRuleFile> files, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // A file listed twice as an AdditionalFile (by the package's glob and by hand) is one file.
        var distinct = files.GroupBy(f => f.Path, StringComparer.Ordinal).Select(g => g.First()).ToList();
        return RuleCompiler.CompileRulesetsSafely(distinct).Select(r => r.Compiled).ToEquatableArray();
    }

    private static EmitResult EmitSafely(TargetInfo target, EquatableArray<LoweredEntryForTarget> rulesets, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (target.Target is null)
            {
                return EmitResult.Failed(Descriptors.InvalidTarget.Id, target.Location, target.Problem!);
            }

            var match = rulesets.FirstOrDefault(r => r.Name == target.Ruleset);
            if (match is null)
            {
                string known = rulesets.Count == 0 ? "no *.nvtrap.yaml files are in the project" : "known rulesets: " + string.Join(", ", rulesets.Select(r => r.Name));
                return EmitResult.Failed(Descriptors.RulesetNotFound.Id, target.Location,
                    $"Ruleset '{target.Ruleset}' named by [NvTrapRuleset] has no rule files ({known}). Add *.nvtrap.yaml files with 'ruleset: {target.Ruleset}' as AdditionalFiles, or fix the name.");
            }

            if (match.Lowered is null)
            {
                // The ruleset has errors, reported at their YAML locations; emit nothing.
                return EmitResult.Nothing;
            }

            return new EmitResult(target.Target.HintName, RulesetEmitter.Emit(match.Lowered, target.Target), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return EmitResult.Failed(Descriptors.InternalError.Id, target.Location, RuleCompiler.InternalErrorMessage("emitting C#", ex));
        }
    }

    /// <summary>A ruleset as the emit step needs it: its lowered tables, or null when it has errors.</summary>
    private sealed record LoweredEntryForTarget(string Name, LoweredRuleset? Lowered);

    /// <summary>What the emit step produces: source, or a diagnostic at the target class.</summary>
    private sealed record EmitResult(string? HintName, string? Source, (string Id, LocationInfo? Location, string Message)? Diagnostic)
    {
        public static EmitResult Nothing { get; } = new(null, null, null);

        public static EmitResult Failed(string id, LocationInfo? location, string message) => new(null, null, (id, location, message));
    }
}
