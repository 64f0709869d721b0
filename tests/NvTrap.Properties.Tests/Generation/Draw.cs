using CsCheck;

namespace NvTrap.Properties.Tests.Generation;

/// <summary>
/// The random choices of one generated document, drawn from CsCheck's PCG so that a document is
/// reproducible from its seed, with a running size: CsCheck shrinks towards documents that made
/// fewer and smaller choices.
/// </summary>
internal sealed class Draw
{
    private readonly PCG _pcg;

    public Draw(PCG pcg) => _pcg = pcg;

    /// <summary>The sum of every choice made so far, CsCheck's measure of how large the document is.</summary>
    public ulong Size { get; private set; }

    /// <summary>0 .. <paramref name="count"/> - 1.</summary>
    public int Below(int count)
    {
        if (count <= 1)
        {
            return 0;
        }

        int value = (int)_pcg.Next((uint)count);
        Size += (ulong)value;
        return value;
    }

    /// <summary><paramref name="min"/> .. <paramref name="max"/>, inclusive.</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);

    /// <summary>True once in <paramref name="n"/> draws.</summary>
    public bool OneIn(int n) => Below(n) == 0;

    public bool Coin() => Below(2) == 0;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>Any 64-bit value, biased to the values where arithmetic and bit tests have edges.</summary>
    public ulong Value()
    {
        switch (Below(9))
        {
            case 0: return 0;
            case 1: return ulong.MaxValue;
            case 2: return 1UL << Below(64);
            case 3: return (ulong)Below(17);
            case 4: return ~(1UL << Below(64));
            case 5: return (1UL << Below(64)) - 1;
            case 6: return 63 + (ulong)Below(3);
            default:
                Size += 8;
                return _pcg.Next64();
        }
    }

    /// <summary>A raw 64-bit value, uniformly.</summary>
    public ulong Bits()
    {
        Size += 4;
        return _pcg.Next64();
    }

    /// <summary>Shuffles <paramref name="items"/> in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = (int)_pcg.Next((uint)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
