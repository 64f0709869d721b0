using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Syntax;
using NvTrap.Kernel.Diagnostics;

namespace NvTrap.Kernel.Overlay;

/// <summary>
/// Reads an overlay file (docs/import.md), reporting each problem at its line as NVTK050. The
/// YAML is read by the rule compiler's front end, so an overlay has the same limits as a rule
/// file (nesting depth, node count, no anchors or aliases) and cannot overflow the stack.
/// </summary>
internal static class OverlayReader
{
    private static readonly string[] TopKeys = { "ruleset", "defines", "context", "parameters", "conditions", "filters", "registers", "fine_grained", "families", "sysregs" };

    public static KernelOverlay Read(string path, string text, DiagnosticBag diagnostics)
    {
        var overlay = new KernelOverlay { Path = path };
        var yamlDiagnostics = new List<RuleDiagnostic>();
        var document = YamlFrontEnd.Parse(path, text, YamlLimits.Default, yamlDiagnostics);
        foreach (var problem in yamlDiagnostics)
        {
            diagnostics.Error(KernelDiagnosticId.OverlaySyntax, new SourceLocation(path, problem.Span.StartLine, problem.Span.StartColumn), problem.Message);
        }

        if (yamlDiagnostics.Count > 0)
        {
            return overlay;
        }

        if (document is not YamlMapping root)
        {
            diagnostics.Error(KernelDiagnosticId.OverlaySyntax, new SourceLocation(path, 1, 1), "An overlay is a YAML mapping (see docs/import.md).");
            return overlay;
        }

        SourceLocation At(YamlNode node) => new(path, node.Span.StartLine, node.Span.StartColumn);
        void Bad(YamlNode node, string message) => diagnostics.Error(KernelDiagnosticId.OverlaySyntax, At(node), message);

        string? Scalar(YamlNode node, string what)
        {
            if (node is YamlScalar scalar)
            {
                return scalar.Value;
            }

            Bad(node, $"{what} must be a single value.");
            return null;
        }

        IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlNode node, string what)
        {
            if (node is not YamlMapping mapping)
            {
                Bad(node, $"{what} must be a mapping.");
                yield break;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in mapping.Entries)
            {
                if (!seen.Add(entry.Key.Value))
                {
                    Bad(entry.Key, $"Duplicate key '{entry.Key.Value}' in {what}; each key may appear once.");
                    continue;
                }

                yield return (entry.Key.Value, entry.Key, entry.Value);
            }
        }

        void CheckKeys(YamlNode node, string what, params string[] allowed)
        {
            foreach (var (key, keyNode, _) in Entries(node, what))
            {
                if (!allowed.Contains(key))
                {
                    Bad(keyNode, $"Unknown key '{key}' in {what}. Allowed keys: {string.Join(", ", allowed)}.");
                }
            }
        }

        YamlNode? Child(YamlNode node, string key) =>
            node is YamlMapping m ? m.Entries.FirstOrDefault(e => e.Key.Value == key).Value : null;

        foreach (var (key, keyNode, value) in Entries(root, "The overlay"))
        {
            switch (key)
            {
                case "ruleset":
                    overlay.Ruleset = Scalar(value, "ruleset");
                    break;
                case "defines":
                    foreach (var (name, nameNode, v) in Entries(value, "defines"))
                    {
                        if (Scalar(v, $"defines.{name}") is { } s)
                        {
                            overlay.Defines[name] = new Located<string>(s, At(nameNode));
                        }
                    }

                    break;
                case "context":
                case "filters":
                    foreach (var (name, nameNode, v) in Entries(value, key))
                    {
                        if (Scalar(v, $"{key}.{name}") is { } s)
                        {
                            (key == "context" ? overlay.Context : overlay.Filters)[name] = new Located<string>(s, At(nameNode));
                        }
                    }

                    break;
                case "parameters":
                    foreach (var (name, nameNode, v) in Entries(value, "parameters"))
                    {
                        CheckKeys(v, $"parameter {name}", "default", "range");
                        var parts = Entries(v, $"parameter {name}").Select(e => $"{e.Key}: {(e.Value as YamlScalar)?.Value}");
                        overlay.Parameters[name] = new Located<string>("{ " + string.Join(", ", parts) + " }", At(nameNode));
                    }

                    break;
                case "conditions":
                    foreach (var (function, functionNode, v) in Entries(value, "conditions"))
                    {
                        CheckKeys(v, $"condition {function}", "forward", "when", "in_host_el0", "register");
                        string? forward = Child(v, "forward") is { } f ? Scalar(f, "forward") : null;
                        string? when = Child(v, "when") is { } w ? Scalar(w, "when") : null;
                        if (forward is not ("read" or "write" or "any"))
                        {
                            Bad(functionNode, $"Condition {function} needs forward: read, write or any.");
                            continue;
                        }

                        if (when is null)
                        {
                            Bad(functionNode, $"Condition {function} needs when: an NvTrap expression (docs/rules.md).");
                            continue;
                        }

                        bool hostEl0 = Child(v, "in_host_el0") is { } h && Scalar(h, "in_host_el0") == "true";
                        string? register = Child(v, "register") is { } r ? Scalar(r, "register") : null;
                        overlay.Conditions[function] = new OverlayCondition(function, forward, when, hostEl0, register, At(functionNode));
                    }

                    break;
                case "registers":
                    foreach (var (name, nameNode, v) in Entries(value, "registers"))
                    {
                        CheckKeys(v, $"register {name}", "fields", "res0", "res1");
                        var fields = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
                        if (Child(v, "fields") is { } fieldsNode)
                        {
                            foreach (var (field, fieldNode, bits) in Entries(fieldsNode, $"{name}.fields"))
                            {
                                if (bits is YamlScalar single && int.TryParse(single.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int bit) && bit <= 63)
                                {
                                    fields[field] = (bit, bit);
                                }
                                else if (bits is YamlSequence { Items.Count: 2 } pair
                                    && int.TryParse((pair.Items[0] as YamlScalar)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int hi)
                                    && int.TryParse((pair.Items[1] as YamlScalar)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int lo)
                                    && hi <= 63 && lo <= hi)
                                {
                                    fields[field] = (hi, lo);
                                }
                                else
                                {
                                    Bad(fieldNode, $"Field {name}.{field} must be a bit (0..63) or [hi, lo].");
                                }
                            }
                        }

                        string? res0 = Child(v, "res0") is { } r0 ? Scalar(r0, "res0") : null;
                        string? res1 = Child(v, "res1") is { } r1 ? Scalar(r1, "res1") : null;
                        overlay.Registers[name] = new OverlayRegister(name, fields, res0, res1, At(nameNode));
                    }

                    break;
                case "fine_grained":
                    foreach (var (name, nameNode, v) in Entries(value, "fine_grained"))
                    {
                        CheckKeys(v, $"fine-grained group {name}", "read", "write", "both");
                        string? both = Child(v, "both") is { } b ? Scalar(b, "both") : null;
                        string? read = Child(v, "read") is { } rd ? Scalar(rd, "read") : both;
                        string? write = Child(v, "write") is { } wr ? Scalar(wr, "write") : both;
                        if (read is null || write is null)
                        {
                            Bad(nameNode, $"Fine-grained group {name} needs read and write, or both.");
                            continue;
                        }

                        overlay.FineGrained[name] = new OverlayFineGrainedGroup(name, read, write, At(nameNode));
                    }

                    break;
                case "families":
                    foreach (var (name, nameNode, v) in Entries(value, "families"))
                    {
                        string[] bounds = (Scalar(v, $"families.{name}") ?? string.Empty).Split(new[] { ".." }, StringSplitOptions.None);
                        if (!name.Contains("<n>"))
                        {
                            Bad(nameNode, $"Family {name} must hold the placeholder <n> where the index goes, as the import names families (DBGWCR<n>_EL1).");
                        }
                        else if (bounds.Length == 2
                            && int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out int low)
                            && int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out int high)
                            && low <= high && high <= 1023)
                        {
                            overlay.Families[name] = new Located<(int, int)>((low, high), At(nameNode));
                        }
                        else
                        {
                            Bad(v, $"Family {name} takes an index range LOW..HIGH (0..15), with LOW <= HIGH <= 1023.");
                        }
                    }

                    break;
                case "sysregs":
                    if (value is not YamlSequence names)
                    {
                        Bad(value, "sysregs must be a list of names ([SPSR_EL2, ELR_EL2]).");
                        break;
                    }

                    foreach (var item in names.Items)
                    {
                        if (Scalar(item, "A sysregs name") is { } name)
                        {
                            overlay.SysRegs.Add(new Located<string>(name, At(item)));
                        }
                    }

                    break;
                default:
                    Bad(keyNode, $"Unknown key '{key}'. Allowed keys: {string.Join(", ", TopKeys)}.");
                    break;
            }
        }

        return overlay;
    }
}
