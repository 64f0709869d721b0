using System.Collections.Generic;
using System.Linq;
using System;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Evaluation;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Binding;

// The system-register catalogue: literal entries, indexed families, and aliases (an entry that
// names another entry), which may be written in any order and are resolved once every literal
// entry is known.
internal sealed partial class Binder
{
    private void BindCatalogue()
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var aliases = new List<(NameSyntax Name, NameSyntax Target)>();
        foreach (var syntax in All(f => f.SysRegs))
        {
            if (syntax.Family is { } family)
            {
                BindFamily(syntax.Name, family, seen);
                continue;
            }

            if (!Define(seen, syntax.Name, "System register"))
            {
                continue;
            }

            if (syntax.Encoding!.CatalogueName is { } target)
            {
                aliases.Add((syntax.Name, target));
                continue;
            }

            AddCatalogueEntry(syntax.Name.Text, Pack(syntax.Encoding), syntax.Name.Span);
        }

        ResolveAliases(aliases);
    }

    /// <summary>
    /// Follows each alias to a literal entry, whatever order they were written in. A chain that
    /// ends at an unknown name is reported where that name is written; a chain that comes back to
    /// itself is reported once, at its first alias, naming every member of the cycle.
    /// </summary>
    private void ResolveAliases(List<(NameSyntax Name, NameSyntax Target)> aliases)
    {
        var targetOf = aliases.ToDictionary(a => a.Name.Text, a => a.Target, StringComparer.Ordinal);
        var resolved = new Dictionary<string, ushort?>(StringComparer.Ordinal);
        var reportedCycles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in aliases)
        {
            var chain = new List<string> { name.Text };
            ushort? encoding = null;
            string current = name.Text;
            while (true)
            {
                if (resolved.TryGetValue(current, out var known))
                {
                    encoding = known;
                    break;
                }

                var target = targetOf[current];
                if (_catalogueByName.TryGetValue(target.Text, out var entry))
                {
                    encoding = entry.Encoding;
                    break;
                }

                if (!targetOf.ContainsKey(target.Text))
                {
                    ReportUnknownSysReg(target);
                    break;
                }

                int loop = chain.IndexOf(target.Text);
                if (loop >= 0)
                {
                    var members = chain.Skip(loop).ToList();
                    if (members.All(reportedCycles.Add))
                    {
                        Report(Descriptors.CatalogueAliasCycle, name.Span,
                            $"Catalogue aliases form a cycle: {string.Join(" -> ", members)} -> {target.Text}; no name in it has an encoding. Give one of them an encoding (S3_0_C1_C0_0).");
                    }

                    break;
                }

                chain.Add(target.Text);
                current = target.Text;
            }

            foreach (var member in chain)
            {
                resolved[member] = encoding;
            }

            if (encoding is { } value)
            {
                AddCatalogueEntry(name.Text, value, name.Span);
            }
            else
            {
                _brokenAliases.Add(name.Text);
            }
        }
    }

    private void BindFamily(NameSyntax name, FamilySyntax family, Dictionary<string, SourceSpan> seen)
    {
        var fields = new List<BoundExpr>();
        foreach (var text in family.Fields)
        {
            var bound = ExpressionBinder.BindFamilyField(text.Tree!, family.Variable, _diagnostics);
            if (bound is null)
            {
                return;
            }

            fields.Add(bound);
        }

        var values = new int[5];
        string familyName = family.Prefix + "<" + family.Variable + ">" + family.Suffix;
        for (ulong index = family.From.Value; index <= family.To.Value; index++)
        {
            for (int f = 0; f < 5; f++)
            {
                ulong value = ExpressionEvaluator.Evaluate(fields[f], _ => 0, 0, index);
                int max = EncodingLayout.FieldMaxima[f];
                if (value > (ulong)max)
                {
                    Report(Descriptors.EncodingFieldOutOfRange, family.Fields[f].Span,
                        $"Family '{name.Text}' gives {RuleFileParser.EncodingFieldNames[f]} = {value} for {family.Variable} = {index}; it must be 0..{max}. Fix the expression or the index range.");
                    return;
                }

                values[f] = (int)value;
            }

            string instance = family.Prefix + Invariant.Number((long)index) + family.Suffix;
            if (Define(seen, new NameSyntax(instance, name.Span), "System register"))
            {
                AddCatalogueEntry(instance, EncodingLayout.Pack(values[0], values[1], values[2], values[3], values[4]), name.Span, new FamilyMember(familyName, index, family.From.Value, family.To.Value));
            }
        }
    }

    private void AddCatalogueEntry(string name, ushort encoding, SourceSpan span, FamilyMember? family = null)
    {
        var entry = new CatalogueEntry(name, encoding, span, family);
        _catalogueByName[name] = entry;
        _catalogue.Add(entry);
    }

    private void ReportUnknownSysReg(NameSyntax name) =>
        Report(Descriptors.UnknownSysReg, name.Span,
            $"'{DiagnosticText.Quote(name.Text)}' is not in the system-register catalogue.{Hint(name.Text, _catalogueByName.Keys, DefinitionKind.SysReg)} Add it under 'sysregs' or write its encoding (S3_0_C1_C0_0).");
}
