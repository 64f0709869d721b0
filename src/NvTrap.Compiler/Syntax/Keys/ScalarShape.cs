namespace NvTrap.Compiler.Syntax;

/// <summary>
/// One of the language's values (<see cref="ScalarForm"/>) with the text an editor shows for it.
/// Each is one named definition of the schema, shared by every key that takes it.
/// </summary>
internal sealed class ScalarShape : ValueShape
{
    public ScalarShape(string definitionName, ScalarForm form, string description)
        : base(nullable: false)
    {
        DefinitionName = definitionName;
        Form = form;
        Description = description;
    }

    /// <summary>The name of its definition in the schema (<c>#/$defs/NAME</c>).</summary>
    public string DefinitionName { get; }

    public ScalarForm Form { get; }

    public string Description { get; }
}
