using NvTrap.Generator.Tests.Infrastructure;

namespace NvTrap.Generator.Tests.Hostile;

/// <summary>
/// Mistakes people make, each reported where it is and saying what it is, in check and build
/// alike: a tab in the indentation, an integer too large for 64 bits, a misspelt name, a position
/// inside a value written with escapes, folds or block indentation, a misspelt ruleset name, a key
/// over YAML's length limit, an unclosed bracket, and YAML the parser itself cannot read.
/// </summary>
public class LocatedDiagnosticTests
{
    private const string Registers = "registers:\n  R: { fields: { A: 0, TVM: 26, TRVM: 30 } }\n";

    /// <summary>The only error of <paramref name="yaml"/>, after check and build agree on it.</summary>
    private static string OnlyError(string yaml)
    {
        var outcome = CheckBuildAgreement.Verify(yaml);
        return Assert.Single(outcome.CheckDiagnostics, d => d.Contains(" error ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ruleset: t\nregisters:\n\tR: { fields: { A: 0 } }\n", 3, 1)]
    [InlineData("ruleset: t\nregisters:\n  R:\n  \tfields: { A: 0 }\n", 4, 3)]
    [InlineData("ruleset: t\nregisters:\n  R: { fields: { A: 0 } }\n\t\ncontrols: {}\n", 4, 1)]
    // NEL, LS and PS end lines for YAML (and NEL then CR LF is two): found by the mutation property.
    [InlineData("ruleset: t\nregisters:\u0085\tR: { fields: { A: 0 } }\n", 3, 1)]
    [InlineData("ruleset: t\nregisters:\u0085\r\n\tR: { fields: { A: 0 } }\n", 4, 1)]
    [InlineData("ruleset: t\u2028registers:\u2029\tR: { fields: { A: 0 } }\n", 3, 1)]
    public void A_tab_in_the_indentation_is_reported_at_the_tab(string yaml, int line, int column)
    {
        Assert.Equal($"rules/t.nvtrap.yaml({line},{column}): error NVT001: YAML syntax error: a tab indents this line; YAML indents with spaces only. Replace the tab with spaces.", OnlyError(yaml));
    }

    // A file of comments and a document marker is empty: YamlDotNet put the end of its stream one
    // character past the text when a CR LF came before the marker (found by the mutation property).
    [Theory]
    [InlineData("# a\n# b\r\n---\n# c\n", 5, 1)]
    [InlineData("# a\n# b\n---\n# c\n", 5, 1)]
    [InlineData("# a\r\n---\r\n# c", 3, 4)]
    [InlineData("---\n", 2, 1)]
    public void An_empty_document_is_reported_inside_the_file(string yaml, int line, int column)
    {
        Assert.Equal($"rules/t.nvtrap.yaml({line},{column}): error NVT005: Rule file is empty; it needs at least 'ruleset: <name>'.", OnlyError(yaml));
    }

    [Theory]
    [InlineData("mask: 0x1_0000_0000_0000_0000, value: 0", "0x1_0000_0000_0000_0000")]
    [InlineData("mask: A, value: 18446744073709551616", "18446744073709551616")]
    [InlineData("mask: 12345678901234567890123, value: 0", "12345678901234567890123")]
    [InlineData("mask: 0b1_0000000000000000000000000000000000000000000000000000000000000000, value: 0", "0b1_0000000000000000000000000000000000000000000000000000000000000000")]
    public void An_integer_too_large_for_64_bits_says_so(string maskAndValue, string literal)
    {
        string yaml = $"ruleset: t\n{Registers}controls:\n  C: {{ register: R, {maskAndValue}, forward: any }}\ntraps:\n  - {{ group: C, sysreg: S3_0_C1_C0_0 }}\n";
        int column = Testing.Rules.ColumnOf(yaml, 5, literal);
        Assert.Equal($"rules/t.nvtrap.yaml(5,{column}): error NVT003: Integer {literal} is too large: values are 64-bit, at most 0xFFFF_FFFF_FFFF_FFFF (18,446,744,073,709,551,615).", OnlyError(yaml));
    }

    [Theory]
    [InlineData("R > 99999999999999999999", "99999999999999999999", "NVT060")]
    [InlineData("R[0x1_0000_0000_0000_0000]", "0x1_0000_0000_0000_0000", "NVT060")]
    public void An_integer_too_large_in_an_expression_says_so(string expression, string literal, string id)
    {
        string yaml = LongExpressionTests.WithCondition(expression);
        Assert.Equal($"rules/t.nvtrap.yaml(6,{Testing.Rules.ColumnOf(yaml, 6, literal)}): error {id}: Integer {literal} is too large: values are 64-bit, at most 0xFFFF_FFFF_FFFF_FFFF (18,446,744,073,709,551,615).", OnlyError(yaml));
    }

    [Fact]
    public void Other_places_an_integer_is_read_say_too_large_too()
    {
        string yaml = $"ruleset: t\n{Registers}parameters:\n  P: {{ default: 99999999999999999999, range: 0..3 }}\nsysregs:\n  X<n>_EL1: {{ n: 0..99999999999999999999, encoding: [3, 0, 1, n, 0] }}\n";
        var outcome = CheckBuildAgreement.Verify(yaml);
        var errors = outcome.CheckDiagnostics.Where(d => d.Contains(" error ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Contains("is too large: values are 64-bit", e));

        string bit = "ruleset: t\nregisters:\n  F: { fields: { X: 3 } }\nfine_grained:\n  G: { both: F }\nfine_grained_traps:\n  - { sysreg: S3_0_C1_C0_1, bit: \"G[99999999999999999999]\", trap_when: set }\n";
        Assert.Contains("error NVT052: Fine-grained bit 99999999999999999999 is too large; trap registers have bits 0..63.", OnlyError(bit));
    }

    [Theory]
    [InlineData("TMV", "TVM")]
    [InlineData("TRMV", "TRVM")]
    [InlineData("RTVM", "TRVM")]
    public void A_swap_of_two_letters_is_one_edit_and_suggests_the_name(string typo, string meant)
    {
        string yaml = $"ruleset: t\n{Registers}controls:\n  C: {{ register: R, mask: [{typo}], value: [], forward: any }}\ntraps:\n  - {{ group: C, sysreg: S3_0_C1_C0_0 }}\n";
        Assert.Contains($"error NVT011: Register 'R' has no field '{typo}'. Did you mean '{meant}'?", OnlyError(yaml));
    }

    public static TheoryData<string, string, int> EscapedPositions => new()
    {
        // when: (from its line on), the token the error is at as the source writes it (the only
        // one on its line), and how many lines after when: it is written.
        { "\"R.A\\t&& \\u0020 Q\"", "Q", 0 },
        { "\"R.A \\u00A0\\u00A0 &&\\x20\\x20 $\"", "$", 0 },
        { "\"R.A && \\U0001F600\"", "\\U0001F600", 0 },
        { "\"R.A\\N\\L\\P&& @\"", "@", 0 },
        { "'R.A '' Q'", "''", 0 },
        { "\"R.A &&\\\n      R.A &&  Q\"", "Q", 1 },
        { "R.A &&\n      R.A\n\n      && $", "$", 3 },
        { "|\n      R.A\n        && R.A\n\n      && #", "#", 4 },
        { ">\n      R.A\n      && $", "$", 2 },
        { "|-\n      R.A &&\n      (R.A || Q)", "Q", 2 },
    };

    [Theory]
    [MemberData(nameof(EscapedPositions))]
    public void A_position_inside_a_value_accounts_for_escapes_folds_and_block_indentation(string when, string at, int linesAfter)
    {
        string yaml = "ruleset: t\nregisters:\n  R: { fields: { A: 0 } }\nconditions:\n  K:\n    forward: any\n    when: " + when + "\ntraps:\n  - { group: K, sysreg: S3_0_C1_C0_0 }\n";
        int line = 7 + linesAfter;
        string error = OnlyError(yaml);
        Assert.StartsWith($"rules/t.nvtrap.yaml({line},{Testing.Rules.ColumnOf(yaml, line, at)}): error NVT06", error);
    }

    [Fact]
    public void A_field_of_an_encoding_written_with_escapes_is_located_at_its_escape()
    {
        string yaml = $"ruleset: t\n{Registers}controls:\n  C: {{ register: R, mask: A, value: A, forward: any }}\ntraps:\n  - {{ group: C, sysreg: \"S3_\\x38_C1_C0_0\" }}\n";
        Assert.Equal($"rules/t.nvtrap.yaml(7,{Testing.Rules.ColumnOf(yaml, 7, "\\x38")}): error NVT020: Encoding field op1 is 8; it must be 0..7.", OnlyError(yaml));
    }

    [Fact]
    public void A_name_missing_from_a_ruleset_but_defined_in_another_says_where()
    {
        const string linux = """
            ruleset: linux-6.6
            registers:
              HCR_EL2: { fields: { TVM: 26 } }
            controls:
              HCR_TVM: { register: HCR_EL2, mask: TVM, value: TVM, forward: write }
            sysregs:
              SCTLR_EL1: S3_0_C1_C0_0
            traps:
              - { group: HCR_TVM, sysreg: SCTLR_EL1 }
            """;
        const string misspelt = """
            ruleset: linux-66
            controls:
              HCR_TRVM: { register: HCR_EL2, mask: TVM, value: 0, forward: read }
            conditions:
              K: { forward: any, when: "HCR_EL2.TVM" }
            traps:
              - { group: HCR_TVM, sysreg: SCTLR_EL1 }
              - { group: K, sysreg: S3_0_C2_C0_0 }
              - { group: HCR_TRVM, sysreg: S3_0_C2_C0_1 }
            """;
        var outcome = CheckBuildAgreement.Verify(new[] { ("rules/hcr.nvtrap.yaml", linux), ("rules/more.nvtrap.yaml", misspelt) }, "linux-6.6");
        var errors = outcome.CheckDiagnostics.Where(d => d.Contains(" error ", StringComparison.Ordinal)).ToList();
        Assert.Contains($"rules/more.nvtrap.yaml(3,{Testing.Rules.ColumnOf(misspelt, 3, "HCR_EL2")}): error NVT010: 'HCR_EL2' is not a defined register. It is defined in ruleset 'linux-6.6' at rules/hcr.nvtrap.yaml(3,3): if this file belongs to that ruleset, correct its 'ruleset: linux-66'. Define it under 'registers'.", errors);
        Assert.Contains($"rules/more.nvtrap.yaml(5,{Testing.Rules.ColumnOf(misspelt, 5, "HCR_EL2")}): error NVT061: 'HCR_EL2' is not a register. It is defined in ruleset 'linux-6.6' at rules/hcr.nvtrap.yaml(3,3): if this file belongs to that ruleset, correct its 'ruleset: linux-66'. Define it under 'registers'.", errors);
        Assert.Contains($"rules/more.nvtrap.yaml(7,{Testing.Rules.ColumnOf(misspelt, 7, "HCR_TVM")}): error NVT012: Trap names group 'HCR_TVM', which is not defined. It is defined in ruleset 'linux-6.6' at rules/hcr.nvtrap.yaml(5,3): if this file belongs to that ruleset, correct its 'ruleset: linux-66'. Define it under 'controls', 'combinations' or 'conditions'.", errors);
        Assert.Contains($"rules/more.nvtrap.yaml(7,{Testing.Rules.ColumnOf(misspelt, 7, "SCTLR_EL1")}): error NVT013: 'SCTLR_EL1' is not in the system-register catalogue. It is defined in ruleset 'linux-6.6' at rules/hcr.nvtrap.yaml(7,3): if this file belongs to that ruleset, correct its 'ruleset: linux-66'. Add it under 'sysregs' or write its encoding (S3_0_C1_C0_0).", errors);
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void A_key_over_yamls_length_limit_says_so_at_the_key()
    {
        string key = "R" + new string('x', 1100);
        string yaml = $"ruleset: t\nregisters:\n  {key}: {{ fields: {{ A: 0 }} }}\n";
        Assert.Equal("rules/t.nvtrap.yaml(3,3): error NVT001: YAML syntax error: this key is 1,101 characters long, over YAML's limit of 1,024 for a key not written as '? key'. Shorten it (names are at most 256 characters).", OnlyError(yaml));
    }

    [Theory]
    [InlineData("ruleset: t\nregisters: { R: { fields: { A: 0 } }\ncontrols:\n  C: 1\n", 2, 12, "'{' is not closed")]
    [InlineData("ruleset: t\nregisters: { R: { fields: { A: 0 }\n", 3, 1, "the '{' at rules/t.nvtrap.yaml(2,17) is not closed")]
    [InlineData("ruleset: t\ntraps: [ { group: C, sysreg: S3_0_C1_C0_0 }\n", 3, 1, "the '[' at rules/t.nvtrap.yaml(2,8) is not closed")]
    public void An_unclosed_bracket_is_named_and_the_parsers_own_message_does_not_leak(string yaml, int line, int column, string says)
    {
        string error = OnlyError(yaml);
        Assert.StartsWith($"rules/t.nvtrap.yaml({line},{column}): error NVT001: ", error);
        Assert.Contains(says, error);
        Assert.DoesNotContain("Operation is not valid", error);
    }

    [Theory]
    [InlineData("ruleset: t\nx: !!]\n", 2, 7)]
    [InlineData("ruleset: t\nx: !<> a\n", 2, 7)]
    [InlineData("ruleset: t\nx: \"\\UA0000000\"\n", 2, 15)]
    public void Yaml_the_parser_throws_on_is_a_located_syntax_error(string yaml, int line, int column)
    {
        // YamlDotNet throws ArgumentException here (found by the rules fuzzer: fuzz/regressions/rules).
        Assert.Equal($"rules/t.nvtrap.yaml({line},{column}): error NVT001: YAML syntax error: an invalid tag or escape sequence here. Remove the tag, or write a \\u or \\U escape of a Unicode character (at most \\U0010FFFF).", OnlyError(yaml));
    }
}
