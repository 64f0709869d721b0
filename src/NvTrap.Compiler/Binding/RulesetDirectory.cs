using System.Collections.Generic;
using System;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Binding;

/// <summary>
/// Where every ruleset of a compilation defines each name, read from the files' syntax alone, so a
/// name one ruleset lacks can be found in another: a file whose <c>ruleset:</c> is misspelt uses
/// the names of the ruleset it was meant to join, and "not defined" alone would hide why.
/// </summary>
internal sealed class RulesetDirectory
{
    public static readonly RulesetDirectory Empty = new(new Dictionary<(DefinitionKind, string), (string, SourceSpan)[]>());

    private readonly Dictionary<(DefinitionKind Kind, string Name), (string Ruleset, SourceSpan Span)[]> _definitions;

    private RulesetDirectory(Dictionary<(DefinitionKind, string), (string, SourceSpan)[]> definitions) => _definitions = definitions;

    /// <summary>The definitions of the files; empty unless they name more than one ruleset.</summary>
    public static RulesetDirectory Of(IReadOnlyList<RuleFileSyntax> files)
    {
        var rulesets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.Ruleset is not null)
            {
                rulesets.Add(file.Ruleset.Text);
            }
        }

        if (rulesets.Count < 2)
        {
            return Empty;
        }

        var found = new Dictionary<(DefinitionKind, string), List<(string, SourceSpan)>>();
        void Add(DefinitionKind kind, string ruleset, NameSyntax name)
        {
            if (!found.TryGetValue((kind, name.Text), out var list))
            {
                found[(kind, name.Text)] = list = new List<(string, SourceSpan)>();
            }

            list.Add((ruleset, name.Span));
        }

        foreach (var file in files)
        {
            if (file.Ruleset is not { } ruleset)
            {
                continue;
            }

            foreach (var x in file.Registers) Add(DefinitionKind.Register, ruleset.Text, x.Name);
            foreach (var x in file.Controls) Add(DefinitionKind.Group, ruleset.Text, x.Name);
            foreach (var x in file.Combinations) Add(DefinitionKind.Group, ruleset.Text, x.Name);
            foreach (var x in file.Conditions) Add(DefinitionKind.Group, ruleset.Text, x.Name);
            foreach (var x in file.FineGrainedGroups) Add(DefinitionKind.FineGrainedGroup, ruleset.Text, x.Name);
            foreach (var x in file.Filters) Add(DefinitionKind.Filter, ruleset.Text, x.Name);
            foreach (var x in file.Parameters) Add(DefinitionKind.Parameter, ruleset.Text, x.Name);
            foreach (var x in file.SysRegs)
            {
                if (x.Family is null)
                {
                    Add(DefinitionKind.SysReg, ruleset.Text, x.Name);
                }
            }
        }

        var definitions = new Dictionary<(DefinitionKind, string), (string, SourceSpan)[]>();
        foreach (var entry in found)
        {
            definitions[entry.Key] = entry.Value.ToArray();
        }

        return new RulesetDirectory(definitions);
    }

    /// <summary>
    /// " It is defined in ruleset 'R' at file(line,col): ..." when another ruleset than
    /// <paramref name="ruleset"/> defines <paramref name="name"/> as a <paramref name="kind"/>; else null.
    /// </summary>
    public string? Elsewhere(DefinitionKind kind, string name, string ruleset)
    {
        if (!_definitions.TryGetValue((kind, name), out var places))
        {
            return null;
        }

        foreach (var (other, span) in places)
        {
            if (other != ruleset)
            {
                return $" It is defined in ruleset '{other}' at {span.ToDisplayString()}: if this file belongs to that ruleset, correct its 'ruleset: {ruleset}'.";
            }
        }

        return null;
    }
}

/// <summary>The kinds of names a ruleset defines, for finding a name in another ruleset.</summary>
internal enum DefinitionKind
{
    Register,
    Group,
    FineGrainedGroup,
    Filter,
    Parameter,
    SysReg,
}
