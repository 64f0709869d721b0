using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Tests.Schema;

/// <summary>Where a kind of mapping sits in a file: how to put one there, and its JSON pointer.</summary>
internal sealed record Placement(KeyTable Table, Func<string, string> Embed, string Pointer)
{
    public override string ToString() => $"{Table.DefinitionName} at {(Pointer.Length == 0 ? "/" : Pointer)}";
}
