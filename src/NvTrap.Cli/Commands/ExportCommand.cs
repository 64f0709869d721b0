using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Rulesets;
using NvTrap.Kernel.Export;

namespace NvTrap.Cli.Commands;

/// <summary>
/// <c>nvtrap export kernel-c</c>: writes a ruleset as Linux KVM's trap tables. Without --out it
/// prints emulate-nested.c's tables; with --out it writes a tree (the tables, the sysreg file and
/// headers they use, and an overlay) that <c>nvtrap import kernel</c> reads back.
/// </summary>
internal static class ExportCommand
{
    public static readonly CommandHelp Help = new(
        Notes:
        [
            "The tables use the kernel's macros: SR_TRAP, SR_RANGE_TRAP, SR_FGT, MCB, CCC, SYS_<name> for encodings the",
            "catalogue names, <REG>_<FIELD> for masks. A condition becomes CCC(id, check_<name>) and its expression goes to",
            "the overlay (nvtrap-overlay.yaml), so import kernel --source DIR --overlay DIR/nvtrap-overlay.yaml round-trips.",
        ],
        Examples:
        [
            "nvtrap export kernel-c --rules rules/linux-6.6",
            "nvtrap export kernel-c --rules rules/linux-6.6 --out /tmp/tree && nvtrap import kernel --source /tmp/tree --overlay /tmp/tree/nvtrap-overlay.yaml --out /tmp/again",
        ]);

    public static Command Create(CliContext context, Option<string> rules)
    {
        var output = new Option<string>("--out") { Description = "Write a kernel-style tree here instead of printing the tables.", HelpName = "DIR" };
        var kernelC = new Command("kernel-c", "Write a ruleset (--rules PATH) as the kernel's trap tables in C.");
        kernelC.Options.Add(output);
        kernelC.SetAction(parseResult => Run(context, parseResult.GetValue(rules), parseResult.GetValue(output)));
        var command = new Command("export", "Write a ruleset in another format.");
        command.Subcommands.Add(kernelC);
        return command;
    }

    private static int Run(CliContext context, string? rulesPath, string? outputDirectory)
    {
        if (rulesPath is null)
        {
            context.Error.WriteLine("nvtrap export kernel-c: give the ruleset to export with --rules PATH (the built-in ruleset's files are not part of the tool).");
            return ExitCodes.Usage;
        }

        if (!RuleFiles.TryFind(new[] { rulesPath }, out var files, out string? problem))
        {
            context.Error.WriteLine($"nvtrap export: {problem}");
            return ExitCodes.Failure;
        }

        var compilation = RuleFiles.Compile(files);
        foreach (var diagnostic in compilation.Diagnostics.Where(d => d.IsError))
        {
            context.Error.WriteLine(diagnostic.ToDisplayString());
        }

        if (compilation.HasErrors || compilation.Bound.Count != 1)
        {
            context.Error.WriteLine(compilation.HasErrors ? "nvtrap export: the rules have errors." : $"nvtrap export: {rulesPath} holds {compilation.Bound.Count} rulesets; export one at a time.");
            return ExitCodes.Failure;
        }

        var problems = new List<ExportProblem>();
        var tree = KernelCExporter.Export(compilation.Bound[0], problems);
        if (tree is null)
        {
            foreach (var p in problems)
            {
                context.Error.WriteLine($"nvtrap export: {p.Message}");
            }

            return ExitCodes.Failure;
        }

        if (outputDirectory is null)
        {
            context.Output.Write(tree.Tables);
            return ExitCodes.Ok;
        }

        foreach (var (relative, text) in tree.Files)
        {
            string path = Path.Combine(outputDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        context.Output.WriteLine($"exported {compilation.Bound[0].Name}: {Plural.Of(tree.Files.Count, "file")} written to {outputDirectory}");
        return ExitCodes.Ok;
    }
}
