using System.CommandLine;
using System.Linq;
using NvTrap.Cli.CommandLine;
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

    public static int Run(CliContext context, ImportRequest request)
    {
        var lines = KernelTreeCheck.Run(request).Lines();

        // A broken tree can give thousands (every unresolved symbol): capped as check caps rule files.
        DiagnosticOutput.WriteLines(context.Output, lines);
        int errors = lines.Count(l => l.IsError);
        int warnings = lines.Count - errors;
        context.Output.WriteLine($"checked {request.SourceDirectory}: {Plural.Of(errors, "error")}, {Plural.Of(warnings, "warning")}");
        return errors > 0 ? ExitCodes.Failure : ExitCodes.Ok;
    }
}
