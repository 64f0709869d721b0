using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Rulesets;
using NvTrap.Compiler;
using NvTrap.Kernel.Export;

namespace NvTrap.Cli.Commands;

/// <summary>
/// <c>nvtrap export kernel-c</c>: writes a ruleset as Linux KVM's trap tables. Without --out it
/// prints emulate-nested.c's tables; with --out it writes a tree (the tables, the sysreg file and
/// headers they use, and an overlay) that <c>nvtrap import kernel</c> reads back. The ruleset is a
/// built-in one (<c>--ruleset NAME</c>, default the tool's default), compiled from the rule files
/// embedded in the tool, or the rule files <c>--rules PATH</c> names.
/// </summary>
internal static class ExportCommand
{
    public static readonly CommandHelp Help = new(
        Notes:
        [
            "The tables use the kernel's macros: SR_TRAP, SR_RANGE_TRAP, SR_FGT, SR_FGF (for an entry with a filter), MCB, CCC,",
            "FGT in non_0x18_fgt[], BEHAVE_FORWARD_IN_HOST_EL0, SYS_<name>/OP_<name> for encodings the catalogue names,",
            "<REG>_<FIELD> for masks. A condition becomes CCC(id, check_<name>) (the kernel's function name when the rule",
            "files record it); its expression, the filters', the context tests and the parameters go to the overlay",
            "(nvtrap-overlay.yaml), and reserved bits to the sysreg file's Res0/Res1 lines, so",
            "import kernel --source DIR --overlay DIR/nvtrap-overlay.yaml gives back the same ruleset.",
        ],
        Examples:
        [
            "nvtrap export kernel-c --ruleset linux-7.1",
            "nvtrap export kernel-c --ruleset linux-6.6 --out /tmp/tree && nvtrap import kernel --source /tmp/tree --overlay /tmp/tree/nvtrap-overlay.yaml --out /tmp/again",
            "nvtrap export kernel-c --rules my-rules/ --out /tmp/tree",
        ]);

    public static Command Create(CliContext context, RulesetOptions rulesets)
    {
        var output = new Option<string>("--out") { Description = "Write a kernel-style tree here instead of printing the tables.", HelpName = "DIR" };
        var kernelC = new Command("kernel-c", $"Write a ruleset (--ruleset NAME, default {BuiltInRulesets.Default.Name}, or --rules PATH) as the kernel's trap tables in C.");
        kernelC.Options.Add(output);
        rulesets.AddTo(kernelC);
        kernelC.SetAction(parseResult => Run(context, rulesets.Selection(parseResult), parseResult.GetValue(output)));
        var command = new Command("export", "Write a ruleset in another format.");
        command.Subcommands.Add(kernelC);
        return command;
    }

    private static int Run(CliContext context, RulesetSelection selection, string? outputDirectory)
    {
        if (!RulesetProvider.TryResolve(selection, context.Error, out var builtIn, out int exitCode))
        {
            return exitCode;
        }

        // The rule files and their texts, by the path the compiler reports: rules/<name>/... for a
        // built-in ruleset, the user's spelling for --rules.
        RuleCompilation compilation;
        string source;
        System.Func<string, string?> textOf;
        if (builtIn is not null)
        {
            var files = BuiltInRuleFiles.Of(builtIn);
            compilation = RuleCompiler.Compile(files);
            source = BuiltInRuleFiles.FolderOf(builtIn);
            var texts = files.ToDictionary(f => f.Path, f => f.Text);
            textOf = path => texts.GetValueOrDefault(path);
        }
        else
        {
            source = selection.Path!;
            if (!RuleFiles.TryFind(new[] { source }, out var files, out string? problem))
            {
                context.Error.WriteLine($"nvtrap export: {problem}");
                return ExitCodes.Failure;
            }

            compilation = RuleFiles.Compile(files);
            textOf = path => RuleFiles.Read(path, new List<Compiler.Diagnostics.RuleDiagnostic>())?.Text;
        }

        var errors = compilation.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            DiagnosticOutput.Write(context.Error, errors);
            context.Error.WriteLine($"nvtrap export: the rules in {source} have {Plural.Of(errors.Count, "error")}.");
            return ExitCodes.Failure;
        }

        if (compilation.Bound.Count != 1)
        {
            context.Error.WriteLine($"nvtrap export: {source} holds {Plural.Of(compilation.Bound.Count, "ruleset")}; export one at a time.");
            return ExitCodes.Failure;
        }

        var ruleset = compilation.Bound[0];
        var problems = new List<ExportProblem>();
        var tree = KernelCExporter.Export(ruleset, problems, ConditionFunctions.FromComments(ruleset, textOf));
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

        try
        {
            foreach (var (relative, text) in tree.Files)
            {
                string path = Path.Combine(outputDirectory, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
        }
        catch (System.Exception ex) when (ex is IOException or System.UnauthorizedAccessException)
        {
            context.Error.WriteLine($"nvtrap export: cannot write to {outputDirectory}: {ex.Message}");
            return ExitCodes.Failure;
        }

        context.Output.WriteLine($"exported {ruleset.Name} ({source}): {Plural.Of(tree.Files.Count, "file")} written to {outputDirectory}");
        return ExitCodes.Ok;
    }
}
