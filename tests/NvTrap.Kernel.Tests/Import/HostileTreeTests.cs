using System.Text;
using NvTrap.Kernel.Diagnostics;
using NvTrap.Kernel.Import;
using NvTrap.Kernel.Tests.Infrastructure;

namespace NvTrap.Kernel.Tests.Import;

/// <summary>
/// Hostile kernel trees: each limit of <see cref="KernelLimits"/> gives one located error and
/// stops the import, never a stack overflow, an out-of-memory or a cascade of follow-on errors;
/// inputs just inside a limit import as before.
/// </summary>
public class HostileTreeTests
{
    private const string Tables = "arch/arm64/kvm/emulate-nested.c";

    private static ImportResult Import(TempTree tree) =>
        KernelImporter.Import(new ImportRequest(tree.Root, tree.PathOf("overlay.yaml"), Array.Empty<string>(), TempTree.ReadFile));

    /// <summary>The fixture tree with <paramref name="prefix"/> before its tables and one replacement in them.</summary>
    private static TempTree TreeWith(string prefix, string find = "", string replace = "") =>
        Fixtures.Tree(tables: prefix + "\n" + (find.Length == 0 ? Fixtures.Tables : Fixtures.Tables.Replace(find, replace, StringComparison.Ordinal)));

    private static KernelDiagnostic OnlyError(ImportResult result)
    {
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 1, "want exactly one error:\n" + string.Join("\n", result.Diagnostics.Select(d => d.ToDisplayString())));
        Assert.Null(result.Ruleset);
        Assert.True(errors[0].Message.Length < 600, "the message quotes too much: " + errors[0].Message.Length + " characters");
        return errors[0];
    }

    [Fact]
    public void A_macro_that_doubles_at_each_level_stops_at_the_expansion_limit_where_it_is_used()
    {
        var macros = new StringBuilder("#define A0 1\n");
        for (int i = 1; i < 40; i++)
        {
            macros.Append($"#define A{i} A{i - 1}+A{i - 1}\n");
        }

        macros.Append("#if A39\n#endif\n");
        using var tree = TreeWith(macros.ToString());
        var error = OnlyError(Import(tree));
        Assert.Equal((KernelDiagnosticId.ExpansionTooLarge.Code, Tables, 41, 5), (error.Id, error.Location.Path, error.Location.Line, error.Location.Column));
        Assert.Contains("2,000,000 tokens", error.Message);
    }

    [Fact]
    public void Macro_calls_nested_deep_in_arguments_stop_at_the_nesting_limit()
    {
        string deep = new StringBuilder().Insert(0, "F(", 300).Append('1').Append(')', 300).ToString();
        using var tree = TreeWith($"#define F(x) x\n#if {deep}\n#endif");
        var error = OnlyError(Import(tree));
        Assert.Equal((KernelDiagnosticId.NestingTooDeep.Code, 2), (error.Id, error.Location.Line));
        Assert.Contains("256 levels", error.Message);
    }

    [Fact]
    public void Macro_calls_nested_within_the_limit_expand()
    {
        string nested = new StringBuilder().Insert(0, "F(", 200).Append("CTL_TB").Append(')', 200).ToString();
        using var tree = TreeWith("#define F(x) x", ".mask\t\t= CTL_TB,", $".mask\t\t= {nested},");
        var result = Import(tree);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.ToDisplayString())));
        Assert.Equal(1UL << 10, result.Ruleset!.Groups.Single(g => g.Name == "CTL_TB").Mask!.Bits);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("-(", ")")]
    [InlineData("!!(", ")")]
    [InlineData("1 ? (", ") : 0")]
    [InlineData("(u64)(", ")")]
    public void Constant_expressions_nested_past_the_limit_are_one_located_error(string open, string close)
    {
        int repeat = 100_000 / open.Length;
        string deep = string.Concat(Enumerable.Repeat(open, repeat)) + "1" + string.Concat(Enumerable.Repeat(close, repeat));
        using var tree = TreeWith($"#if {deep}\n#endif");
        var error = OnlyError(Import(tree));
        Assert.Equal((KernelDiagnosticId.NestingTooDeep.Code, Tables, 1), (error.Id, error.Location.Path, error.Location.Line));
        Assert.EndsWith("...: it nests deeper than 256 levels (each parenthesis, unary operator and ?: is a level).", error.Message);
    }

    [Fact]
    public void Constant_expressions_within_the_limit_evaluate()
    {
        string nested = new StringBuilder().Insert(0, "(", 250).Append("CTL_TB").Append(')', 250).ToString();
        using var tree = TreeWith(string.Empty, ".mask\t\t= CTL_TB,", $".mask\t\t= {nested},");
        var result = Import(tree);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.ToDisplayString())));
        Assert.Equal(1UL << 10, result.Ruleset!.Groups.Single(g => g.Name == "CTL_TB").Mask!.Bits);
    }

    [Fact]
    public void Braces_nested_past_the_limit_stop_the_reader_with_one_error()
    {
        string deep = "static const int deep[] = " + new string('{', 100_000) + "1" + new string('}', 100_000) + ";";
        using var tree = TreeWith(deep);
        var error = OnlyError(Import(tree));
        Assert.Equal((KernelDiagnosticId.NestingTooDeep.Code, 1, 27 + 256), (error.Id, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Long_enums_evaluate_without_recursion_whether_their_values_are_implicit_or_name_earlier_ones()
    {
        // 100,000 enumerators without values, then 100,000 each written as the one before: the
        // table reads the last of each, which used to cost a call per enumerator.
        var enums = new StringBuilder("enum implicit_run {");
        for (int i = 0; i < 100_000; i++)
        {
            enums.Append($" R{i},");
        }

        enums.Append(" };\nenum explicit_run { E0 = 7,");
        for (int i = 1; i < 100_000; i++)
        {
            enums.Append($" E{i} = E{i - 1},");
        }

        enums.Append(" };");
        using var tree = TreeWith(enums.ToString(), ".value\t\t= 0,", ".value\t\t= (R99999 - 99999) + (E99999 - 7),");
        var result = Import(tree);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.ToDisplayString())));
        Assert.Equal(0UL, result.Ruleset!.Groups.Single(g => g.Name == "CTL_TB").Value!.Bits);
    }

    [Fact]
    public void An_enumerator_chain_through_later_enumerators_stops_at_the_nesting_limit()
    {
        var enums = new StringBuilder("enum backwards {");
        for (int i = 0; i < 300; i++)
        {
            enums.Append($" D{i} = D{i + 1},");
        }

        enums.Append(" D300 = 0 };");
        using var tree = TreeWith(enums.ToString(), ".value\t\t= 0,", ".value\t\t= D0,");
        var error = OnlyError(Import(tree));
        Assert.Equal((KernelDiagnosticId.NestingTooDeep.Code, Tables, 1), (error.Id, error.Location.Path, error.Location.Line));
        Assert.Contains("more than 256 deep", error.Message);
    }

    [Fact]
    public void An_enumerator_declared_twice_is_one_error_at_the_second_not_a_crash_in_the_rule_writer()
    {
        // Found by the kernel fuzz target's review: the writer keys groups by name and threw.
        using var tree = TreeWith(string.Empty, "\tCGT_CTL_TA,\n", "\tCGT_CTL_TA,\n\tCGT_CTL_TA,\n");
        var error = OnlyError(Import(tree));
        Assert.Equal((KernelDiagnosticId.BadDeclaration.Code, Tables), (error.Id, error.Location.Path));
        Assert.StartsWith("enum cgt_group_id declares CGT_CTL_TA twice (first at ", error.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        using var tree = Fixtures.Tree();
        string tables = tree.PathOf(Tables);
        using (var stream = File.OpenWrite(tables))
        {
            stream.SetLength(KernelLimits.MaxFileBytes + 1);
        }

        var error = OnlyError(Import(tree));
        Assert.Equal((KernelDiagnosticId.UnreadableFile.Code, Tables), (error.Id, error.Location.Path));
    }

    [Fact]
    public void A_deeply_nested_overlay_is_one_located_error_from_the_yaml_limits()
    {
        using var tree = Fixtures.Tree().With("overlay.yaml", "defines: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        var error = OnlyError(Import(tree));
        Assert.Equal((KernelDiagnosticId.OverlaySyntax.Code, 1), (error.Id, error.Location.Line));
        Assert.Contains("deeper than 64 levels", error.Message);
    }

    [Theory]
    [InlineData("base: &b { X: 1 }\ndefines: *b\n", "Anchor")]
    [InlineData("defines:\n  X: 1\n  X: 2\n", "Duplicate key 'X'")]
    public void Overlay_anchors_and_duplicate_keys_are_refused_at_their_line(string overlay, string message)
    {
        using var tree = Fixtures.Tree().With("overlay.yaml", overlay);
        var result = Import(tree);
        var error = result.Diagnostics.First(d => d.IsError);
        Assert.Equal(KernelDiagnosticId.OverlaySyntax.Code, error.Id);
        Assert.Contains(message, error.Message);
    }
}
