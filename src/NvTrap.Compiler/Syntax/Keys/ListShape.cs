namespace NvTrap.Compiler.Syntax;

/// <summary>A list whose items all have one shape.</summary>
internal sealed class ListShape : ValueShape
{
    public ListShape(ValueShape items, string itemDescription, bool nullable = false)
        : base(nullable)
    {
        Items = items;
        ItemDescription = itemDescription;
    }

    public ValueShape Items { get; }

    /// <summary>What one item is, for an editor.</summary>
    public string ItemDescription { get; }
}
