using System.CommandLine;
using System.IO;
using System.Text;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Rulesets;
using NvTrap.Cli.Eval;
using NvTrap.Cli.Input;

namespace NvTrap.Cli.Commands;

/// <summary><c>nvtrap eval [FILE|-]</c>: batch decisions over a tab-separated file or standard input.</summary>
internal static class EvalCommand
{
    public const string StandardInput = "-";

    public static readonly CommandHelp Help = new(
        Notes:
        [
            "Input is tab-separated with a header row. Each row gives the access either as esr (hex) or as",
            "op0 op1 crn crm op2 dir (decimal fields; dir is R or W), plus one column per control register,",
            "named in lower case as in the ruleset (hcr_el2, mdcr_el2, cnthctl_el2, hfgrtr_el2, hfgwtr_el2,",
            "hfgitr_el2, ...), in hex with or without 0x. A missing register column, an empty cell or - means 0.",
            "Two optional columns set the context: ctx (el0, el1 or el2; default el1) and nv (1 or 0: nested",
            "virtualization on or off; default 1). Other columns pass through unchanged; blank lines are skipped.",
            "Output is the header and the rows with three columns appended: forward (1 or 0), reason",
            "(GROUP:MEMBER such as HCR_TVM_TRVM:HCR_TVM, a fine-grained bit such as HFGxTR.nTPIDR2_EL0 that",
            "forwarded the access or that the VM hides, or none) and outcome (forward, local or undef).",
            "--vm FILE decides for the VM that profile describes (hidden features, reserved bits, parameters).",
            "A malformed row is reported on standard error as FILE:LINE: what is wrong, and left out of the",
            $"output; the other rows are still decided and the exit code is {ExitCodes.Failure}. Lines over 1 MiB are rejected.",
            "FILE must be a regular file: a folder, a named pipe (FIFO) or a device is refused without being",
            "opened. To read a pipe or another program's output, give - and redirect it to standard input.",
        ],
        Examples:
        [
            "nvtrap eval samples/eval/accesses.tsv",
            "nvtrap eval - < accesses.tsv > decisions.tsv",
            "nvtrap eval --vm samples/vm/no-sme.yaml samples/eval/accesses.tsv",
        ]);

    public static Command Create(CliContext context, RulesetOptions rulesets)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "Tab-separated input with a header row, or - for standard input.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => StandardInput,
        };
        var vm = new Option<string>("--vm")
        {
            Description = "A VM profile (YAML: fgu, registers, parameters). Without it the VM is the ruleset's full-featured default.",
            HelpName = "FILE",
        };
        var command = new Command("eval", "Decide a batch of accesses from a tab-separated file (or standard input) and append forward, reason and outcome columns.");
        command.Arguments.Add(file);
        command.Options.Add(vm);
        rulesets.AddTo(command);
        command.SetAction(parseResult => Run(context, parseResult.GetValue(file) ?? StandardInput, rulesets.Selection(parseResult), parseResult.GetValue(vm)));
        return command;
    }

    private static int Run(CliContext context, string path, RulesetSelection selection, string? vmPath)
    {
        var ruleset = context.Rulesets.Get(selection, context.Error, out int exitCode);
        if (ruleset is null)
        {
            return exitCode;
        }

        var profile = ruleset.DefaultVm();
        if (vmPath is not null && !VmProfileFile.TryRead(vmPath, ruleset, context.Error, "eval", out profile))
        {
            return ExitCodes.Failure;
        }

        if (path == StandardInput)
        {
            return new EvalRunner(ruleset, profile, "<stdin>", context.Output, context.Error).Run(context.Input);
        }

        // Only a regular file is opened: a FIFO would block until a writer appears and a device
        // such as /dev/zero never ends. A stream is read from standard input, where the user
        // chose to wait for it.
        var stream = InputFile.TryOpen(path, out string? problem, out _);
        if (stream is null)
        {
            string hint = FileKinds.Of(path) == FileKind.Fifo ? $"; to read a pipe, give - and redirect it: nvtrap eval - < {path}" : string.Empty;
            context.Error.WriteLine($"nvtrap eval: {path}: {problem}{hint}.");
            return ExitCodes.Failure;
        }

        using (var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
        {
            return new EvalRunner(ruleset, profile, path, context.Output, context.Error).Run(reader);
        }
    }
}
