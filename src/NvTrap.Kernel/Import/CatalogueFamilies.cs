using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NvTrap.Kernel.Import;

/// <summary>A catalogue family: its index range and one expression of <c>n</c> per encoding field.</summary>
internal sealed record CatalogueFamily(int Low, int High, IReadOnlyList<string> Fields);

/// <summary>One encoding field of a family as a function of the index: its text, the function, and the constant it takes.</summary>
internal sealed record FieldShape(string Text, Func<int, int, int> Value, int Constant);

/// <summary>
/// Writes the members of an indexed kernel macro (SYS_DBGBVRn_EL1(n)) as one catalogue family,
/// when every index from the lowest to the highest used is present and each encoding field is one
/// of a few simple functions of n (a constant, n, n &amp; 7, c | (n &gt;&gt; 3), c | ((n &gt;&gt; 3) &amp; 3)),
/// checked against every member. Members that do not fit stay individual names. The family spans
/// the indices used, or the range the overlay gives it (checked by the import).
/// </summary>
internal static class CatalogueFamilies
{
    private static readonly int[] FieldShifts = { 14, 11, 7, 3, 0 };
    private static readonly int[] FieldMasks = { 3, 7, 15, 15, 7 };

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
                var (low, high) = ruleset.FamilyRanges.TryGetValue(family.Key, out var range) ? range : (points[0].Index, points[points.Count - 1].Index);
                fitted[family.Key] = new CatalogueFamily(low, high, fields.Select(f => f.Contains(' ') ? "\"" + f + "\"" : f).ToList());
            }
        }

        return fitted;
    }

    /// <summary>
    /// The five encoding fields of a family as expressions of <c>n</c> (op0 first), when the points,
    /// in index order, are at least two, have every index from the lowest to the highest, and each
    /// field is one of the simple shapes; null otherwise.
    /// </summary>
    public static IReadOnlyList<string>? FitFields(IReadOnlyList<(int Index, ushort Encoding)> points) =>
        FitShapes(points)?.Select(s => s.Text).ToList();

    /// <summary>
    /// The encoding of index <paramref name="index"/> under the fitted shapes, or null when a field
    /// overflows (a family cannot be stretched to an index its encoding has no room for).
    /// </summary>
    public static ushort? EncodingAt(IReadOnlyList<FieldShape> shapes, int index)
    {
        int encoding = 0;
        for (int field = 0; field < 5; field++)
        {
            int value = shapes[field].Value(index, shapes[field].Constant);
            if (value < 0 || value > FieldMasks[field])
            {
                return null;
            }

            encoding |= value << FieldShifts[field];
        }

        return (ushort)encoding;
    }

    /// <summary>As <see cref="FitFields"/>, keeping each field's function and constant so more indices can be computed.</summary>
    public static IReadOnlyList<FieldShape>? FitShapes(IReadOnlyList<(int Index, ushort Encoding)> points)
    {
        int low = points[0].Index, high = points[points.Count - 1].Index;
        if (points.Count < 2 || points.Count != high - low + 1)
        {
            return null;
        }

        var fields = new List<FieldShape>();
        for (int field = 0; field < 5; field++)
        {
            int shift = FieldShifts[field];
            int mask = FieldMasks[field];
            var values = points.Select(p => (p.Index, Value: (p.Encoding >> shift) & mask)).ToList();
            FieldShape? shape = null;
            foreach (var (text, value) in Shapes)
            {
                // The constant part is what the shape leaves when its n part is cleared.
                int constant = values[0].Value & ~value(values[0].Index, 0);
                if (values.All(v => value(v.Index, constant) == v.Value))
                {
                    shape = new FieldShape(text.Replace("{c}", constant.ToString(CultureInfo.InvariantCulture)), value, constant);
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
