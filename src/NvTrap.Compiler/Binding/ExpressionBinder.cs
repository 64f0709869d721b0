using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Binding;

/// <summary>
/// Resolves the names in an expression against an <see cref="ExpressionScope"/>: registers
/// (<c>HCR_EL2</c>, <c>HCR_EL2.E2H</c>, <c>HCR_EL2[34]</c>), parameters, <c>el</c> and, in a
/// condition, the access's encoding fields; in a catalogue family, the family's index variable
/// alone. Reports every name that does not resolve and returns null if there was one.
/// </summary>
internal sealed class ExpressionBinder
{
    private readonly ExpressionScope _scope;
    private readonly List<RuleDiagnostic> _diagnostics;

    private ExpressionBinder(ExpressionScope scope, List<RuleDiagnostic> diagnostics)
    {
        _scope = scope;
        _diagnostics = diagnostics;
    }

    public static BoundExpr? Bind(ExprSyntax syntax, ExpressionScope scope, List<RuleDiagnostic> diagnostics) =>
        new ExpressionBinder(scope, diagnostics).Bind(syntax);

    public static BoundExpr? BindFamilyField(ExprSyntax syntax, string variable, List<RuleDiagnostic> diagnostics) =>
        Bind(syntax, ExpressionScope.Family(variable), diagnostics);

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
            case ChainExpr chain:
                var operands = BindAll(chain.Operands);
                return operands is null ? null : new BoundChain(chain.Operator, operands.Value);
            case ConditionalExpr conditional:
                var condition = Bind(conditional.Condition);
                var whenTrue = Bind(conditional.WhenTrue);
                var whenFalse = Bind(conditional.WhenFalse);
                return condition is null || whenTrue is null || whenFalse is null ? null : new BoundConditional(condition, whenTrue, whenFalse);
            case CallExpr call:
                return BindCall(call);
            default:
                throw new System.InvalidOperationException($"The expression binder has no case for {syntax.GetType().Name}.");
        }
    }

    /// <summary>Binds every item, reporting the problems of each; null if any failed.</summary>
    private EquatableArray<BoundExpr>? BindAll(EquatableArray<ExprSyntax> items)
    {
        var bound = new List<BoundExpr>(items.Count);
        bool ok = true;
        foreach (var item in items)
        {
            var result = Bind(item);
            ok &= result is not null;
            if (result is not null)
            {
                bound.Add(result);
            }
        }

        return ok ? bound.ToEquatableArray() : null;
    }

    private BoundExpr? BindName(NameExpr name)
    {
        if (_scope.Variable is not null)
        {
            if (name.Name == _scope.Variable)
            {
                return new BoundVariable(name.Name);
            }

            ReportFamilyName(name);
            return null;
        }

        foreach (var field in ExpressionNames.EncodingFields)
        {
            if (ExpressionNames.Of(field) == name.Name)
            {
                if (_scope.EncodingFields)
                {
                    return new BoundEncodingField(field);
                }

                Report(Descriptors.ExpressionUnknownName, name.Span,
                    $"'{name.Name}' is a field of the trapped access's encoding, which context tests and filters do not see; only conditions read it.");
                return null;
            }
        }

        if (name.Name == ExpressionScope.ExceptionLevel)
        {
            return new BoundExceptionLevel();
        }

        if (_scope.Registers.TryGetValue(name.Name, out var register))
        {
            return new BoundRegisterValue(register.Index, register.Name);
        }

        if (_scope.Parameters.TryGetValue(name.Name, out var parameter))
        {
            return new BoundParameterValue(parameter.Index, parameter.Name);
        }

        string fields = _scope.EncodingFields ? ", an encoding field (op0, op1, crn, crm, op2)" : string.Empty;
        Report(Descriptors.ExpressionUnknownName, name.Span,
            $"'{DiagnosticText.Quote(name.Name)}' is not a register, a parameter{fields} or 'el'.{_scope.Hint(name.Name, _scope.Names, new[] { DefinitionKind.Register, DefinitionKind.Parameter })} Define the register under 'registers' or the parameter under 'parameters'.");
        return null;
    }

    private BoundRegister? ResolveRegister(NameExpr name)
    {
        if (_scope.Variable is not null)
        {
            ReportFamilyName(name);
            return null;
        }

        if (_scope.Registers.TryGetValue(name.Name, out var register))
        {
            return register;
        }

        Report(Descriptors.ExpressionUnknownName, name.Span,
            $"'{DiagnosticText.Quote(name.Name)}' is not a register.{_scope.Hint(name.Name, _scope.Registers.Keys, new[] { DefinitionKind.Register })} Define it under 'registers'.");
        return null;
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
                $"Register '{register.Name}' has no field '{DiagnosticText.Quote(field.Field.Text)}'.{Suggestions.DidYouMean(field.Field.Text, register.Fields.Keys)} Add it under the register's 'fields' or use a bit number: {register.Name}[n].");
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
        BuiltinFunction? function = null;
        foreach (var candidate in ExpressionNames.Functions)
        {
            if (ExpressionNames.Of(candidate) == call.Function.Text)
            {
                function = candidate;
            }
        }

        if (function is null)
        {
            Report(Descriptors.ExpressionArity, call.Function.Span,
                $"'{DiagnosticText.Quote(call.Function.Text)}' is not a function.{Suggestions.DidYouMean(call.Function.Text, ExpressionNames.Functions.Select(ExpressionNames.Of))} Functions: popcount(x), min(a, b), max(a, b).");
            return null;
        }

        int arity = ExpressionNames.Arity(function.Value);
        if (call.Arguments.Count != arity)
        {
            Report(Descriptors.ExpressionArity, call.Function.Span,
                $"'{call.Function.Text}' takes {arity} argument{(arity == 1 ? string.Empty : "s")} but is given {call.Arguments.Count}.");
            return null;
        }

        var arguments = BindAll(call.Arguments);
        return arguments is null ? null : new BoundCall(function.Value, arguments.Value);
    }

    private void ReportFamilyName(NameExpr name) =>
        Report(Descriptors.ExpressionUnknownName, name.Span, $"'{name.Name}' is not known here; a family's encoding fields may use only its index '{_scope.Variable}' and integers.");

    private void Report(RuleDiagnosticDescriptor descriptor, SourceSpan span, string message) =>
        _diagnostics.Add(descriptor.Create(span, message));
}
