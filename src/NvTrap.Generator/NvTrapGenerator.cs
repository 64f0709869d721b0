using System.Collections.Immutable;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Emitting;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler;

namespace NvTrap.Generator;

/// <summary>
/// The incremental generator: a thin adapter from Roslyn to the rule compiler. Each
/// <c>*.nvtrap.yaml</c> AdditionalFile is parsed on its own (so editing one file re-parses only
/// it); the parsed files are compiled per ruleset; each class marked
/// <c>[NvTrapRuleset("name")]</c> receives its ruleset's code. Diagnostics flow apart from
/// source, as in System.Text.Json's generator: the class's location reaches only the
/// diagnostics output, so moving the class does not re-run the emitter. The generator never
/// throws: a failure inside it becomes NVT090.
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
            .Select(static (text, ct) => Parse(text, ct))
            .WithTrackingName(TrackingNames.Parse);

        var compiled = parsed.Collect()
            .Select(static (files, ct) => Compile(files, ct))
            .WithTrackingName(TrackingNames.Compile);

        var rulesets = compiled
            .Select(static (output, _) => output.Rulesets)
            .WithTrackingName(TrackingNames.Rulesets);

        var targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => TargetFactory.Create(ctx))
            .WithTrackingName(TrackingNames.Targets);

        var targetModels = targets
            .Select(static (target, _) => target.Target)
            .WithTrackingName(TrackingNames.TargetModels);

        var emits = targetModels.Combine(rulesets)
            .Select(static (pair, ct) => Emit(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.Emit);

        context.RegisterSourceOutput(parsed.Select(static (file, _) => file.Diagnostics), static (spc, diagnostics) => Report(spc, DiagnosticCap.Apply(diagnostics)));
        context.RegisterSourceOutput(compiled.Select(static (output, _) => output.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(targets.Combine(compiled.Select(static (output, _) => output.Index)), static (spc, pair) => ReportTarget(spc, pair.Left, pair.Right));
        context.RegisterSourceOutput(emits, static (spc, result) =>
        {
            foreach (var file in result.Files)
            {
                spc.AddSource(file.HintName, file.Text);
            }

            Report(spc, result.Diagnostics);
        });
    }

    private static void Report(SourceProductionContext context, IEnumerable<RuleDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(RoslynDiagnostics.ToRoslyn(diagnostic));
        }
    }

    /// <summary>A target's own problems, at the [NvTrapRuleset] attribute: the class cannot take members, or names no ruleset of the project.</summary>
    private static void ReportTarget(SourceProductionContext context, TargetInfo target, RulesetIndex index)
    {
        var location = target.Location?.ToLocation();
        if (target.Target is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(RoslynDiagnostics.For(Descriptors.InvalidTarget.Id), location, target.Problem));
            return;
        }

        if (index.Names.Contains(target.Ruleset) || index.UnreadableFiles)
        {
            // Found; or a rule file could not be read far enough to know its ruleset, and its
            // errors (already reported) explain the rest.
            return;
        }

        string known = index.Names.Count == 0 ? "no *.nvtrap.yaml files are in the project" : "known rulesets: " + string.Join(", ", index.Names);
        context.ReportDiagnostic(Diagnostic.Create(RoslynDiagnostics.For(Descriptors.RulesetNotFound.Id), location,
            $"Ruleset '{target.Ruleset}' named by [NvTrapRuleset] has no rule files ({known}). Add *.nvtrap.yaml files with 'ruleset: {target.Ruleset}' as AdditionalFiles, or fix the name."));
    }

    private static ParsedRuleFile Parse(AdditionalText text, CancellationToken cancellationToken)
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
            // Reading the AdditionalText itself failed (the compiler core cannot see that).
            return new ParsedRuleFile(text.Path, null, new[] { RuleCompiler.InternalError(SourceSpan.FileStart(text.Path), "reading the rule file", ex) }.ToEquatableArray());
        }
    }

    private static CompileOutput Compile(ImmutableArray<ParsedRuleFile> files, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // A file listed twice as an AdditionalFile (by the package's glob and by hand) is one file.
        var distinct = files.GroupBy(f => f.Path, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var compilation = RuleCompiler.Compile(distinct);
        var index = new RulesetIndex(
            compilation.Rulesets.Select(r => r.Name).ToEquatableArray(),
            distinct.Any(f => f.Syntax?.Ruleset is null));
        return new CompileOutput(
            compilation.Rulesets.Select(r => new RulesetModel(r.Name, r.Lowered ?? r.StandIn)).ToEquatableArray(),
            compilation.Rulesets.SelectMany(r => DiagnosticCap.Apply(r.Diagnostics)).Concat(compilation.Failures).ToEquatableArray(),
            index);
    }

    private static EmitResult Emit(RulesetTarget? target, EquatableArray<RulesetModel> rulesets, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (target is null)
        {
            // No usable class: reported at its attribute, and there is nothing to emit into.
            return EmitResult.Nothing;
        }

        var model = rulesets.FirstOrDefault(r => r.Name == target.Ruleset)?.Lowered;
        try
        {
            // A ruleset with errors, one no rule file names (NVT080), or one whose files could not
            // be read far enough to name it gets a stand-in: the errors are reported where they
            // are, and the stand-in declares the API so that the user's code still binds and the
            // build shows those errors alone.
            var lowered = model ?? StandInLowerer.Empty(target.Ruleset);

            // The one name the rules cannot know to avoid: a C# condition method named like the
            // class it is declared in (C# forbids a member named like its type). Reported here,
            // and the code emitted is a stand-in without that method.
            var clashes = lowered.Conditions
                .Select(c => c.Logic)
                .OfType<Compiler.Semantics.CSharpLogic>()
                .Where(m => m.Method == target.ClassName)
                .Take(1)
                .Select(m => Descriptors.NameTakenByGeneratedCode.Create(m.Span,
                    $"'{m.Method}' cannot name a C# condition method of class '{target.ClassName}': C# does not allow a member named like its class. Choose another name."))
                .ToEquatableArray();
            if (clashes.Count > 0)
            {
                lowered = StandInLowerer.Without(lowered, method => method == target.ClassName);
            }

            return new EmitResult(RulesetEmitter.Emit(lowered, target).ToEquatableArray(), clashes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Reported at the ruleset's first rule file: the class's location does not reach this step.
            var failure = RuleCompiler.InternalError(SourceSpan.FileStart(model?.Files.FirstOrDefault() ?? target.Ruleset), $"emitting C# for class '{target.ClassName}'", ex);
            return new EmitResult(EquatableArray<GeneratedFile>.Empty, new[] { failure }.ToEquatableArray());
        }
    }

    /// <summary>What the emit step produces for one class: its files, or the failure that stopped them.</summary>
    private sealed record EmitResult(EquatableArray<GeneratedFile> Files, EquatableArray<RuleDiagnostic> Diagnostics)
    {
        public static EmitResult Nothing { get; } = new(EquatableArray<GeneratedFile>.Empty, EquatableArray<RuleDiagnostic>.Empty);
    }

    /// <summary>What the compile step hands on: each ruleset's model, every diagnostic, and the ruleset names targets are checked against.</summary>
    private sealed record CompileOutput(EquatableArray<RulesetModel> Rulesets, EquatableArray<RuleDiagnostic> Diagnostics, RulesetIndex Index);

    /// <summary>A ruleset as the emit step needs it: its lowered form, or its stand-in when it has errors.</summary>
    private sealed record RulesetModel(string Name, LoweredRuleset? Lowered);

    /// <summary>The rulesets the project's rule files name, and whether some file could not be read far enough to name one.</summary>
    private sealed record RulesetIndex(EquatableArray<string> Names, bool UnreadableFiles);
}
