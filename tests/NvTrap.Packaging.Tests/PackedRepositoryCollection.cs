namespace NvTrap.Packaging.Tests;

/// <summary>
/// The test classes that consume the packed repository share one pack of it: packing is the
/// slow part, and the classes of one collection run one after another, never at once, so a test
/// that packs again does not race the others.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackedRepositoryCollection : ICollectionFixture<PackedRepository>
{
    public const string Name = "packed repository";
}
