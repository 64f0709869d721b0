using System.IO;
using System.Linq;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Severity;
using NvTrap.Cli.Interpreting;
using NvTrap.Compiler;

namespace NvTrap.Cli.Rulesets;

/// <summary>
/// Compiles the ruleset behind <c>--rules PATH</c> with the compiler core and wraps it in the
/// interpreter. Every failure is reported on the error writer, located where possible, and
/// turns into an exit code instead of an exception.
/// </summary>
internal static class RulesetLoader
{
    public static RulesetHandle? Load(string path, TextWriter errors, out int exitCode)
    {
        exitCode = ExitCodes.Failure;
        if (!RuleFiles.TryFind(new[] { path }, out var files, out string? problem))
        {
            errors.WriteLine($"nvtrap: --rules {problem}");
            return null;
        }

        if (files.Count == 0)
        {
            errors.WriteLine($"nvtrap: --rules {path}: no *{RuleCompiler.FileSuffix} files found there. Point --rules at a rule file or a folder of them.");
            return null;
        }

        var compilation = RuleFiles.Compile(files);
        var diagnostics = compilation.Diagnostics;
        int errorCount = diagnostics.Count(d => d.IsError);
        if (errorCount > 0)
        {
            DiagnosticOutput.WriteShown(errors, compilation.ShownDiagnostics.Select(ReportedDiagnostic.AsIs).ToList());

            errors.WriteLine($"nvtrap: the rules in {path} have {Plural.Of(errorCount, "error")}; fix them and run again ('nvtrap check {path}' lists them).");
            return null;
        }

        if (compilation.Rulesets.Count != 1)
        {
            errors.WriteLine($"nvtrap: --rules {path} holds {compilation.Rulesets.Count} rulesets ({string.Join(", ", compilation.Rulesets.Select(r => r.Name))}); point it at the files of one ruleset.");
            return null;
        }

        var compiled = compilation.Rulesets[0];
        var bound = compilation.Bound[0];
        if (compiled.Lowered is not { } lowered)
        {
            // The core lowers every error-free ruleset; reaching here means the core broke that promise.
            errors.WriteLine($"nvtrap: ruleset '{compiled.Name}' in {path} reported no error but produced no tables. This is a bug in NvTrap; please report it with the rules.");
            return null;
        }

        var blockers = RuleCompiler.InterpretationBlockers(bound);
        if (blockers.Count > 0)
        {
            DiagnosticOutput.Write(errors, blockers);

            errors.WriteLine($"nvtrap: ruleset '{compiled.Name}' in {path} cannot be interpreted ({Plural.Of(blockers.Count, "C#-only condition")}).");
            return null;
        }

        exitCode = ExitCodes.Ok;
        return new RulesetHandle<InterpretedRules>(new InterpretedRules(InterpretedRuleset.Create(lowered)), path);
    }
}
