namespace NvTrap.Cli.Diffing;

/// <summary>
/// One difference between two rulesets: an item <see cref="Change"/>d (added, removed or changed),
/// its <see cref="Kind"/> (encoding, group, filter, parameter, register, context), its
/// <see cref="Name"/>, and for a change the <see cref="Field"/> that differs with its old and new
/// values ("-" where an item has none).
/// </summary>
internal sealed record RulesetChange(string Change, string Kind, string Name, string Field, string Old, string New)
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Changed = "changed";

    /// <summary>The TSV and JSON column names, in order.</summary>
    public static readonly string[] Columns = { "change", "kind", "name", "field", "old", "new" };

    public string[] Cells => new[] { Change, Kind, Name, Field, Old, New };
}
