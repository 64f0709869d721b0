using System.Collections.Generic;

namespace NvTrap.Compiler.Syntax;

/// <summary>
/// A mapping from names the file chooses to values: a named section (registers, controls, ...).
/// Most have one kind of name; the catalogue has two (plain names and family names), each with
/// its own kind of value.
/// </summary>
internal sealed class MapShape : ValueShape
{
    public MapShape(bool nullable, params MapEntryShape[] entries)
        : base(nullable) => Entries = entries;

    public IReadOnlyList<MapEntryShape> Entries { get; }
}
