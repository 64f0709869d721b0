using System.CommandLine;

namespace NvTrap.Cli.Checking;

/// <summary><c>check --format text|json|sarif</c>.</summary>
internal static class CheckFormat
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Sarif = "sarif";

    public static Option<string> Create()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: text (lines as dotnet build prints them, at most "
                + $"{CommandLine.DiagnosticOutput.MaxPrinted}, then a summary), json (one object: files, rulesets, counts, diagnostics) "
                + "or sarif (SARIF 2.1.0, for code-scanning tools). json and sarif hold every diagnostic: no cap.",
            HelpName = "text|json|sarif",
            DefaultValueFactory = _ => Text,
        };
        option.AcceptOnlyFromAmong(Text, Json, Sarif);
        return option;
    }
}
