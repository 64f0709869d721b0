namespace NvTrap.Cli.Text;

/// <summary>Keeps a value on one line and in one column of a TSV row.</summary>
internal static class Cell
{
    public const string None = "-";

    /// <summary>Tabs and line breaks (possible in a multi-line YAML condition) become spaces.</summary>
    public static string Of(string? value) =>
        string.IsNullOrEmpty(value) ? None : value.Replace("\r\n", " ").Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
