using NvTrap.Compiler.Profiles;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Tests.Schema;

/// <summary>
/// Builds small files from the key tables themselves: a value of each shape that the parser and
/// the schema both accept, the smallest mapping of each kind, and every place a kind of mapping
/// can stand. The files are YAML flow text, so a value is written exactly as the test means it
/// (plain where the compiler wants a plain scalar).
/// </summary>
internal static class LanguageSamples
{
    public const string EntryName = "X";
    public const string FamilyName = "F<n>_EL1";
    public const string FamilyVariable = "n";

    /// <summary>What a VM profile's names refer to: one of each, all named <see cref="EntryName"/>.</summary>
    public static readonly VmProfileSchema VmRuleset = new("t", [EntryName], [EntryName], 1, [new ProfileParameter(EntryName, 0, ulong.MaxValue)]);

    public static string Sample(ValueShape shape) => shape switch
    {
        ScalarShape scalar => scalar.Form switch
        {
            ScalarForm.Integer => "0x1F",
            ScalarForm.Bit => "3",
            ScalarForm.BitOrRange => "[5, 4]",
            ScalarForm.BitMask => "[[63, 60], 2]",
            ScalarForm.FieldBits => "[A, B]",
            ScalarForm.Name or ScalarForm.DefinitionName => EntryName,
            ScalarForm.FamilyName => FamilyName,
            ScalarForm.RulesetName => "t",
            ScalarForm.Expression => "\"el == 1 && HCR_EL2.E2H\"",
            ScalarForm.Encoding => "S3_0_C1_C0_0",
            ScalarForm.EncodingRange => "[S3_0_C1_C0_0, [3, 0, 1, 0, 7]]",
            ScalarForm.FamilyEncoding => $"[3, 0, 1, {FamilyVariable}, \"{FamilyVariable} & 7\"]",
            ScalarForm.IndexRange => "0..3",
            ScalarForm.FineGrainedBit => "G.F",
            ScalarForm.Flag => "true",
            _ => throw new ArgumentOutOfRangeException(nameof(shape), scalar.Form, "no sample"),
        },
        ChoiceShape choice => choice.Words[0].Key,
        ObjectShape obj => Minimal(obj.Table),
        ListShape list => $"[{Sample(list.Items)}]",
        MapShape map => $"{{ {Name(map.Entries[0])}: {Sample(map.Entries[0].Value)} }}",
        _ => throw new ArgumentException($"no sample for {shape.GetType().Name}", nameof(shape)),
    };

    private static string Name(MapEntryShape entry) => entry.Name.Form == ScalarForm.FamilyName ? FamilyName : EntryName;

    /// <summary>
    /// The smallest mapping of a kind: its required keys, its placeholder, and the first of its
    /// alternatives (or the one holding <paramref name="key"/>), with <paramref name="key"/> set
    /// to <paramref name="value"/> and <paramref name="without"/> left out, and as many keys as
    /// <see cref="KeyTable.MinimumKeys"/> asks.
    /// </summary>
    public static string Minimal(KeyTable table, string? key = null, string? value = null, string? without = null)
    {
        var alternative = table.Alternatives.FirstOrDefault(a => key is not null && a.Contains(key)) ?? table.Alternatives.FirstOrDefault() ?? [];
        var entries = new List<string>();
        if (table.Placeholder is { } placeholder && without != placeholder.Name)
        {
            entries.Add($"{FamilyVariable}: {Sample(placeholder.Value)}");
        }

        foreach (var definition in table.Keys)
        {
            if (definition.Name == without)
            {
                continue;
            }

            if (definition.Name == key)
            {
                entries.Add($"{key}: {value}");
            }
            else if (definition.Required || alternative.Contains(definition.Name))
            {
                entries.Add($"{definition.Name}: {Sample(definition.Value)}");
            }
        }

        // A kind that needs some keys, whichever (a VM profile's register entry), gets the first ones.
        foreach (var definition in table.Keys.Where(k => k.Name != without && k.Name != key && !entries.Any(e => e.StartsWith(k.Name + ":", StringComparison.Ordinal))))
        {
            if (entries.Count >= table.MinimumKeys)
            {
                break;
            }

            entries.Add($"{definition.Name}: {Sample(definition.Value)}");
        }

        if (key is not null && !table.Names.Contains(key))
        {
            entries.Add($"{key}: {value}");
        }

        return entries.Count == 0 ? "{}" : $"{{ {string.Join(", ", entries)} }}";
    }

    /// <summary>Every kind of mapping under <paramref name="root"/>, with a way to embed one in a whole file.</summary>
    public static IEnumerable<Placement> Placements(KeyTable root) => Walk(new Placement(root, inner => inner, string.Empty));

    private static IEnumerable<Placement> Walk(Placement at)
    {
        yield return at;
        foreach (var key in at.Table.Keys)
        {
            string Around(string inner) => at.Embed(Minimal(at.Table, key.Name, inner));
            IEnumerable<Placement> Inside(ValueShape shape, Func<string, string> wrap, string pointer) => shape switch
            {
                ObjectShape obj => Walk(new Placement(obj.Table, inner => Around(wrap(inner)), pointer)),
                ListShape list => Inside(list.Items, inner => wrap($"[{inner}]"), pointer + "/0"),
                MapShape map => map.Entries.SelectMany(e => Inside(e.Value, inner => wrap($"{{ {Name(e)}: {inner} }}"), pointer + "/" + Name(e).Replace("~", "~0").Replace("/", "~1"))),
                _ => [],
            };

            foreach (var inner in Inside(key.Value, inner => inner, $"{at.Pointer}/{key.Name}"))
            {
                yield return inner;
            }
        }
    }
}
