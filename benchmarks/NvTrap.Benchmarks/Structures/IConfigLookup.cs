namespace NvTrap.Benchmarks.Structures;

/// <summary>
/// One way to find an encoding's packed trap config. Implemented by empty structs over static
/// data and taken as a struct-constrained generic parameter, as <see cref="ITrapRules"/> is, so
/// each implementation gets its own specialized, inlined code.
/// </summary>
internal interface IConfigLookup
{
    /// <summary>The packed config (kernel layout), 0 if the encoding is not configured.</summary>
    ulong Lookup(ushort encoding);
}
