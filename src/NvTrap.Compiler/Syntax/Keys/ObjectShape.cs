namespace NvTrap.Compiler.Syntax;

/// <summary>A mapping whose keys are those of a <see cref="KeyTable"/>.</summary>
internal sealed class ObjectShape : ValueShape
{
    public ObjectShape(KeyTable table, bool nullable = false)
        : base(nullable) => Table = table;

    public KeyTable Table { get; }
}
