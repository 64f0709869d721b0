using System.Collections.Generic;
using System;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Binding;

// Registers: numbered in definition order, with their fields and default reserved bits.
internal sealed partial class Binder
{
    private void BindRegisters()
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var syntax in All(f => f.Registers))
        {
            if (!Define(seen, syntax.Name, "Register", NameKind.Register) || !NotReservedInExpressions(syntax.Name, "register"))
            {
                continue;
            }

            var fields = new Dictionary<string, (int Hi, int Lo)>(StringComparer.Ordinal);
            foreach (var field in syntax.Fields)
            {
                fields[field.Name.Text] = (field.Hi, field.Lo);
            }

            ulong res0 = syntax.Res0?.Value ?? 0;
            ulong res1 = syntax.Res1?.Value ?? 0;
            if ((res0 & res1) != 0)
            {
                Report(Descriptors.ReservedBitsOverlap, syntax.Res1!.Span,
                    Messages.ReservedBitsOverlap(syntax.Name.Text, res0 & res1));
            }

            ushort? encoding = syntax.Encoding is { IsName: false } literal ? Pack(literal) : null;
            bool sanitised = syntax.Res0 is not null || syntax.Res1 is not null;
            var register = new BoundRegister(_registers.Count, syntax.Name.Text, encoding, fields, res0, res1, sanitised, syntax.Name.Span);
            _registers.Add(register);
            _registersByName[register.Name] = register;
        }
    }

    /// <summary>
    /// Registers and parameters are read by name in expressions, where <c>el</c>, the encoding
    /// fields and <c>true</c>/<c>false</c> already have a meaning: such a name could never be read.
    /// </summary>
    private bool NotReservedInExpressions(NameSyntax name, string kind)
    {
        if (!ExpressionScope.IsReserved(name.Text))
        {
            return true;
        }

        Report(Descriptors.InvalidName, name.Span,
            $"'{name.Text}' cannot name a {kind}: expressions use it for {ExpressionScope.Meaning(name.Text)}. Choose another name.");
        return false;
    }
}
