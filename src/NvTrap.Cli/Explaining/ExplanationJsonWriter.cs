using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Text;

namespace NvTrap.Cli.Explaining;

/// <summary>
/// <c>explain --json</c>: the same facts as the text output as one JSON object. 64-bit values are
/// hex strings ("0x4000000"), since JSON numbers lose precision past 2^53 in many readers.
/// </summary>
internal static class ExplanationJsonWriter
{
    public static void Write(TextWriter output, ExplainRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            // Terminal and file output, never HTML: keep && and <= readable in conditions.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            WriteObject(json, request);
        }

        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan).ReplaceLineEndings("\n"));
        output.Write('\n');
    }

    private static void WriteObject(Utf8JsonWriter json, ExplainRequest request)
    {
        var esr = request.Esr;
        var explanation = request.Explanation;
        var decision = explanation.Decision;
        json.WriteStartObject();
        json.WriteString("ruleset", request.Ruleset.Name);
        json.WriteString("esr", HexValue.Format(esr.Value));
        json.WriteString("ec", $"0x{esr.ExceptionClass:X2}");
        if (esr.IsSysRegTrap)
        {
            json.WriteString("encoding", esr.Encoding.ToString());
            WriteStringOrNull(json, "name", explanation.SysRegName);
            json.WriteString("access", esr.IsRead ? "read" : "write");
            json.WriteNumber("rt", esr.Rt);
        }
        else
        {
            json.WriteNull("encoding");
            json.WriteNull("name");
            json.WriteNull("access");
            json.WriteNull("rt");
        }

        json.WriteNumber("el", (int)request.State.CurrentEl);
        json.WriteBoolean("nestedVirtualization", request.State.HasNestedVirtualization);
        WriteStringOrNull(json, "vm", request.VmProfilePath);
        json.WriteBoolean("forward", decision.Forward);
        // "decision" predates "outcome" and is kept for existing readers; both are the same word.
        json.WriteString("decision", DecisionText.Outcome(decision.Outcome));
        json.WriteString("outcome", DecisionText.Outcome(decision.Outcome));
        json.WriteString("reason", DecisionText.ReasonCode(decision.Reason));
        json.WriteString("rule", DecisionText.Reason(decision, request.Ruleset.Names));
        json.WriteString("summary", explanation.Summary);

        json.WriteStartObject("registers");
        foreach (var register in request.Registers)
        {
            json.WriteString(register.Key, HexValue.Format(register.Value));
        }

        json.WriteEndObject();

        if (explanation.Context is { } context)
        {
            json.WriteStartObject("context");
            json.WriteString("hypervisorTest", context.HypervisorTest);
            json.WriteBoolean("hypervisorContext", context.IsHypervisorContext);
            WriteStringOrNull(json, "hostEl0Test", context.HostEl0Test);
            json.WriteBoolean("hostEl0", context.IsHostEl0);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("context");
        }

        if (explanation.FineGrained is { } fine)
        {
            json.WriteStartObject("fineGrained");
            json.WriteString("group", fine.Group);
            json.WriteString("bitName", fine.BitName);
            json.WriteNumber("bit", fine.Bit);
            json.WriteString("register", fine.Register);
            json.WriteString("rawValue", HexValue.Format(fine.RawValue));
            json.WriteString("res0", HexValue.Format(fine.Res0));
            json.WriteString("res1", HexValue.Format(fine.Res1));
            json.WriteString("value", HexValue.Format(fine.Value));
            json.WriteString("trapWhen", fine.TrapWhenSet ? "set" : "clear");
            json.WriteBoolean("hidden", fine.Hidden);
            WriteStringOrNull(json, "filter", fine.Filter);
            WriteStringOrNull(json, "filterExpression", fine.FilterText);
            json.WriteBoolean("filteredOut", fine.FilteredOut);
            json.WriteBoolean("forwarded", fine.Forwarded);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("fineGrained");
        }

        if (explanation.Coarse is { } coarse)
        {
            json.WriteStartObject("group");
            json.WriteString("name", coarse.Group);
            json.WriteString("kind", RuleWords.Of(coarse.Kind));
            json.WriteBoolean("forwarded", coarse.Forwarded);
            json.WriteStartArray("members");
            foreach (var member in coarse.Members)
            {
                WriteMember(json, member);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("group");
        }

        json.WriteEndObject();
    }

    private static void WriteMember(Utf8JsonWriter json, MemberStep member)
    {
        json.WriteStartObject();
        json.WriteString("name", member.Name);
        json.WriteString("kind", RuleWords.Of(member.Kind));
        json.WriteString("behaviour", RuleWords.Of(member.Behaviour));
        if (member.Kind == RuleGroupKind.Condition)
        {
            WriteStringOrNull(json, "condition", member.Condition);
            json.WriteStartObject("operands");
            foreach (var operand in member.Operands)
            {
                json.WriteString(operand.Key, HexValue.Format(operand.Value));
            }

            json.WriteEndObject();
        }
        else
        {
            WriteStringOrNull(json, "register", member.Register);
            json.WriteString("value", HexValue.Format(member.RegisterValue));
            json.WriteString("rawValue", HexValue.Format(member.RawValue));
            json.WriteString("mask", HexValue.Format(member.Mask));
            json.WriteString("expected", HexValue.Format(member.Value));
        }

        json.WriteBoolean("matched", member.Matched);
        json.WriteBoolean("coversAccess", member.CoversAccess);
        json.WriteBoolean("forwarded", member.Matched && member.CoversAccess);
        json.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
