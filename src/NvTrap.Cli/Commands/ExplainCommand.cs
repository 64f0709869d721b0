using System.Collections.Generic;
using System.CommandLine;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Explaining;
using NvTrap.Cli.Input;

namespace NvTrap.Cli.Commands;

/// <summary>
/// <c>nvtrap explain</c>: decide one trap from an L2 guest and print the chain that decided it.
/// The register options come from the ruleset (built in, or the one <c>--rules</c> compiles), so
/// a ruleset of your own gets options for its own registers.
/// </summary>
internal static class ExplainCommand
{
    /// <summary>Option names the command already uses; a register whose option would clash is left to <c>--state</c>.</summary>
    private static readonly HashSet<string> Reserved = new() { "--esr", "--el", "--no-nested-virt", "--state", "--vm", "--json", "--ruleset", "--rules", "--help", "--version" };

    public static readonly CommandHelp Help = new(
        Notes:
        [
            "The access is made by the L2 guest at virtual EL1 with nested virtualization on, unless --el or",
            "--no-nested-virt say otherwise. Whether an access is the guest hypervisor's own (a hypervisor",
            "context, handled locally) is the ruleset's context test: in the Linux rulesets, virtual EL2 or",
            "HCR_EL2.TGE set at any EL. The register options are the guest hypervisor's control registers that",
            "the ruleset reads (with --rules, the registers of that ruleset); a register not given is 0.",
            "The output shows the decision (forward, local, or undefined for a feature the VM hides) and the",
            "chain that made it: the fine-grained bit with its register as sanitised with the VM's reserved",
            "bits, then the group and each member with register value, mask, value and behaviour, or a",
            "condition with its operands.",
            "A --state file holds one 'REGISTER VALUE' per line, for example 'HCR_EL2 0x4000000'.",
            "A --vm file is a VM profile in YAML: 'fgu' (fine-grained group -> hidden bits), 'registers'",
            "(register -> { res0, res1 }) and 'parameters' (name -> value); without it the VM is the ruleset's",
            "full-featured default.",
            $"An ESR whose EC is not 0x18 is refused with exit code {ExitCodes.Usage}, as decode refuses it: it is not a trapped",
            "MSR, MRS or System instruction, so this model has no decision for it.",
            "Both files must be regular files (a folder, FIFO or device is refused without being opened), of at",
            "most 1 MiB (--state) and 16 MiB (--vm).",
        ],
        Examples:
        [
            "nvtrap explain --esr 0x62300860 --hcr-el2 0x4000000              # TTBR0_EL1 write with HCR_EL2.TVM set",
            "nvtrap explain --esr 0x62300860 --hcr-el2 0x4000000 --json",
            "nvtrap explain --esr 0x623AF401                                  # TPIDR2_EL0 read: HFGRTR_EL2.nTPIDR2_EL0 clear",
            "nvtrap explain --esr 0x6232F801 --state l1-registers.txt",
            "nvtrap explain --esr 0x62300860 --hcr-el2 0x40C000000 --el 0     # EL0 with E2H and TGE: the guest hypervisor's own",
            "nvtrap explain --esr 0x623AF401 --vm samples/vm/no-sme.yaml      # TPIDR2_EL0 read on a VM without SME: undefined",
        ]);

    public static Command Create(CliContext context, RulesetOptions rulesets, IReadOnlyList<string> registers)
    {
        var esr = HexOptions.Option("--esr", "The ESR_EL2 of the trap (EC 0x18), in hex.");
        esr.Required = true;
        var state = new Option<string>("--state")
        {
            Description = "A file of register values, one 'REGISTER VALUE' per line (hex; '#' starts a comment). Options given on the command line override it.",
            HelpName = "FILE",
        };
        var vm = new Option<string>("--vm")
        {
            Description = "A VM profile (YAML: fgu, registers, parameters). Without it the VM is the ruleset's full-featured default.",
            HelpName = "FILE",
        };
        var json = new Option<bool>("--json") { Description = "Print the decision and its chain as one JSON object." };
        var el = new Option<int>("--el")
        {
            Description = "The exception level the access comes from: 0, 1 (the default: the L2 guest kernel) or 2 (the guest hypervisor).",
            HelpName = "0|1|2",
            DefaultValueFactory = _ => 1,
        };
        el.AcceptOnlyFromAmong("0", "1", "2");
        var noNestedVirt = new Option<bool>("--no-nested-virt") { Description = "The vCPU does not have nested virtualization (every trap is then handled locally)." };

        var command = new Command("explain", "Decide whether one trap from an L2 guest is forwarded to the guest hypervisor, and show the chain of tests that decided it.");
        command.Options.Add(esr);
        var registerOptions = new List<(int Register, Option<ulong> Option)>();
        var used = new HashSet<string>(Reserved);
        for (int i = 0; i < registers.Count; i++)
        {
            string name = RegisterNaming.OptionName(registers[i]);
            if (!used.Add(name))
            {
                continue;
            }

            var option = HexOptions.Option(name, $"The guest hypervisor's {registers[i]} (hex).");
            command.Options.Add(option);
            registerOptions.Add((i, option));
        }

        command.Options.Add(el);
        command.Options.Add(noNestedVirt);
        command.Options.Add(state);
        command.Options.Add(vm);
        command.Options.Add(json);
        rulesets.AddTo(command);
        command.SetAction(parseResult =>
        {
            var trap = new Esr(parseResult.GetValue(esr));
            if (TrapEsr.Refused(context, "explain", trap))
            {
                return ExitCodes.Usage;
            }

            var ruleset = context.Rulesets.Get(rulesets.Selection(parseResult), context.Error, out int exitCode);
            if (ruleset is null)
            {
                return exitCode;
            }

            var profile = ruleset.DefaultVm();
            if (parseResult.GetValue(vm) is { } vmPath && !VmProfileFile.TryRead(vmPath, ruleset, context.Error, "explain", out profile))
            {
                return ExitCodes.Failure;
            }

            var values = new Dictionary<int, ulong>();
            if (parseResult.GetValue(state) is { } statePath && !StateFile.TryRead(statePath, ruleset.RegisterNames, values, context.Error))
            {
                return ExitCodes.Failure;
            }

            foreach (var (register, option) in registerOptions)
            {
                // Only options actually given override the state file: an absent option is not 0 here.
                if (parseResult.GetResult(option) is { Implicit: false })
                {
                    values[register] = parseResult.GetValue(option);
                }
            }

            var vcpu = new VcpuState
            {
                HasNestedVirtualization = !parseResult.GetValue(noNestedVirt),
                CurrentEl = (ExceptionLevel)parseResult.GetValue(el),
            };
            foreach (var (register, value) in values)
            {
                vcpu[register] = value;
            }

            var request = new ExplainRequest(ruleset, trap, vcpu, parseResult.GetValue(vm), ruleset.Explain(vcpu, profile, trap));
            if (parseResult.GetValue(json))
            {
                ExplanationJsonWriter.Write(context.Output, request);
            }
            else
            {
                ExplanationTextWriter.Write(context.Output, request);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
