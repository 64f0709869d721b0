using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Binding;

// What the rules say about the VM and the context rather than about registers: named VM
// parameters, the context tests (hypervisor context, host EL0), and fine-grained filters.
internal sealed partial class Binder
{
    private void BindParameters()
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var syntax in All(f => f.Parameters))
        {
            if (!Define(seen, syntax.Name, "Parameter", NameKind.Parameter) || !NotReservedInExpressions(syntax.Name, "parameter"))
            {
                continue;
            }

            if (_registersByName.TryGetValue(syntax.Name.Text, out var register))
            {
                Report(Descriptors.DuplicateDefinition, syntax.Name.Span,
                    $"Parameter '{syntax.Name.Text}' has the name of the register defined at {register.Span.ToDisplayString()}; expressions read both by name, so rename one of them.");
                continue;
            }

            // A parameter whose default or range did not parse (reported by the parser) is still
            // defined, so the expressions that read it do not report it as unknown.
            ulong min = syntax.Min?.Value ?? 0, max = syntax.Max?.Value ?? ulong.MaxValue, value = syntax.Default?.Value ?? min;
            if (syntax.Default is not null && syntax.Min is not null && syntax.Max is not null && (value < min || value > max))
            {
                Report(Descriptors.ValueOutOfRange, syntax.Default.Span,
                    $"Parameter '{syntax.Name.Text}' defaults to {value}, outside its range {min}..{max}; change the default or the range.");
            }

            var parameter = new BoundParameter(_parameters.Count, syntax.Name.Text, value, min, max, syntax.Name.Span);
            _parameters.Add(parameter);
            _parametersByName[parameter.Name] = parameter;
        }
    }

    private void BindContext()
    {
        ContextSyntax? first = null;
        foreach (var syntax in _files.Select(f => f.Context).Where(c => c is not null).Select(c => c!))
        {
            if (first is not null)
            {
                _diagnostics.Add(Descriptors.DuplicateDefinition.Create(syntax.Span.Slice(0, 1),
                    $"Ruleset '{_name}' already has a 'context' at {first.Span.ToDisplayString()}; a ruleset's context tests are given once.", first.Span));
                continue;
            }

            first = syntax;
            if (syntax.Hypervisor is null)
            {
                _diagnostics.Add(Descriptors.MissingKey.Create(syntax.Span.Slice(0, 1),
                    "'context' has no 'hypervisor' test; add it, e.g. 'hypervisor: \"el == 2 || HCR_EL2.TGE\"'."));
                continue;
            }

            var hypervisor = BindStateExpression(syntax.Hypervisor);
            var hostEl0 = syntax.HostEl0 is null ? null : BindStateExpression(syntax.HostEl0);
            if (hypervisor is not null)
            {
                _context = new BoundContext(hypervisor, hostEl0, syntax.Span);
            }
        }
    }

    private void BindFilters()
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var syntax in All(f => f.Filters))
        {
            if (!Define(seen, syntax.Name, "Filter", NameKind.Filter))
            {
                continue;
            }

            int id = _filters.Count + 1;
            _filterIds[syntax.Name.Text] = id;
            _filters.Add(new BoundFilter(id, syntax.Name.Text, syntax.When is null ? null : BindStateExpression(syntax.When), syntax.Name.Span));
        }
    }

    /// <summary>A context test or filter: it reads registers, fields, parameters and <c>el</c>, but not the access's encoding.</summary>
    private ExpressionLogic? BindStateExpression(ExpressionText text)
    {
        if (text.Tree is null)
        {
            return null; // reported by the parser
        }

        var bound = ExpressionBinder.Bind(text.Tree, Scope(encodingFields: false), _diagnostics);
        return bound is null ? null : new ExpressionLogic(bound, text.Text);
    }
}
