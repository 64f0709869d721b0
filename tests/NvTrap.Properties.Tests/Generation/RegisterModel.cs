namespace NvTrap.Properties.Tests.Generation;

/// <summary>A field of a generated register: bits <see cref="Hi"/>..<see cref="Lo"/>.</summary>
internal sealed record FieldModel(string Name, int Hi, int Lo)
{
    public ulong Mask => (Hi == 63 ? ulong.MaxValue : (1UL << (Hi + 1)) - 1) & ~((1UL << Lo) - 1);

    public bool IsBit => Hi == Lo;
}

/// <summary>A generated register: what expressions, controls and fine-grained groups may read of it.</summary>
internal sealed record RegisterModel(string Name, IReadOnlyList<FieldModel> Fields, ulong Res0, ulong Res1)
{
    public bool IsSanitised => Res0 != 0 || Res1 != 0;
}
