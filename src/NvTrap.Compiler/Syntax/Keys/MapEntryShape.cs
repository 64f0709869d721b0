namespace NvTrap.Compiler.Syntax;

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
