using System.Collections.Immutable;

namespace NvTrap.Kernel.Preprocessing;

/// <summary>
/// Unions of hide sets without copying where one side adds nothing. Almost every token of a macro
/// body has an empty hide set, and ImmutableHashSet's Union builds a new tree from the other
/// side's elements even then: on a deep expansion that was most of the preprocessor's time and
/// memory.
/// </summary>
internal static class HideSets
{
    public static ImmutableHashSet<string> Union(ImmutableHashSet<string> a, ImmutableHashSet<string> b)
    {
        if (a.IsEmpty || ReferenceEquals(a, b))
        {
            return b;
        }

        return b.IsEmpty ? a : a.Union(b);
    }
}
