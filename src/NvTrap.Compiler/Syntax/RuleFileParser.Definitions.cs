using System.Collections.Generic;
using System.Globalization;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Compiler.Syntax;

// Definitions: registers, controls, combinations and conditions.
internal sealed partial class RuleFileParser
{
    private RegisterSyntax? ParseRegister(NameSyntax name, YamlNode node)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return new RegisterSyntax(name, null, EquatableArray<FieldSyntax>.Empty, null, null, node.Span);
        }

        var mapping = ExpectMapping(node, $"a mapping with 'fields' (and optionally 'encoding', 'res0') for register '{name}'");
        if (mapping is null)
        {
            return null;
        }

        var keys = ReadKeys(mapping, RuleFileKeys.Register, $"register '{name}'");
        EncodingSyntax? encoding = keys.TryGetValue("encoding", out var encodingNode) ? ParseEncoding(encodingNode.Value) : null;

        var fields = new List<FieldSyntax>();
        if (keys.TryGetValue("fields", out var fieldsNode) && fieldsNode.Value is not YamlScalar { IsNull: true })
        {
            if (fieldsNode.Value is YamlMapping fieldMap)
            {
                var seen = new Dictionary<string, YamlScalar>();
                foreach (var entry in fieldMap.Entries)
                {
                    if (seen.TryGetValue(entry.Key.Value, out var first))
                    {
                        _diagnostics.Add(Descriptors.DuplicateDefinition.Create(entry.Key.Span,
                            $"Field '{entry.Key.Value}' of register '{name}' is defined twice (first at {first.Span.ToDisplayString()}); remove one.", first.Span));
                        continue;
                    }

                    seen.Add(entry.Key.Value, entry.Key);
                    var fieldName = ParseDefinitionName(entry.Key);
                    var bits = ParseBitOrRange(entry.Value, $"field '{entry.Key.Value}'");
                    if (fieldName is not null && bits is not null)
                    {
                        fields.Add(new FieldSyntax(fieldName, bits.Value.Hi, bits.Value.Lo, entry.Key.Span));
                    }
                }
            }
            else
            {
                WrongType(fieldsNode.Value, $"a mapping of field names to bits under 'fields' of register '{name}'");
            }
        }

        NumberSyntax? res0 = keys.TryGetValue("res0", out var res0Node) ? ParseReservedBits(res0Node.Value, "RES0") : null;
        NumberSyntax? res1 = keys.TryGetValue("res1", out var res1Node) ? ParseReservedBits(res1Node.Value, "RES1") : null;
        return new RegisterSyntax(name, encoding, fields.ToEquatableArray(), res0, res1, mapping.Span);
    }

    private ControlSyntax? ParseControl(NameSyntax name, YamlNode node)
    {
        var mapping = ExpectMapping(node, $"a mapping with 'register', 'mask', 'value' and 'forward' for control '{name}'");
        if (mapping is null)
        {
            return null;
        }

        var keys = ReadKeys(mapping, RuleFileKeys.Control, $"control '{name}'");
        NameSyntax? register = null;
        if (keys.TryGetValue("register", out var registerNode))
        {
            register = ParseNameReference(registerNode.Value, $"the register of control '{name}'");
        }
        else
        {
            Missing(mapping, $"Control '{name}'", "register", "'register: HCR_EL2'");
        }

        BitsSyntax? mask = null;
        if (keys.TryGetValue("mask", out var maskNode))
        {
            mask = ParseBits(maskNode.Value, $"the mask of control '{name}'");
        }
        else
        {
            Missing(mapping, $"Control '{name}'", "mask", "'mask: [TVM]'");
        }

        BitsSyntax? value = null;
        if (keys.TryGetValue("value", out var valueNode))
        {
            value = ParseBits(valueNode.Value, $"the value of control '{name}'");
        }
        else
        {
            Missing(mapping, $"Control '{name}'", "value", "'value: [TVM]' (or 'value: []' to trap when the bits are clear)");
        }

        BehaviourSyntax? forward = ParseForward(keys, mapping, $"Control '{name}'");
        return new ControlSyntax(name, register, mask, value, forward, ParseFlag(keys, "in_host_el0", $"'in_host_el0' of control '{name}'"), mapping.Span);
    }

    private BehaviourSyntax? ParseForward(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> keys, YamlMapping mapping, string owner)
    {
        if (!keys.TryGetValue("forward", out var forwardNode))
        {
            Missing(mapping, owner, "forward", "'forward: read', 'forward: write' or 'forward: any'");
            return null;
        }

        if (forwardNode.Value is YamlScalar scalar && LanguageValues.Behaviour.TryRead(scalar.Value, out var behaviour))
        {
            return behaviour;
        }

        _diagnostics.Add(Descriptors.InvalidBehaviour.Create(forwardNode.Value.Span,
            $"{owner} forwards {forwardNode.Value.Describe()}; a behaviour is 'read', 'write' or 'any'."));
        return null;
    }

    /// <summary>A mask or value: an integer, one field name, or a list of field names.</summary>
    private BitsSyntax? ParseBits(YamlNode node, string what)
    {
        switch (node)
        {
            case YamlScalar { IsPlain: true } scalar when scalar.Value.Length > 0 && char.IsDigit(scalar.Value[0]):
                var number = ParseNumber(scalar, what);
                return number is null ? null : new BitsSyntax(number, EquatableArray<NameSyntax>.Empty, scalar.Span);
            case YamlScalar { IsNull: false } scalar:
                var single = ParseNameReference(scalar, $"a field name in {what}");
                return single is null ? null : new BitsSyntax(null, new[] { single }.ToEquatableArray(), scalar.Span);
            case YamlSequence sequence:
                var names = new List<NameSyntax>();
                foreach (var item in sequence.Items)
                {
                    var field = ParseNameReference(item, $"a field name in {what}");
                    if (field is not null)
                    {
                        names.Add(field);
                    }
                }

                return new BitsSyntax(null, names.ToEquatableArray(), sequence.Span);
            default:
                WrongType(node, $"{what}: a field name, a list of field names, or an integer");
                return null;
        }
    }

    private CombinationSyntax? ParseCombination(NameSyntax name, YamlNode node)
    {
        if (node is not YamlSequence sequence)
        {
            WrongType(node, $"a list of member groups for combination '{name}'");
            return null;
        }

        var members = new List<NameSyntax>();
        foreach (var item in sequence.Items)
        {
            var member = ParseNameReference(item, $"a member group of combination '{name}'");
            if (member is not null)
            {
                members.Add(member);
            }
        }

        return new CombinationSyntax(name, members.ToEquatableArray(), sequence.Span);
    }

    private ConditionSyntax? ParseCondition(NameSyntax name, YamlNode node)
    {
        var mapping = ExpectMapping(node, $"a mapping with 'forward' and 'when' (or 'csharp') for condition '{name}'");
        if (mapping is null)
        {
            return null;
        }

        var keys = ReadKeys(mapping, RuleFileKeys.Condition, $"condition '{name}'");
        var forward = ParseForward(keys, mapping, $"Condition '{name}'");
        bool inHostEl0 = ParseFlag(keys, "in_host_el0", $"'in_host_el0' of condition '{name}'");
        bool hasWhen = keys.TryGetValue("when", out var whenNode);
        bool hasCSharp = keys.TryGetValue("csharp", out var csharpNode);
        if (hasWhen && hasCSharp)
        {
            // Reported once here; the condition stays defined with its C# method, so the traps
            // naming it are not reported too and the user's method keeps its declaration.
            _diagnostics.Add(Descriptors.ConflictingKeys.Create(csharpNode.Key.Span,
                $"Condition '{name}' has both 'when' and 'csharp'; give an expression or a C# method, not both."));
        }

        if (!hasWhen && !hasCSharp)
        {
            Missing(mapping, $"Condition '{name}'", "when", "'when: \"HCR_EL2.E2H && !CNTHCTL_EL2[10]\"' (or 'csharp: MethodName')");
            return new ConditionSyntax(name, forward, inHostEl0, null, null, mapping.Span);
        }

        if (hasCSharp)
        {
            var method = ParseNameReference(csharpNode.Value, $"the C# method of condition '{name}'");
            return new ConditionSyntax(name, forward, inHostEl0, null, method, mapping.Span);
        }

        var when = ParseExpression(whenNode.Value, $"the 'when' expression of condition '{name}'");
        return new ConditionSyntax(name, forward, inHostEl0, when, null, mapping.Span);
    }

    /// <summary>A true/false key; absent means false.</summary>
    private bool ParseFlag(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> keys, string key, string what)
    {
        if (!keys.TryGetValue(key, out var node))
        {
            return false;
        }

        if (node.Value is YamlScalar { IsPlain: true } scalar && scalar.Value is "true" or "false")
        {
            return scalar.Value == "true";
        }

        WrongType(node.Value, $"{what}: true or false");
        return false;
    }

    private ContextSyntax? ParseContext(YamlNode node)
    {
        var mapping = ExpectMapping(node, "a mapping with 'hypervisor' (and optionally 'host_el0') expressions under 'context'");
        if (mapping is null)
        {
            return null;
        }

        var keys = ReadKeys(mapping, RuleFileKeys.Context, "'context'");
        var hypervisor = keys.TryGetValue("hypervisor", out var h) ? ParseExpression(h.Value, "the 'hypervisor' context test") : null;
        var hostEl0 = keys.TryGetValue("host_el0", out var e) ? ParseExpression(e.Value, "the 'host_el0' context test") : null;
        return new ContextSyntax(hypervisor, hostEl0, mapping.Span);
    }

    private ParameterSyntax? ParseParameter(NameSyntax name, YamlNode node)
    {
        var mapping = ExpectMapping(node, $"a mapping with 'default' and 'range' for parameter '{name}', e.g. {{ default: 31, range: 0..31 }}");
        if (mapping is null)
        {
            return null;
        }

        var keys = ReadKeys(mapping, RuleFileKeys.Parameter, $"parameter '{name}'");
        NumberSyntax? @default = null;
        if (keys.TryGetValue("default", out var defaultNode))
        {
            @default = ParseNumber(defaultNode.Value, $"the default of parameter '{name}' (an integer)");
        }
        else
        {
            Missing(mapping, $"Parameter '{name}'", "default", "'default: 31'");
        }

        if (!keys.TryGetValue("range", out var rangeNode))
        {
            Missing(mapping, $"Parameter '{name}'", "range", "'range: 0..31'");
            return new ParameterSyntax(name, @default, null, null, mapping.Span);
        }

        var range = ParseIndexRange(rangeNode.Value, $"parameter '{name}'", ulong.MaxValue);
        return new ParameterSyntax(name, @default, range?.From, range?.To, mapping.Span);
    }

    private FilterSyntax? ParseFilter(NameSyntax name, YamlNode node) =>
        new(name, ParseExpression(node, $"the expression of filter '{name}'"), node.Span);

    private ExpressionText? ParseExpression(YamlNode node, string what)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            WrongType(node, $"{what} (a string)");
            return null;
        }

        var tree = ExpressionParser.Parse(scalar.Value, scalar.Locate, _diagnostics);
        return new ExpressionText(scalar.Value, scalar.Span, tree);
    }

    private static string Format(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);
}
