namespace NvTrap.Compiler.Syntax;

/// <summary>
/// How the value of a key is written, described as data so that what the parser accepts can be
/// told to an editor (docs/schema is generated from it). The parser reads each shape with its own
/// code; the tests hold the two together.
/// </summary>
internal abstract class ValueShape
{
    protected ValueShape(bool nullable) => Nullable = nullable;

    /// <summary>The key may also be left empty (YAML's null), which gives nothing.</summary>
    public bool Nullable { get; }
}
