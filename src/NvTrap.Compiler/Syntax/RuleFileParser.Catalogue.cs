using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Compiler.Syntax;

// The system-register catalogue: names, aliases and indexed families.
internal sealed partial class RuleFileParser
{
    private EquatableArray<SysRegSyntax> ParseSysRegs(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> keys) =>
        ParseNamedMap(keys, "sysregs", ParseSysReg);

    private SysRegSyntax? ParseSysReg(NameSyntax name, YamlNode node)
    {
        var family = FamilyNamePattern.Match(name.Text);
        if (!family.Success)
        {
            if (!IdentifierPattern.IsMatch(name.Text))
            {
                _diagnostics.Add(Descriptors.InvalidName.Create(name.Span,
                    $"'{DiagnosticText.Quote(name.Text)}' is not a valid system-register name; use letters, digits and '_' (and one '<n>' placeholder for a family)."));
                return null;
            }

            var encoding = ParseEncoding(node);
            return encoding is null ? null : new SysRegSyntax(name, encoding, null, node.Span);
        }

        string variable = family.Groups[2].Value;
        var mapping = ExpectMapping(node, $"a family definition {{ {variable}: 0..15, encoding: [op0, op1, CRn, CRm, op2] }} for '{name}'");
        if (mapping is null)
        {
            return null;
        }

        // The family's own variable is the placeholder key, named by the family; it comes first.
        var keys = ReadKeys(mapping, new[] { variable }.Concat(RuleFileKeys.Family.Names).ToArray(), $"family '{name}'");
        if (!keys.TryGetValue(variable, out var rangeNode))
        {
            Missing(mapping, $"Family '{name}'", variable, $"'{variable}: 0..15'");
            return null;
        }

        if (!keys.TryGetValue("encoding", out var encodingNode))
        {
            Missing(mapping, $"Family '{name}'", "encoding", $"'encoding: [2, 0, 0, {variable}, 4]'");
            return null;
        }

        var indexRange = ParseIndexRange(rangeNode.Value, $"family '{name.Text}'", FamilyIndexLimit);
        if (indexRange is null)
        {
            return null;
        }

        if (encodingNode.Value is not YamlSequence fieldsNode || fieldsNode.Items.Count != 5)
        {
            _diagnostics.Add(Descriptors.MalformedEncoding.Create(encodingNode.Value.Span,
                $"A family's encoding is a list of five fields [op0, op1, CRn, CRm, op2], each an integer or an expression of '{variable}'."));
            return null;
        }

        var fields = new List<ExpressionText>();
        foreach (var item in fieldsNode.Items)
        {
            var expression = ParseExpression(item, $"an encoding field of family '{name}'");
            if (expression?.Tree is null)
            {
                return null;
            }

            fields.Add(expression);
        }

        var familySyntax = new FamilySyntax(family.Groups[1].Value, variable, family.Groups[3].Value, indexRange.Value.From, indexRange.Value.To, fields.ToEquatableArray(), mapping.Span);
        return new SysRegSyntax(name, null, familySyntax, mapping.Span);
    }

    /// <summary>The largest index a family may have (documented with NVT025).</summary>
    private const ulong FamilyIndexLimit = 1023;

    /// <summary>An inclusive range written <c>first..last</c>, first &lt;= last &lt;= <paramref name="limit"/>.</summary>
    private (NumberSyntax From, NumberSyntax To)? ParseIndexRange(YamlNode node, string owner, ulong limit)
    {
        if (node is YamlScalar { IsPlain: true } scalar)
        {
            int dots = scalar.Value.IndexOf("..", System.StringComparison.Ordinal);
            if (dots > 0 && (IntegerLiteral.Parse(scalar.Value.Substring(0, dots).Trim(), out _) == IntegerParse.TooLarge || IntegerLiteral.Parse(scalar.Value.Substring(dots + 2).Trim(), out _) == IntegerParse.TooLarge))
            {
                TooLarge(scalar);
                return null;
            }

            if (dots > 0
                && IntegerLiteral.TryParse(scalar.Value.Substring(0, dots).Trim(), out ulong from)
                && IntegerLiteral.TryParse(scalar.Value.Substring(dots + 2).Trim(), out ulong to))
            {
                if (from > to || to > limit)
                {
                    _diagnostics.Add(Descriptors.FamilyRange.Create(scalar.Span,
                        $"{Capitalize(owner)} has range {from}..{to}; write first..last with first <= last{(limit == ulong.MaxValue ? string.Empty : $" <= {limit}")}."));
                    return null;
                }

                return (new NumberSyntax(from, scalar.Span), new NumberSyntax(to, scalar.Span));
            }
        }

        WrongType(node, $"a range 'first..last' for {owner}, e.g. 0..15");
        return null;
    }
}
