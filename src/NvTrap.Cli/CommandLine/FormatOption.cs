using System.CommandLine;
using NvTrap.Cli.Text;

namespace NvTrap.Cli.CommandLine;

/// <summary>The <c>--format tsv|text</c> option of the listing commands.</summary>
internal static class FormatOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: tsv (a header row and tab-separated rows, for tools) or text (aligned columns, for people).",
            HelpName = "tsv|text",
            DefaultValueFactory = _ => TableFormat.Tsv,
        };
        option.AcceptOnlyFromAmong(TableFormat.Names);
        return option;
    }
}
