using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using NvTrap.Cli.CommandLine;
using NvTrap.Compiler;
using NvTrap.Kernel.Diagnostics;
using NvTrap.Kernel.Import;

namespace NvTrap.Cli.Commands;

/// <summary>
/// <c>nvtrap check --kernel DIR</c>: imports a kernel tree's tables in memory, runs every check
/// of the rule compiler on the result, and reports each diagnostic at the kernel file and line
/// the offending rule came from, so a kernel developer can run it on a patch.
/// </summary>
internal static class KernelCheck
{
    /// <summary>The options <c>check</c> takes for a kernel tree.</summary>
    internal sealed record Options(Option<string> Kernel, Option<string> Overlay, Option<string[]> Defines)
    {
        public static Options Create() => new(
            new Option<string>("--kernel") { Description = "Check a kernel tree's trap tables (arch/arm64/kvm/emulate-nested.c) instead of rule files; diagnostics point at the kernel's lines.", HelpName = "DIR" },
            new Option<string>("--overlay") { Description = "With --kernel: the overlay that translates the kernel's C conditions (docs/import.md).", HelpName = "FILE" },
            new Option<string[]>("--define") { Description = "With --kernel: define a configuration macro the tree expects from its build.", HelpName = "NAME=VALUE" });

        public void AddTo(Command command)
        {
            command.Options.Add(Kernel);
            command.Options.Add(Overlay);
            command.Options.Add(Defines);
        }
    }

    /// <summary>The path prefix of the rule files the import produces in memory.</summary>
    public const string GeneratedPrefix = "<import>/";

    public static int Run(CliContext context, ImportRequest request)
    {
        var result = KernelImporter.Import(request);
        foreach (var diagnostic in result.Diagnostics)
        {
            context.Output.WriteLine(diagnostic.ToDisplayString());
        }

        int errors = result.Diagnostics.Count(d => d.IsError);
        int warnings = result.Diagnostics.Count - errors;
        if (result.Ruleset is not null)
        {
            var written = RulesetWriter.Write(result.Ruleset);
            var compilation = RuleCompiler.Compile(written.Files.Select(f => new RuleSource(GeneratedPrefix + f.Key, f.Value)));
            foreach (var diagnostic in compilation.Diagnostics)
            {
                context.Output.WriteLine(Translate(written, diagnostic.Id, diagnostic.IsError, diagnostic.Message, diagnostic.Span.Path, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
                errors += diagnostic.IsError ? 1 : 0;
                warnings += diagnostic.IsError ? 0 : 1;
            }
        }

        context.Output.WriteLine($"checked {request.SourceDirectory}: {Plural.Of(errors, "error")}, {Plural.Of(warnings, "warning")}");
        return errors > 0 ? ExitCodes.Failure : ExitCodes.Ok;
    }

    /// <summary>A compiler diagnostic on a generated rule file, located at the kernel (or overlay) line that rule came from.</summary>
    public static string Translate(WrittenRuleset written, string id, bool isError, string message, string path, int line, int column)
    {
        string relative = path.StartsWith(GeneratedPrefix, System.StringComparison.Ordinal) ? path.Substring(GeneratedPrefix.Length) : path;
        var origin = written.Origin(relative, line);
        string where = origin is { } o ? $"{o.Path}({o.Line},{System.Math.Max(o.Column, 1)})" : $"{relative}({line},{column})";
        string generated = origin is null ? string.Empty : $" [generated {relative}({line},{column})]";
        return $"{where}: {(isError ? "error" : "warning")} {id}: {message}{generated}";
    }
}
