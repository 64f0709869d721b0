namespace NvTrap.Properties.Tests.Generation;

/// <summary>
/// The 16-bit space of system-register encodings (op0 op1 CRn CRm op2, packed in that order) and
/// which parts of it a generated ruleset has used: coarse entries may not overlap one another,
/// and an encoding has at most one fine-grained entry. Encodings are drawn near one another so
/// ranges, neighbours and the perfect hash see dense clusters as real rulesets have.
/// </summary>
internal sealed class EncodingSpace
{
    private readonly Draw _draw;
    private readonly List<(int First, int Last)> _coarse = new();
    private readonly HashSet<int> _fine = new();
    private readonly int _base;

    public EncodingSpace(Draw draw)
    {
        _draw = draw;
        _base = draw.Below(1 << 16);
    }

    /// <summary>An encoding near the others (sometimes anywhere).</summary>
    public int Near() => _draw.OneIn(6) ? _draw.Below(1 << 16) : (_base + _draw.Below(512)) & 0xFFFF;

    /// <summary>A free coarse range of about <paramref name="length"/> encodings, or null when none was found quickly.</summary>
    public (int First, int Last)? TakeCoarse(int length)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            int first = Near();
            int last = Math.Min(0xFFFF, first + length - 1);
            if (_coarse.All(r => last < r.First || first > r.Last))
            {
                _coarse.Add((first, last));
                return (first, last);
            }
        }

        return null;
    }

    /// <summary>A free single coarse encoding, or null.</summary>
    public int? TakeCoarse() => TakeCoarse(1)?.First;

    /// <summary>A range of encodings none of which has a fine-grained entry yet, or null.</summary>
    public (int First, int Last)? TakeFine(int length)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            int first = Near();
            int last = Math.Min(0xFFFF, first + length - 1);
            if (!Enumerable.Range(first, last - first + 1).Any(_fine.Contains))
            {
                for (int e = first; e <= last; e++)
                {
                    _fine.Add(e);
                }

                return (first, last);
            }
        }

        return null;
    }

    public static int Pack(int op0, int op1, int crn, int crm, int op2) => (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;

    public static (int Op0, int Op1, int CRn, int CRm, int Op2) Unpack(int packed) =>
        ((packed >> 14) & 3, (packed >> 11) & 7, (packed >> 7) & 15, (packed >> 3) & 15, packed & 7);

    /// <summary>The generic assembler name S&lt;op0&gt;_&lt;op1&gt;_C&lt;CRn&gt;_C&lt;CRm&gt;_&lt;op2&gt;.</summary>
    public static string Generic(int packed)
    {
        var (op0, op1, crn, crm, op2) = Unpack(packed);
        return $"S{op0}_{op1}_C{crn}_C{crm}_{op2}";
    }
}
