using System.Collections.Generic;
using System.Linq;
using System;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Binding;

/// <summary>
/// Gathers the files of one ruleset into a <see cref="BoundRuleset"/>: numbers registers and
/// groups, resolves every name (registers, fields, groups, fine-grained groups, catalogue
/// entries), expands catalogue families and reports what does not resolve. Files are visited in
/// ordinal path order so numbering never depends on the order the build hands them over. One
/// partial file per section of the language.
/// </summary>
internal sealed partial class Binder
{
    private readonly string _name;
    private readonly List<RuleFileSyntax> _files;
    private readonly List<RuleDiagnostic> _diagnostics;

    private readonly List<BoundRegister> _registers = new();
    private readonly Dictionary<string, BoundRegister> _registersByName = new(StringComparer.Ordinal);
    private readonly List<BoundGroup> _groups = new();
    private readonly Dictionary<string, int> _groupIds = new(StringComparer.Ordinal);
    private readonly List<BoundFineGrainedGroup> _fineGrainedGroups = new();
    private readonly List<CoarseEntry> _coarseEntries = new();
    private readonly List<FineGrainedEntry> _fineGrainedEntries = new();
    private readonly List<CatalogueEntry> _catalogue = new();
    private readonly Dictionary<string, CatalogueEntry> _catalogueByName = new(StringComparer.Ordinal);

    /// <summary>
    /// Catalogue aliases whose chain was already reported (it ends at an unknown name or loops):
    /// a trap naming one is not reported again, so one mistake gives one error.
    /// </summary>
    private readonly HashSet<string> _brokenAliases = new(StringComparer.Ordinal);
    private readonly HashSet<int> _trappedGroups = new();
    private readonly HashSet<int> _emptyTrapGroups = new();
    private readonly List<BoundParameter> _parameters = new();
    private readonly Dictionary<string, BoundParameter> _parametersByName = new(StringComparer.Ordinal);
    private readonly List<BoundFilter> _filters = new();
    private readonly Dictionary<string, int> _filterIds = new(StringComparer.Ordinal);
    private readonly List<NonSysregBit> _nonSysregBits = new();
    private readonly RulesetDirectory _directory;
    private readonly Suggester _suggester = new();
    private BoundContext _context = BoundContext.Default;

    private Binder(string name, IEnumerable<RuleFileSyntax> files, List<RuleDiagnostic> diagnostics, RulesetDirectory directory)
    {
        _name = name;
        _files = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        _diagnostics = diagnostics;
        _directory = directory;
    }

    /// <param name="name">The ruleset.</param>
    /// <param name="files">Its files.</param>
    /// <param name="diagnostics">Receives what does not bind.</param>
    /// <param name="directory">What other rulesets define, to say so when a name is defined there but not here.</param>
    public static BoundRuleset Bind(string name, IEnumerable<RuleFileSyntax> files, List<RuleDiagnostic> diagnostics, RulesetDirectory? directory = null)
    {
        var binder = new Binder(name, files, diagnostics, directory ?? RulesetDirectory.Empty);
        binder.BindRegisters();
        binder.BindParameters();
        binder.BindContext();
        binder.BindFilters();
        binder.BindCatalogue();
        binder.BindGroups();
        binder.BindFineGrainedGroups();
        binder.BindTraps();
        binder.BindFineGrainedTraps();
        binder.BindNonSysregBits();
        return new BoundRuleset(
            name,
            binder._files.Select(f => f.Path).ToList(),
            binder._registers,
            binder._groups,
            binder._fineGrainedGroups,
            binder._coarseEntries,
            binder._fineGrainedEntries,
            binder._catalogue,
            binder._trappedGroups,
            binder._context,
            binder._parameters,
            binder._filters,
            binder._nonSysregBits,
            binder._emptyTrapGroups);
    }

    private IEnumerable<T> All<T>(Func<RuleFileSyntax, EquatableArray<T>> section) => _files.SelectMany(f => section(f));

    private BoundRegister? ResolveRegister(NameSyntax name)
    {
        if (_registersByName.TryGetValue(name.Text, out var register))
        {
            return register;
        }

        Report(Descriptors.UnknownRegister, name.Span,
            $"'{DiagnosticText.Quote(name.Text)}' is not a defined register.{Hint(name.Text, _registersByName.Keys, DefinitionKind.Register)} Define it under 'registers'.");
        return null;
    }

    /// <summary>
    /// What a message about an unknown name adds: where another ruleset defines it (this file's
    /// 'ruleset:' may be misspelt), else the closest name of <paramref name="candidates"/>.
    /// </summary>
    private string Hint(string name, IEnumerable<string> candidates, params DefinitionKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            if (_directory.Elsewhere(kind, name, _name) is { } elsewhere)
            {
                return elsewhere;
            }
        }

        return _suggester.DidYouMean(name, candidates);
    }

    /// <summary>
    /// Records a definition of a name that becomes a C# identifier: reports a second definition
    /// (and returns false), and a name the generated code already declares where this one would
    /// be declared (NVT016; the definition still counts, so its uses are not reported too).
    /// </summary>
    private bool Define(Dictionary<string, SourceSpan> seen, NameSyntax name, string kind, NameKind generated)
    {
        if (!Define(seen, name, kind))
        {
            return false;
        }

        NotTakenByGeneratedCode(name, generated, kind.ToLowerInvariant());
        return true;
    }

    private void NotTakenByGeneratedCode(NameSyntax name, NameKind generated, string what)
    {
        if (GeneratedNames.Collision(generated, name.Text) is { } reason)
        {
            Report(Descriptors.NameTakenByGeneratedCode, name.Span, $"'{name.Text}' cannot name a {what}: {reason}. Choose another name.");
        }
    }

    /// <summary>Records a definition, reporting a second definition of the same name.</summary>
    private bool Define(Dictionary<string, SourceSpan> seen, NameSyntax name, string kind)
    {
        if (seen.TryGetValue(name.Text, out var first))
        {
            _diagnostics.Add(Descriptors.DuplicateDefinition.Create(name.Span,
                $"{kind} '{name.Text}' is already defined at {first.ToDisplayString()}; remove or rename one of them.", first));
            return false;
        }

        seen.Add(name.Text, name.Span);
        return true;
    }

    private void Report(RuleDiagnosticDescriptor descriptor, SourceSpan span, string message) =>
        _diagnostics.Add(descriptor.Create(span, message));

    /// <summary>The names an expression of the rules can use: registers, parameters and, where allowed, the access's encoding fields.</summary>
    private ExpressionScope Scope(bool encodingFields) =>
        new(_registersByName, _parametersByName, encodingFields) { Hint = (name, candidates, kind) => Hint(name, candidates, kind) };

    private static TrapBehaviour BehaviourOf(BehaviourSyntax? syntax, bool inHostEl0) => (syntax switch
    {
        BehaviourSyntax.Read => TrapBehaviour.Read,
        BehaviourSyntax.Write => TrapBehaviour.Write,
        BehaviourSyntax.Any or null => TrapBehaviour.Any,
    }) | (inHostEl0 ? TrapBehaviour.InHostEl0 : TrapBehaviour.None);

    private static ushort Pack(EncodingSyntax encoding) =>
        EncodingLayout.Pack((int)encoding.Fields[0].Value, (int)encoding.Fields[1].Value, (int)encoding.Fields[2].Value, (int)encoding.Fields[3].Value, (int)encoding.Fields[4].Value);
}
