using System;
using System.Collections.Generic;
using System.Linq;

namespace NvTrap.Compiler.Syntax;

/// <summary>A word from a closed set (a behaviour, a polarity), each with what it means.</summary>
internal abstract class ChoiceShape : ValueShape
{
    protected ChoiceShape(string definitionName, string description)
        : base(nullable: false)
    {
        DefinitionName = definitionName;
        Description = description;
    }

    /// <summary>The name of its definition in the schema (<c>#/$defs/NAME</c>).</summary>
    public string DefinitionName { get; }

    public string Description { get; }

    /// <summary>The words, in the order messages and the schema list them, with their meanings.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, string>> Words { get; }
}

/// <summary>
/// A closed set of words and the syntax value each stands for. The parser reads a word through
/// <see cref="TryRead"/>, so the schema's enum is exactly the set the parser knows.
/// </summary>
internal sealed class ChoiceShape<T> : ChoiceShape
{
    private readonly (string Word, T Value, string Meaning)[] _choices;

    public ChoiceShape(string definitionName, string description, params (string Word, T Value, string Meaning)[] choices)
        : base(definitionName, description) => _choices = choices;

    public override IReadOnlyList<KeyValuePair<string, string>> Words =>
        _choices.Select(c => new KeyValuePair<string, string>(c.Word, c.Meaning)).ToList();

    /// <summary>The value of a word, matched exactly (words are lower case, as YAML writes them).</summary>
    public bool TryRead(string word, out T value)
    {
        foreach (var choice in _choices)
        {
            if (string.Equals(choice.Word, word, StringComparison.Ordinal))
            {
                value = choice.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }
}
