using System.CommandLine;
using System.IO;
using System.Linq;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Input;
using NvTrap.Kernel.Import;

namespace NvTrap.Cli.Commands;

/// <summary>
/// <c>nvtrap import kernel</c>: reads a kernel tree's trap tables (arch/arm64/kvm/emulate-nested.c
/// and what it depends on) with an overlay for what the kernel writes in C, and writes the
/// ruleset as rule files laid out like rules/.
/// </summary>
internal static class ImportCommand
{
    public static readonly CommandHelp Help = new(
        Notes:
        [
            "The overlay translates each CCC function into an NvTrap condition and adds the context tests, VM parameters,",
            "filters and reserved bits the kernel computes in C (docs/import.md). Problems are printed as",
            "path(line,col): error NVTK0xx: message, at the kernel line; with an error nothing is written (exit code 1).",
        ],
        Examples:
        [
            "nvtrap import kernel --source ~/linux --overlay rules/overlays/linux-7.1.nvtrap-overlay.yaml --out rules/linux-7.1",
            "nvtrap import kernel --source ~/linux-6.6 --overlay rules/overlays/linux-6.6.nvtrap-overlay.yaml --out /tmp/linux-6.6",
        ]);

    public static Command Create(CliContext context)
    {
        var source = new Option<string>("--source") { Description = "The kernel source tree (the folder holding arch/ and include/).", HelpName = "DIR", Required = true };
        var overlay = new Option<string>("--overlay") { Description = "The overlay YAML for this kernel (docs/import.md).", HelpName = "FILE" };
        var output = new Option<string>("--out") { Description = "Where to write the rule files. Default: rules/<ruleset name>.", HelpName = "DIR" };
        var defines = new Option<string[]>("--define") { Description = "Define a configuration macro the tree expects from its build, as cpp -D does.", HelpName = "NAME=VALUE", AllowMultipleArgumentsPerToken = false };
        var kernel = new Command("kernel", "Import a Linux kernel's nested-virtualization trap tables as a ruleset.");
        kernel.Options.Add(source);
        kernel.Options.Add(overlay);
        kernel.Options.Add(output);
        kernel.Options.Add(defines);
        kernel.SetAction(parseResult => Run(context, new ImportRequest(parseResult.GetValue(source)!, parseResult.GetValue(overlay), parseResult.GetValue(defines) ?? [], BoundedFile.TryReadText), parseResult.GetValue(output)));

        var command = new Command("import", "Import rules from another format.");
        command.Subcommands.Add(kernel);
        return command;
    }

    private static int Run(CliContext context, ImportRequest request, string? outputDirectory)
    {
        var result = KernelImporter.Import(request);
        foreach (var diagnostic in result.Diagnostics)
        {
            context.Error.WriteLine(diagnostic.ToDisplayString());
        }

        if (result.Ruleset is null)
        {
            context.Error.WriteLine($"nvtrap import: {Plural.Of(result.Diagnostics.Count(d => d.IsError), "error")}; nothing written.");
            return ExitCodes.Failure;
        }

        string folder = outputDirectory ?? Path.Combine("rules", result.Ruleset.Name);
        var written = RulesetWriter.Write(result.Ruleset, RuleSchemaLocation.For(folder));
        foreach (var (relative, text) in written.Files)
        {
            string path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        var r = result.Ruleset;
        var coarse = r.CoarseEntries.SelectMany(e => Enumerable.Range(e.First.Encoding, e.Last.Encoding - e.First.Encoding + 1)).ToHashSet();
        var fine = r.FineEntries.SelectMany(e => Enumerable.Range(e.First!.Encoding, e.Last!.Encoding - e.First.Encoding + 1)).ToHashSet();
        int fineRegisters = r.FineGroups.SelectMany(g => new[] { g.Read, g.Write }).Distinct().Count();
        context.Output.WriteLine($"imported {r.Name}: {r.Groups.Count(g => g.Kind == ImportedGroupKind.Control)} controls, {r.Groups.Count(g => g.Kind == ImportedGroupKind.Combination)} combinations, "
            + $"{r.Groups.Count(g => g.Kind == ImportedGroupKind.Condition)} conditions; {r.CoarseEntries.Count} coarse entries ({r.CoarseEntries.Count(e => e.First != e.Last)} ranges) covering {coarse.Count} encodings; "
            + $"{r.FineEntries.Count} fine-grained entries ({r.FineEntries.Count(e => e.First != e.Last)} ranges) covering {fine.Count} encodings, {r.FineEntries.Count(e => e.Filter is not null)} with a filter; "
            + $"{r.FineGroups.Count} fine-grained groups over {fineRegisters} registers; {coarse.Union(fine).Count()} configured encodings; {Plural.Of(written.Files.Count, "file")} written to {folder}");
        return ExitCodes.Ok;
    }
}
