using System.Collections.Generic;
using System.Linq;

namespace NvTrap.Compiler.Syntax;

/// <summary>
/// The keys one kind of mapping accepts (a rule file's top level, a control, a trap entry, ...).
/// The parser reads a mapping's keys through <see cref="Names"/>, so a key it accepts is a key
/// the table describes; the schema in docs/schema is generated from the same tables.
/// </summary>
internal sealed class KeyTable
{
    public KeyTable(string definitionName, string description, IReadOnlyList<KeyDefinition> keys, IReadOnlyList<IReadOnlyList<string>>? alternatives = null, int minimumKeys = 0, KeyDefinition? placeholder = null)
    {
        DefinitionName = definitionName;
        Description = description;
        Keys = keys;
        Alternatives = alternatives ?? new IReadOnlyList<string>[0];
        MinimumKeys = minimumKeys;
        Placeholder = placeholder;
        Names = keys.Select(k => k.Name).ToArray();
    }

    /// <summary>The name of its definition in the schema (<c>#/$defs/NAME</c>).</summary>
    public string DefinitionName { get; }

    public string Description { get; }

    /// <summary>The keys, in the order messages list them.</summary>
    public IReadOnlyList<KeyDefinition> Keys { get; }

    /// <summary>The key names, as the parser checks a mapping's keys against them.</summary>
    public string[] Names { get; }

    /// <summary>
    /// Sets of keys of which exactly one must be given, whole, with no key of another set: a trap
    /// names its encodings one way ([sysreg], [sysregs] or [range]); a fine-grained group gives
    /// [both] or [read, write].
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Alternatives { get; }

    /// <summary>The fewest keys a mapping of this kind may have (a VM profile's register entry needs res0 or res1).</summary>
    public int MinimumKeys { get; }

    /// <summary>
    /// A key whose name the entry itself chooses, besides <see cref="Keys"/>: a catalogue family's
    /// index variable, named by the placeholder in the family's name. It is the only other key.
    /// </summary>
    public KeyDefinition? Placeholder { get; }

    public KeyDefinition this[string name] => Keys.First(k => k.Name == name);
}
