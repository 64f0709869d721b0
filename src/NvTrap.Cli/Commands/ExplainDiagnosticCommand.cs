using System.CommandLine;
using System.Linq;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.DiagnosticPages;
using NvTrap.Cli.Severity;

namespace NvTrap.Cli.Commands;

/// <summary>
/// <c>nvtrap explain-diagnostic NVT0xx</c>: a diagnostic's page from docs/diagnostics, as plain
/// text — what it means, an example with what the build prints, how to fix it. The pages ship
/// inside the tool, so this works offline and matches the tool's version.
/// </summary>
internal static class ExplainDiagnosticCommand
{
    public const string Name = "explain-diagnostic";

    public static readonly CommandHelp Help = new(
        Notes:
        [
            "Prints the page of docs/diagnostics for the id (ignoring case), as plain text: headings, the",
            "example's rule file and what the build prints for it, and how to fix it. The pages are built into",
            $"the tool. An unknown id is exit code {ExitCodes.Usage}, with the closest ids. 'nvtrap check --explain ID' does the same.",
        ],
        Examples:
        [
            "nvtrap explain-diagnostic NVT012",
            "nvtrap explain-diagnostic nvt070 | less",
        ]);

    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = $"A diagnostic id, {DiagnosticIds.Range} (as 'error NVT012' in a diagnostic)." };
        var command = new Command(Name, "Print a diagnostic's documentation page: what it means, an example, how to fix it.");
        command.Arguments.Add(id);
        command.SetAction(parseResult => Run(context, parseResult.GetValue(id)!, Name));
        return command;
    }

    /// <summary>Prints the page of <paramref name="id"/>; <paramref name="commandName"/> names the command in messages (check's --explain shares this).</summary>
    public static int Run(CliContext context, string id, string commandName)
    {
        var descriptor = DiagnosticIds.Find(id);
        string? page = descriptor is null ? null : DiagnosticPageResources.Read(descriptor.Id + ".md");
        if (descriptor is null || page is null)
        {
            var closest = DiagnosticIds.Closest(id);
            context.Error.WriteLine($"nvtrap {commandName}: there is no diagnostic {HexValue.Quote(id)}; the closest ids are {string.Join(", ", closest.Take(closest.Count - 1))} and {closest[^1]}. The ids are {DiagnosticIds.Range}; each is listed in docs/diagnostics/README.md.");
            return ExitCodes.Usage;
        }

        context.Output.Write(MarkdownText.Render(page, descriptor.HelpLink));
        context.Output.WriteLine();
        context.Output.WriteLine($"Online: {descriptor.HelpLink}");
        return ExitCodes.Ok;
    }
}
