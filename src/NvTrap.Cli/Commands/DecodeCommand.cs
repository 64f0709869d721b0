using System.CommandLine;
using System.Globalization;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Rulesets;
using NvTrap.Cli.Text;

namespace NvTrap.Cli.Commands;

/// <summary><c>nvtrap decode ESR</c>: the fields of an EC 0x18 syndrome, its encoding and register name.</summary>
internal static class DecodeCommand
{
    public static readonly CommandHelp Help = new(
        Notes:
        [
            "Prints one 'key: value' line each for esr, ec, il, iss, op0, op1, crn, crm, op2, rt, direction,",
            "encoding (S<op0>_<op1>_C<n>_C<m>_<op2>) and name (from the ruleset's catalogue, - if it has none).",
            $"An ESR whose EC is not 0x18 is refused with exit code {ExitCodes.Usage}, as explain refuses it.",
        ],
        Examples:
        [
            "nvtrap decode 0x62300860        # MSR TTBR0_EL1, x3",
            "nvtrap decode 623AF401          # MRS x0, TPIDR2_EL0",
        ]);

    public static Command Create(CliContext context, RulesetOptions rulesets)
    {
        var esr = HexOptions.Argument("ESR", "The ESR_EL2 value in hex, with or without 0x.");
        var command = new Command("decode", "Decode the ESR of a trapped MSR, MRS or System instruction (EC 0x18): its fields, encoding and register name.");
        command.Arguments.Add(esr);
        rulesets.AddTo(command);
        command.SetAction(parseResult => Run(context, new Esr(parseResult.GetValue(esr)), rulesets.Selection(parseResult)));
        return command;
    }

    private static int Run(CliContext context, Esr esr, RulesetSelection selection)
    {
        if (TrapEsr.Refused(context, "decode", esr))
        {
            return ExitCodes.Usage;
        }

        var ruleset = context.Rulesets.Get(selection, context.Error, out int exitCode);
        if (ruleset is null)
        {
            return exitCode;
        }

        var encoding = esr.Encoding;
        var output = context.Output;
        Line(output, "esr", HexValue.Format(esr.Value));
        Line(output, "ec", ExceptionClasses.Value(esr.ExceptionClass));
        Line(output, "il", esr.InstructionLength32 ? "1 (32-bit instruction)" : "0 (16-bit instruction)");
        Line(output, "iss", HexValue.Format(esr.Iss));
        Line(output, "op0", Number(esr.Op0));
        Line(output, "op1", Number(esr.Op1));
        Line(output, "crn", Number(esr.CRn));
        Line(output, "crm", Number(esr.CRm));
        Line(output, "op2", Number(esr.Op2));
        Line(output, "rt", $"{Number(esr.Rt)} ({DecisionText.Rt(esr.Rt)})");
        Line(output, "direction", DecisionText.Direction(esr));
        Line(output, "encoding", encoding.ToString());
        Line(output, "name", Cell.Of(ruleset.Names.SysRegName(encoding.Value)));
        return ExitCodes.Ok;
    }

    private static void Line(System.IO.TextWriter output, string key, string value)
    {
        output.Write((key + ":").PadRight(11));
        output.Write(value);
        output.Write('\n');
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
