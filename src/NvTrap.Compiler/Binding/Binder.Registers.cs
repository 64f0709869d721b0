using System.Collections.Generic;
using System;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Binding;

// Registers: numbered in definition order, with their fields and RES0 bits.
internal sealed partial class Binder
{
    private void BindRegisters()
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var syntax in All(f => f.Registers))
        {
            if (!Define(seen, syntax.Name, "Register"))
            {
                continue;
            }

            var fields = new Dictionary<string, (int Hi, int Lo)>(StringComparer.Ordinal);
            foreach (var field in syntax.Fields)
            {
                fields[field.Name.Text] = (field.Hi, field.Lo);
            }

            ushort? encoding = syntax.Encoding is { IsName: false } literal ? Pack(literal) : null;
            var register = new BoundRegister(_registers.Count, syntax.Name.Text, encoding, fields, syntax.Res0?.Value ?? 0, syntax.Name.Span);
            _registers.Add(register);
            _registersByName[register.Name] = register;
        }
    }
}
