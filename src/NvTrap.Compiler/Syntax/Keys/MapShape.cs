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

/// <summary>One kind of entry of a <see cref="MapShape"/>: how its name is spelled, what it is, and its value.</summary>
internal sealed class MapEntryShape
{
    public MapEntryShape(ScalarShape name, string description, ValueShape value)
    {
        Name = name;
        Description = description;
        Value = value;
    }

    /// <summary>A name shape: <see cref="ScalarForm.Name"/>, <see cref="ScalarForm.DefinitionName"/> or <see cref="ScalarForm.FamilyName"/>.</summary>
    public ScalarShape Name { get; }

    public string Description { get; }

    public ValueShape Value { get; }
}
