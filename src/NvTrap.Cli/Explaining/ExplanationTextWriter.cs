using System.IO;
using System.Linq;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Text;

namespace NvTrap.Cli.Explaining;

/// <summary>
/// <c>explain</c>'s text output: what was accessed and in which state, then the runtime's own
/// rendering of the decision chain (<see cref="TrapExplanation.ToString"/>), then the reason as
/// <c>eval</c> would print it.
/// </summary>
internal static class ExplanationTextWriter
{
    public static void Write(TextWriter output, ExplainRequest request)
    {
        var esr = request.Esr;
        var explanation = request.Explanation;
        Line(output, "ruleset", $"{request.Ruleset.Name} ({request.Ruleset.Origin})");
        if (esr.IsSysRegTrap)
        {
            var encoding = esr.Encoding;
            string target = explanation.SysRegName is { } name ? $"{name} ({encoding})" : encoding.ToString();
            Line(output, "access", $"{DecisionText.Direction(esr)} of {target}, Rt = {DecisionText.Rt(esr.Rt)}; ESR {HexValue.Format(esr.Value)}");
        }
        else
        {
            Line(output, "access", $"ESR {HexValue.Format(esr.Value)} has {ExceptionClasses.Describe(esr.ExceptionClass)}: not a system-register trap");
        }

        Line(output, "vcpu", $"{Level(request.State.CurrentEl)}, nested virtualization {(request.State.HasNestedVirtualization ? "on" : "off")}");
        if (request.VmProfilePath is { } vm)
        {
            Line(output, "vm", $"profile {vm}");
        }

        var set = request.Registers.Where(r => r.Value != 0).Select(r => $"{r.Key} = {HexValue.Format(r.Value)}").ToList();
        Line(output, "registers", set.Count == 0 ? "all 0" : string.Join(", ", set) + (set.Count < request.Registers.Count ? "; every other register 0" : string.Empty));

        // The runtime renders the chain; its lines end with Environment.NewLine, the tool's with \n.
        output.Write(explanation.ToString().ReplaceLineEndings("\n"));
        Line(output, "reason", DecisionText.Reason(explanation.Decision, request.Ruleset.Names));
    }

    private static string Level(ExceptionLevel el) => el switch
    {
        ExceptionLevel.El0 => "virtual EL0",
        ExceptionLevel.El1 => "L2 guest at virtual EL1",
        _ => "virtual EL2 (the guest hypervisor itself)",
    };

    private static void Line(TextWriter output, string key, string value)
    {
        output.Write((key + ":").PadRight(11));
        output.Write(value);
        output.Write('\n');
    }
}
