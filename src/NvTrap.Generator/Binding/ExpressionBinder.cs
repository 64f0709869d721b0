using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Binding;

/// <summary>
/// Resolves the names in an expression. In a condition, names are registers (<c>HCR_EL2</c>,
/// <c>HCR_EL2.E2H</c>, <c>HCR_EL2[34]</c>) and the access's encoding fields; in a catalogue
/// family, the only name is the family's index variable.
/// </summary>
internal sealed class ExpressionBinder
{
    /// <summary>Built-in functions and their argument counts.</summary>
    internal static readonly IReadOnlyDictionary<string, int> Functions = new Dictionary<string, int>
    {
        ["popcount"] = 1,
        ["min"] = 2,
        ["max"] = 2,
    };

    internal static readonly string[] EncodingFieldNames = { "op0", "op1", "crn", "crm", "op2" };

    private readonly BoundRuleset? _ruleset;
    private readonly string? _variable;
    private readonly List<RuleDiagnostic> _diagnostics;

    private ExpressionBinder(BoundRuleset? ruleset, string? variable, List<RuleDiagnostic> diagnostics)
    {
        _ruleset = ruleset;
        _variable = variable;
        _diagnostics = diagnostics;
    }

    public static BoundExpr? BindCondition(ExprSyntax syntax, BoundRuleset ruleset, List<RuleDiagnostic> diagnostics) =>
        new ExpressionBinder(ruleset, null, diagnostics).Bind(syntax);

    public static BoundExpr? BindFamilyField(ExprSyntax syntax, string variable, List<RuleDiagnostic> diagnostics) =>
        new ExpressionBinder(null, variable, diagnostics).Bind(syntax);

    private BoundExpr? Bind(ExprSyntax syntax)
    {
        switch (syntax)
        {
            case LiteralExpr literal:
                return new BoundConstant(literal.Value);
            case NameExpr name:
                return BindName(name);
            case FieldExpr field:
                return BindField(field);
            case BitsExpr bits:
                return BindBits(bits);
            case UnaryExpr unary:
                var operand = Bind(unary.Operand);
                return operand is null ? null : new BoundUnary(unary.Operator, operand);
            case BinaryExpr binary:
                var left = Bind(binary.Left);
                var right = Bind(binary.Right);
                return left is null || right is null ? null : new BoundBinary(binary.Operator, left, right);
            case ConditionalExpr conditional:
                var condition = Bind(conditional.Condition);
                var whenTrue = Bind(conditional.WhenTrue);
                var whenFalse = Bind(conditional.WhenFalse);
                return condition is null || whenTrue is null || whenFalse is null ? null : new BoundConditional(condition, whenTrue, whenFalse);
            case CallExpr call:
                return BindCall(call);
            default:
                return null;
        }
    }

    private BoundExpr? BindName(NameExpr name)
    {
        if (_variable is not null)
        {
            if (name.Name == _variable)
            {
                return new BoundVariable(name.Name);
            }

            Report(Descriptors.ExpressionUnknownName, name.Span, $"'{name.Name}' is not known here; a family's encoding fields may use only its index '{_variable}' and integers.");
            return null;
        }

        int field = System.Array.IndexOf(EncodingFieldNames, name.Name);
        if (field >= 0)
        {
            return new BoundEncodingField(field);
        }

        var register = _ruleset!.FindRegister(name.Name);
        if (register is not null)
        {
            return new BoundRegisterValue(register.Index, register.Name);
        }

        var candidates = _ruleset.Registers.Select(r => r.Name).Concat(EncodingFieldNames);
        Report(Descriptors.ExpressionUnknownName, name.Span,
            $"'{name.Name}' is not a register or an encoding field (op0, op1, crn, crm, op2).{Suggestions.DidYouMean(name.Name, candidates)} Define the register under 'registers'.");
        return null;
    }

    private BoundRegister? ResolveRegister(NameExpr name)
    {
        if (_variable is not null)
        {
            Report(Descriptors.ExpressionUnknownName, name.Span, $"'{name.Name}' is not known here; a family's encoding fields may use only its index '{_variable}' and integers.");
            return null;
        }

        var register = _ruleset!.FindRegister(name.Name);
        if (register is null)
        {
            Report(Descriptors.ExpressionUnknownName, name.Span,
                $"'{name.Name}' is not a register.{Suggestions.DidYouMean(name.Name, _ruleset.Registers.Select(r => r.Name))} Define it under 'registers'.");
        }

        return register;
    }

    private BoundExpr? BindField(FieldExpr field)
    {
        var register = ResolveRegister(field.Register);
        if (register is null)
        {
            return null;
        }

        if (!register.Fields.TryGetValue(field.Field.Text, out var bits))
        {
            Report(Descriptors.ExpressionUnknownName, field.Field.Span,
                $"Register '{register.Name}' has no field '{field.Field.Text}'.{Suggestions.DidYouMean(field.Field.Text, register.Fields.Keys)} Add it under the register's 'fields' or use a bit number: {register.Name}[n].");
            return null;
        }

        return new BoundBits(register.Index, register.Name, bits.Hi, bits.Lo, $"{register.Name}.{field.Field.Text}");
    }

    private BoundExpr? BindBits(BitsExpr bits)
    {
        var register = ResolveRegister(bits.Register);
        if (register is null)
        {
            return null;
        }

        if (bits.Hi.Value > 63)
        {
            Report(Descriptors.ExpressionBitIndex, bits.Hi.Span, $"Bit {bits.Hi.Value} of '{register.Name}' does not exist; registers have bits 0..63.");
            return null;
        }

        if (bits.Lo is not null && bits.Lo.Value > 63)
        {
            Report(Descriptors.ExpressionBitIndex, bits.Lo.Span, $"Bit {bits.Lo.Value} of '{register.Name}' does not exist; registers have bits 0..63.");
            return null;
        }

        int hi = (int)bits.Hi.Value;
        int lo = bits.Lo is null ? hi : (int)bits.Lo.Value;
        if (hi < lo)
        {
            Report(Descriptors.ExpressionBitIndex, bits.Hi.Span, $"Bit range [{hi}:{lo}] of '{register.Name}' is reversed; write [hi:lo] with hi >= lo.");
            return null;
        }

        string text = bits.Lo is null ? $"{register.Name}[{hi}]" : $"{register.Name}[{hi}:{lo}]";
        return new BoundBits(register.Index, register.Name, hi, lo, text);
    }

    private BoundExpr? BindCall(CallExpr call)
    {
        if (!Functions.TryGetValue(call.Function.Text, out int arity))
        {
            Report(Descriptors.ExpressionArity, call.Function.Span,
                $"'{call.Function.Text}' is not a function.{Suggestions.DidYouMean(call.Function.Text, Functions.Keys)} Functions: popcount(x), min(a, b), max(a, b).");
            return null;
        }

        if (call.Arguments.Count != arity)
        {
            Report(Descriptors.ExpressionArity, call.Function.Span,
                $"'{call.Function.Text}' takes {arity} argument{(arity == 1 ? string.Empty : "s")} but is given {call.Arguments.Count}.");
            return null;
        }

        var arguments = new List<BoundExpr>();
        foreach (var argument in call.Arguments)
        {
            var bound = Bind(argument);
            if (bound is null)
            {
                return null;
            }

            arguments.Add(bound);
        }

        return new BoundCall(call.Function.Text, arguments.ToEquatableArray());
    }

    private void Report(RuleDiagnosticDescriptor descriptor, SourceSpan span, string message) =>
        _diagnostics.Add(descriptor.Create(span, message));
}
