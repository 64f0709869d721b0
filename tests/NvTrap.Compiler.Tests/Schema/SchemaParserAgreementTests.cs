using System.Text.Json.Nodes;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Profiles;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Tests.Schema;

/// <summary>
/// The schema and the parser agree over the whole language, both ways, on files built from the
/// key tables: every key the schema lists the parser accepts with a value of its shape, every key
/// the parser accepts the schema lists, and both refuse the same unknown, missing and conflicting
/// keys. The generated schema cannot drift from the tables (ShippedSchemaTests); these tests keep
/// the tables' shapes, required flags and alternatives true to what the parser's code does.
/// </summary>
public class SchemaParserAgreementTests
{
    public static TheoryData<string> RulePlacements => new(LanguageSamples.Placements(RuleFileKeys.File).Select(p => p.ToString()));

    public static TheoryData<string> VmPlacements => new(LanguageSamples.Placements(VmProfileKeys.File).Select(p => p.ToString()));

    private sealed record Language(KeyTable Root, SchemaValidator Schema, Func<string, List<RuleDiagnostic>> Parse);

    private static readonly Language Rules = new(RuleFileKeys.File, SchemaValidator.Rules, text =>
    {
        var diagnostics = new List<RuleDiagnostic>();
        RuleFileParser.Parse("t.nvtrap.yaml", text, diagnostics);
        return diagnostics;
    });

    private static readonly Language Vm = new(VmProfileKeys.File, SchemaValidator.VmProfile, text =>
    {
        var diagnostics = new List<RuleDiagnostic>();
        VmProfileReader.Read("vm.yaml", text, LanguageSamples.VmRuleset, diagnostics);
        return diagnostics;
    });

    private static (Language Language, Placement Placement) Find(string placement) =>
        LanguageSamples.Placements(RuleFileKeys.File).FirstOrDefault(p => p.ToString() == placement) is { } rule
            ? (Rules, rule)
            : (Vm, LanguageSamples.Placements(VmProfileKeys.File).Single(p => p.ToString() == placement));

    /// <summary>The keys the shipped schema lists for a kind of mapping (its definition, or the root).</summary>
    private static List<string> SchemaKeys(Language language, KeyTable table)
    {
        var root = JsonNode.Parse(language.Schema.Text)!;
        var definition = table == language.Root ? root : root["$defs"]![table.DefinitionName]!;
        return definition["properties"]!.AsObject().Select(p => p.Key).ToList();
    }

    private static void AssertAccepted(Language language, string file, string what)
    {
        var errors = language.Parse(file).Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, $"{what}: the parser refuses\n{file}\n{string.Join("\n", errors)}");
        var schemaErrors = language.Schema.Validate(file);
        Assert.True(schemaErrors.Count == 0, $"{what}: the schema refuses\n{file}\n{string.Join("\n", schemaErrors)}");
    }

    private static void AssertRefused(Language language, string file, string diagnostic, string pointer, string what)
    {
        var diagnostics = language.Parse(file);
        Assert.True(diagnostics.Any(d => d.IsError && d.Id == diagnostic), $"{what}: the parser does not report {diagnostic} for\n{file}\n{string.Join("\n", diagnostics)}");
        var errors = language.Schema.Validate(file);
        Assert.True(errors.Any(e => e.Location == pointer), $"{what}: the schema reports nothing at '{pointer}' for\n{file}\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void Every_kind_of_mapping_is_reached()
    {
        var rules = LanguageSamples.Placements(RuleFileKeys.File).Select(p => p.Table.DefinitionName).ToHashSet();
        Assert.Equal(
            ["ruleFile", "context", "parameter", "register", "control", "condition", "trap", "fineGrainedGroup", "fineGrainedTrap", "nonSysregBit", "family"],
            rules);
        Assert.Equal(["vmProfile", "reservedBits"], LanguageSamples.Placements(VmProfileKeys.File).Select(p => p.Table.DefinitionName));
    }

    [Theory]
    [MemberData(nameof(RulePlacements))]
    [MemberData(nameof(VmPlacements))]
    public void The_smallest_mapping_of_each_kind_is_accepted_by_both(string placement)
    {
        var (language, at) = Find(placement);
        AssertAccepted(language, at.Embed(LanguageSamples.Minimal(at.Table)), placement);
    }

    [Theory]
    [MemberData(nameof(RulePlacements))]
    [MemberData(nameof(VmPlacements))]
    public void Every_key_the_schema_lists_the_parser_accepts_with_a_value_of_its_shape(string placement)
    {
        var (language, at) = Find(placement);
        foreach (string key in SchemaKeys(language, at.Table))
        {
            var definition = at.Table[key];
            AssertAccepted(language, at.Embed(LanguageSamples.Minimal(at.Table, key, LanguageSamples.Sample(definition.Value))), $"{placement}, {key}");
            if (definition.Value.Nullable)
            {
                AssertAccepted(language, at.Embed(LanguageSamples.Minimal(at.Table, key, "~")), $"{placement}, {key} left empty");
            }

            if (definition.Value is ChoiceShape choice)
            {
                foreach (var word in choice.Words)
                {
                    AssertAccepted(language, at.Embed(LanguageSamples.Minimal(at.Table, key, word.Key)), $"{placement}, {key}: {word.Key}");
                }
            }
        }
    }

    /// <summary>Every key of every kind, and some near misses: the keys a parser could be asked about.</summary>
    private static IEnumerable<string> CandidateKeys() =>
        LanguageSamples.Placements(RuleFileKeys.File).Concat(LanguageSamples.Placements(VmProfileKeys.File))
            .SelectMany(p => p.Table.Names)
            .Concat(["name", "Forward", "trap-when", "sysreg_", "fields_", "description", "fgu_", "res2"])
            .Distinct();

    [Theory]
    [MemberData(nameof(RulePlacements))]
    [MemberData(nameof(VmPlacements))]
    public void A_key_is_accepted_by_the_parser_exactly_when_the_schema_lists_it(string placement)
    {
        var (language, at) = Find(placement);
        var listed = SchemaKeys(language, at.Table);
        foreach (string key in CandidateKeys())
        {
            // A value of the key's own shape where it has one, so only the key itself can be refused.
            string value = at.Table.Names.Contains(key) ? LanguageSamples.Sample(at.Table[key].Value) : "1";
            string file = at.Embed(LanguageSamples.Minimal(at.Table, key, value));
            bool parserAccepts = !language.Parse(file).Any(d => d.Id == Descriptors.UnknownKey.Id);
            Assert.True(parserAccepts == listed.Contains(key), $"{placement}: the parser {(parserAccepts ? "accepts" : "refuses")} '{key}', which the schema {(listed.Contains(key) ? "lists" : "does not list")}");
            if (!parserAccepts)
            {
                // A family's one free key is its variable, so there a stray key breaks the count of keys, not the key's name.
                string pointer = at.Table.Placeholder is null ? $"{at.Pointer}/{key}" : at.Pointer;
                AssertRefused(language, file, Descriptors.UnknownKey.Id, pointer, $"{placement}, unknown key '{key}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RulePlacements))]
    [MemberData(nameof(VmPlacements))]
    public void Leaving_out_a_required_key_is_refused_by_both(string placement)
    {
        var (language, at) = Find(placement);
        var required = at.Table.Keys.Where(k => k.Required).Select(k => k.Name).ToList();
        if (at.Table.Placeholder is { } placeholder)
        {
            required.Add(placeholder.Name);
        }

        foreach (string key in required)
        {
            AssertRefused(language, at.Embed(LanguageSamples.Minimal(at.Table, without: key)), Descriptors.MissingKey.Id, at.Pointer, $"{placement} without '{key}'");
        }

        foreach (var optional in at.Table.Keys.Where(k => !k.Required && !at.Table.Alternatives.Any(a => a.Contains(k.Name))))
        {
            AssertAccepted(language, at.Embed(LanguageSamples.Minimal(at.Table, without: optional.Name)), $"{placement} without '{optional.Name}'");
        }

        if (at.Table.MinimumKeys > 0)
        {
            AssertRefused(language, at.Embed("{}"), Descriptors.MissingKey.Id, at.Pointer, $"{placement} with no key");
        }
    }

    [Theory]
    [MemberData(nameof(RulePlacements))]
    public void Keys_that_exclude_each_other_are_refused_together_and_one_set_is_needed(string placement)
    {
        var (language, at) = Find(placement);
        var alternatives = at.Table.Alternatives;
        if (alternatives.Count == 0)
        {
            return;
        }

        // None of the sets: the smallest mapping holds only the first set, so take its keys out.
        string none = LanguageSamples.Minimal(at.Table, without: alternatives[0][0]);
        foreach (string key in alternatives[0].Skip(1))
        {
            none = none.Replace($", {key}: {LanguageSamples.Sample(at.Table[key].Value)}", string.Empty).Replace($"{key}: {LanguageSamples.Sample(at.Table[key].Value)}, ", string.Empty);
        }

        Assert.DoesNotContain(alternatives.SelectMany(a => a), key => none.Contains(key + ":", StringComparison.Ordinal));
        AssertRefused(language, at.Embed(none), Descriptors.MissingKey.Id, at.Pointer, $"{placement} with none of its alternatives");

        // Two sets at once: the first set whole, and one key of each other set.
        foreach (var other in alternatives.Skip(1))
        {
            string key = other[0];
            string file = at.Embed(LanguageSamples.Minimal(at.Table, alternatives[0][0], LanguageSamples.Sample(at.Table[alternatives[0][0]].Value)).TrimEnd('}') + $", {key}: {LanguageSamples.Sample(at.Table[key].Value)} }}");
            AssertRefused(language, file, Descriptors.ConflictingKeys.Id, at.Pointer, $"{placement} with '{alternatives[0][0]}' and '{key}'");
        }
    }
}
