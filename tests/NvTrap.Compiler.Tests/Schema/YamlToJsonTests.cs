using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Tests.Schema;

/// <summary>
/// The YAML-to-JSON conversion the schema tests rely on: what a validator sees must be what the
/// compiler reads, or a passing schema test would prove nothing about real files.
/// </summary>
public class YamlToJsonTests
{
    private static string Json(string yaml) => YamlToJson.Convert(yaml)?.ToJsonString() ?? "null";

    [Theory]
    [InlineData("a: 26", "{\"a\":26}")]
    [InlineData("a: 0x1F", "{\"a\":31}")]
    [InlineData("a: 0X1f", "{\"a\":31}")]
    [InlineData("a: 0b101", "{\"a\":5}")]
    [InlineData("a: 1_000", "{\"a\":1000}")]
    [InlineData("a: 0xFFFF_FFFF_FFFF_FFFF", "{\"a\":18446744073709551615}")]
    [InlineData("a: 0x1_0000_0000_0000_0000", "{\"a\":\"0x1_0000_0000_0000_0000\"}")]
    [InlineData("a: 007", "{\"a\":7}")]
    [InlineData("a: -1", "{\"a\":\"-1\"}")]
    [InlineData("a: 1.5", "{\"a\":\"1.5\"}")]
    [InlineData("a: 0o17", "{\"a\":\"0o17\"}")]
    public void Plain_integer_literals_are_numbers_as_the_compiler_reads_them_and_nothing_else_is(string yaml, string json) =>
        Assert.Equal(json, Json(yaml));

    [Theory]
    [InlineData("a: \"0x1F\"", "{\"a\":\"0x1F\"}")]
    [InlineData("a: '26'", "{\"a\":\"26\"}")]
    [InlineData("a: \"true\"", "{\"a\":\"true\"}")]
    [InlineData("a: 'null'", "{\"a\":\"null\"}")]
    [InlineData("a: |\n  el == 2\n", "{\"a\":\"el == 2\\n\"}")]
    [InlineData("a: >-\n  el ==\n  2\n", "{\"a\":\"el == 2\"}")]
    public void Quoted_and_block_scalars_are_strings_whatever_they_hold(string yaml, string json) =>
        Assert.Equal(json, Json(yaml));

    [Theory]
    [InlineData("a: true", "{\"a\":true}")]
    [InlineData("a: false", "{\"a\":false}")]
    [InlineData("a: True", "{\"a\":\"True\"}")]
    [InlineData("a: yes", "{\"a\":\"yes\"}")]
    [InlineData("a:", "{\"a\":null}")]
    [InlineData("a: ~", "{\"a\":null}")]
    [InlineData("a: null", "{\"a\":null}")]
    [InlineData("a: NULL", "{\"a\":null}")]
    [InlineData("a: S3_0_C1_C0_0", "{\"a\":\"S3_0_C1_C0_0\"}")]
    [InlineData("a: 0..15", "{\"a\":\"0..15\"}")]
    [InlineData("a: el == 2", "{\"a\":\"el == 2\"}")]
    public void Plain_words_are_booleans_nulls_or_strings_as_the_compiler_reads_them(string yaml, string json) =>
        Assert.Equal(json, Json(yaml));

    [Fact]
    public void Flow_and_block_styles_give_the_same_json()
    {
        string block = "ruleset: t\nregisters:\n  R:\n    fields:\n      A: 3\n      B:\n        - 7\n        - 4\ntraps:\n  - group: G\n    sysregs:\n      - S3_0_C1_C0_0\n      - [3, 0, 1, 0, 1]\n";
        string flow = "{ ruleset: t, registers: { R: { fields: { A: 3, B: [7, 4] } } }, traps: [ { group: G, sysregs: [S3_0_C1_C0_0, [3, 0, 1, 0, 1]] } ] }";
        string json = "{\"ruleset\":\"t\",\"registers\":{\"R\":{\"fields\":{\"A\":3,\"B\":[7,4]}}},\"traps\":[{\"group\":\"G\",\"sysregs\":[\"S3_0_C1_C0_0\",[3,0,1,0,1]]}]}";
        Assert.Equal(json, Json(block));
        Assert.Equal(json, Json(flow));
    }

    [Fact]
    public void Comments_and_the_schema_modeline_change_nothing() =>
        Assert.Equal("{\"ruleset\":\"t\"}", Json("# yaml-language-server: $schema=../docs/schema/nvtrap-rules.schema.json\nruleset: t  # the name\n"));

    [Theory]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !!str 1\n")]
    public void Anchors_aliases_and_tags_which_rule_files_may_not_use_are_refused(string yaml) =>
        Assert.Throws<NotSupportedException>(() => YamlToJson.Convert(yaml));

    /// <summary>Scalars as a file may write them where a number or a flag is expected, plain and quoted.</summary>
    public static TheoryData<string> Scalars => new()
    {
        "0", "26", "0x1F", "0b101", "1_000", "0_x1", "0x", "0b2", "_1", "1_", "-1", "+1", "1.5", "0o17", "1e3", "0x1_0000_0000_0000_0000",
        "true", "false", "True", "TRUE", "yes", "on", "~", "null", "x",
        "\"26\"", "'0x1F'", "\"true\"", "'false'",
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void A_scalar_is_a_json_number_exactly_when_the_parser_reads_it_as_an_integer(string scalar)
    {
        var diagnostics = new List<RuleDiagnostic>();
        RuleFileParser.Parse("t.nvtrap.yaml", $"ruleset: t\nparameters:\n  p: {{ default: {scalar}, range: 0..1 }}\n", diagnostics);
        bool parserReadsInteger = !diagnostics.Any(d => d.IsError);
        var converted = YamlToJson.Convert($"a: {scalar}")!["a"];
        bool jsonNumber = converted is System.Text.Json.Nodes.JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number;
        Assert.True(parserReadsInteger == jsonNumber, $"{scalar}: parser reads an integer: {parserReadsInteger}; JSON number: {jsonNumber} ({string.Join("; ", diagnostics)})");
    }

    [Theory]
    [MemberData(nameof(Scalars))]
    public void A_scalar_is_a_json_boolean_exactly_when_the_parser_reads_it_as_a_flag(string scalar)
    {
        var diagnostics = new List<RuleDiagnostic>();
        RuleFileParser.Parse("t.nvtrap.yaml", $"ruleset: t\ncontrols:\n  C: {{ register: R, mask: 1, value: 1, forward: any, in_host_el0: {scalar} }}\n", diagnostics);
        bool parserReadsFlag = !diagnostics.Any(d => d.IsError);
        var converted = YamlToJson.Convert($"a: {scalar}")!["a"];
        bool jsonBoolean = converted is System.Text.Json.Nodes.JsonValue value && value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False;
        Assert.True(parserReadsFlag == jsonBoolean, $"{scalar}: parser reads a flag: {parserReadsFlag}; JSON boolean: {jsonBoolean} ({string.Join("; ", diagnostics)})");
    }

    [Theory]
    [MemberData(nameof(Scalars))]
    public void A_scalar_is_json_null_exactly_when_the_parser_reads_it_as_empty(string scalar)
    {
        // An empty 'registers' section is accepted; any other scalar there is the wrong type.
        var diagnostics = new List<RuleDiagnostic>();
        RuleFileParser.Parse("t.nvtrap.yaml", $"ruleset: t\nregisters: {scalar}\n", diagnostics);
        bool parserReadsEmpty = !diagnostics.Any(d => d.IsError);
        Assert.Equal(parserReadsEmpty, YamlToJson.Convert($"a: {scalar}")!["a"] is null);
    }
}
