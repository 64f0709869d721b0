using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Profiles;

/// <summary>
/// Reads a VM profile file against a ruleset's <see cref="VmProfileSchema"/>:
/// <code>
/// fgu:                 # fine-grained group -> bits whose accesses are UNDEFINED for this VM
///   HFGRTR: 0xfff7ff00c0f801f0
/// registers:           # register -> this VM's reserved bits (replace the ruleset's defaults)
///   HCR_EL2: { res0: 0xfffffffc20008000, res1: 0x0000000080000000 }
/// parameters:          # named numbers the rules read
///   nr_pmu_counters: 0
/// </code>
/// Masks are integers (hex with 0x, or decimal) or lists of bits and [hi, lo] ranges, as in rule
/// files. Every problem is a located diagnostic; names are matched exactly.
/// </summary>
internal sealed class VmProfileReader : YamlShapeParser
{
    private readonly VmProfileSchema _schema;

    private VmProfileReader(string path, VmProfileSchema schema, List<RuleDiagnostic> diagnostics)
        : base(path, diagnostics) => _schema = schema;

    /// <summary>The settings, or null when the file has any error (then reported in <paramref name="diagnostics"/>).</summary>
    public static VmProfileSettings? Read(string path, string text, VmProfileSchema schema, List<RuleDiagnostic> diagnostics)
    {
        int before = diagnostics.Count;
        var root = YamlFrontEnd.Parse(path, text, YamlLimits.Default, diagnostics);
        if (root is null || root is YamlScalar { IsNull: true })
        {
            if (diagnostics.Count == before)
            {
                diagnostics.Add(Descriptors.MissingKey.Create(root?.Span ?? SourceSpan.FileStart(path),
                    "VM profile is empty; give at least one of 'fgu', 'registers' or 'parameters' (or '{}' for the ruleset's defaults)."));
            }

            return null;
        }

        var settings = new VmProfileReader(path, schema, diagnostics).ReadProfile(root);
        return diagnostics.Skip(before).Any(d => d.IsError) ? null : settings;
    }

    private VmProfileSettings? ReadProfile(YamlNode root)
    {
        if (root is not YamlMapping mapping)
        {
            WrongType(root, "a mapping with 'fgu', 'registers' and 'parameters'");
            return null;
        }

        var keys = ReadKeys(mapping, VmProfileKeys.File, "a VM profile");
        var hidden = new List<HiddenBitsSetting>();
        var reserved = new List<ReservedBitsSetting>();
        var parameters = new List<ParameterSetting>();

        foreach (var (name, value) in Entries(keys, "fgu", "fine-grained group names to the bits the VM hides"))
        {
            int index = Find(name, "fine-grained group", _schema.FineGrainedGroups);
            var bits = ParseReservedBits(value, "hidden-bits");
            if (index >= 0 && bits is not null)
            {
                hidden.Add(new HiddenBitsSetting(index + 1, bits.Value));
            }
        }

        foreach (var (name, value) in Entries(keys, "registers", "register names to their reserved bits"))
        {
            int index = Find(name, "register", _schema.Registers, known => known.Where((_, i) => _schema.IsSanitised(i)).ToList(), "registers that take reserved bits");
            var setting = ReadReservedBits(name, value);
            if (index < 0 || setting is null)
            {
                continue;
            }

            if (!_schema.IsSanitised(index))
            {
                var sanitised = _schema.Registers.Where((_, i) => _schema.IsSanitised(i)).ToList();
                _diagnostics.Add(Descriptors.RegisterNotSanitised.Create(name.Span,
                    $"Register '{name.Value}' has no reserved bits in ruleset '{_schema.RulesetName}' (it declares no 'res0' or 'res1'): the rules read its value unmasked, so a VM profile cannot give it reserved bits. "
                    + (sanitised.Count == 0 ? "The ruleset sanitises no register; remove this entry." : $"Remove this entry; the registers that take reserved bits are {string.Join(", ", sanitised)}.")));
                continue;
            }

            reserved.Add(setting with { Register = index });
        }

        foreach (var (name, value) in Entries(keys, "parameters", "parameter names to values"))
        {
            int index = Find(name, "parameter", _schema.Parameters.Select(p => p.Name).ToList());
            var number = ParseNumber(value, $"a number for parameter '{name.Value}'");
            if (index < 0 || number is null)
            {
                continue;
            }

            var parameter = _schema.Parameters[index];
            if (number.Value < parameter.Min || number.Value > parameter.Max)
            {
                _diagnostics.Add(Descriptors.ValueOutOfRange.Create(number.Span,
                    Invariant.Format($"Parameter '{parameter.Name}' is {number.Value}, outside its range {parameter.Min}..{parameter.Max} in ruleset '{_schema.RulesetName}'; give a value in the range.")));
                continue;
            }

            parameters.Add(new ParameterSetting(index, number.Value));
        }

        return new VmProfileSettings(hidden, reserved, parameters);
    }

    /// <summary>The entries of a section that maps names to values; a repeated name is reported once and skipped.</summary>
    private IEnumerable<(YamlScalar Name, YamlNode Value)> Entries(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> keys, string section, string what)
    {
        if (!keys.TryGetValue(section, out var entry) || entry.Value is YamlScalar { IsNull: true })
        {
            yield break;
        }

        if (entry.Value is not YamlMapping mapping)
        {
            WrongType(entry.Value, $"a mapping of {what} under '{section}'");
            yield break;
        }

        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        foreach (var item in mapping.Entries)
        {
            if (seen.TryGetValue(item.Key.Value, out var first))
            {
                _diagnostics.Add(Descriptors.DuplicateDefinition.Create(item.Key.Span,
                    $"'{item.Key.Value}' is given twice under '{section}' (first at {first.Span.ToDisplayString()}); keep one.", first.Span));
                continue;
            }

            seen.Add(item.Key.Value, item.Key);
            yield return (item.Key, item.Value);
        }
    }

    private ReservedBitsSetting? ReadReservedBits(YamlScalar name, YamlNode node)
    {
        var mapping = ExpectMapping(node, $"a mapping with 'res0' and/or 'res1' for register '{name.Value}'");
        if (mapping is null)
        {
            return null;
        }

        var keys = ReadKeys(mapping, VmProfileKeys.ReservedBits, $"the reserved bits of register '{name.Value}'");
        if (keys.Count == 0)
        {
            _diagnostics.Add(Descriptors.MissingKey.Create(mapping.Span.Slice(0, 1),
                $"Register '{name.Value}' is given no reserved bits; give 'res0', 'res1' or both, e.g. '{{ res0: 0xffff000000000000 }}', or remove the entry."));
            return null;
        }

        bool hasRes0 = keys.TryGetValue("res0", out var res0Node), hasRes1 = keys.TryGetValue("res1", out var res1Node);
        var res0 = hasRes0 ? ParseReservedBits(res0Node.Value, "RES0") : null;
        var res1 = hasRes1 ? ParseReservedBits(res1Node.Value, "RES1") : null;
        if ((hasRes0 && res0 is null) || (hasRes1 && res1 is null))
        {
            return null; // reported
        }

        if (res0 is not null && res1 is not null && (res0.Value & res1.Value) != 0)
        {
            _diagnostics.Add(Descriptors.ReservedBitsOverlap.Create(res1.Span,
                Messages.ReservedBitsOverlap(name.Value, res0.Value & res1.Value)));
            return null;
        }

        return new ReservedBitsSetting(-1, res0?.Value, res1?.Value);
    }

    /// <summary>
    /// The index of a name the ruleset defines, or -1 after reporting NVT100 with the names that
    /// would have been accepted (<paramref name="usable"/> narrows them, e.g. to the registers
    /// that take reserved bits, named <paramref name="usableKind"/>).
    /// </summary>
    private int Find(YamlScalar name, string kind, IReadOnlyList<string> known, Func<IReadOnlyList<string>, IReadOnlyList<string>>? usable = null, string? usableKind = null)
    {
        for (int i = 0; i < known.Count; i++)
        {
            if (string.Equals(known[i], name.Value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        var candidates = usable is null ? known : usable(known);
        string plural = usableKind ?? kind + "s";
        string defined = candidates.Count == 0 ? $"It has no {plural}" : $"Its {plural} are {string.Join(", ", candidates)}";
        _diagnostics.Add(Descriptors.VmProfileUnknownName.Create(name.Span,
            $"Ruleset '{_schema.RulesetName}' has no {kind} '{name.Value}'.{Suggestions.DidYouMean(name.Value, candidates)} {defined}."));
        return -1;
    }
}
