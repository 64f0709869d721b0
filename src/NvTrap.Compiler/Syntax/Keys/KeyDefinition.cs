namespace NvTrap.Compiler.Syntax;

/// <summary>A key a mapping accepts: its name, what it means (an editor's hover text), its value, and whether it must be given.</summary>
internal sealed class KeyDefinition
{
    public KeyDefinition(string name, string description, ValueShape value, bool required = false)
    {
        Name = name;
        Description = description;
        Value = value;
        Required = required;
    }

    public string Name { get; }

    public string Description { get; }

    public ValueShape Value { get; }

    /// <summary>The parser reports the mapping as incomplete (NVT005) without it.</summary>
    public bool Required { get; }
}
