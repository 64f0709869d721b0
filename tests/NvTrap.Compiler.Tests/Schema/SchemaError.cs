namespace NvTrap.Compiler.Tests.Schema;

/// <summary>One schema violation: where in the document (a JSON pointer) and what.</summary>
internal sealed record SchemaError(string Location, string Keyword, string Message)
{
    public override string ToString() => $"{(Location.Length == 0 ? "/" : Location)}: {Keyword}: {Message}";
}
