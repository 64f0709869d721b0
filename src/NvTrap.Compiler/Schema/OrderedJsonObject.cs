using System.Collections.Generic;

namespace NvTrap.Compiler.Schema;

/// <summary>
/// A JSON object that keeps its members in the order they were added, so a generated schema is
/// the same text on every run and reads top-down (description first). Values are strings,
/// booleans, integers, other objects, or arrays of them. The compiler targets netstandard2.0 and
/// runs inside the C# compiler, so it carries this small model rather than a JSON library.
/// </summary>
internal sealed class OrderedJsonObject
{
    private readonly List<KeyValuePair<string, object>> _members = new();

    public IReadOnlyList<KeyValuePair<string, object>> Members => _members;

    /// <summary>Adds a member and returns this object, so a schema reads as one expression.</summary>
    public OrderedJsonObject Add(string name, object value)
    {
        _members.Add(new KeyValuePair<string, object>(name, value));
        return this;
    }
}
