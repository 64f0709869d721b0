using System.Collections.Generic;
using System.Linq;
using System;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Binding;

// Groups: controls, combinations and conditions. Ids are given first, in the kernel's order
// (every control, then every combination, then every condition) so the kind can be read from the
// id range as well as from the tables; then each group is bound.
internal sealed partial class Binder
{
    private void BindGroups()
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var controls = All(f => f.Controls).Where(c => Define(seen, c.Name, "Group", NameKind.Group)).ToList();
        var combinations = All(f => f.Combinations).Where(c => Define(seen, c.Name, "Group", NameKind.Group)).ToList();
        var conditions = All(f => f.Conditions).Where(c => Define(seen, c.Name, "Group", NameKind.Group)).ToList();
        foreach (var name in controls.Select(c => c.Name).Concat(combinations.Select(c => c.Name)).Concat(conditions.Select(c => c.Name)))
        {
            _groupIds.Add(name.Text, _groupIds.Count + 1);
        }

        _groups.AddRange(controls.Select(BindControl));
        _groups.AddRange(combinations.Select(BindCombination));
        _groups.AddRange(conditions.Select(BindCondition));
    }

    private BoundControl BindControl(ControlSyntax syntax)
    {
        int id = _groupIds[syntax.Name.Text];
        var behaviour = BehaviourOf(syntax.Forward, syntax.InHostEl0);
        var register = syntax.Register is null ? null : ResolveRegister(syntax.Register);
        ulong? mask = register is null || syntax.Mask is null ? null : ResolveBits(syntax.Mask, register);
        ulong? value = register is null || syntax.Value is null ? null : ResolveBits(syntax.Value, register);
        if (register is not null && mask is not null && value is not null)
        {
            if (mask.Value == 0)
            {
                Report(Descriptors.EmptyMask, syntax.Mask!.Span,
                    $"Control '{syntax.Name.Text}' has an empty mask, so it would match every value of {register.Name}; name the bits it tests.");
            }
            else if ((value.Value & ~mask.Value) != 0)
            {
                Report(Descriptors.ValueOutsideMask, syntax.Value!.Span,
                    $"Control '{syntax.Name.Text}' has value {Invariant.Hex(value.Value)} with bits {Invariant.Hex(value.Value & ~mask.Value)} outside its mask {Invariant.Hex(mask.Value)}, so it can never match; add those bits to the mask or drop them from the value.");
            }
        }

        return new BoundControl(id, syntax.Name.Text, syntax.Name.Span, register?.Index ?? -1, mask ?? 0, value ?? 0, behaviour);
    }

    private ulong? ResolveBits(BitsSyntax bits, BoundRegister register)
    {
        if (bits.Literal is not null)
        {
            return bits.Literal.Value;
        }

        ulong result = 0;
        bool ok = true;
        foreach (var name in bits.Fields)
        {
            if (register.Fields.TryGetValue(name.Text, out var field))
            {
                result |= BitField.Mask(field.Hi, field.Lo);
            }
            else
            {
                Report(Descriptors.UnknownField, name.Span,
                    $"Register '{register.Name}' has no field '{DiagnosticText.Quote(name.Text)}'.{_suggester.DidYouMean(name.Text, register.Fields.Keys)} Add it under '{register.Name}: fields' or use an integer mask.");
                ok = false;
            }
        }

        return ok ? result : null;
    }

    private BoundCombination BindCombination(CombinationSyntax syntax)
    {
        int id = _groupIds[syntax.Name.Text];
        if (syntax.Members.Count == 0)
        {
            Report(Descriptors.EmptyCombination, syntax.Name.Span,
                $"Combination '{syntax.Name.Text}' has no members, so it can never forward; list the groups it combines.");
        }

        var members = new List<CombinationMember>();
        foreach (var member in syntax.Members)
        {
            if (_groupIds.TryGetValue(member.Text, out int memberId))
            {
                members.Add(new CombinationMember(memberId, member.Span));
                continue;
            }

            Report(Descriptors.MissingMember, member.Span,
                $"Combination '{syntax.Name.Text}' names member '{DiagnosticText.Quote(member.Text)}', which is not a defined group.{Hint(member.Text, _groupIds.Keys, DefinitionKind.Group)} Define it under 'controls' or 'conditions'.");
        }

        return new BoundCombination(id, syntax.Name.Text, syntax.Name.Span, members.ToEquatableArray());
    }

    private BoundCondition BindCondition(ConditionSyntax syntax)
    {
        int id = _groupIds[syntax.Name.Text];
        ConditionLogic? logic = null;
        if (syntax.CSharpMethod is not null)
        {
            logic = new CSharpLogic(syntax.CSharpMethod.Text, syntax.CSharpMethod.Span);
            NotTakenByGeneratedCode(syntax.CSharpMethod, NameKind.CSharpMethod, "C# condition method");
        }
        else if (syntax.When?.Tree is { } tree)
        {
            var expression = ExpressionBinder.Bind(tree, Scope(encodingFields: true), _diagnostics);
            logic = expression is null ? null : new ExpressionLogic(expression, syntax.When.Text);
        }

        return new BoundCondition(id, syntax.Name.Text, syntax.Name.Span, BehaviourOf(syntax.Forward, syntax.InHostEl0), logic);
    }
}
