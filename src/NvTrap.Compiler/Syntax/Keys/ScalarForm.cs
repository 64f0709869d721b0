namespace NvTrap.Compiler.Syntax;

/// <summary>
/// The language's single values and fixed-shape lists. Each has one spelling in the schema
/// (docs/schema); a new one must be given its spelling there, which the switch over this enum
/// enforces.
/// </summary>
internal enum ScalarForm
{
    /// <summary>An unsigned 64-bit integer literal.</summary>
    Integer,

    /// <summary>A bit number, 0..63.</summary>
    Bit,

    /// <summary>A bit, or an inclusive [hi, lo] range.</summary>
    BitOrRange,

    /// <summary>An integer mask, or a list of bits and ranges.</summary>
    BitMask,

    /// <summary>A control's mask or value: a field name, a list of them, or an integer.</summary>
    FieldBits,

    /// <summary>A name that refers to something defined elsewhere.</summary>
    Name,

    /// <summary>A name an entry defines (a key of a named section).</summary>
    DefinitionName,

    /// <summary>A catalogue family's name, with one &lt;variable&gt; placeholder.</summary>
    FamilyName,

    /// <summary>A ruleset's name.</summary>
    RulesetName,

    /// <summary>An expression of the rule language.</summary>
    Expression,

    /// <summary>An encoding: catalogue name, generic name or five-field list.</summary>
    Encoding,

    /// <summary>[first, last] of two encodings.</summary>
    EncodingRange,

    /// <summary>A family's five encoding fields, each an integer or an expression.</summary>
    FamilyEncoding,

    /// <summary>first..last.</summary>
    IndexRange,

    /// <summary>GROUP.FIELD or GROUP[n].</summary>
    FineGrainedBit,

    /// <summary>true or false.</summary>
    Flag,
}
