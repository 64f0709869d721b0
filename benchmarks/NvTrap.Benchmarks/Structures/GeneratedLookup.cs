namespace NvTrap.Benchmarks.Structures;

/// <summary>The generated perfect hash, called exactly as the decision engine calls it.</summary>
internal readonly struct GeneratedLookup : IConfigLookup
{
    public ulong Lookup(ushort encoding) => default(Linux66Traps.Rules).LookupIssKey(EncodingLayout.IssKey(encoding));
}
