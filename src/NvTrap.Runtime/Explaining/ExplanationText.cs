using System.Globalization;
using System.Text;

namespace NvTrap;

/// <summary>Renders a <see cref="TrapExplanation"/> as indented lines.</summary>
internal static class ExplanationText
{
    public static string Render(TrapExplanation explanation)
    {
        var text = new StringBuilder();
        text.Append("decision: ").AppendLine(explanation.Decision.Outcome switch
        {
            TrapOutcome.Forward => "forward to L1",
            TrapOutcome.Undefined => "undefined (inject UNDEF)",
            _ => "handle locally",
        });
        text.Append("  ").AppendLine(explanation.Summary);
        if (explanation.Context is { IsHypervisorContext: true } context)
        {
            text.Append("  context: ").Append(context.HypervisorTest).Append(" holds (a hypervisor context)");
            if (context.HostEl0Test is { } hostEl0)
            {
                text.Append("; host EL0: ").Append(hostEl0).Append(context.IsHostEl0 ? " holds -> only behaviours flagged host_el0 forward" : " does not hold -> local");
            }

            text.AppendLine();
        }
        if (explanation.FineGrained is { } fgt)
        {
            text.Append("  fine-grained ").Append(fgt.BitName).Append(" (bit ").Append(fgt.Bit).Append(')');
            if (fgt.Hidden)
            {
                text.AppendLine(": hidden from this VM -> undefined");
            }
            else if (fgt.FilteredOut)
            {
                text.Append(": switched off by filter ").Append(fgt.Filter).Append(" (").Append(fgt.FilterText).AppendLine(" holds) -> not tested");
            }
            else
            {
                text.Append(" in ").Append(fgt.Register).Append(" = ").Append(Hex(fgt.RawValue));
                if (fgt.Res1 == 0)
                {
                    text.Append(", after RES0 ").Append(Hex(fgt.Res0)).Append(" cleared = ").Append(Hex(fgt.Value));
                }
                else
                {
                    text.Append(", sanitised with RES0 ").Append(Hex(fgt.Res0)).Append(" and RES1 ").Append(Hex(fgt.Res1)).Append(" = ").Append(Hex(fgt.Value));
                }

                text.Append(": bit is ").Append(((fgt.Value >> fgt.Bit) & 1) != 0 ? "set" : "clear")
                    .Append(", traps when ").Append(fgt.TrapWhenSet ? "set" : "clear");
                if (!fgt.TrapWhenSet && ((fgt.Res0 >> fgt.Bit) & 1) != 0)
                {
                    text.Append(" (but the bit is RES0 for this VM)");
                }

                if (fgt.Filter is not null)
                {
                    text.Append("; filter ").Append(fgt.Filter).Append(" does not hold");
                }

                text.AppendLine(fgt.Forwarded ? " -> forward" : " -> no");
            }
        }

        if (explanation.Coarse is { } coarse)
        {
            text.Append("  group ").Append(coarse.Group).Append(" (").Append(RuleWords.Of(coarse.Kind)).AppendLine(")");
            foreach (var member in coarse.Members)
            {
                text.Append("    ").Append(member.Name).Append(" [forward ").Append(RuleWords.Of(member.Behaviour)).Append("]: ");
                if (member.Kind == RuleGroupKind.Condition)
                {
                    text.Append(member.Condition);
                    if (member.Operands.Count > 0)
                    {
                        text.Append(" with ");
                        for (int i = 0; i < member.Operands.Count; i++)
                        {
                            text.Append(i == 0 ? string.Empty : ", ").Append(member.Operands[i].Key).Append(" = ").Append(Hex(member.Operands[i].Value));
                        }
                    }

                    text.Append(member.Matched ? " is true" : " is false");
                }
                else
                {
                    text.Append(member.Register).Append(" = ").Append(Hex(member.RegisterValue));
                    if (member.RawValue != member.RegisterValue)
                    {
                        text.Append(" (sanitised from ").Append(Hex(member.RawValue)).Append(')');
                    }

                    text.Append(", & mask ").Append(Hex(member.Mask))
                        .Append(" = ").Append(Hex(member.RegisterValue & member.Mask)).Append(member.Matched ? " == " : " != ").Append("value ").Append(Hex(member.Value));
                }

                text.AppendLine(member.Matched && member.CoversAccess ? " -> forward" : member.Matched ? " -> matches, but not for this access" : " -> no");
            }
        }

        return text.ToString();
    }

    internal static string Hex(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);
}
