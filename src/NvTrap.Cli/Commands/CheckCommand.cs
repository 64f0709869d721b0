using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Rulesets;
using NvTrap.Compiler;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Cli.Commands;

/// <summary>
/// <c>nvtrap check</c>: every check of the compiler on rule files or folders, printed exactly as
/// <c>dotnet build</c> prints the generator's diagnostics, then a one-line summary.
/// </summary>
internal static class CheckCommand
{
    public const string DefaultPath = "rules";

    public static readonly CommandHelp Help = new(
        Notes:
        [
            "Each diagnostic is printed as dotnet build prints the generator's: path(line,col): error NVT0xx: message.",
            $"Each file shows at most {DiagnosticCap.PerFile} per phase, then an NVT091 counting the rest, as the build does;",
            $"at most {DiagnosticOutput.MaxPrinted} are printed in all (errors first), then '... and N more'. A one-line summary follows, counting",
            $"them all. The exit code is {ExitCodes.Failure} if there is any error, else {ExitCodes.Ok} (warnings do not fail).",
            "A folder is searched recursively, as the build's glob finds rule files: bin/ and obj/ folders (build",
            "output) and hidden folders are skipped; a folder reached again through a symbolic link is not searched twice.",
        ],
        Examples:
        [
            "nvtrap check",
            "nvtrap check rules/linux-6.6",
            "nvtrap check my-rules/ extra/timers.nvtrap.yaml",
        ]);

    public static Command Create(CliContext context, Option<string> rules)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = $"Rule files (*{RuleCompiler.FileSuffix}) or folders searched recursively for them. Default: {DefaultPath}/ (the --rules path when given).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("check", "Run every check of the rule compiler on rule files or folders and print its diagnostics.");
        command.Arguments.Add(paths);
        var kernel = KernelCheck.Options.Create();
        kernel.AddTo(command);
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(kernel.Kernel) is { } tree)
            {
                return KernelCheck.Run(context, new Kernel.Import.ImportRequest(tree, parseResult.GetValue(kernel.Overlay), parseResult.GetValue(kernel.Defines) ?? []));
            }

            var given = (parseResult.GetValue(paths) ?? []).ToList();
            if (parseResult.GetValue(rules) is { } rulesPath)
            {
                given.Add(rulesPath);
            }

            return Run(context, given);
        });
        return command;
    }

    private static int Run(CliContext context, List<string> paths)
    {
        if (paths.Count == 0)
        {
            if (!Directory.Exists(DefaultPath))
            {
                context.Error.WriteLine($"nvtrap check: no PATH given and there is no {DefaultPath}/ folder here. Give rule files or folders: nvtrap check PATH ...");
                return ExitCodes.Usage;
            }

            paths.Add(DefaultPath);
        }

        if (!RuleFiles.TryFind(paths, out var files, out string? problem))
        {
            context.Error.WriteLine($"nvtrap check: {problem}");
            return ExitCodes.Failure;
        }

        if (files.Count == 0)
        {
            context.Error.WriteLine($"nvtrap check: no *{RuleCompiler.FileSuffix} files in {string.Join(", ", paths)}.");
            return ExitCodes.Failure;
        }

        var compilation = RuleFiles.Compile(files);
        var diagnostics = compilation.Diagnostics;
        DiagnosticOutput.WriteShown(context.Output, compilation.ShownDiagnostics);
        int errors = diagnostics.Count(d => d.IsError);
        int warnings = diagnostics.Count - errors;
        var rulesets = compilation.Rulesets.Select(r => r.Name).ToList();
        string named = rulesets.Count == 0 ? string.Empty : $" ({string.Join(", ", rulesets)})";
        context.Output.WriteLine($"checked {Plural.Of(files.Count, "file")}, {Plural.Of(rulesets.Count, "ruleset")}{named}: {Plural.Of(errors, "error")}, {Plural.Of(warnings, "warning")}");
        return errors > 0 ? ExitCodes.Failure : ExitCodes.Ok;
    }
}
