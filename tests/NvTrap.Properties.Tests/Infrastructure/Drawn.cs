namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>One generated document with its index in the run and the CsCheck seed that regenerates it.</summary>
internal sealed record Drawn<T>(long Index, string Seed, T Value);
