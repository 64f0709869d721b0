using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NvTrap.Kernel.Import;

/// <summary>A catalogue family: its index range and one expression of <c>n</c> per encoding field.</summary>
internal sealed record CatalogueFamily(int Low, int High, IReadOnlyList<string> Fields);

/// <summary>
/// Writes the members of an indexed kernel macro (SYS_DBGBVRn_EL1(n)) as one catalogue family,
/// when every index from the lowest to the highest used is present and each encoding field is one
/// of a few simple functions of n (a constant, n, n &amp; 7, c | (n &gt;&gt; 3), c | ((n &gt;&gt; 3) &amp; 3)),
/// checked against every member. Members that do not fit stay individual names.
/// </summary>
internal static class CatalogueFamilies
{
    private static readonly (string Text, Func<int, int, int> Value)[] Shapes =
    {
        ("{c}", (n, c) => c),
        ("n", (n, c) => n),
        ("n & 7", (n, c) => n & 7),
        ("{c} | (n >> 3)", (n, c) => c | (n >> 3)),
        ("{c} | ((n >> 3) & 3)", (n, c) => c | ((n >> 3) & 3)),
    };

    public static Dictionary<string, CatalogueFamily> Fit(ImportedRuleset ruleset, IEnumerable<string> names)
    {
        var fitted = new Dictionary<string, CatalogueFamily>(StringComparer.Ordinal);
        var members = names
            .Where(ruleset.FamilyMembers.ContainsKey)
            .GroupBy(n => ruleset.FamilyMembers[n].Family, StringComparer.Ordinal);
        foreach (var family in members)
        {
            var points = family.Select(n => (Index: ruleset.FamilyMembers[n].Index, Encoding: ruleset.Catalogue[n])).OrderBy(p => p.Index).ToList();
            if (FitFields(points) is { } fields)
            {
                fitted[family.Key] = new CatalogueFamily(points[0].Index, points[points.Count - 1].Index, fields.Select(f => f.Contains(' ') ? "\"" + f + "\"" : f).ToList());
            }
        }

        return fitted;
    }

    /// <summary>
    /// The five encoding fields of a family as expressions of <c>n</c> (op0 first), when the points,
    /// in index order, are at least two, have every index from the lowest to the highest, and each
    /// field is one of the simple shapes; null otherwise.
    /// </summary>
    public static IReadOnlyList<string>? FitFields(IReadOnlyList<(int Index, ushort Encoding)> points)
    {
        int low = points[0].Index, high = points[points.Count - 1].Index;
        if (points.Count < 2 || points.Count != high - low + 1)
        {
            return null;
        }

        var fields = new List<string>();
        for (int field = 0; field < 5; field++)
        {
            int shift = field switch { 0 => 14, 1 => 11, 2 => 7, 3 => 3, _ => 0 };
            int mask = field switch { 0 => 3, 1 => 7, 2 => 15, 3 => 15, _ => 7 };
            var values = points.Select(p => (p.Index, Value: (p.Encoding >> shift) & mask)).ToList();
            string? shape = null;
            foreach (var (text, value) in Shapes)
            {
                // The constant part is what the shape leaves when its n part is cleared.
                int constant = values[0].Value & ~value(values[0].Index, 0);
                if (values.All(v => value(v.Index, constant) == v.Value))
                {
                    shape = text.Replace("{c}", constant.ToString(CultureInfo.InvariantCulture));
                    break;
                }
            }

            if (shape is null)
            {
                return null;
            }

            fields.Add(shape);
        }

        return fields;
    }
}
