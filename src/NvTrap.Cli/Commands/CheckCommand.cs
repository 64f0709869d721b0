using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using NvTrap.Cli.Checking;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Rulesets;
using NvTrap.Cli.Severity;
using NvTrap.Compiler;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Cli.Commands;

/// <summary>
/// <c>nvtrap check</c>: every check of the compiler on rule files or folders, printed exactly as
/// <c>dotnet build</c> prints the generator's diagnostics, then a one-line summary; or the same
/// diagnostics as JSON or SARIF. Severities are configured as the build configures them
/// (<see cref="SeverityConfiguration"/>), and by <c>--severity</c> over that.
/// </summary>
internal static class CheckCommand
{
    public const string DefaultPath = "rules";

    public static readonly CommandHelp Help = new(
        Notes:
        [
            "Each diagnostic is printed as dotnet build prints the generator's: path(line,col): error NVT0xx: message.",
            $"With --format text (the default) each file shows at most {DiagnosticCap.PerFile} per phase, then an NVT091 counting the",
            $"rest, as the build does; at most {DiagnosticOutput.MaxPrinted} are printed in all (errors first), then '... and N more'. A",
            "one-line summary follows, counting them all. --format json and --format sarif print every diagnostic",
            "(no cap) and no summary: json is one object {files, rulesets, counts, diagnostics}, each diagnostic",
            "{path, line, column, endLine, endColumn, id, severity, message, helpLink}; sarif is a SARIF 2.1.0 log.",
            $"The exit code is {ExitCodes.Failure} if there is any error, else {ExitCodes.Ok} (warnings and info do not fail), whatever the format.",
            "Severities: dotnet_diagnostic.NVT0xx.severity = none|silent|suggestion|warning|error in a .globalconfig",
            "(or any config file with is_global = true) in the rule files' folders or above, as the build reads it;",
            "--severity NVT0xx=LEVEL wins over the files. Only warnings can be configured: an error stops the",
            "ruleset compiling, so it stays an error. suggestion prints as 'info'; silent and none are not printed.",
            ".editorconfig [sections] do not apply to rule files, in the build or here; check notes them on stderr.",
            "A folder is searched recursively, as the build's glob finds rule files: bin/ and obj/ folders (build",
            "output) and hidden folders are skipped; a folder reached again through a symbolic link is not searched twice.",
            $"--explain NVT0xx prints that diagnostic's page instead, as '{ExplainDiagnosticCommand.Name}' does.",
        ],
        Examples:
        [
            "nvtrap check",
            "nvtrap check rules/linux-6.6",
            "nvtrap check my-rules/ extra/timers.nvtrap.yaml",
            "nvtrap check my-rules/ --format sarif > nvtrap.sarif",
            "nvtrap check my-rules/ --severity NVT070=error --severity NVT072=none",
            "nvtrap check --explain NVT012",
        ]);

    public static Command Create(CliContext context, Option<string> rules)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = $"Rule files (*{RuleCompiler.FileSuffix}) or folders searched recursively for them. Default: {DefaultPath}/ (the --rules path when given).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = CheckFormat.Create();
        var severity = new Option<string[]>("--severity")
        {
            Description = "Report a diagnostic at LEVEL (none, silent, suggestion, warning, error or default), over what config files say. Repeat for several ids. Warnings only: errors cannot be lowered.",
            HelpName = "NVT0xx=LEVEL",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var explain = new Option<string>("--explain")
        {
            Description = $"Print the page of this diagnostic id instead of checking, as '{ExplainDiagnosticCommand.Name}' does.",
            HelpName = "NVT0xx",
        };
        var command = new Command("check", "Run every check of the rule compiler on rule files or folders and print its diagnostics (text, json or sarif).");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(severity);
        command.Options.Add(explain);
        var kernel = KernelCheck.Options.Create();
        kernel.AddTo(command);
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(explain) is { } id)
            {
                return ExplainDiagnosticCommand.Run(context, id, "check --explain");
            }

            string chosenFormat = parseResult.GetValue(format)!;
            var severities = parseResult.GetValue(severity) ?? [];
            if (parseResult.GetValue(kernel.Kernel) is { } tree)
            {
                if (chosenFormat != CheckFormat.Text || severities.Length > 0)
                {
                    context.Error.WriteLine("nvtrap check: --format json|sarif and --severity apply to rule files; with --kernel the check prints text.");
                    return ExitCodes.Usage;
                }

                return KernelCheck.Run(context, new Kernel.Import.ImportRequest(tree, parseResult.GetValue(kernel.Overlay), parseResult.GetValue(kernel.Defines) ?? [], Input.BoundedFile.TryReadText));
            }

            if (!TryParseOverrides(context, severities, out var overrides))
            {
                return ExitCodes.Usage;
            }

            var given = (parseResult.GetValue(paths) ?? []).ToList();
            if (parseResult.GetValue(rules) is { } rulesPath)
            {
                given.Add(rulesPath);
            }

            return Run(context, given, chosenFormat, overrides);
        });
        return command;
    }

    /// <summary>Reads each <c>--severity ID=LEVEL</c>; a malformed one, an unknown id or an error's level lowered is a usage error.</summary>
    private static bool TryParseOverrides(CliContext context, string[] values, out List<SeverityOverride> overrides)
    {
        overrides = new List<SeverityOverride>();
        foreach (string value in values)
        {
            int equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                context.Error.WriteLine($"nvtrap check: --severity {HexValue.Quote(value)}: give an id and a level, as --severity NVT070=error.");
                return false;
            }

            string id = value[..equals];
            string levelText = value[(equals + 1)..];
            var descriptor = DiagnosticIds.Find(id);
            if (descriptor is null)
            {
                context.Error.WriteLine($"nvtrap check: --severity {HexValue.Quote(value)}: there is no diagnostic {HexValue.Quote(id)}; the closest ids are {string.Join(", ", DiagnosticIds.Closest(id))}.");
                return false;
            }

            if (!DiagnosticLevels.TryParse(levelText, out var level))
            {
                context.Error.WriteLine($"nvtrap check: --severity {HexValue.Quote(value)}: {HexValue.Quote(levelText)} is not a level; the levels are {DiagnosticLevels.Names}.");
                return false;
            }

            if (!DiagnosticLevels.IsConfigurable(descriptor) && level is not null and not DiagnosticLevel.Error)
            {
                context.Error.WriteLine($"nvtrap check: --severity {HexValue.Quote(value)}: {descriptor.Id} is an error, and for a ruleset with an error the build emits only a stand-in that configures no trap, so it cannot be lowered (the build keeps it an error too). Only warnings can be configured: {DiagnosticIds.Configurable}.");
                return false;
            }

            overrides.Add(new SeverityOverride(descriptor, level));
        }

        return true;
    }

    private static int Run(CliContext context, List<string> paths, string format, IReadOnlyList<SeverityOverride> overrides)
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

        var configuration = SeverityConfiguration.Load(files, overrides);
        foreach (string note in configuration.Notes)
        {
            context.Error.WriteLine($"nvtrap check: note: {note}");
        }

        var compilation = RuleFiles.Compile(files);
        var diagnostics = Configured(compilation.Diagnostics, configuration);
        var report = new CheckReport(files, compilation.Rulesets.Select(r => r.Name).ToList(), diagnostics);
        switch (format)
        {
            case CheckFormat.Json:
                CheckJsonWriter.Write(context.Output, report);
                break;
            case CheckFormat.Sarif:
                CheckSarifWriter.Write(context.Output, report, Environment.CurrentDirectory);
                break;
            default:
                DiagnosticOutput.WriteShown(context.Output, Configured(compilation.ShownDiagnostics, configuration));
                string named = report.Rulesets.Count == 0 ? string.Empty : $" ({string.Join(", ", report.Rulesets)})";
                string info = report.Info == 0 ? string.Empty : $", {Plural.Of(report.Info, "info message")}";
                context.Output.WriteLine($"checked {Plural.Of(files.Count, "file")}, {Plural.Of(report.Rulesets.Count, "ruleset")}{named}: {Plural.Of(report.Errors, "error")}, {Plural.Of(report.Warnings, "warning")}{info}");
                break;
        }

        return report.Errors > 0 ? ExitCodes.Failure : ExitCodes.Ok;
    }

    /// <summary>Diagnostics at their configured levels, without those configured away (none, silent).</summary>
    private static List<ReportedDiagnostic> Configured(IEnumerable<RuleDiagnostic> diagnostics, SeverityConfiguration configuration) =>
        diagnostics
            .Select(d => new ReportedDiagnostic(d, configuration.LevelOf(d)))
            .Where(d => d.Level is not (DiagnosticLevel.None or DiagnosticLevel.Silent))
            .ToList();
}
